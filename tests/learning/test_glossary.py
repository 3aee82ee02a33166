"""The shared glossary: its words are never rare to the check, the check suggests adding the
rare ones, and partners read it through the API in every language."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms import readability
from cms.models import ContentPage
from learning.factories import LessonPageFactory, easy_text
from learning.glossary.models import GlossaryTerm
from learning.models import LessonIndexPage

pytestmark = pytest.mark.django_db

LEGAL = "Сезирайте компетентния съд. Искът е преклузивен. Липсва процесуална легитимация."


def bulgarian() -> Locale:
    return Locale.objects.get(language_code="bg")


@pytest.fixture
def term() -> GlossaryTerm:
    return GlossaryTerm.objects.create(
        locale=bulgarian(),
        term="преклузивен срок",
        explanation="Срок, след който не можете да подадете документа.",
    )


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("glossary", "g@example.org", "x-Pass-9")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return client


def test_glossary_words_are_not_rare_in_lessons_or_other_pages(term):
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    lesson = LessonPageFactory(parent=index, body=easy_text(LEGAL))
    assert "преклузивен" not in [r.word for r in lesson.easy_language_report().rare_words]

    page = ContentPage.objects.filter(locale__language_code="bg").first()
    page.intro = LEGAL
    assert "преклузивен" not in readability.describe(page).rare_words
    assert "легитимация" in readability.describe(page).rare_words

    term.delete()
    assert "преклузивен" in readability.describe(page).rare_words


def test_the_check_offers_to_add_each_rare_word_to_the_glossary(editor):
    page = ContentPage.objects.filter(locale__language_code="bg").first()
    page.intro = LEGAL
    page.save_revision()

    html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "Add “легитимация” to the glossary" in html
    add = "/admin/snippets/learning/glossaryterm/add/?locale=bg&amp;term=%D0%BB%D0%B5%D0%B3"
    assert add in html
    form = editor.get(
        "/admin/snippets/learning/glossaryterm/add/", {"locale": "bg", "term": "легитимация"}
    )
    assert form.status_code == 200
    assert 'value="легитимация"' in form.content.decode()


def test_partners_read_the_glossary_in_their_language_or_its_fallback(client, term):
    arabic = term.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.term = "مهلة نهائية"
    arabic.explanation = "وقت لا يمكنك بعده تقديم الوثيقة."
    arabic.save()

    in_arabic = client.get("/api/v1/glossary/", {"lang": "ar"}).json()["results"]
    assert [(entry["term"], entry["is_fallback"]) for entry in in_arabic] == [
        ("مهلة نهائية", False)
    ]
    assert in_arabic[0]["api_url"].endswith(f"/api/v1/glossary/{arabic.pk}/")
    in_english = client.get("/api/v1/glossary/", {"lang": "en"}).json()["results"]
    assert [(entry["term"], entry["locale"]) for entry in in_english] == [
        ("преклузивен срок", "bg")  # English falls back to Bulgarian, marked
    ]
    assert in_english[0]["is_fallback"] is True
    detail = client.get(f"/api/v1/glossary/{term.pk}/", {"lang": "bg"}).json()
    assert detail["explanation"] == term.explanation
    assert client.get("/api/v1/glossary/", {"colour": "red"}).status_code == 400
