"""The search readers use (docs/search.md): what they typed read as every word it may stand
for, matched in the database's own full-text index, best first.

Each word gets alternatives in each language searched, in four tiers: 0 the word itself
(normalised), 1 the Cyrillic words a Latin-typed word may stand for, 2 other forms of the
same dictionary word, 3 known words one or two letters away (a typo). A search runs tier
by tier (entries holding every word at that tier or better); what an earlier tier found
ranks first. Typos are tried only when nothing closer matched."""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Cast, Substr
from rapidfuzz.distance import OSA
from wagtail.models import Page

from cms import languages
from cms.search import backends, text, transliteration
from cms.search.models import SearchEntry, SearchTerm
from cms.search.services import token
from cms.shown_versions.models import ShownVersion
from cms.shown_versions.selectors import shown_rows

EXACT, TRANSLITERATED, FORMS, TYPO = range(4)
MOST_WORDS = 10  # words of a query that count; the rest are left out
READINGS_FOR_FORMS = 3  # a Latin word's likeliest readings whose forms and typos are tried
TYPO_CANDIDATES = 20  # per word and language
SNIPPET = 160  # characters


def edits_allowed(word: str) -> int:
    """Letters a typo may get wrong: none in short words (too many neighbours), one in
    words of four to seven letters, two in longer ones."""
    if len(word) <= 3 or word.isdigit():
        return 0
    return 1 if len(word) <= 7 else 2


@dataclass
class Alternatives:
    """One typed word's alternatives in one language: tier → {term: spelling}."""

    tiers: list[dict[str, str]] = field(default_factory=lambda: [{}, {}, {}, {}])

    def up_to(self, tier: int) -> set[str]:
        return {term for level in self.tiers[: tier + 1] for term in level}

    def best(self, held: set[str]) -> str | None:
        """The closest alternative among `held` terms, as it is spelt."""
        for level in self.tiers:
            for term, spelling in level.items():
                if term in held:
                    return spelling
        return None


@dataclass(frozen=True)
class Result:
    entry: SearchEntry  # without its text and words (see `with_snippets`)
    is_fallback: bool
    quality: int  # the tier it was found at
    terms: frozenset[str]  # the words that count as a match in its language
    snippet: str = ""


@dataclass(frozen=True)
class Found:
    query: str
    language: str
    results: list[Result]
    suggestion: str = ""  # "did you mean", when found only through a correction

    @property
    def count(self) -> int:
        return len(self.results)


def query_words(query: str) -> list[str]:
    """The words of a query that count: one-letter words (a, в, и) only when alone."""
    typed = text.words(query)
    longer = [word for word in typed if len(word) > 1 or word.isdigit()]
    return (longer or typed)[:MOST_WORDS]


def search(
    query: str,
    *,
    language: str,
    kinds: list[str] | None = None,
    limit: int | None = None,
) -> Found:
    """What a reader of `language` finds for `query`: their language first, then its
    fallback chain, one result per translated thing, at most `limit`
    (SEARCH_RESULTS_LIMIT)."""
    limit = limit or settings.SEARCH_RESULTS_LIMIT
    chain = [language, *languages.fallback_chain(language)]
    typed = query_words(query)
    if not typed:
        return Found(query=query, language=language, results=[])
    alternatives = _alternatives(typed, chain)
    entries = SearchEntry.objects.filter(language__in=chain)
    if kinds is not None:
        entries = entries.filter(kind__in=kinds)
    rank = {code: position for position, code in enumerate(chain)}
    # One result per group, the best language's.
    best: dict[str, tuple[int, Result]] = {}
    arrival = 0
    previous = None
    for tier in (EXACT, TRANSLITERATED, FORMS, TYPO):
        own = any(not result.is_fallback for _order, result in best.values())
        if tier == TYPO:
            if own:
                break  # typos only when nothing closer matched in the reader's language
            # With fallbacks found already, only the reader's own words are corrected.
            _add_typos(alternatives, typed, [language] if best else chain)
        words = _tokens(alternatives, len(typed), chain, tier)
        if words == previous:
            continue  # this tier adds nothing to the one before
        previous = words
        if any(not tokens for tokens in words):
            continue
        # What is found in the reader's own language cannot be bettered.
        settled = [key for key, (_order, result) in best.items() if not result.is_fallback]
        for entry in _matching(entries.exclude(group__in=settled), words, chain, limit):
            key = entry.group
            kept = best.get(key)
            if kept is not None and rank[kept[1].entry.language] <= rank[entry.language]:
                continue
            terms = set().union(
                *(
                    alternatives[(position, entry.language)].up_to(tier)
                    for position in range(len(typed))
                )
            )
            arrival += 1
            best[key] = (
                arrival,
                Result(
                    entry=entry,
                    is_fallback=entry.language != language,
                    quality=tier,
                    terms=frozenset(terms),
                ),
            )
        if len(best) >= limit and all(not result.is_fallback for _o, result in best.values()):
            break
    # The reader's language first, then the chain; closer matches first within each.
    ordered = sorted(
        best.values(), key=lambda item: (rank[item[1].entry.language], item[1].quality, item[0])
    )
    results = [result for _order, result in ordered][:limit]
    return Found(
        query=query,
        language=language,
        results=results,
        suggestion=_suggestion(typed, alternatives, results),
    )


