from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from cms.demo import load_demo, texts
from cms.models import ContentPage, HomePage
from tests.conftest import quiet

pytestmark = pytest.mark.django_db

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]


@pytest.mark.parametrize(
    ("model", "titles"), [(HomePage, texts.HOME_TITLE), (ContentPage, texts.ABOUT_TITLE)]
)
def test_home_and_about_pages_are_live_in_all_seven_languages(model, titles):
    pages = model.objects.live().select_related("locale")

    assert {page.locale.language_code: page.title for page in pages} == titles


@pytest.mark.parametrize("model", [HomePage, ContentPage])
def test_every_translation_is_complete_and_tracked_by_wagtail_localize(model):
    source = model.objects.get(locale__language_code="bg")
    translations = Translation.objects.filter(source__object_id=source.translation_key)

    assert sorted(t.target_locale.language_code for t in translations) == sorted(LANGUAGES[1:])
    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated, f"{translation.target_locale}: {translated}/{total}"


def test_the_default_site_serves_the_bulgarian_home_page():
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific == HomePage.objects.get(locale__language_code="bg")
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_loading_again_changes_nothing():
    counts = (Page.objects.count(), Revision.objects.count(), Translation.objects.count())
    out = StringIO()

    call_command("load_demo_content", stdout=out)

    assert (Page.objects.count(), Revision.objects.count(), Translation.objects.count()) == counts
    output = out.getvalue()
    assert "[1/3] Platform core" in output
    assert "Home page: exists" in output
    assert "Demo content ready" in output


def test_edits_made_by_editors_survive_a_reload():
    about = ContentPage.objects.get(locale__language_code="en")
    about.title = "About us"
    about.save_revision().publish()

    load_demo(log=quiet)

    about.refresh_from_db()
    assert about.title == "About us"


def test_builds_everything_from_an_empty_page_tree(client, django_capture_on_commit_callbacks):
    Page.objects.all().delete()  # also removes the site, whose root page is gone
    assert not Site.objects.exists()

    lines = []
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(log=lines.append)

    assert "Home page: created (“Добре дошли”)" in lines
    assert HomePage.objects.live().count() == 7
    assert ContentPage.objects.live().count() == 7
    assert client.get("/ar/about-the-platform/").status_code == 200
