"""Splitting text into paragraphs, sentences and words, per language.

Written here rather than taken from pysbd, the usual library: its Arabic rules split at
the Arabic comma "،", its Persian rules ignore "۔", it has no Ukrainian or Turkish, and it
has not been released since 2021. The rules below are few and tested per language.
"""

import re

# Sentence-ending marks: Latin and Cyrillic ones, the ellipsis, the Arabic question mark
# (U+061F) and the Urdu/Persian full stop (U+06D4).
TERMINATORS = ".!?…؟۔"
# What may follow the final mark and still belong to the sentence.
CLOSERS = "\"'”’“›»)]}"

# Abbreviations that end with a dot but do not end a sentence (lower-case, with the dot).
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "bg": frozenset(
        (
            "г.",
            "гр.",
            "ул.",
            "бул.",
            "пл.",
            "ж.к.",
            "т.е.",
            "напр.",
            "др.",
            "стр.",
            "ч.",
            "мин.",
            "лв.",
            "тел.",
            "вкл.",
            "проф.",
            "ст.",
            "кв.",
            "бл.",
            "вх.",
            "ап.",
            "им.",
            "св.",
        )
    ),
    "ru": frozenset(
        (
            "г.",
            "гг.",
            "ул.",
            "пр.",
            "д.",
            "кв.",
            "т.е.",
            "т.д.",
            "т.п.",
            "др.",
            "напр.",
            "см.",
            "стр.",
            "руб.",
            "тел.",
            "им.",
            "проф.",
            "мин.",
            "ч.",
        )
    ),
    "uk": frozenset(
        (
            "р.",
            "рр.",
            "вул.",
            "просп.",
            "буд.",
            "кв.",
            "т.зв.",
            "див.",
            "напр.",
            "ст.",
            "грн.",
            "тел.",
            "ім.",
            "проф.",
            "хв.",
            "год.",
        )
    ),
    "en": frozenset(
        (
            "mr.",
            "mrs.",
            "ms.",
            "dr.",
            "prof.",
            "st.",
            "no.",
            "e.g.",
            "i.e.",
            "etc.",
            "vs.",
            "approx.",
            "tel.",
            "jan.",
            "feb.",
            "aug.",
            "sept.",
            "oct.",
            "nov.",
            "dec.",
        )
    ),
    "de": frozenset(
        (
            "z.b.",
            "d.h.",
            "bzw.",
            "usw.",
            "nr.",
            "str.",
            "dr.",
            "prof.",
            "ca.",
            "tel.",
        )
    ),
    "tr": frozenset(
        (
            "dr.",
            "prof.",
            "vb.",
            "vs.",
            "sok.",
            "cad.",
            "mah.",
            "no.",
            "tel.",
            "bkz.",
        )
    ),
}

# A word: letters and digits with their combining marks (Arabic harakat and shadda, a
# stress accent over a Cyrillic vowel), joined by apostrophes (Ukrainian здоров'я, English
# don't), hyphens (д-р) or the zero-width non-joiner inside Farsi words (می‌نویسیم).
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_PART = rf"[^\W_](?:[^\W_]|[{_MARKS}])*"
_WORD = re.compile(rf"{_PART}(?:['’ʼ\-\u200c\u200d]{_PART})*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(rf"[{re.escape(TERMINATORS)}]+[{re.escape(CLOSERS)}]*(?=\s|$)")
_OPENERS = "(\"'“„«"


def paragraphs(text: str) -> list[str]:
    """Blocks of text separated by blank lines, with inner line breaks joined."""
    return [
        " ".join(part.split())
        for part in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n"))
        if part.strip()
    ]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(paragraph: str, language: str) -> list[str]:
    """The sentences of one paragraph.

    A sentence ends at a run of terminators (plus closing quotes or brackets) followed by
    a space or the end of the paragraph, unless the dot closes a known abbreviation or an
    initial ("А. Петров"). A decimal point ("2.5") never ends one: no space follows it."""
    abbreviations = ABBREVIATIONS.get(language.split("-")[0].lower(), frozenset())
    found, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        if match.group() == "." and _ends_with_abbreviation(
            paragraph[start : match.end()], abbreviations
        ):
            continue
        sentence = paragraph[start : match.end()].strip()
        if sentence:
            found.append(sentence)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        found.append(rest)
    return found


def _ends_with_abbreviation(text: str, abbreviations: frozenset[str]) -> bool:
    tokens = text.split()
    if not tokens:
        return False
    last = tokens[-1].lstrip(_OPENERS)
    if last.lower() in abbreviations:
        return True
    # An initial: one capital letter and the dot, followed in the text by a name.
    return len(last) == 2 and last[0].isupper()