def _tokens(
    alternatives: dict[tuple[int, str], "Alternatives"], count: int, chain: list[str], tier: int
) -> list[list[str]]:
    """For each typed word, its alternatives up to `tier` in every language, as indexed."""
    return [
        sorted(
            token(code, term)
            for code in chain
            for term in alternatives[(position, code)].up_to(tier)
        )
        for position in range(count)
    ]


def _matching(
    entries: QuerySet[SearchEntry], words: list[list[str]], chain: list[str], limit: int
) -> list[SearchEntry]:
    """Entries holding every word, those holding them in the title first, in the order of
    the reader's languages, kinds and shorter titles (the same on both databases)."""
    language_rank = Case(
        *[When(language=code, then=Value(rank)) for rank, code in enumerate(chain)],
        default=Value(len(chain)),
        output_field=IntegerField(),
    )
    order = settings.SEARCH_KIND_ORDER
    kind_rank = Case(
        *[When(kind=kind, then=Value(rank)) for rank, kind in enumerate(order)],
        default=Value(len(order)),
        output_field=IntegerField(),
    )
    ordering = ["language_rank", "kind_rank", "title_length", "id"]
    shown = ("group", "source", "language", "kind", "title", "title_length", "url", "api_url")
    ranked = entries.annotate(language_rank=language_rank, kind_rank=kind_rank).only(
        *shown, "level"
    )
    in_title = list(backends.holding_all(ranked, words, "title_terms").order_by(*ordering)[:limit])
    anywhere = list(backends.holding_all(ranked, words, "terms").order_by(*ordering)[:limit])
    titled = {entry.pk for entry in in_title}
    merged = {entry.pk: entry for entry in [*in_title, *anywhere]}
    return sorted(
        merged.values(),
        key=lambda entry: (
            entry.language_rank,
            entry.pk not in titled,
            entry.kind_rank,
            entry.title_length,
            entry.pk,
        ),
    )


def _alternatives(typed: list[str], chain: list[str]) -> dict[tuple[int, str], Alternatives]:
    """Tiers 0–2 of every word in every language searched (typos come later, if needed)."""
    found = {(position, code): Alternatives() for position in range(len(typed)) for code in chain}
    for code in chain:
        readings: dict[int, list[str]] = {}
        for position, word in enumerate(typed):
            found[(position, code)].tiers[EXACT][text.normalise(word)] = word
            if transliteration.reads(code) and text.is_latin(word):
                readings[position] = [
                    text.normalise(reading) for reading in transliteration.alternatives(word, code)
                ]
        typed_terms = {text.normalise(word) for word in typed}
        known = _known_terms(
            code, {reading for some in readings.values() for reading in some} | typed_terms
        )
        lemmas: dict[int, set[str]] = {}
        for position, word in enumerate(typed):
            alternative = found[(position, code)]
            for reading in readings.get(position, []):
                if reading in known:
                    alternative.tiers[TRANSLITERATED][reading] = known[reading].spelling
            # Forms of the readings that are words here, else of the likeliest reading only
            # (a dictionary guesses wildly at the forms of a misreading).
            likeliest = [reading for reading in readings.get(position, []) if reading in known]
            likeliest = likeliest or readings.get(position, [])[:1]
            lemmas[position] = {text.lemma(word, code)} | {
                text.lemma(reading, code) for reading in likeliest
            }
            # A word typed without its marks (Turkish calisma) has the lemma the word list
            # took from the text's own spelling (çalışma).
            as_known = known.get(text.normalise(word))
            if as_known is not None:
                lemmas[position].add(as_known.lemma)
        forms: dict[str, list[SearchTerm]] = {}
        every_lemma = {lemma for some in lemmas.values() for lemma in some}
        for term in SearchTerm.objects.filter(language=code, lemma__in=every_lemma):
            forms.setdefault(term.lemma, []).append(term)
        for position in range(len(typed)):
            for lemma in lemmas[position]:
                for term in forms.get(lemma, []):
                    found[(position, code)].tiers[FORMS][term.term] = term.spelling
    return found


def _known_terms(language: str, terms: set[str]) -> dict[str, SearchTerm]:
    if not terms:
        return {}
    words = SearchTerm.objects.filter(language=language, term__in=sorted(terms))
    return {word.term: word for word in words}


