"""Text left in another language in a translation: English pasted into the Arabic copy, the
Bulgarian source left untranslated in the Russian one.

Every translatable string of a version (wagtail-localize's segments: each paragraph, list
item, heading, title) is given to lingua, an offline language detector, restricted to the
platform's languages and in its low-accuracy mode (27 MB for seven languages instead of
270 MB, and sure enough on whole sentences). Strings too short to judge (names, a button
label, a phone number) are left alone, and only a confident detection counts.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from django.db.models import Model
from django.utils.html import strip_tags
from lingua import IsoCode639_1, LanguageDetectorBuilder
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from cms import languages

# Below this many letters, or words, a string is not judged: too little to tell bg from ru.
MIN_LETTERS = 25
MIN_WORDS = 4
# How sure lingua must be of another language, out of 1.
MIN_CONFIDENCE = 0.9

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class ForeignPassage:
    text: str
    language: str  # the language it is written in


@cache
def _detectable() -> tuple[str, ...]:
    """The platform's languages lingua knows (a language it does not know is never judged)."""
    found = []
    for code in languages.codes():
        base = code.split("-")[0].lower()
        try:
            IsoCode639_1.from_str(base)
        except ValueError:
            continue
        found.append(base)
    return tuple(dict.fromkeys(found))


@cache
def _detector():
    codes = [IsoCode639_1.from_str(code) for code in _detectable()]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


@lru_cache(maxsize=4)
def _confirmer(first: str, second: str):
    # lingua's full models for two languages only, read when first needed (about 40 MB a
    # language): the quick mode is overconfident between close languages (bg and ru).
    codes = (IsoCode639_1.from_str(first), IsoCode639_1.from_str(second))
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def language_of(text: str, *, expected: str) -> str | None:
    """The language `text` is written in, when it is long enough to judge and lingua is sure
    it is not `expected`; `expected` when it is; None when it cannot tell."""
    if len(_detectable()) < 2 or not _judgeable(text):
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    found = values[0].language.iso_code_639_1.name.lower()
    if found == expected or expected not in _detectable():
        return found
    # Confirmed by the full models of the two languages in question.
    confirmed = _confirmer(*sorted((found, expected))).compute_language_confidence_values(text)
    if confirmed and confirmed[0].value >= MIN_CONFIDENCE:
        return confirmed[0].language.iso_code_639_1.name.lower()
    return None


def _judgeable(text: str) -> bool:
    words = text.split()
    if len(_LETTER.findall(text)) < MIN_LETTERS or len(words) < MIN_WORDS:
        return False
    # A list of names ("Lee Jiayi, Mehrdad Mehdadi and …") is in no language.
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised / len(words) < 0.6


def foreign_passages(texts: Iterable[str], language: str) -> list[ForeignPassage]:
    """The texts written, surely, in another language than `language`."""
    expected = language.split("-")[0].lower()
    if expected not in _detectable():
        return []
    found = []
    for text in texts:
        detected = language_of(text, expected=expected)
        if detected and detected != expected:
            found.append(ForeignPassage(text, detected))
    return found


def readable_strings(instance: Model) -> list[str]:
    """Each translatable string of a page or snippet as plain text (wagtail-localize's
    segments: what translators translate, one by one)."""
    return [text for _field, text in readable_segments(instance)]


def readable_segments(instance: Model) -> list[tuple[str, str]]:
    """(field name, plain text) of each translatable string, in the order of the fields."""
    strings = []
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            text = " ".join(strip_tags(segment.string.render_text()).split())
            if text:
                strings.append((segment.path.split(".")[0], text))
    return strings
