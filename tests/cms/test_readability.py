"""Every page readers read shows editors its easy-language check, not only lessons."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from campaigns.pages.models import CampaignPage
from campaigns.stories.models import StoryPage
from cms import readability
from cms.data_stories.models import DataStoryPage
from cms.models import ContentPage, HomePage
from cms.translation.wrong_language import readable_segments

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("reader", "r@example.org", "x-Pass-9")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", [StoryPage, CampaignPage, ContentPage, HomePage, DataStoryPage])
def test_the_editor_of_every_reading_page_shows_score_grade_and_level(editor, model):
    page = model.objects.filter(locale__language_code="bg").first()
    assert page is not None, f"the demo has a {model.__name__}"

    html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    report = readability.describe(page)
    assert 'class="easy-language-panel"' in html
    assert f"Reads at level {report.cefr}." in html
    assert "of 100" in html and str(report.score) in html


def test_a_story_is_checked_without_the_persons_name_or_the_address():
    story = StoryPage.objects.filter(locale__language_code="bg").first()

    text = readability.readable_text(story)

    paragraphs = text.split("\n\n")
    assert story.person_name not in paragraphs  # its own field is left out…
    assert story.title not in paragraphs and story.slug not in text
    assert story.person_name in text  # …though the story tells of the person
    body = [text for field, text in readable_segments(story) if field == "body"]
    assert body and all(paragraph in paragraphs for paragraph in body)


def test_official_words_in_a_generic_page_are_reported(editor):
    page = ContentPage.objects.filter(locale__language_code="bg").first()
    page.intro = "Сезирайте компетентния съд. Искът е преклузивен. Липсва процесуална легитимация."
    page.save_revision()

    html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "Rare words" in html and "преклузивен" in html
