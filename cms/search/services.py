"""Writes of the search: an object's entries made again after it changed (its words
normalised, the language's word list counted), the whole index rebuilt, and readers'
searches and clicks counted per day."""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from cms.search import sources, text
from cms.search.models import SearchEntry, SearchQueryDay, SearchTerm
from cms.search.sources import Document

BATCH = 500
QUERY_KEPT = 100  # characters of a query counted for the report


def token(language: str, term: str) -> str:
    """A word as the full-text index holds it: the language first, so that one query over
    several languages matches each language's own words."""
    return f"{language.replace('-', '')}_{term}"


def _entry(document: Document) -> tuple[SearchEntry, dict[str, str]]:
    """The entry of a document, and its words (normalised → as first written)."""
    spellings: dict[str, str] = {}
    for word in text.words(" ".join([document.title, document.summary, document.text])):
        spellings.setdefault(text.normalise(word), word)
    title_terms = list(dict.fromkeys(text.terms(document.title)))
    language = document.language
    entry = SearchEntry(
        source=document.source,
        group=document.group,
        language=language,
        kind=document.kind,
        title=document.title[:255],
        summary=document.summary,
        text=document.text,
        level=document.level,
        url=document.url[:500],
        api_url=document.api_url[:500],
        title_terms=" ".join(token(language, term) for term in title_terms),
        terms=" ".join(token(language, term) for term in spellings),
        title_length=min(len(title_terms), 32767),
    )
    return entry, spellings


def _terms_of(entry: SearchEntry) -> set[str]:
    return {part.split("_", 1)[1] for part in entry.terms.split()}


@transaction.atomic
def index_documents(*, source: str, documents: list[Document]) -> None:
    """Make the entries of one source (a page, a photo, a video) what its documents say:
    none when it is no longer public."""
    old = {entry.language: entry for entry in SearchEntry.objects.filter(source=source)}
    added: dict[str, dict[str, str]] = {}
    removed: dict[str, set[str]] = {}
    kept_languages = set()
    for document in documents:
        entry, spellings = _entry(document)
        previous = old.get(entry.language)
        before = _terms_of(previous) if previous else set()
        if previous is not None:
            entry.pk = previous.pk
        entry.save()
        kept_languages.add(entry.language)
        added[entry.language] = {
            term: spelling for term, spelling in spellings.items() if term not in before
        }
        removed[entry.language] = before - set(spellings)
    for language, entry in old.items():
        if language not in kept_languages:
            removed[language] = _terms_of(entry)
            entry.delete()
    for language in set(added) | set(removed):
        _count_terms(language, added.get(language, {}), removed.get(language, set()))


def index_page(*, page: Page) -> None:
    index_documents(source=sources.page_source(page.pk), documents=sources.page_documents(page))


def remove_page(*, page_id: int) -> None:
    index_documents(source=sources.page_source(page_id), documents=[])


def index_object(*, obj) -> None:
    """A registered app object changed (or was deleted): its entries follow."""
    source = sources.SOURCES.get(obj._meta.label_lower)
    if source is None:
        return
    key, documents = source.documents(obj)
    index_documents(source=key, documents=documents)


def index_objects_used_by(*, page: Page) -> None:
    """Registered objects the page shows (per Wagtail's reference index), made again:
    they lead readers to the live pages that show them."""
    if not sources.SOURCES:
        return
    references = ReferenceIndex.get_references_for_object(page).select_related("to_content_type")
    for reference in references:
        model = reference.to_content_type.model_class()
        if model is None or model._meta.label_lower not in sources.SOURCES:
            continue
        obj = model._default_manager.filter(pk=reference.to_object_id).first()
        if obj is not None:
            index_object(obj=obj)


def index_registered_objects() -> None:
    """Every object of every source apps registered, made again (after writes without
    signals, such as the scale generator's)."""
    for source in {id(source): source for source in sources.SOURCES.values()}.values():
        for obj in source.every():
            key, documents = source.documents(obj)
            index_documents(source=key, documents=documents)


def _count_terms(language: str, added: dict[str, str], removed: set[str]) -> None:
    """One more (or one fewer) entry holds each of these words; words no entry holds any
    more leave the list."""
    words = SearchTerm.objects.filter(language=language)
    for chunk in _chunks(list(added)):
        words.filter(term__in=chunk).update(entries=F("entries") + 1)
        known = set(words.filter(term__in=chunk).values_list("term", flat=True))
        new = [_new_term(language, term, added[term], 1) for term in chunk if term not in known]
        try:
            with transaction.atomic():
                SearchTerm.objects.bulk_create(new)
        except IntegrityError:  # another save added some of them meanwhile
            SearchTerm.objects.bulk_create(new, ignore_conflicts=True)
    for chunk in _chunks(sorted(removed)):
        words.filter(term__in=chunk).update(entries=F("entries") - 1)
    if removed:
        words.filter(entries__lte=0).delete()


