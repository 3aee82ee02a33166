"""The version of each page each reader language is shown (cms.shown_versions): kept up to
date as pages are published, unpublished, deleted, moved and translated, equal to a fresh
choice, and what the lesson index and the API lists page through."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from cms.shown_versions.models import ShownVersion
from cms.shown_versions.services import COLUMNS, rebuild_shown_versions
from learning.factories import LessonIndexPageFactory, LessonPageFactory
from learning.models import LessonIndexPage, LessonPage

pytestmark = pytest.mark.django_db


def rows() -> set[tuple]:
    return set(ShownVersion.objects.values_list(*COLUMNS))


def lesson(code: str, slug: str = "speshen-nomer-112") -> LessonPage:
    source = LessonPage.objects.get(locale__language_code="bg", slug=slug)
    return LessonPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def shown(code: str, page: Page) -> ShownVersion:
    return ShownVersion.objects.get(reader_language=code, translation_key=page.translation_key)


def test_every_live_page_is_shown_in_every_language_from_the_nearest_version():
    emergency = lesson("bg")
    versions = LessonPage.objects.live().filter(translation_key=emergency.translation_key)
    translated = {page.locale.language_code: page.pk for page in versions}
    assert {"bg", "en", "uk"} <= set(translated)
    for code, pk in translated.items():
        row = shown(code, emergency)
        assert (row.page_id, row.language_rank) == (pk, 0)
    farsi = shown("fa", emergency)  # no Farsi lessons: Farsi falls back to English
    assert (farsi.page_id, farsi.language_rank) == (lesson("en").pk, 1)
    assert farsi.parent_key == LessonIndexPage.objects.first().translation_key
    # A lesson's list order: its level, then its title without regard to case.
    assert farsi.list_key == lesson("en").level + lesson("en").title.lower()
    assert farsi.title_key == lesson("en").title.lower()


def test_unpublishing_deleting_and_publishing_again_choose_the_next_version():
    lesson("en").unpublish()
    assert shown("en", lesson("bg")).page_id == lesson("bg").pk  # en → bg
    assert shown("fa", lesson("bg")).page_id == lesson("bg").pk  # fa → en → bg

    lesson("en").save_revision().publish()
    assert shown("fa", lesson("bg")).page_id == lesson("en").pk

    lesson("uk").delete()
    assert shown("uk", lesson("bg")).page_id == lesson("en").pk  # uk → en

    key = lesson("bg").translation_key
    Page.objects.filter(translation_key=key).delete()  # every version at once
    assert not ShownVersion.objects.filter(translation_key=key).exists()


def test_a_new_lesson_and_a_move_to_another_index_are_kept():
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    added = LessonPageFactory(parent=index, title="Нов урок", level="B1")
    row = shown("bg", added)
    assert (row.page_id, row.parent_key, row.list_key) == (
        added.pk,
        index.translation_key,
        "B1нов урок",
    )
    assert shown("ar", added).language_rank == 2  # ar → en → bg

    elsewhere = LessonIndexPageFactory(parent=index.get_parent(), slug="drugi-uroci")
    added.move(elsewhere, pos="last-child")
    assert shown("bg", added).parent_key == elsewhere.translation_key


def test_the_kept_table_equals_a_fresh_choice_after_many_changes():
    lesson("en").unpublish()
    lesson("uk", "pazete-dokumentite-si").delete()
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    added = LessonPageFactory(parent=index, title="Още един урок")
    added.title = "Преименуван урок"
    added.save_revision().publish()
    kept = rows()

    assert rebuild_shown_versions() == len(kept)
    assert rows() == kept


def test_a_new_draft_leaves_the_rows_alone():
    page = lesson("bg")
    before = shown("bg", page)
    page.title = "Чернова"
    page.save_revision()  # a draft: readers still see the published title

    assert shown("bg", page).title_key == before.title_key


def test_the_rebuild_command_chooses_every_version_afresh(capsys):
    kept = rows()
    ShownVersion.objects.all().delete()

    call_command("rebuild_shown_versions")

    assert rows() == kept
    assert f"{len(kept):,} shown versions chosen" in capsys.readouterr().out


def test_a_view_restriction_hides_a_version_until_it_is_lifted():
    english = lesson("en")
    restriction = PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.LOGIN
    )
    assert shown("en", english).page_id == lesson("bg").pk  # en → bg, the public one

    restriction.delete()
    assert shown("en", english).page_id == english.pk


def test_moving_an_index_under_a_restricted_page_hides_its_lessons():
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    private = LessonIndexPageFactory(parent=index.get_parent(), slug="zatvoreni")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    lessons = LessonPageFactory(parent=index, title="Ще бъде скрит")

    lessons.move(private, pos="last-child")

    assert not ShownVersion.objects.filter(translation_key=lessons.translation_key).exists()
