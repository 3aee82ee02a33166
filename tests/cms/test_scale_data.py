"""The scale data generator (manage.py generate_scale_data) on a small size: the tree and
wagtail-localize's records it writes in bulk are ones the admin, the API, the public pages,
the screens and the plays report work on."""

import io
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from campaigns.scale import screen_token
from campaigns.screens import selectors as screen_selectors
from campaigns.screens.models import DailyPlays, PlayEvent, Screen
from campaigns.stories import services as consent
from campaigns.stories.models import ConsentRecord, StoryPage
from cms import scale
from cms.scale.models import GeneratedContent
from cms.search import services as search_services
from cms.search.models import SearchEntry, SearchTerm
from cms.translation.status import all_versions, translation_states
from learning.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db

SMALL = {
    "lessons": 40,
    "courses": 3,
    "stories": 6,
    "videos": 3,
    "screens": 120,
    "plays": 3000,
}


def generate(**sizes) -> str:
    out = io.StringIO()
    call_command(
        "generate_scale_data",
        **{**SMALL, **sizes},
        allow_existing_content=True,
        no_progress=True,
        stdout=out,
    )
    return out.getvalue()


def copies(model, code="bg"):
    return model.objects.filter(locale__language_code=code, title__contains=" · ")


def test_refuses_a_database_with_content_it_did_not_make():
    lessons = LessonPage.objects.count()
    with pytest.raises(CommandError, match="--allow-existing-content"):
        call_command("generate_scale_data", **SMALL, no_progress=True, stdout=io.StringIO())
    assert LessonPage.objects.count() == lessons
    assert not GeneratedContent.objects.exists()


def test_a_database_it_filled_is_not_refused_and_a_second_run_adds_only_what_is_missing():
    generate()
    counts = {model: model.objects.count() for model in (Page, PlayEvent, Screen)}
    # Once marked as generated, no flag is needed; the same sizes add nothing.
    out = io.StringIO()
    call_command("generate_scale_data", **SMALL, no_progress=True, stdout=out)
    assert {model: model.objects.count() for model in counts} == counts
    assert "lessons: all there" in out.getvalue()

    generate(lessons=50, plays=3500)
    assert copies(LessonPage).count() == 50
    assert PlayEvent.objects.count() == 3500
    assert scale.made("lessons") == 50
    assert DailyPlays.objects.aggregate(total=Sum("plays"))["total"] == 3500


def test_the_tree_and_the_translation_records_are_valid():
    generate()
    assert copies(LessonPage).count() == SMALL["lessons"]
    assert copies(CoursePage).count() == SMALL["courses"]
    assert copies(StoryPage).count() == SMALL["stories"]
    # Paths, depths and numbers of children as treebeard keeps them.
    assert all(not problems for problems in Page.find_problems())
    for page in copies(LessonPage)[:5]:
        assert page.get_parent().specific_class.__name__ == "LessonIndexPage"
        assert page.url_path == f"{page.get_parent().url_path}{page.slug}/"

    keys = list(copies(LessonPage).values_list("translation_key", flat=True))
    states = translation_states(all_versions(LessonPage, keys))
    seen = Counter(state.status for row in states.values() for state in row.values())
    assert set(seen) == {"source", "up_to_date", "outdated", "machine", "missing"}
    assert seen["source"] == SMALL["lessons"]


def test_the_admin_edits_generated_pages_and_their_translations(admin_client):
    generate()
    lesson = copies(LessonPage).first()
    index = lesson.get_parent()
    explorer = admin_client.get(f"/admin/pages/{index.pk}/")
    assert explorer.status_code == 200
    edit = admin_client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert edit.status_code == 200
    assert lesson.title in edit.content.decode()
    translated = copies(LessonPage, "en").first()
    # A translation opens in wagtail-localize's editor, with the source's segments.
    translation_editor = admin_client.get(f"/admin/pages/{translated.pk}/edit/")
    assert translation_editor.status_code == 200
    assert translated.title in translation_editor.content.decode()
    coverage = admin_client.get("/admin/translations/?kind=learning.lessonpage")
    assert coverage.status_code == 200
    assert lesson.title in coverage.content.decode()


