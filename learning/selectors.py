"""Reads for the reading pages: lessons of an index in the reader's language, topics."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Lower
from wagtail.models import Locale

from cms import languages
from learning.models import LessonIndexPage, LessonPage, Topic

SEARCH_LIMIT = 1000  # best matches a search keeps, as the API's search


@dataclass(frozen=True)
class LessonFilters:
    topic: str = ""  # a topic's slug
    level: str = ""
    query: str = ""


def topics_in_reader_language(language_code: str | None = None) -> list[Topic]:
    """Every topic, in the reader's language where translated, sorted by its name there."""
    topics = Topic.objects.in_reader_language(language_code)
    return sorted(topics, key=lambda topic: topic.name.casefold())


def lessons_for_index(
    *, index_page: LessonIndexPage, filters: LessonFilters, language_code: str | None = None
) -> QuerySet[LessonPage]:
    """The live lessons of this index, one per lesson: in the reader's language, or from
    the nearest language of its fallback chain when it is not translated yet; by level,
    then title.

    A queryset: the database chooses each lesson's version, counts, orders and cuts out the
    page a reader sees, so the cost stays flat with tens of thousands of lessons. A search
    keeps the SEARCH_LIMIT best matches."""
    lessons = LessonPage.objects.live().public().children_of_any_translation(index_page)
    if filters.level:
        lessons = lessons.filter(level=filters.level)
    if filters.topic:
        tagged = LessonPage.topics.through.objects.filter(
            lessonpage_id=OuterRef("pk"), topic__slug=filters.topic
        )
        lessons = lessons.filter(Exists(tagged))
    chosen = lessons.best_in_reader_language(language_code)
    if filters.query:
        # Search the version the reader gets: an English reader's query does not match the
        # Bulgarian source of a lesson that has an English translation.
        chosen = chosen.filter(
            pk__in=_search(filters.query, languages.reader_languages(language_code))
        )
    return (
        chosen.prefetch_related("topics")
        .defer_streamfields()
        .order_by("level", Lower("title"), "pk")
    )


def _search(query: str, language_codes: list[str]) -> list[int]:
    # Wagtail search (SQLite FTS or PostgreSQL full text) within the reader's languages.
    locale_ids = list(
        Locale.objects.filter(language_code__in=language_codes).values_list("id", flat=True)
    )
    results = LessonPage.objects.live().filter(locale_id__in=locale_ids).search(query)
    return [lesson.pk for lesson in results[:SEARCH_LIMIT]]
