"""The search index follows what readers may read: published pages in, drafts never,
unpublished, deleted, restricted and withdrawn material out at once; approved photos and
videos shown on live pages in; each language's word list counted; a rebuild gives what the
signals keep."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import translation
from wagtail.models import PageViewRestriction

from campaigns.photovoice import services as photovoice
from campaigns.stories import services as stories
from campaigns.stories.models import ConsentRecord, StoryPage
from campaigns.videos.models import Caption, Video
from cms.search import services
from cms.search.models import SearchEntry, SearchTerm
from cms.search.selectors import search
from learning.models import LessonIndexPage, LessonPage
from tests.campaigns.photovoice.test_photovoice import moderator, submit  # noqa: F401

pytestmark = pytest.mark.django_db


def titles(query: str, language: str = "bg") -> list[str]:
    return [result.entry.title for result in search(query, language=language).results]


def bulgarian_lesson() -> LessonPage:
    return LessonPage.objects.get(locale__language_code="bg", slug="pri-lichniya-lekar")


def test_a_published_word_is_found_and_a_drafts_word_is_not():
    lesson = bulgarian_lesson()
    lesson.summary = "Носете здравната книжка и лична карта. Синхрофазотрон."
    lesson.save_revision().publish()
    assert titles("синхрофазотрон") == [lesson.title]

    lesson.summary = "Чернова с думата Кварцобетон."
    lesson.title = "Чернова"
    lesson.save_revision()  # a draft: readers see the published version only

    assert titles("кварцобетон") == []
    assert titles("чернова") == []
    assert titles("синхрофазотрон") == ["При личния лекар"]
    assert not SearchTerm.objects.filter(term="кварцобетон").exists()


def test_unpublishing_and_deleting_take_a_page_out_with_its_words():
    lesson = bulgarian_lesson()
    lesson.summary = "Уникалнодумие в резюмето."
    lesson.save_revision().publish()
    assert SearchTerm.objects.filter(language="bg", term="уникалнодумие", entries=1).exists()

    lesson.unpublish()

    assert titles("уникалнодумие") == []
    assert not SearchEntry.objects.filter(source=f"page:{lesson.pk}").exists()
    assert not SearchTerm.objects.filter(term="уникалнодумие").exists()

    english = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code="en"
    )
    assert [r.entry.title for r in search("doctor", language="en").results] == [english.title]
    english.delete()
    assert search("doctor", language="en").results == []


def test_a_view_restriction_hides_every_page_below_it():
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "При личния лекар" not in titles("лекар")
    assert not SearchEntry.objects.filter(kind="lesson", language="bg").exists()

    restriction.delete()
    assert titles("лекар") == ["При личния лекар"]


def test_a_moved_page_is_found_at_its_new_address():
    lesson = bulgarian_lesson()
    lesson.slug = "lichen-lekar"
    lesson.save_revision().publish()

    found = search("лекар", language="bg").results[0]
    assert found.entry.url == "/bg/uroci/lichen-lekar/"


def test_a_withdrawn_story_leaves_the_search_and_its_words_the_word_list():
    story = StoryPage.objects.filter(locale__language_code="bg", live=True).first()
    story.occupation = "Пчеларка-рентгенолог"
    story.save_revision().publish()
    assert [r.entry.kind for r in search("рентгенолог", language="bg").results] == ["story"]

    for record in ConsentRecord.objects.filter(story__translation_key=story.translation_key):
        stories.withdraw_consent(record=record)

    assert search("рентгенолог", language="bg").results == []
    assert not SearchEntry.objects.filter(group=str(story.translation_key)).exists()
    assert not SearchTerm.objects.filter(term__contains="рентгенолог").exists()


def test_a_photo_is_found_once_approved_and_gone_once_withdrawn(moderator):  # noqa: F811
    submission, _token = submit(caption="Our zanzibarish kitchen garden")
    assert search("zanzibarish", language="en").results == []  # waiting for moderation

    photovoice.approve_photo(submission=submission, moderator=moderator, alt_text="Plants")
    found = search("zanzibarish", language="en").results
    assert [(r.entry.kind, r.entry.url) for r in found] == [("photo", "/en/photovoice/")]

    photovoice.withdraw_photo(submission=submission)
    assert search("zanzibarish", language="en").results == []


def test_a_video_is_found_by_its_captions_on_the_page_that_shows_it(
    django_capture_on_commit_callbacks,
):
    cues = "WEBVTT\n\n00:00.000 --> 00:02.000\nПазарът на Захарна фабрика отваря рано.\n"
    video = Video.objects.create(
        title="На пазара",
        file=ContentFile(b"\0" * 64, "market.mp4"),
        processing_status="ready",
    )
    Caption.objects.create(video=video, language="bg", file=ContentFile(cues.encode(), "m.vtt"))
    assert titles("захарна") == []  # no page shows it yet: nothing to open

    story = StoryPage.objects.filter(locale__language_code="bg", live=True).first()
    story.video = [("library_video", video)]
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail's reference index
        story.save_revision().publish()

    found = search("захарна фабрика", language="bg").results
    assert [(r.entry.kind, r.entry.title, r.entry.url) for r in found] == [
        ("video", "На пазара", story.url)
    ]

    video.published = False
    video.save()
    assert titles("захарна") == []


def test_a_rebuild_gives_what_the_signals_keep():
    kept_entries = set(SearchEntry.objects.values_list("source", "language", "terms"))
    kept_terms = set(SearchTerm.objects.values_list("language", "term", "entries"))
    assert kept_entries

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(SearchEntry.objects.values_list("source", "language", "terms")) == kept_entries
    assert set(SearchTerm.objects.values_list("language", "term", "entries")) == kept_terms


def test_indexing_a_page_costs_a_bounded_number_of_queries(django_assert_max_num_queries):
    lesson = bulgarian_lesson()
    with django_assert_max_num_queries(40):
        services.index_page(page=lesson)


def test_a_page_is_indexed_in_its_own_language_whatever_language_is_active():
    # Blocks give choice labels (a tip's "Warning") in the active language: a Turkish
    # lesson saved during a Russian reader's request must not gain Russian words.
    before = set(SearchEntry.objects.values_list("source", "language", "terms"))
    with translation.override("ru"):
        for lesson in LessonPage.objects.live():
            services.index_page(page=lesson)

    assert set(SearchEntry.objects.values_list("source", "language", "terms")) == before