def test_readers_partners_and_search_find_generated_lessons(client):
    generate()
    lesson = copies(LessonPage, "en").first()
    assert client.get(lesson.get_url()).status_code == 200
    listed = client.get("/api/v1/lessons/?lang=en&page_size=100").json()
    assert lesson.title in {item["title"] for item in listed["results"]}
    detail = client.get(f"/api/v1/lessons/{lesson.pk}/?lang=en")
    assert detail.status_code == 200
    word = lesson.title.split()[0]
    found = LessonPage.objects.live().filter(locale_id=lesson.locale_id).search(word)
    assert lesson.pk in {page.pk for page in found}
    # The readers' search indexed the copies in bulk as its signals would have.
    answer = client.get("/api/v1/search/", {"q": lesson.title, "lang": "en"}).json()
    assert lesson.get_url() in {urlsplit(result["url"]).path for result in answer["results"]}
    kept_entries = set(SearchEntry.objects.values_list("source", "language", "terms"))
    kept_terms = set(SearchTerm.objects.values_list("language", "term", "entries"))
    search_services.rebuild_index()
    assert set(SearchEntry.objects.values_list("source", "language", "terms")) == kept_entries
    assert set(SearchTerm.objects.values_list("language", "term", "entries")) == kept_terms


def test_courses_list_generated_lessons_in_each_language():
    generate()
    for code in ("bg", "en"):
        course = copies(CoursePage, code).first()
        lessons = [block.value for block in course.lessons]
        assert len(lessons) >= 3
        assert all(" · " in page.title for page in lessons)
        assert {page.locale.language_code for page in lessons} <= {code, "bg"}


def test_generated_stories_have_consent_and_withdrawing_it_unpublishes_them():
    generate()
    story = copies(StoryPage).first()
    record = ConsentRecord.objects.get(story=story)
    assert record.story_title == story.title
    consent.withdraw_consent(record=record)
    assert not StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()


def test_generated_screens_play_with_their_token_and_plays_are_counted_per_day(client):
    generate()
    screen = Screen.objects.get(name="Екран 7")
    answer = client.get(
        f"/api/v1/screens/{screen.pk}/playlist/",
        headers={"Authorization": f"Bearer {screen_token(7)}"},
    )
    assert answer.status_code == 200
    assert answer.json()["items"]
    assert PlayEvent.objects.count() == SMALL["plays"]
    today = timezone.localdate()
    counts = screen_selectors.play_counts(since=today.replace(year=today.year - 1), until=today)
    assert sum(row.plays for row in counts) == SMALL["plays"]


READER_PATHS = [
    "/en/lessons/",
    "/fa/lessons/?level=A2&page=2",
    "/api/v1/lessons/?lang=fa",
    "/api/v1/lessons/?lang=ar&ordering=-updated&page=2&page_size=5",
    "/api/v1/lessons/?lang=en&search=documents",
    "/sitemap.xml",
]


def queries_per_path(client) -> dict[str, int]:
    counts = {}
    for path in READER_PATHS:
        cache.clear()  # stored answers and the origin's page cache: build every answer
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


def test_reader_paths_cost_the_same_queries_whatever_the_number_of_lessons(client):
    generate(lessons=16)
    few = queries_per_path(client)
    generate(lessons=64)
    assert queries_per_path(client) == few


def test_the_sitemap_index_dates_each_language_without_loading_its_pages(client):
    generate()
    newest = LessonPage.objects.filter(locale__language_code="en").order_by("-last_published_at")
    newest = newest.first().last_published_at
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/sitemap.xml").content.decode()
    assert "sitemap-pages-en.xml" in body
    assert timezone.localtime(newest).date().isoformat() in body  # dated in local time
    # Counts and the newest date come from aggregates: no page type's rows are read.
    assert not [q["sql"] for q in queries if 'FROM "learning_lessonpage"' in q["sql"]]


@pytest.mark.parametrize(
    "path", ["/en/lessons/", "/fa/lessons/?page=2", "/api/v1/lessons/?lang=fa"]
)
def test_lists_load_only_the_page_asked_for(client, path):
    """The database chooses each lesson's language, counts and cuts the page: no query
    reads every lesson (what made a list cost grow with the content)."""
    generate(lessons=30)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    reads = [
        q["sql"]
        for q in queries
        if 'FROM "learning_lessonpage"' in q["sql"] and "COUNT(" not in q["sql"]
    ]
    assert reads
    by_id = (
        '"wagtailcore_page"."id" IN (',
        '"learning_lessonpage"."page_ptr_id" IN (',
        '"wagtailcore_page"."translation_key" IN (',  # the versions of the listed lessons
    )
    assert all(" LIMIT " in sql or any(key in sql for key in by_id) for sql in reads), reads


def test_scale_sets_every_count_not_given_and_bad_counts_are_refused():
    call_command(
        "generate_scale_data",
        scale=0.0005,  # of 20,000 lessons, 10,000 screens, 10 million plays…
        plays=700,
        allow_existing_content=True,
        no_progress=True,
        stdout=io.StringIO(),
    )
    assert (scale.made("lessons"), scale.made("screens"), scale.made("plays")) == (10, 5, 700)
    for bad in ({"scale": 0}, {"lessons": -1}):
        with pytest.raises(CommandError):
            call_command("generate_scale_data", **bad, no_progress=True, stdout=io.StringIO())
