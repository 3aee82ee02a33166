"""Words as the search compares them: the same normalisation for what is indexed and what a
reader types, so that the letters readers confuse or leave out meet (docs/search.md)."""

import re
import unicodedata
from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, StreamDictionaryFactory

# Letters one keyboard or habit types for another's: Arabic and Persian forms of ye, kaf
# and heh, Ukrainian ґ (often typed г), Turkish dotless ı.
LETTER_VARIANTS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ء": None,  # a bare hamza is often left out
        "ـ": None,  # tatweel stretches a word, it is not a letter
        "ґ": "г",
        "ı": "i",
    }
)
# Characters inside a word that readers type or leave out: the word stays one.
JOINERS = str.maketrans(
    {
        "’": None,  # apostrophes (Ukrainian м'який, English don't)
        "'": None,
        "ʼ": None,
        "\u200c": None,  # zero-width non-joiner (the Persian half-space)
        "\u200d": None,
    }
)
# Eastern Arabic and Persian digits as the ASCII ones.
DIGITS = str.maketrans(
    {chr(base + offset): str(offset) for base in (0x0660, 0x06F0) for offset in range(10)}
)
# Direction marks and isolates: invisible, and a way to disguise a query.
CONTROLS = re.compile("[\u0000-\u001f\u007f]")
MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
WORD = re.compile(r"[^\W_]+")
LATIN_WORD = re.compile(r"^[a-z0-9]+$")
LONGEST_WORD = 40  # longer "words" are noise (or an attack) and are not looked up
# simplemma's tables read from their compressed streams: all seven languages take about
# 56 MB in a process instead of 377 MB as dictionaries (docs/search.md), for lookups of
# a fraction of a millisecond.
LEMMATIZER = Lemmatizer(
    lemmatization_strategy=DefaultStrategy(dictionary_factory=StreamDictionaryFactory())
)


def clean(text: str) -> str:
    """Without control characters, direction marks or null bytes."""
    return MARKS.sub("", CONTROLS.sub(" ", text))


def normalise(text: str) -> str:
    """Case, accents and marks gone (harakat, the Turkish dot, ё's dots, й's breve), letter
    variants unified, digits made ASCII."""
    text = clean(text).translate(JOINERS).translate(LETTER_VARIANTS).casefold()
    # Decomposed, so that accents, harakat and the hamza above or below a letter (أ إ آ ؤ
    # ئ) become marks of their own, which go.
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(LETTER_VARIANTS).translate(DIGITS)


def words(text: str) -> list[str]:
    """The text's words as typed, lower case, in order."""
    composed = unicodedata.normalize("NFC", clean(text).translate(JOINERS).casefold())
    # Marks left over once letters are composed (harakat, the dot of a case-folded İ).
    unmarked = "".join(char for char in composed if not unicodedata.combining(char))
    found = WORD.findall(unmarked)
    return [word for word in found if len(word) <= LONGEST_WORD]


def terms(text: str) -> list[str]:
    """The text's words, normalised, in order."""
    return [normalise(word) for word in words(text)]


def is_latin(word: str) -> bool:
    return bool(LATIN_WORD.match(word)) and not word.isdigit()


def load_word_tables(codes: list[str]) -> None:
    """Read each language's simplemma table now (0.2–0.7 s each), not on the first search
    in that language: a server process does it as it starts (cms/wsgi.py)."""
    for code in codes:
        lemma("a", code)


@lru_cache(maxsize=100_000)
def lemma(word: str, language: str) -> str:
    """The dictionary form of a word as typed (simplemma's tables, offline), normalised;
    the word itself when the language or the word is unknown to it."""
    try:
        found = LEMMATIZER.lemmatize(word, lang=language)
    except ValueError:  # a language simplemma has no table for
        found = word
    return normalise(found)
