"""The translations table's kept rows (cms.translation.coverage): each change to a page, a
snippet or wagtail-localize's records computes its row again when the transaction commits,
and the table counts, filters and pages on those rows."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from cms.factories import ContentPageFactory
from cms.models import ContentPage, TranslationCoverage
from cms.translation import admin_views, coverage, services, status
from learning.factories import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/admin/translations/"


def bg_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="bg")


def statuses_of(instance) -> dict:
    return TranslationCoverage.objects.get(translation_key=instance.translation_key).statuses


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the code defers to the commit, as a real request's transaction would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def published(title: str, slug: str) -> ContentPage:
    page = ContentPageFactory(parent=bg_home(), title=title, slug=slug)
    page.save_revision().publish()
    return page


def test_a_new_page_and_its_translation_get_their_row_when_the_transaction_commits(committed):
    page = committed(published, "Ред", "red")
    assert statuses_of(page) == {
        "bg": status.SOURCE,
        **dict.fromkeys(("en", "ar", "fa", "uk", "ru", "tr"), status.MISSING),
    }
    assert TranslationCoverage.objects.get(translation_key=page.translation_key).title_key == "ред"

    committed(services.translate_from_catalog, instance=page, language_code="ar", catalog={})

    assert statuses_of(page)["ar"] == status.UP_TO_DATE


def test_publishing_the_source_again_makes_the_row_outdated(committed):
    page = committed(published, "Ред две", "red-dve")
    committed(services.translate_from_catalog, instance=page, language_code="en", catalog={})

    def publish_again():
        page.refresh_from_db()
        page.title = "Ред две, ново"
        page.save_revision().publish()

    committed(publish_again)

    row = TranslationCoverage.objects.get(translation_key=page.translation_key)
    assert row.statuses["en"] == status.OUTDATED
    assert row.title_key == "ред две, ново"


def test_a_machine_draft_marks_the_row_through_its_strings(committed, admin_client):
    page = committed(published, "Машинен ред", "mashinen-red")
    committed(services.translate_from_catalog, instance=page, language_code="fa", catalog={})
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="fa"
    )

    committed(
        admin_client.post, reverse("wagtail_localize:machine_translate", args=[translation.pk])
    )

    assert StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()
    assert statuses_of(page)["fa"] == status.MACHINE


def test_a_snippet_edited_after_its_translation_is_outdated(committed):
    topic = committed(TopicFactory, name="Тема в реда", slug="tema-v-reda")
    committed(services.translate_from_catalog, instance=topic, language_code="uk", catalog={})
    assert statuses_of(topic)["uk"] == status.UP_TO_DATE

    def edit():
        topic.name = "Тема в реда, нова"
        topic.save()
        log(instance=topic, action="wagtail.edit")

    committed(edit)

    assert statuses_of(topic)["uk"] == status.OUTDATED


def test_a_deleted_page_loses_its_row(committed):
    page = committed(published, "За триене", "za-triene")
    assert TranslationCoverage.objects.filter(translation_key=page.translation_key).exists()

    committed(page.delete)

    assert not TranslationCoverage.objects.filter(translation_key=page.translation_key).exists()


def test_the_rebuild_gives_the_rows_the_changes_kept(committed):
    page = committed(published, "Възстановяване", "vazstanovyavane")
    committed(services.translate_from_catalog, instance=page, language_code="tr", catalog={})
    kept = {row.translation_key: row.statuses for row in TranslationCoverage.objects.all()}
    TranslationCoverage.objects.all().delete()

    call_command("rebuild_translation_coverage", stdout=io.StringIO())

    assert {row.translation_key: row.statuses for row in TranslationCoverage.objects.all()} == kept
    assert kept[page.translation_key]["tr"] == status.UP_TO_DATE


def test_the_table_reads_its_counts_and_filter_from_the_rows(english_editor, committed):
    page = committed(published, "Само в реда", "samo-v-reda")
    row = TranslationCoverage.objects.get(translation_key=page.translation_key)
    # What the kept row says is what the table counts and filters by.
    row.statuses = {**row.statuses, "ar": status.OUTDATED}
    row.save()

    response = english_editor.get(
        URL, {"kind": "cms.contentpage", "language": "ar", "status": "outdated"}
    )

    assert response.context["total"] == 1
    arabic = next(item for item in response.context["summary"] if item["language"].code == "ar")
    assert (str(admin_views.STATUS_LABELS[status.OUTDATED]), 1) in arabic["counts"]
    # The row itself shows the statuses computed afresh for the page.
    assert "Само в реда" in response.content.decode()


def test_a_language_added_since_the_rows_were_computed_counts_as_missing(committed):
    page = committed(published, "Без турски", "bez-turski")
    row = TranslationCoverage.objects.get(translation_key=page.translation_key)
    row.statuses = {code: value for code, value in row.statuses.items() if code != "tr"}
    row.save()

    missing = coverage.coverage_entries([ContentPage], codes=["tr"], wanted=status.MISSING)
    counts = coverage.coverage_counts([ContentPage], codes=["tr"])

    assert page.translation_key in {entry.translation_key for entry in missing}
    assert counts["tr", status.MISSING] == len(missing)


def test_the_table_computes_statuses_only_for_the_rows_on_its_page(
    english_editor, committed, monkeypatch
):
    for number in range(5):
        committed(published, f"Страница {number}", f"stranitsa-{number}")
    monkeypatch.setattr(admin_views, "ROWS_PER_PAGE", 2)
    asked: list[int] = []
    real = status.coverage

    def counted(models, *, keys=None):
        asked.append(len(keys))
        return real(models, keys=keys)

    monkeypatch.setattr(status, "coverage", counted)

    response = english_editor.get(URL, {"kind": "cms.contentpage"})

    assert response.context["total"] >= 5
    assert asked == [2]
