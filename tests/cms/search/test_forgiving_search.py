"""The forgiving search (cms.search.selectors.search) over lessons in all seven languages: a
word typed in Latin letters, with a typo, in another form, with other Arabic or Persian
letters, without Turkish marks or in capitals finds what the exact word finds; nonsense finds
nothing; every word of a query counts; readers get their own language first and marked
fallbacks, one result per translated lesson. The same table runs on SQLite and PostgreSQL."""

import pytest
from django.db import transaction
from wagtail.models import Locale

from cms.search.models import SearchEntry
from cms.search.selectors import Found, search
from learning.factories import LessonPageFactory, easy_text
from learning.models import LessonIndexPage, LessonPage

pytestmark = pytest.mark.django_db

# Short easy-language lessons: topic → language → (title, summary, body paragraph). Every
# word a case below searches for is written here, some of them in more than one spelling
# (Arabic with and without harakat and hamza, Persian with its own ye and kaf).
LESSONS: dict[str, dict[str, tuple[str, str, str]]] = {
    "doctor": {
        "bg": (
            "При личния лекар",
            "Всеки в България има личен лекар. Лекарят ви преглежда безплатно.",
            "Обадете се и си запишете час. Носете личната си карта. Ако сте болни, лекарят "
            "може да дойде у дома. Лекарите работят от понеделник до петък.",
        ),
        "en": (
            "Your family doctor",
            "Everyone in Bulgaria has a family doctor. The doctor sees you for free.",
            "Call the doctor and make an appointment. Bring your identity card. If you are "
            "sick, the doctor can come to your home. Doctors work from Monday to Friday.",
        ),
        "ar": (
            "عند طبيب العائلة",
            "في بلغاريا لكل شخص طبيب عائلة. الطبيب يفحصك مجانًا.",
            "اتصل واحجز موعدًا. أحضر بطاقة الهوية. إذا كنت مريضًا، يمكن أن يأتي الطَّبِيبُ "
            "الى البيت. الأطباء يعملون من الاثنين إلى الجمعة.",
        ),
        "fa": (
            "پزشک خانواده",
            "در بلغارستان هر کس یک پزشک خانواده دارد. پزشک شما را رایگان معاینه می‌کند.",
            "زنگ بزنید و وقت بگیرید. کارت بیمه را همراه داشته باشید. اگر بیمار هستید، پزشک "
            "می‌تواند به خانه بیاید.",
        ),
        "uk": (
            "У сімейного лікаря",
            "У Болгарії кожен має сімейного лікаря. Лікар оглядає вас безкоштовно.",
            "Зателефонуйте і запишіться на прийом. Візьміть паспорт. Якщо ви хворі, лікар "
            "може прийти додому. Лікарі працюють з понеділка до п'ятниці.",
        ),
        "ru": (
            "У семейного врача",
            "В Болгарии у каждого есть семейный врач. Врач осматривает вас бесплатно.",
            "Позвоните и запишитесь на приём. Возьмите паспорт. Если вы больны, врач может "
            "прийти домой. Врачи работают с понедельника по пятницу.",
        ),
        "tr": (
            "Aile doktoru",
            "Bulgaristan'da herkesin bir aile doktoru var. Doktor sizi ücretsiz muayene eder.",
            "Arayın ve randevu alın. Kimlik kartınızı getirin. Hastaysanız doktor eve "
            "gelebilir. Doktorlar pazartesiden cumaya çalışır.",
        ),
    },
    "contract": {
        "bg": (
            "Трудов договор",
            "Когато работите, трябва да имате писмен трудов договор. Договорът ви пази.",
            "Прочетете договора, преди да подпишете. В него пише вашата заплата и работното "
            "време. Ако нещо не е ясно, попитайте юрист. Работодателят ви дава копие.",
        ),
        "en": (
            "Your employment contract",
            "When you work, you need a written employment contract. The contract protects you.",
            "Read the contract before you sign. It shows your salary and working hours. If "
            "something is not clear, ask a lawyer. Your employer gives you a copy.",
        ),
        "ar": (
            "عقد العمل",
            "عندما تعمل، تحتاج إلى عقد عمل مكتوب. العقد يحميك.",
            "اقرأ العقد قبل أن توقّع. في العقد راتبك وساعات العمل. صاحب العمل يعطيك نسخة.",
        ),
        "fa": (
            "قرارداد کار",
            "وقتی کار می‌کنید، به قرارداد کتبی نیاز دارید. قرارداد از شما محافظت می‌کند.",
            "قبل از امضا، قرارداد را بخوانید. حقوق و ساعت کار در آن نوشته شده است. کارفرما "
            "یک نسخه به شما می‌دهد.",
        ),
        "uk": (
            "Трудовий договір",
            "Коли ви працюєте, потрібен письмовий трудовий договір. Договір захищає вас.",
            "Прочитайте договір, перш ніж підписати. У ньому написана ваша зарплата і робочий "
            "час. Роботодавець дає вам копію.",
        ),
        "ru": (
            "Трудовой договор",
            "Когда вы работаете, нужен письменный трудовой договор. Договор защищает вас.",
            "Прочитайте договор, прежде чем подписать. В нём написана ваша зарплата и рабочее "
            "время. Работодатель даёт вам копию.",
        ),
        "tr": (
            "İş sözleşmesi",
            "Çalışırken yazılı bir iş sözleşmesi gerekir. Sözleşme her işçiyi korur.",
            "İmzalamadan önce sözleşmeyi okuyun. Maaşınız ve çalışma saatleriniz yazılıdır. "
            "Her işçi bir kopya alır.",
        ),
    },
    "school": {
        "bg": (
            "Детето ви в училище",
            "В България децата трябва да ходят на училище. Държавните училища са безплатни.",
            "Запишете детето в училище близо до дома. Учебната година започва на 15 септември. "
            "Ако детето е болно, носете бележка от лекаря.",
        ),
        "en": (
            "Your child at school",
            "Children in Bulgaria must go to school. State schools are free.",
            "Enrol your child at a school near your home. The school year starts on 15 "
            "September. If your child is ill, bring a note from the doctor.",
        ),
        "ar": (
            "طفلك في المدرسة",
            "في بلغاريا يجب أن يذهب الأطفال إلى مدرسة. المدارس الحكومية مجانية.",
            "سجّل طفلك في مَدرسة قريبة من البيت. تبدأ السنة الدراسية في 15 سبتمبر. إذا كان "
            "طفلك مريضًا، أحضر ورقة من الطبيب.",
        ),
        "fa": (
            "فرزند شما در مدرسه",
            "در بلغارستان کودکان باید به مدرسه بروند. مدرسه‌های دولتی رایگان هستند.",
            "فرزندتان را در مدرسه‌ای نزدیک خانه ثبت‌نام کنید. سال تحصیلی از ۱۵ سپتامبر شروع "
            "می‌شود. اگر فرزندتان بیمار است، از پزشک برگه بیاورید.",
        ),
        "uk": (
            "Ваша дитина в школі",
            "У Болгарії діти мусять ходити до школи. Державна школа безкоштовна.",
            "Запишіть дитину до школи біля дому. Навчальний рік починається п'ятнадцятого "
            "вересня. Якщо дитина хвора, принесіть довідку від лікаря.",
        ),
        "ru": (
            "Ваш ребёнок в школе",
            "В Болгарии дети должны ходить в школу. Государственная школа бесплатная.",
            "Запишите ребёнка в школу рядом с домом. Учебный год начинается пятнадцатого "
            "сентября. Если ребёнок болен, принесите справку от врача.",
        ),
        "tr": (
            "Çocuğunuz okulda",
            "Bulgaristan'da çocuklar okula gitmelidir. Devlet okulları ücretsizdir.",
            "Çocuğunuzu evinize yakın bir okul seçip kaydettirin. Okul yılı 15 Eylül'de "
            "başlar. Öğretmenler velilerle konuşur.",
        ),
    },
    "emergency": {
        "bg": (
            "Спешен номер 112",
            "Номерът 112 е безплатен. Можете да го наберете от всеки телефон.",
            "Обадете се на 112 при пожар, катастрофа или тежка болест. Кажете къде сте и какво "
            "се е случило. Ще дойде полиция, линейка или пожарна.",
        ),
        "en": (
            "Emergency number 112",
            "The number 112 is free. You can call it from any phone.",
            "Call 112 in case of fire, an accident or a serious illness. Say where you are and "
            "what happened. The police, an ambulance or the fire brigade will come.",
        ),
        "ar": (
            "رقم الطوارئ 112",
            "الرقم 112 مجاني. يمكنك الاتصال من أي هاتف.",
            "اتصل بالرقم 112 عند حريق أو حادث أو مرض خطير. قل أين أنت وماذا حدث. ستأتي "
            "الشرطة أو الإسعاف أو الإطفاء.",
        ),
        "fa": (
            "شماره اضطراری ۱۱۲",
            "شماره ۱۱۲ رایگان است. از هر تلفنی می‌توانید زنگ بزنید.",
            "در صورت آتش‌سوزی، تصادف یا بیماری سخت با ۱۱۲ تماس بگیرید. بگویید کجا هستید و "
            "چه اتفاقی افتاده است. پلیس، آمبولانس یا آتش‌نشانی می‌آید.",
        ),
        "uk": (
            "Екстрений номер 112",
            "Номер 112 безкоштовний. Телефонуйте з будь-якого телефону.",
            "Телефонуйте 112 у разі пожежі, аварії або важкої хвороби. Скажіть, де ви і що "
            "сталося. Приїде поліція, швидка допомога або пожежники.",
        ),
        "ru": (
            "Экстренный номер 112",
            "Номер 112 бесплатный. Звоните с любого телефона.",
            "Звоните 112 при пожаре, аварии или тяжёлой болезни. Скажите, где вы и что "
            "случилось. Приедет полиция, скорая помощь или пожарные.",
        ),
        "tr": (
            "Acil numara 112",
            "112 numarası ücretsizdir. Her telefondan arayabilirsiniz.",
            "Yangın, kaza veya ağır hastalıkta 112 numarasını arayın. Nerede olduğunuzu ve ne "
            "olduğunu söyleyin. Polis, ambulans veya itfaiye gelir.",
        ),
    },
    "residence": {
        "bg": (
            "Разрешение за пребиваване",
            "Чужденците получават документ за пребиваване. Пазете документите си.",
            "Подайте заявление в дирекция „Миграция“. Носете паспорт, снимка и договор за "
            "наем. Разрешението важи една година.",
        ),
        "en": (
            "Your residence permit",
            "Foreigners get a residence permit. Keep your documents safe.",
            "Submit an application at the Migration Directorate. Bring your passport, a photo "
            "and your rental agreement. The permit is valid for one year.",
        ),
        "ar": (
            "تصريح الإقامة",
            "يحصل الأجانب على تصريح إقامة. احفظ وثائقك في مكان آمن.",
            "قدّم طلبًا في مديرية الهجرة. أحضر جواز السفر وصورة وعقد الإيجار. التصريح صالح لمدة سنة.",
        ),
        "fa": (
            "اجازه اقامت",
            "خارجی‌ها اجازه اقامت می‌گیرند. مدارک خود را در جای امن نگه دارید.",
            "درخواست خود را به اداره مهاجرت بدهید. گذرنامه، عکس و قرارداد اجاره را همراه "
            "بیاورید. اجازه اقامت یک سال اعتبار دارد.",
        ),
        "uk": (
            "Дозвіл на проживання",
            "Іноземці отримують дозвіл на проживання. Бережіть свої документи.",
            "Подайте заяву до дирекції «Міграція». Візьміть паспорт, фото і договір оренди. "
            "Не тримайте всі документи в ґаманці.",
        ),
        "ru": (
            "Документы для проживания",
            "Иностранцы получают разрешение на проживание. Храните документы в надёжном месте.",
            "Подайте заявление в дирекцию «Миграция». Возьмите паспорт, фотографию и договор "
            "аренды. Без разрешения проживания нельзя работать.",
        ),
        "tr": (
            "Oturma izni",
            "Yabancılar oturma izni alır. Belgelerinizi güvenli bir yerde saklayın.",
            "Göç Müdürlüğü'ne başvurun. Pasaport, fotoğraf ve kira sözleşmesi getirin. Bazı "
            "belgeler için İstanbul konsolosluğu yardım eder.",
        ),
    },
    "rent": {
        "bg": (
            "Жилище под наем",
            "Как да наемете жилище. Какво да проверите преди това.",
            "Искайте писмен договор за наем. Проверете тока, водата и парното. Хазяинът иска "
            "депозит. Плащайте наема по банков път.",
        ),
        "en": (
            "Renting a flat",
            "How to rent a home. What to check first.",
            "Ask for a written rental agreement. Check the water, electricity and heating. The "
            "landlord asks for a deposit. Pay the rent by bank transfer.",
        ),
        "ar": (
            "استئجار شقة",
            "كيف تستأجر بيتًا. ماذا تفحص أولاً.",
            "اطلب عقد إيجار مكتوبًا. افحص الكهرباء والماء والتدفئة. يطلب المالك تأمينًا.",
        ),
        "fa": (
            "اجاره خانه",
            "چگونه خانه اجاره کنید. اول چه چیزی را بررسی کنید.",
            "قرارداد اجاره کتبی بخواهید. آب، برق و گرمایش را بررسی کنید. صاحبخانه ودیعه می‌خواهد.",
        ),
        "uk": (
            "Житло в оренду",
            "Як винайняти житло. Що перевірити заздалегідь.",
            "Просіть письмовий договір оренди. Перевірте воду, світло й опалення. Господар "
            "просить заставу.",
        ),
        "ru": (
            "Квартира в аренду",
            "Как снять жильё. Что проверить заранее.",
            "Просите письменный договор аренды. Проверьте воду, свет и отопление. Хозяин "
            "просит залог.",
        ),
        "tr": (
            "Kiralık ev",
            "Ev nasıl kiralanır. Önce neye bakmalı.",
            "Yazılı bir kira sözleşmesi isteyin. Suyu, elektriği ve ısıtmayı kontrol edin. Ev "
            "sahibi depozito ister.",
        ),
    },
    # Not translated into Farsi: a Farsi reader gets the English version (fa → en → bg).
    "bank": {
        "bg": (
            "Банкова сметка",
            "Заплатата идва по банкова сметка. Да откриете сметка е лесно.",
            "Отидете в банката с паспорт. Служителят ще ви помогне.",
        ),
        "en": (
            "Opening a bank account",
            "Your salary comes to a bank account. Opening one is easy.",
            "Go to the bank with your passport. The clerk will help you.",
        ),
    },
    # Only in Bulgarian, the end of every fallback chain.
    "library": {
        "bg": (
            "Градската библиотека",
            "Библиотеката е безплатна за всички.",
            "Там има книги на много езици. Децата четат приказки.",
        ),
    },
}