def _new_term(language: str, term: str, spelling: str, entries: int) -> SearchTerm:
    return SearchTerm(
        language=language,
        term=term,
        spelled=f"^{term}$",
        length=len(term),
        lemma=text.lemma(spelling, language)[:40],
        spelling=spelling[:40],
        entries=entries,
    )


def _chunks(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def index_new_pages(*, pages: Iterable[Page]) -> int:
    """Entries for many public pages that have none yet, in bulk (the scale generator's
    copies, written without signals). Returns the number of entries made."""
    counts: dict[str, Counter] = {}
    spellings: dict[tuple[str, str], str] = {}
    batch: list[SearchEntry] = []
    for page in pages:
        for document in sources.page_documents(page, known_public=True):
            entry, words = _entry(document)
            counts.setdefault(entry.language, Counter()).update(words.keys())
            for term, spelling in words.items():
                spellings.setdefault((entry.language, term), spelling)
            batch.append(entry)
    SearchEntry.objects.bulk_create(batch, batch_size=BATCH)
    for language, counter in counts.items():
        words = SearchTerm.objects.filter(language=language)
        known = set()
        for chunk in _chunks(list(counter)):
            known |= set(words.filter(term__in=chunk).values_list("term", flat=True))
        # One UPDATE per distinct increase: copies of one page repeat its words.
        by_increase: dict[int, list[str]] = {}
        for term in known:
            by_increase.setdefault(counter[term], []).append(term)
        for increase, terms in by_increase.items():
            for chunk in _chunks(terms):
                words.filter(term__in=chunk).update(entries=F("entries") + increase)
        new = [
            _new_term(language, term, spellings[(language, term)], entries)
            for term, entries in counter.items()
            if term not in known
        ]
        SearchTerm.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    return len(batch)


@transaction.atomic
def rebuild_index() -> int:
    """Every entry and word made again from what is public now (after an upgrade that
    changes how words are normalised, or to repair). Returns the number of entries."""
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    counts: dict[str, Counter] = {}
    spellings: dict[tuple[str, str], str] = {}
    batch: list[SearchEntry] = []
    total = 0

    def documents() -> Iterable[Document]:
        for page in sources.searchable_pages():
            yield from sources.page_documents(page)
        # One source may be registered for several models (a video and its captions).
        for source in {id(source): source for source in sources.SOURCES.values()}.values():
            for obj in source.every():
                yield from source.documents(obj)[1]

    for document in documents():
        entry, words = _entry(document)
        counts.setdefault(entry.language, Counter()).update(words.keys())
        for term, spelling in words.items():
            spellings.setdefault((entry.language, term), spelling)
        batch.append(entry)
        if len(batch) >= BATCH:
            SearchEntry.objects.bulk_create(batch)
            total += len(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    total += len(batch)
    terms = [
        _new_term(language, term, spellings[(language, term)], entries)
        for language, counter in counts.items()
        for term, entries in counter.items()
    ]
    SearchTerm.objects.bulk_create(terms, batch_size=BATCH)
    return total


def counted_query(query: str) -> str:
    return " ".join(text.terms(query))[:QUERY_KEPT]


def record_search(*, language: str, query: str, found: int) -> None:
    """Count one reader's search (its words only: no address, no cookie, no time)."""
    counted = counted_query(query)
    if not counted:
        return
    day = timezone.localdate()
    empty = 1 if found == 0 else 0
    updated = SearchQueryDay.objects.filter(day=day, language=language, query=counted).update(
        searches=F("searches") + 1, empty=F("empty") + empty
    )
    if updated:
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(
                day=day, language=language, query=counted, searches=1, empty=empty
            )
    except IntegrityError:  # counted by another request meanwhile
        SearchQueryDay.objects.filter(day=day, language=language, query=counted).update(
            searches=F("searches") + 1, empty=F("empty") + empty
        )


def record_click(*, language: str, query: str) -> bool:
    """Count that a reader opened a result of this search today; False when nobody
    searched for it today (a made-up click is not counted)."""
    counted = counted_query(query)
    return bool(
        counted
        and SearchQueryDay.objects.filter(
            day=timezone.localdate(), language=language, query=counted, clicks__lt=F("searches")
        ).update(clicks=F("clicks") + 1)
    )


def prune_counts(*, today: datetime.date | None = None) -> int:
    """Forget the counts of days older than SEARCH_REPORT_DAYS. Returns rows deleted."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.SEARCH_REPORT_DAYS)
    return SearchQueryDay.objects.filter(day__lt=cutoff).delete()[0]
