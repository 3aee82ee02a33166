"""Reads for the reading pages: lessons of an index in the reader's language, topics."""

from dataclasses import dataclass

from cms import languages
from cms.search.selectors import matching_pages
from cms.shown_versions.selectors import Listing, shown_rows
from learning.models import LessonIndexPage, LessonPage, Topic


@dataclass(frozen=True)
class LessonFilters:
    topic: str = ""  # a topic's slug
    level: str = ""
    reads_at: str = ""  # the level the easy-language check estimates for the text
    query: str = ""


def topics_in_reader_language(language_code: str | None = None) -> list[Topic]:
    """Every topic, in the reader's language where translated, sorted by its name there."""
    topics = Topic.objects.in_reader_language(language_code)
    return sorted(topics, key=lambda topic: topic.name.casefold())


def lessons_for_index(
    *, index_page: LessonIndexPage, filters: LessonFilters, language_code: str | None = None
) -> Listing:
    """The live lessons of this index, one per lesson: in the reader's language, or from
    the nearest language of its fallback chain when it is not translated yet; by level,
    then title.

    The version each reader is shown is kept in a table (cms.shown_versions) indexed in
    this order: the database reads the page a reader sees off that index and counts its
    rows alone, so the cost stays flat with tens of thousands of lessons. A search is a
    subquery of the same statement (cms.search)."""
    shown = {"parent_key": index_page.translation_key}
    if filters.level:
        # A lesson's list key starts with its level (LessonPage.listing_order).
        shown["list_key__startswith"] = filters.level
    rows = shown_rows(LessonPage, language_code, **shown)
    if filters.topic:
        tagged = LessonPage.topics.through.objects.filter(topic__slug=filters.topic)
        rows = rows.filter(page_id__in=tagged.values("lessonpage_id"))
    if filters.reads_at:
        # Each translation is estimated on its own text: the version the reader gets counts.
        estimated = LessonPage.objects.filter(easy_language_cefr=filters.reads_at)
        rows = rows.filter(page_id__in=estimated.values("pk"))
    if filters.query:
        # Search the version the reader gets: an English reader's query does not match the
        # Bulgarian source of a lesson that has an English translation.
        rows = rows.filter(page_id__in=_search(filters.query, language_code))
    lessons = LessonPage.objects.live().prefetch_related("topics").defer_streamfields()
    return Listing(lessons.select_related("locale"), rows.order_by("list_key", "page_id"))


def _search(query: str, language_code: str | None):
    # The platform's forgiving search (cms.search), as the search page and the API use it.
    code = language_code or languages.current().code
    return matching_pages(LessonPage, query, language=code).values("page_id")
