"""Syllables from pyphen's hyphenation dictionaries, for languages that have one.

Hyphenation points are close to syllable boundaries but not the same: dictionaries also
split off consonant clusters (Ukrainian "ре-є-с-т-ра-ці-я"). Counting only the pieces
that hold a vowel turns them into syllables again ("ре-є-стра-ці-я": five)."""

from functools import cache

import pyphen

# Vowel letters per language; a piece of a word without one is not a syllable.
VOWELS: dict[str, str] = {
    "bg": "аъоуеияюѝ",
    "ru": "аеёиоуыэюя",
    "uk": "аеєиіїоуюя",
    "en": "aeiouy",
    "de": "aeiouyäöü",
}


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    if language not in VOWELS or language not in pyphen.LANGUAGES:
        return None
    # left/right = 1: also split one letter off the ends ("у-чи-ли-ще").
    return pyphen.Pyphen(lang=language, left=1, right=1)


def has_dictionary(language: str) -> bool:
    return _dictionary(language.split("-")[0].lower()) is not None


def count(word: str, language: str) -> int:
    """Syllables in `word`; at least 1 for any word that has a vowel."""
    language = language.split("-")[0].lower()
    dictionary = _dictionary(language)
    if dictionary is None:
        raise LookupError(f"No hyphenation dictionary for {language!r}")
    vowels = VOWELS[language]
    pieces = dictionary.inserted(word.lower(), hyphen="\x00").split("\x00")
    return max(1, sum(1 for piece in pieces if any(letter in vowels for letter in piece)))
