"""How common a word is in its language: the rank of its dictionary form in a frequency list.

The lists are wordfreq's (offline, in the package: Wikipedia, subtitles, news, books and
web text per language). They count forms as written, and Bulgarian, Russian, Ukrainian,
Arabic and Turkish spread one word over many forms, so each language's table is built once
per process by adding up the frequencies of every form of a dictionary form (simplemma's
lemmas, the same tables the site search reads), then ranking the dictionary forms. A word
in a text is looked up by its own dictionary form. See docs/easy-language.md.
"""

import logging
import threading
import time
from dataclasses import dataclass
from functools import cache, lru_cache

from wordfreq import available_languages, get_frequency_dict, get_frequency_list

from cms.search.text import LEMMATIZER, normalise

logger = logging.getLogger(__name__)

# wordfreq's "small" lists stop at words seen once in a million (Zipf 3); a word beyond the
# list is rarer than every ranked one.
WORDLIST = "small"


@dataclass(frozen=True)
class WordTable:
    language: str
    ranks: dict[str, int]  # normalised dictionary form → rank, 1 for the most common

    def rank(self, word: str) -> int | None:
        """The rank of `word`'s dictionary form, None when the list does not have it."""
        found = [self.ranks.get(key(form, self.language)) for form in forms(word, self.language)]
        return min((rank for rank in found if rank is not None), default=None)

    def __len__(self) -> int:
        return len(self.ranks)


_lock = threading.Lock()


def table_for(language: str) -> WordTable | None:
    """The language's table, built on first use (0.3–1.5 s; server processes build every
    platform language's as they start); None for a language wordfreq has no list for."""
    language = language.split("-")[0].lower()
    if language not in _available():
        return None
    with _lock:  # two threads of one process build a table once
        return _build(language)


@cache
def _available() -> frozenset[str]:
    return frozenset(available_languages(wordlist=WORDLIST))


@cache
def _build(language: str) -> WordTable:
    started = time.perf_counter()
    totals: dict[str, float] = {}
    for form, frequency in get_frequency_dict(language, wordlist=WORDLIST).items():
        lemma = _dictionary_form(form, language)  # not through key()'s cache: 60,000 forms
        totals[lemma] = totals.get(lemma, 0.0) + frequency
    # wordfreq keeps every list it read; only the ranks below are needed from here on.
    get_frequency_dict.cache_clear()
    get_frequency_list.cache_clear()
    ordered = sorted(totals, key=totals.__getitem__, reverse=True)
    table = WordTable(language, {lemma: rank for rank, lemma in enumerate(ordered, start=1)})
    logger.info(
        "Word frequency table for %s: %d dictionary forms in %.2f s",
        language,
        len(table),
        time.perf_counter() - started,
    )
    return table


@lru_cache(maxsize=50_000)
def key(word: str, language: str) -> str:
    """The normalised dictionary form of `word` (the form itself when simplemma does not
    know the word or the language)."""
    return _dictionary_form(word, language)


def _dictionary_form(word: str, language: str) -> str:
    lowered = word.lower()
    try:
        lemma = LEMMATIZER.lemmatize(lowered, lang=language)
    except ValueError:
        lemma = lowered
    return normalise(lemma)


# Arabic writes particles before a word and possessive and object pronouns after it
# ("بهاتفك", with your phone), and simplemma resolves few of these: the word is also looked
# up without them. Longest first; a stem keeps at least three letters.
ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
ARABIC_SUFFIXES = ("كما", "هما", "كم", "كن", "هم", "هن", "نا", "ها", "ني", "ك", "ه", "ي")


@lru_cache(maxsize=50_000)
def forms(word: str, language: str) -> tuple[str, ...]:
    """The word, and for Arabic the word without its attached particles and pronouns."""
    if language != "ar":
        return (word,)
    found = [word]
    for prefix in ("", *ARABIC_PREFIXES):
        if not word.startswith(prefix):
            continue
        for suffix in ("", *ARABIC_SUFFIXES):
            if not word.endswith(suffix) or len(word) - len(prefix) - len(suffix) < 3:
                continue
            stem = word[len(prefix) : len(word) - len(suffix)]
            found.append(stem)
            if suffix and stem.endswith("ت"):  # زيارتك: the ة of زيارة before a pronoun
                found.append(stem[:-1] + "ة")
    return tuple(dict.fromkeys(found))


def load(languages: list[str]) -> None:
    """Build the tables now, as a server process starts, not on an editor's first check."""
    for language in languages:
        table_for(language)
