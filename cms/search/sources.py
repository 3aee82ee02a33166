"""What the search indexes: every live, public page of the types in
`settings.SEARCH_PAGE_KINDS` (its title, summary and the text of its search fields), and
what apps register here (approved photos, videos with their captions). The core imports no
app: apps register a function that turns one of their objects into documents."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from cms.api.addresses import api_url

SUMMARY_FIELDS = ("summary", "intro", "search_description")


@dataclass(frozen=True)
class Document:
    """One thing a reader can read, in one language, as a result shows it."""

    source: str  # what it is made from: "page:12", "photo:3"
    group: str  # one result per group: a translation key, or the source
    language: str
    kind: str  # for readers: "lesson", "story", "photo"…
    title: str
    url: str
    summary: str = ""
    text: str = ""
    level: str = ""
    api_url: str = ""


@dataclass(frozen=True)
class Source:
    """An app's objects as documents: `documents(obj)` gives the source key and the
    documents of one object (none when it is not public); `every()` every public object."""

    documents: Callable[[Model], tuple[str, list[Document]]]
    every: Callable[[], Iterable[Model]]


SOURCES: dict[str, Source] = {}
# Where a reader who found nothing may go next, by language: (label, url) pairs (an app's
# topics, say). Registered by apps.
SUGGESTIONS: list[Callable[[str], list[tuple[str, str]]]] = []


def register(model_label: str, source: Source) -> None:
    SOURCES[model_label.lower()] = source


def register_suggestions(suggest: Callable[[str], list[tuple[str, str]]]) -> None:
    if suggest not in SUGGESTIONS:
        SUGGESTIONS.append(suggest)


def suggestions(language: str) -> list[tuple[str, str]]:
    return [link for suggest in SUGGESTIONS for link in suggest(language)]


def page_source(page_id: int) -> str:
    return f"page:{page_id}"


def page_kind(page: Page) -> str | None:
    return settings.SEARCH_PAGE_KINDS.get(page.specific_class._meta.label_lower)


def is_public(page: Page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def page_documents(page: Page, *, known_public: bool = False) -> list[Document]:
    """The page as readers find it, or nothing when readers cannot open it (`known_public`:
    the caller knows no view restriction covers it, as the scale generator does)."""
    kind = page_kind(page)
    if kind is None or not page.live or not (known_public or is_public(page)):
        return []
    page = page.specific
    url = page.get_url()
    if not url:
        return []
    summary = next(
        (str(getattr(page, name)) for name in SUMMARY_FIELDS if getattr(page, name, "")), ""
    )
    label = page._meta.label_lower
    return [
        Document(
            source=page_source(page.pk),
            group=str(page.translation_key),
            language=page.locale.language_code,
            kind=kind,
            title=page.title,
            url=url,
            summary=strip_tags(summary),
            text=_text_in_own_language(page),
            level=str(getattr(page, "level", "") or ""),
            api_url=api_url(label, page.pk) or "",
        )
    ]


def _text_in_own_language(page: Page) -> str:
    # Blocks' searchable content includes choice labels (a tip's "Warning"): in the page's
    # language, whatever language the indexing request happens to run in.
    with translation.override(page.locale.language_code):
        return " ".join(_searchable_text(page))


def _searchable_text(page: Page) -> Iterator[str]:
    """The text of the page's Wagtail search fields (its body's blocks included)."""
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        try:
            model_field = page._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            model_field = None
        value = getattr(page, field.field_name, None)
        if not value:
            continue
        if hasattr(model_field, "get_searchable_content"):
            for part in model_field.get_searchable_content(value):
                yield strip_tags(str(part))
        else:
            yield strip_tags(str(value))


def searchable_pages() -> Iterator[Page]:
    """Every live page of a type the search indexes, in one language after another."""
    labels = list(settings.SEARCH_PAGE_KINDS)
    pages = Page.objects.live().filter(
        content_type__app_label__in={label.split(".")[0] for label in labels}
    )
    for page in pages.specific().iterator(chunk_size=500):
        if page._meta.label_lower in settings.SEARCH_PAGE_KINDS:
            yield page