# (language, exact query, what a reader may type instead): the typed query's first three
# results hold the exact query's first result.
CASES = [
    # Bulgarian typed in Latin letters, the chat habits included (4 ч, 6 ш, 6t/sht щ, q я).
    ("bg", "лекар", "lekar"),
    ("bg", "лекар", "LEKAR"),
    ("bg", "трудов договор", "trudov dogovor"),
    ("bg", "спешен номер", "speshen nomer"),
    ("bg", "училище", "uchilishte"),
    ("bg", "училище", "u4ili6te"),
    ("bg", "жилище", "zhilishte"),
    ("bg", "жилище", "jilishte"),
    ("bg", "заявление", "zayavlenie"),
    ("bg", "заявление", "zajavlenie"),
    ("bg", "заявление", "zaqvlenie"),
    ("bg", "полиция", "politsiya"),
    ("bg", "полиция", "policiya"),
    ("bg", "юрист", "yurist"),
    ("bg", "юрист", "jurist"),
    ("bg", "час", "4as"),
    ("bg", "вашата", "va6ata"),
    ("bg", "пребиваване", "prebivavane"),
    ("bg", "детето", "deteto"),
    ("bg", "документ", "dokumenti"),
    # Latin letters with a typo or in another form, and a query mixing both scripts.
    ("bg", "училище", "uchilshte"),
    ("bg", "лекар", "lekari"),
    ("bg", "трудов договор", "trudov договор"),
    # Bulgarian typos, other forms, capitals.
    ("bg", "лекар", "лекр"),
    ("bg", "лекар", "ЛЕКАР"),
    ("bg", "лекар", "лекари"),
    ("bg", "трудов договор", "трудов договр"),
    ("bg", "договор", "договори"),
    ("bg", "училище", "училища"),
    ("bg", "училище", "учлище"),
    ("bg", "разрешение", "разришене"),
    # English typos (one edit up to seven letters, two from eight), forms and capitals.
    ("en", "doctor", "docter"),
    ("en", "doctor", "DOCTOR"),
    ("en", "doctor", "doctors"),
    ("en", "emergency", "emergancy"),
    ("en", "emergency number", "emergancy numbr"),
    ("en", "contract", "contrakt"),
    ("en", "contract", "contracts"),
    ("en", "school", "scool"),
    ("en", "residence permit", "residense permit"),
    # A typo that also reads as a Bulgarian word (паспорт), Bulgarian being in the chain.
    ("en", "passport", "pasport"),
    ("en", "appointment", "apointmnet"),
    ("en", "landlord", "landlrod"),
    ("en", "child", "children"),
    ("en", "electricity", "electrisity"),
    ("en", "residence", "recidense"),
    # Ukrainian in Latin letters (h г, i і, y и), ґ typed as г, the apostrophe left out.
    ("uk", "лікар", "likar"),
    ("uk", "договір", "dohovir"),
    ("uk", "договір", "dogovir"),
    ("uk", "дитина", "dytyna"),
    ("uk", "житло", "zhytlo"),
    ("uk", "господар", "hospodar"),
    ("uk", "безкоштовно", "bezkoshtovno"),
    ("uk", "поліція", "politsiia"),
    ("uk", "документи", "dokumenty"),
    ("uk", "школа", "shkola"),
    ("uk", "ґаманці", "гаманці"),
    ("uk", "п'ятнадцятого", "пятнадцятого"),
    ("uk", "лікар", "ликар"),
    ("uk", "лікар", "лікарі"),
    ("uk", "лікар", "ЛІКАР"),
    ("uk", "договір", "договр"),
    ("uk", "договір", "dohovoru"),
    # Russian in Latin letters, ё typed as е, typos and forms.
    ("ru", "документы", "dokumenty"),
    ("ru", "врач", "vrach"),
    ("ru", "врач", "vra4"),
    ("ru", "школа", "shkola"),
    ("ru", "ребёнок", "rebenok"),
    ("ru", "приём", "priyom"),
    ("ru", "проживания", "prozhivaniya"),
    ("ru", "проживания", "projivaniq"),
    ("ru", "любого", "ljubogo"),
    ("ru", "защищает", "zashchishchaet"),
    ("ru", "трудовой договор", "trudovoy dogovor"),
    ("ru", "ребёнок", "ребенок"),
    ("ru", "врач", "врачи"),
    ("ru", "врач", "ВРАЧ"),
    ("ru", "зарплата", "зарплта"),
    ("ru", "документы", "докуметы"),
    ("ru", "документы", "dokumnty"),
    # Arabic: Persian ye, heh for teh marbuta, alef without hamza, harakat and tatweel added.
    ("ar", "طبيب", "طبیب"),
    ("ar", "الطبيب", "الطَّبِيبُ"),
    ("ar", "الطبيب", "الطـبـيـب"),
    ("ar", "مدرسة", "مدرسه"),
    ("ar", "مدرسة", "مَدْرَسَة"),
    ("ar", "مدرسة", "مَـدْرَسَـة"),
    ("ar", "مدرسة", "مدسة"),
    ("ar", "الإقامة", "الاقامه"),
    ("ar", "أحضر", "احضر"),
    ("ar", "الطوارئ", "الطوارى"),
    ("ar", "الكهرباء", "الکهربا"),
    ("ar", "شقة", "شقه"),
    ("ar", "آمن", "امن"),
    ("ar", "مجاني", "مجانى"),
    ("ar", "وثائقك", "وثايقك"),
    ("ar", "الشرطة", "الشرطه"),
    # Farsi: Arabic kaf, ye and teh marbuta typed, the half-space left out, Persian digits.
    ("fa", "پزشک", "پزشك"),
    ("fa", "کار", "كار"),
    ("fa", "مدرسه", "مدرسة"),
    ("fa", "یک", "يك"),
    ("fa", "می‌کند", "میکند"),
    ("fa", "ثبت‌نام", "ثبتنام"),
    ("fa", "اجاره", "اجارة"),
    ("fa", "بیمه", "بيمة"),
    ("fa", "۱۱۲", "112"),
    ("fa", "آمبولانس", "امبولانس"),
    ("fa", "قرارداد", "قراداد"),
    ("fa", "خانواده", "خانوداه"),
    ("fa", "قرارداد کار", "قرارداد كار"),
    # Turkish without its marks, dotted and dotless i, capitals, typos and forms.
    ("tr", "işçi", "isci"),
    ("tr", "sözleşme", "sozlesme"),
    ("tr", "İstanbul", "istanbul"),
    ("tr", "İstanbul", "ISTANBUL"),
    ("tr", "çalışma", "calisma"),
    ("tr", "öğretmenler", "ogretmenler"),
    ("tr", "çocuğunuz", "cocugunuz"),
    ("tr", "ücretsiz", "ucretsiz"),
    ("tr", "Bulgaristan'da", "bulgaristanda"),
    ("tr", "kira sözleşmesi", "kira sozlesmesi"),
    ("tr", "doktor", "DOKTOR"),
    ("tr", "doktor", "doktr"),
    ("tr", "okul", "okula"),
    ("tr", "okul", "okull"),
    ("tr", "sözleşme", "sozlezme"),
    ("tr", "işçi", "İŞÇİ"),
    ("tr", "ısıtmayı", "isitmayi"),
    ("tr", "ısıtmayı", "ISITMAYI"),
    ("tr", "pasaport", "pasport"),  # the same typo read as паспорт (tr → en → bg)
]

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]


