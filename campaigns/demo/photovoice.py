"""Demo photovoice: the audit's themes, the page in every language and a few approved photos.

The themes are those of Sofia's city integration audit (INTEGRA) and the integration lab that
followed it. The photos are simple drawings made here with Pillow (no binary files in git)
and go through the same cleaning, submission and approval as a participant's photo; their
captions are illustrative, written for this platform."""

import io
from collections.abc import Callable

from django.db import transaction
from PIL import Image, ImageDraw
from wagtail.models import Locale

from campaigns.photovoice import services
from campaigns.photovoice.models import AuditTheme, PhotoSubmission, PhotovoicePage
from cms import languages
from cms.demo.helpers import ensure_translations, source_text
from cms.models import HomePage
from cms.uploads import clean_photo

Log = Callable[[str], None]

AUDIT_THEMES = {
    "attitudes": {
        "bg": "Нагласи към мигрантите",
        "en": "Attitudes to migrants",
        "ar": "المواقف تجاه المهاجرين",
        "fa": "نگرش به مهاجران",
        "uk": "Ставлення до мігрантів",
        "ru": "Отношение к мигрантам",
        "tr": "Göçmenlere yönelik tutumlar",
    },
    "labour-market": {
        "bg": "Пазар на труда",
        "en": "Labour market",
        "ar": "سوق العمل",
        "fa": "بازار کار",
        "uk": "Ринок праці",
        "ru": "Рынок труда",
        "tr": "İş piyasası",
    },
    "education": {
        "bg": "Образование",
        "en": "Education",
        "ar": "التعليم",
        "fa": "آموزش",
        "uk": "Освіта",
        "ru": "Образование",
        "tr": "Eğitim",
    },
    "urban-security": {
        "bg": "Сигурност в града",
        "en": "Safety in the city",
        "ar": "الأمان في المدينة",
        "fa": "امنیت در شهر",
        "uk": "Безпека в місті",
        "ru": "Безопасность в городе",
        "tr": "Şehirde güvenlik",
    },
    "social-cohesion": {
        "bg": "Социално сближаване",
        "en": "Social cohesion",
        "ar": "التماسك الاجتماعي",
        "fa": "انسجام اجتماعی",
        "uk": "Соціальна згуртованість",
        "ru": "Социальная сплочённость",
        "tr": "Toplumsal uyum",
    },
    "cultural-diversity": {
        "bg": "Културно многообразие",
        "en": "Cultural diversity",
        "ar": "التنوع الثقافي",
        "fa": "تنوع فرهنگی",
        "uk": "Культурне розмаїття",
        "ru": "Культурное разнообразие",
        "tr": "Kültürel çeşitlilik",
    },
    "housing": {
        "bg": "Жилище",
        "en": "Housing",
        "ar": "السكن",
        "fa": "مسکن",
        "uk": "Житло",
        "ru": "Жильё",
        "tr": "Konut",
    },
}

PAGE = {
    "slug": {
        "bg": "fotoglas",
        "en": "photovoice",
        "ar": "photovoice",
        "fa": "photovoice",
        "uk": "fotoholos",
        "ru": "fotogolos",
        "tr": "fotoses",
    },
    "title": {
        "bg": "Фотоглас: София през нашите очи",
        "en": "Photovoice: Sofia through our eyes",
        "ar": "صوت الصورة: صوفيا بعيوننا",
        "fa": "صدای عکس: صوفیه از نگاه ما",
        "uk": "Фотоголос: Софія нашими очима",
        "ru": "Фотоголос: София нашими глазами",
        "tr": "Fotoses: Gözümüzden Sofya",
    },
    "intro": {
        "bg": "При градския интеграционен одит жителите на София снимат места и моменти, "
        "които показват как живеем заедно.",
        "en": "In the city integration audit, people in Sofia photograph places and moments "
        "that show how we live together.",
        "ar": "في تدقيق الاندماج في المدينة، يصوّر سكان صوفيا أماكن ولحظات تُظهر كيف نعيش معًا.",
        "fa": "در ممیزی ادغام شهری، ساکنان صوفیه از مکان‌ها و لحظه‌هایی عکس می‌گیرند که نشان "
        "می‌دهد چگونه با هم زندگی می‌کنیم.",
        "uk": "Під час міського аудиту інтеграції жителі Софії фотографують місця й моменти, "
        "які показують, як ми живемо разом.",
        "ru": "Во время городского аудита интеграции жители Софии фотографируют места и "
        "моменты, которые показывают, как мы живём вместе.",
        "tr": "Şehir uyum denetiminde Sofya'da yaşayanlar, birlikte nasıl yaşadığımızı gösteren "
        "yerlerin ve anların fotoğrafını çekiyor.",
    },
    "how_to": {
        "bg": "Изберете тема. Снимайте нещо, което ви радва или ви пречи. Напишете с няколко "
        "думи какво показва снимката.",
        "en": "Choose a theme. Photograph something that makes you glad or gets in your way. "
        "Write in a few words what the photo shows.",
        "ar": "اختر موضوعًا. صوّر شيئًا يسعدك أو يعيقك. اكتب ببضع كلمات ما تُظهره الصورة.",
        "fa": "یک موضوع انتخاب کنید. از چیزی عکس بگیرید که شما را شاد می‌کند یا سر راهتان است. "
        "با چند کلمه بنویسید عکس چه چیزی را نشان می‌دهد.",
        "uk": "Виберіть тему. Сфотографуйте те, що вас тішить або заважає вам. Напишіть "
        "кількома словами, що показує фото.",
        "ru": "Выберите тему. Сфотографируйте то, что вас радует или мешает вам. Напишите в "
        "нескольких словах, что показывает фото.",
        "tr": "Bir tema seçin. Sizi sevindiren ya da önünüze engel çıkaran bir şeyin "
        "fotoğrafını çekin. Fotoğrafın ne gösterdiğini birkaç kelimeyle yazın.",
    },
}

