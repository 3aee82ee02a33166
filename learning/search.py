"""What the search offers a reader who found nothing: the lesson topics, each leading to
the lesson list filtered by it, in the reader's language."""

from cms import languages
from cms.search.sources import register_suggestions
from learning import selectors
from learning.models import LessonIndexPage


def topic_links(language: str) -> list[tuple[str, str]]:
    indexes = LessonIndexPage.objects.live().public().select_related("locale")
    chain = languages.reader_languages(language)
    by_language = {index.locale.language_code: index for index in indexes}
    index = next((by_language[code] for code in chain if code in by_language), None)
    url = index.get_url() if index else None
    if not url:
        return []
    topics = selectors.topics_in_reader_language(language)
    return [(topic.name, f"{url}?topic={topic.slug}") for topic in topics]


def connect() -> None:
    register_suggestions(topic_links)