def _add_typos(
    found: dict[tuple[int, str], Alternatives],
    typed: list[str],
    chain: list[str],
    *,
    positions: list[int] | None = None,
) -> None:
    """Tier 3: known words within a word's allowed edits of what was typed (or of its
    likeliest Cyrillic readings), closest and commonest first; for the words at
    `positions` only when given."""
    for position, word in enumerate(typed):
        if positions is not None and position not in positions:
            continue
        for code in chain:
            bases = [text.normalise(word)]
            if transliteration.reads(code) and text.is_latin(word):
                readings = transliteration.alternatives(word, code)[:READINGS_FOR_FORMS]
                bases += [text.normalise(reading) for reading in readings]
            candidates: dict[str, tuple[int, int, str]] = {}
            for base in dict.fromkeys(bases):
                allowed = edits_allowed(base)
                if not allowed:
                    continue
                for term in backends.sharing_a_trigram(code, base, allowed):
                    distance = OSA.distance(base, term.term, score_cutoff=allowed)
                    if distance <= allowed:
                        rank = (distance, -term.entries, term.spelling)
                        candidates[term.term] = min(candidates.get(term.term, rank), rank)
            closest = sorted(candidates.items(), key=lambda item: item[1])[:TYPO_CANDIDATES]
            for term, (_distance, _entries, spelling) in closest:
                found[(position, code)].tiers[TYPO][term] = spelling


def with_snippets(results: list[Result]) -> list[Result]:
    """The results (a page of them) with a short piece of their text around the first
    word that matched (one query)."""
    texts = {
        pk: (text_, summary)
        for pk, text_, summary in SearchEntry.objects.filter(
            pk__in=[result.entry.pk for result in results]
        ).values_list("pk", "text", "summary")
    }
    return [
        replace(result, snippet=_snippet(*texts.get(result.entry.pk, ("", "")), result.terms))
        for result in results
    ]


def _snippet(full_text: str, summary: str, terms: frozenset[str]) -> str:
    """A short piece of the text around the first word that matched, else the summary."""
    body = " ".join(full_text.split())
    for match in text.WORD.finditer(body):
        if text.normalise(match.group()) in terms:
            start = max(0, match.start() - SNIPPET // 3)
            end = min(len(body), start + SNIPPET)
            piece = body[start:end]
            if start > 0:
                piece = "…" + piece[piece.find(" ") + 1 :] if " " in piece else "…" + piece
            if end < len(body):
                piece = piece[: piece.rfind(" ")] + "…" if " " in piece else piece + "…"
            return piece
    summary = " ".join(summary.split())
    return summary if len(summary) <= SNIPPET else summary[:SNIPPET].rsplit(" ", 1)[0] + "…"


def _suggestion(
    typed: list[str], alternatives: dict[tuple[int, str], Alternatives], results: list[Result]
) -> str:
    """What the reader probably meant, when the best result was found only through a
    transliteration or a correction."""
    if not results or results[0].quality not in (TRANSLITERATED, TYPO):
        return ""
    first = results[0].entry
    held = set(
        SearchEntry.objects.filter(pk=first.pk).values_list("terms", flat=True).first().split()
    )
    held = {part.split("_", 1)[1] for part in held}
    meant = [
        alternatives[(position, first.language)].best(held) or word
        for position, word in enumerate(typed)
    ]
    suggestion = " ".join(meant)
    return "" if text.terms(suggestion) == text.terms(" ".join(typed)) else suggestion


def matching_pages(model: type[Page], query: str, *, language: str) -> QuerySet[ShownVersion]:
    """The shown versions (cms.shown_versions) of `model`'s pages the search finds for a
    reader of `language`: a list's `search` filter, with this search's forgiveness (typos
    corrected in the words the index does not know). Only the version the reader gets
    counts: an English reader's query does not match the Bulgarian source of a lesson that
    has an English translation. One query for the list: the matching entries are a
    subquery of it."""
    rows = shown_rows(model, language)
    kind = settings.SEARCH_PAGE_KINDS.get(model._meta.label_lower)
    typed = query_words(query)
    if kind is None or not typed:
        return rows.none()
    chain = [language, *languages.fallback_chain(language)]
    alternatives = _alternatives(typed, chain)
    entries = SearchEntry.objects.filter(language__in=chain, kind=kind)
    # Typos are corrected for the words the index does not know (in any language of the
    # chain, in any form): a question to the word list, not to the entries (an EXISTS over
    # a full-text condition is planned as a scan of every entry when nothing matches).
    known = set(
        SearchTerm.objects.filter(
            language__in=chain, term__in=[text.normalise(word) for word in typed]
        ).values_list("term", flat=True)
    )
    unknown = [
        position
        for position, word in enumerate(typed)
        if text.normalise(word) not in known
        and not any(
            alternatives[(position, code)].tiers[tier]
            for code in chain
            for tier in (TRANSLITERATED, FORMS)
        )
    ]
    if unknown:
        _add_typos(alternatives, typed, chain, positions=unknown)
    words = _tokens(alternatives, len(typed), chain, TYPO)
    matched = backends.holding_all(entries, words, "terms")
    # A page's entry is "page:<id>".
    page_ids = matched.annotate(
        page_number=Cast(Substr("source", len("page:") + 1), IntegerField())
    ).values("page_number")
    return rows.filter(page_id__in=page_ids)
