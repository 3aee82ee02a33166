"""Text left in another language in a translation is found when the version is published and
shown to editors: in the page editor, in the translations table and in the API."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from cms.models import UntranslatedText
from cms.translation import status
from cms.translation.wrong_language import foreign_passages, language_of
from learning.models import LessonPage
from tests.cms.translation.test_coverage import cells_of

pytestmark = pytest.mark.django_db

ENGLISH = "Call 112 when there is danger. The call is free, even without credit on your phone."


@pytest.mark.parametrize(
    ("text", "language", "written_in"),
    [
        (ENGLISH, "ar", "en"),
        (ENGLISH, "tr", "en"),
        ("Носете документ за самоличност, когато излизате от вкъщи.", "ru", "bg"),
        ("Позвоните 112, когда есть опасность. Звонок бесплатный.", "uk", "ru"),
        ("اتصل بالرقم 112 عندما يكون هناك خطر. المكالمة مجانية.", "fa", "ar"),
    ],
)
def test_a_passage_in_another_language_is_found(text, language, written_in):
    assert [p.language for p in foreign_passages([text], language)] == [written_in]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Качете се в автобуса, трамвая или метрото.", "bg"),  # bg, though close to ru
        ("Скажіть, що сталося і де ви є зараз.", "uk"),
        ("Tehlike olduğunda hemen 112'yi arayın, arama ücretsizdir.", "tr"),
        ("Lee Jiayi, Mehrdad Mehdadi, Linda Mckenzie-Petkova and Sitara Bakirova", "tr"),
        ("Call 112 now", "ar"),  # too short to judge
        ("+359 2 981 1010, ул. Пиротска 5", "en"),
    ],
)
def test_text_in_its_own_language_names_and_short_strings_are_left_alone(text, language):
    assert foreign_passages([text], language) == []
    assert language_of("", expected=language) is None


def test_no_demo_translation_is_flagged():
    # Every demo version was published through the check: no false alarm on 1,200 strings.
    assert not UntranslatedText.objects.exists()


def arabic_lesson() -> LessonPage:
    source = LessonPage.objects.get(locale__language_code="bg", slug="speshen-nomer-112")
    return source.get_translation(Locale.objects.get(language_code="ar"))


def test_english_left_in_the_arabic_lesson_is_flagged_everywhere_until_translated(client):
    arabic = arabic_lesson()
    before = status.translation_states(
        [arabic.get_translation(Locale.objects.get(language_code="bg")), arabic]
    )[arabic.translation_key]["ar"].status
    arabic.body.append(("easy_text", RichText(f"<p>{ENGLISH}</p>")))
    arabic.save_revision().publish()

    found = UntranslatedText.objects.get(object_id=str(arabic.pk))
    assert found.language_code == "ar"
    assert found.passages == [{"text": ENGLISH, "language": "en"}]

    # The API's translation status…
    body = client.get(f"/api/v1/lessons/{arabic.pk}/", {"lang": "ar"}).json()
    statuses = {entry["locale"]: entry["status"] for entry in body["translations"]}
    assert statuses["ar"] == status.UNTRANSLATED_TEXT
    assert statuses["bg"] == status.SOURCE

    # …the translations table, as its own status…
    editor = get_user_model().objects.create_superuser("flags", "flags@example.org", "x-Pass-9")
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    client.force_login(editor)
    table = client.get("/admin/translations/", {"status": status.UNTRANSLATED_TEXT})
    html = table.content.decode()
    source_title = LessonPage.objects.get(
        translation_key=arabic.translation_key, locale__language_code="bg"
    ).title
    cells = cells_of(html, source_title)
    assert any("Contains untranslated text" in cell for cell in cells)

    # …and the editor, on opening the version.
    edit = client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert "contains text in English that was not translated" in edit.content.decode()

    # Translated: the flag goes, and the status is what it was.
    arabic.body = [
        (child.block_type, child.value) for child in arabic.body if ENGLISH not in str(child.value)
    ]
    arabic.save_revision().publish()
    assert not UntranslatedText.objects.filter(object_id=str(arabic.pk)).exists()
    body = client.get(f"/api/v1/lessons/{arabic.pk}/", {"lang": "ar"}).json()
    statuses = {entry["locale"]: entry["status"] for entry in body["translations"]}
    assert statuses["ar"] == before != status.UNTRANSLATED_TEXT