# Each photo: the drawing's colours, then what a participant would send.
PHOTOS = [
    {
        "theme": "education",
        "language": "bg",
        "caption": "Събота сутрин в езиковия клуб: учим български заедно.",
        "alt_text": "Рисунка: зелена дъска и редици от чинове в светла стая.",
        "author_name": "Мариам",
        "consent": ("web", "screens", "partners"),
        "colours": ("#f4efe1", "#2e6b4f", "#c98b4a"),
    },
    {
        "theme": "labour-market",
        "language": "en",
        "caption": "My first workplace in Sofia: a bakery that opens at six.",
        "alt_text": "Drawing: a shop front with an orange awning and a lit window.",
        "author_name": "",
        "consent": ("web", "partners"),
        "colours": ("#dfe8f2", "#e07b28", "#f7d774"),
    },
    {
        "theme": "social-cohesion",
        "language": "bg",
        "caption": "Пейката в парка, на която съседите се срещат вечер.",
        "alt_text": "Рисунка: дървена пейка под голямо дърво в зелен парк.",
        "author_name": "Иван",
        "consent": ("web",),
        "colours": ("#d8ecd0", "#6b4a2e", "#3f8f3a"),
    },
    {
        "theme": "cultural-diversity",
        "language": "en",
        "caption": "Three languages on one noticeboard at the entrance of our block.",
        "alt_text": "Drawing: a noticeboard with three notes in different colours.",
        "author_name": "Ahmad",
        "consent": ("web", "partners"),
        "colours": ("#ece4f4", "#5b4a8a", "#e2b33c"),
    },
]


def load_photovoice(*, home: HomePage, locale: Locale, log: Log) -> PhotovoicePage:
    themes = {slug: _ensure_theme(slug, text, locale) for slug, text in AUDIT_THEMES.items()}
    page = _ensure_page(home, log=log)
    every_language = [language.code for language in languages.all_languages()[1:]]
    for theme in themes.values():
        ensure_translations(theme, every_language, AUDIT_THEMES, log=log, label=theme.slug)
    ensure_translations(page, every_language, PAGE, log=log, label=page.title)
    for photo in PHOTOS:
        _ensure_photo(photo, themes, log=log)
    return page


@transaction.atomic
def _ensure_theme(slug: str, text: dict, locale: Locale) -> AuditTheme:
    theme, _ = AuditTheme.objects.get_or_create(
        slug=slug, locale=locale, defaults={"name": source_text(text)}
    )
    return theme


@transaction.atomic
def _ensure_page(home: HomePage, *, log: Log) -> PhotovoicePage:
    page = PhotovoicePage.objects.child_of(home).first()
    if page is not None:
        return page
    page = PhotovoicePage(
        title=source_text(PAGE["title"]),
        slug=source_text(PAGE["slug"]),
        intro=source_text(PAGE["intro"]),
        how_to=source_text(PAGE["how_to"]),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    log(f"Photovoice page: created (“{page.title}”)")
    return page


def _drawing(colours: tuple[str, str, str]) -> bytes:
    """A simple scene: sky, ground, a building or a board, a sun."""
    sky, main, accent = colours
    image = Image.new("RGB", (960, 640), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 960, 640), fill=main)
    draw.rectangle((300, 200, 660, 470), fill=accent, outline=main, width=8)
    draw.rectangle((360, 260, 460, 340), fill=sky)
    draw.rectangle((500, 260, 600, 340), fill=sky)
    draw.ellipse((780, 50, 890, 160), fill=accent)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90)
    return output.getvalue()


def _ensure_photo(data: dict, themes: dict, *, log: Log) -> None:
    if PhotoSubmission.objects.filter(caption=data["caption"]).exists():
        return
    photo = clean_photo(
        _drawing(data["colours"]), max_bytes=1 << 22, max_pixels=10**7, max_side=960
    )
    submitted = services.submit_photo(
        photo=photo,
        caption=data["caption"],
        theme=themes[data["theme"]],
        language=data["language"],
        author_name=data["author_name"],
        for_web="web" in data["consent"],
        for_screens="screens" in data["consent"],
        for_partners="partners" in data["consent"],
    )
    services.approve_photo(
        submission=submitted.submission, moderator=None, alt_text=data["alt_text"]
    )
    log(f"Photovoice: approved demo photo “{data['caption']}”")
