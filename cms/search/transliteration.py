"""Latin letters typed for a Cyrillic language (`uchilishte`, `u4ili6te`, `likar`) as the
Cyrillic words they may stand for: several alternatives, not one guess (docs/search.md).

cyrtranslit gives the standard reading of each language (its first alternative); it knows
one system per language, not the habits of chat typing (digits for letters, `q` for я, `w`
for ш or в, `h` for Ukrainian г, `a` for Bulgarian ъ). Those are the alternatives below,
each a small cost: the cheapest spellings are kept, and the index decides which exist."""

import heapq
from functools import lru_cache

import cyrtranslit

# cyrtranslit's name of each language it reads.
CYRTRANSLIT = {"bg": "bg", "ru": "ru", "uk": "ua"}
BEAM = 48  # spellings kept while reading a word, cheapest first

COMMON: dict[str, tuple[str, ...]] = {
    "a": ("а",),
    "b": ("б",),
    "v": ("в",),
    "w": ("в", "ш"),
    "g": ("г", "ж"),
    "d": ("д",),
    "e": ("е", "э", "є"),
    "z": ("з",),
    "zh": ("ж",),
    "j": ("й", "ж", "дж"),
    "i": ("и", "й"),
    "k": ("к",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у", "ю"),
    "f": ("ф",),
    "h": ("х",),
    "kh": ("х",),
    "x": ("х", "кс"),
    "c": ("ц", "к", "ч"),
    "ts": ("ц", "тс"),
    "tz": ("ц",),
    "ch": ("ч", "х"),
    "4": ("ч",),
    "sh": ("ш",),
    "6": ("ш",),
    "w6": ("щ",),
    "sch": ("щ",),
    "shch": ("щ",),
    "6t": ("щ",),
    "sht": ("щ", "шт"),
    "st": ("ст", "щ"),
    "ya": ("я",),
    "ja": ("я",),
    "q": ("я", "к"),
    "yu": ("ю",),
    "ju": ("ю",),
    "iu": ("ю",),
    "ia": ("я",),
    "yo": ("ё", "йо"),
    "jo": ("ё", "йо"),
    "ye": ("е", "є"),
    "je": ("е", "є"),
    "y": ("й", "ы", "и", "ъ"),
    "3": ("з",),
    "0": ("о",),
}
# Per language: letters it prefers or adds.
LANGUAGE: dict[str, dict[str, tuple[str, ...]]] = {
    "bg": {
        "a": ("а", "ъ"),
        "y": ("ъ", "й", "и"),
        "u": ("у", "ъ", "ю"),
        "`": ("ъ",),
        "sht": ("щ", "шт"),
    },
    "ru": {
        "y": ("ы", "й", "и"),
        "e": ("е", "э"),
        "shch": ("щ",),
        "sch": ("щ",),
        "sht": ("шт", "щ"),
    },
    "uk": {
        "i": ("і", "и", "ї"),
        "y": ("и", "й", "і"),
        "h": ("г", "х"),
        "g": ("г", "ґ"),
        "yi": ("ї",),
        "ji": ("ї",),
        "e": ("е", "є"),
        "shch": ("щ",),
        "sch": ("щ",),
        "sht": ("шт", "щ"),
    },
}


def reads(language: str) -> bool:
    return language in CYRTRANSLIT


@lru_cache(maxsize=8)
def _table(language: str) -> dict[str, tuple[str, ...]]:
    return {**COMMON, **LANGUAGE.get(language, {})}


@lru_cache(maxsize=20_000)
def alternatives(word: str, language: str, limit: int = 24) -> tuple[str, ...]:
    """Cyrillic spellings a Latin-typed word may stand for in this language, likeliest
    first (at most `limit`); none for a language written in another script."""
    if language not in CYRTRANSLIT:
        return ()
    table = _table(language)
    longest = max(len(chunk) for chunk in table)
    # Spellings of the word's first `position` letters: (cost, text), cheapest first.
    beams: list[list[tuple[int, str]]] = [[] for _ in range(len(word) + 1)]
    beams[0] = [(0, "")]
    for position in range(len(word)):
        if not beams[position]:
            continue
        beams[position] = heapq.nsmallest(BEAM, set(beams[position]))
        for size in range(1, longest + 1):
            chunk = word[position : position + size]
            if len(chunk) < size or chunk not in table:
                continue
            # A longer chunk read as one letter is the likelier reading (`sh` is ш).
            bonus = 0 if size == 1 else -1
            for rank, letters in enumerate(table[chunk]):
                for cost, text in beams[position]:
                    beams[position + size].append((cost + rank * 2 + bonus, text + letters))
    readings = [text for _cost, text in heapq.nsmallest(limit, set(beams[len(word)]))]
    standard = cyrtranslit.to_cyrillic(word, CYRTRANSLIT[language]).lower()
    if not standard.isalpha() or standard.isascii() or any(c.isascii() for c in standard):
        standard = readings[0] if readings else ""  # it left Latin letters or digits
    return tuple(dict.fromkeys(spelling for spelling in [standard, *readings] if spelling))[:limit]