@pytest.fixture(scope="module")
def lessons(django_db_setup, django_db_blocker) -> dict[str, dict[str, LessonPage]]:
    """The lessons above, published once for the whole module (each save indexes the page
    through the search's signals) inside a transaction rolled back at the end: building
    them per test would take most of the run. Tests change nothing, each in its own
    savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        made = _publish_lessons()
        yield made
        transaction.set_rollback(True)


def _publish_lessons() -> dict[str, dict[str, LessonPage]]:
    # A Bulgarian source under the demo's lesson index and translated copies under its
    # translations, as editors make them (the index is translated into every language).
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    made: dict[str, dict[str, LessonPage]] = {}
    for key, versions in LESSONS.items():
        title, summary, body = versions["bg"]
        source = LessonPageFactory(
            parent=index,
            title=title,
            slug=f"search-{key}",
            summary=summary,
            body=easy_text(body),
        )
        source.save_revision().publish()
        made[key] = {"bg": source}
        for code, (title, summary, body) in versions.items():
            if code == "bg":
                continue
            page = source.copy_for_translation(locales[code])
            page.title, page.summary, page.body = title, summary, easy_text(body)
            page.save_revision().publish()
            made[key][code] = page
    return made


def groups(found: Found) -> list[str]:
    return [result.entry.group for result in found.results]


def group_of(page: LessonPage) -> str:
    return str(page.translation_key)


def test_every_lesson_is_indexed_in_its_own_language(lessons):
    for key, versions in lessons.items():
        for code, page in versions.items():
            entry = SearchEntry.objects.get(source=f"page:{page.pk}")
            assert (entry.language, entry.kind, entry.title) == (code, "lesson", page.title), key


def test_the_table_spreads_over_every_language():
    assert len(CASES) >= 60
    assert {language for language, _exact, _typed in CASES} == set(LANGUAGES)
    assert len(set(CASES)) == len(CASES)


@pytest.mark.parametrize(("language", "exact", "typed"), CASES)
def test_what_a_reader_types_finds_what_the_exact_word_finds(lessons, language, exact, typed):
    expected = search(exact, language=language).results
    assert expected, f"the exact query {exact!r} finds nothing in {language}"

    found = search(typed, language=language).results

    first_three = [result.entry for result in found[:3]]
    assert expected[0].entry in first_three, (
        f"{typed!r} ({language}) found {[str(entry) for entry in first_three]}, "
        f"not {expected[0].entry} first found by {exact!r}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["xqzvwk", "ъъъъ", "zzzzzz qqqq"])
def test_nonsense_finds_nothing(lessons, language, query):
    found = search(query, language=language)

    assert found.results == []
    assert found.suggestion == ""


@pytest.mark.parametrize(
    ("language", "typed"),
    [("en", "docter"), ("bg", "лекр"), ("ru", "докуметы"), ("tr", "doktr"), ("fa", "قراداد")],
)
def test_a_typo_finds_a_few_lessons_not_every_one(lessons, language, typed):
    lessons_in_language = SearchEntry.objects.filter(language=language, kind="lesson").count()

    found = search(typed, language=language, kinds=["lesson"])

    # Close words, not any word: far fewer results than there are lessons to read.
    assert 0 < found.count < lessons_in_language


def test_a_correction_suggests_the_word_meant(lessons):
    assert search("docter", language="en").suggestion == "doctor"
    assert search("lekar", language="bg").suggestion == "лекар"


@pytest.mark.parametrize(
    ("language", "first", "second", "both", "one"),
    [
        # The school lesson asks for a note from the doctor; the doctor lesson never
        # mentions school.
        ("bg", "лекар", "училище", "school", "doctor"),
        ("en", "doctor", "school", "school", "doctor"),
        # The permit and rent lessons ask for a rental contract; the work contract is no rent.
        ("tr", "kira", "sözleşmesi", "residence", "contract"),
        ("ru", "договор", "аренды", "rent", "contract"),
    ],
)
def test_every_word_of_a_query_counts(lessons, language, first, second, both, one):
    found = search(f"{first} {second}", language=language)

    held_by_first = set(groups(search(first, language=language)))
    held_by_second = set(groups(search(second, language=language)))
    assert set(groups(found)) <= held_by_first & held_by_second
    assert group_of(lessons[both][language]) in groups(found)
    assert group_of(lessons[one][language]) in held_by_first | held_by_second
    assert group_of(lessons[one][language]) not in groups(found)


@pytest.mark.parametrize(("language", "query"), [("fa", "۱۱۲"), ("uk", "112"), ("ar", "112")])
def test_a_reader_gets_their_own_language_first_and_one_result_per_lesson(lessons, language, query):
    found = search(query, language=language)

    assert len(groups(found)) == len(set(groups(found)))
    emergency = next(
        result
        for result in found.results
        if result.entry.group == group_of(lessons["emergency"][language])
    )
    assert emergency.entry.language == language
    assert not emergency.is_fallback
    for result in found.results:
        assert result.is_fallback == (result.entry.language != language)
    # Every result in the reader's language comes before the first in another language.
    marks = [result.is_fallback for result in found.results]
    assert marks == sorted(marks)
    assert found.results[0].entry.language == language


def test_a_lesson_missing_in_the_readers_language_comes_from_the_next_in_the_chain(lessons):
    # Farsi has no bank lesson: its chain is fa → en → bg, so English, marked.
    bank = search("bank", language="fa").results
    result = next(r for r in bank if r.entry.group == group_of(lessons["bank"]["bg"]))
    assert (result.entry.language, result.is_fallback) == ("en", True)

    # The library lesson is only in Bulgarian, where every chain ends.
    library = search("библиотека", language="fa").results
    result = next(r for r in library if r.entry.group == group_of(lessons["library"]["bg"]))
    assert (result.entry.language, result.is_fallback) == ("bg", True)

    # Bulgarian readers read Bulgarian: nothing of theirs is a fallback.
    own = search("библиотека", language="bg").results
    assert own
    assert not any(r.is_fallback for r in own)
