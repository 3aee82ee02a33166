"""Reads for the reading pages: lessons of an index in the reader's language, topics."""

from dataclasses import dataclass

from wagtail.models import Locale

from cms import languages
from learning.models import LessonIndexPage, LessonPage, Topic


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
) -> list[LessonPage]:
    """The live lessons of this index, one per lesson: in the reader's language, or from
    the nearest language of its fallback chain when it is not translated yet.

    A fixed number of queries whatever the number of lessons: translations of the index,
    the lessons, their topics (and the search, when there is a query)."""
    lessons = LessonPage.objects.live().public().children_of_any_translation(index_page)
    if filters.level:
        lessons = lessons.filter(level=filters.level)
    if filters.topic:
        lessons = lessons.filter(topics__slug=filters.topic)
    lessons = lessons.prefetch_related("topics").defer_streamfields().distinct()
    chosen = lessons.in_reader_language(language_code)
    if filters.query:
        # Search the version the reader gets: an English reader's query does not match the
        # Bulgarian source of a lesson that has an English translation.
        matching = set(_search(filters.query, languages.reader_languages(language_code)))
        chosen = [lesson for lesson in chosen if lesson.pk in matching]
    return sorted(chosen, key=lambda lesson: (lesson.level, lesson.title.casefold()))


def _search(query: str, language_codes: list[str]) -> list[int]:
    # Wagtail search (SQLite FTS or PostgreSQL full text) within the reader's languages.
    locale_ids = list(
        Locale.objects.filter(language_code__in=language_codes).values_list("id", flat=True)
    )
    results = LessonPage.objects.live().filter(locale_id__in=locale_ids).search(query)
    return [lesson.pk for lesson in results]
