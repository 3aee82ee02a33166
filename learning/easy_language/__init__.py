"""The easy-language checker: how easy a text is to read for someone learning the language.

Pure Python (no Django): `check(text, language)` returns a `Report` with the sentences,
words per sentence, long words, paragraph lengths, a 0–100 score, a grade and the issues
(offending sentences with a reason code). See docs/easy-language.md.
"""

from learning.easy_language.checker import (
    EASY,
    GRADES,
    HARD,
    NEEDS_WORK,
    PARAGRAPH_TOO_LONG,
    SENTENCE_TOO_LONG,
    TOO_MANY_LONG_WORDS,
    Issue,
    Report,
    Sentence,
    check,
    grade_for,
)
from learning.easy_language.thresholds import DEFAULTS, Thresholds, thresholds_for

__all__ = [
    "DEFAULTS",
    "EASY",
    "GRADES",
    "HARD",
    "NEEDS_WORK",
    "PARAGRAPH_TOO_LONG",
    "SENTENCE_TOO_LONG",
    "TOO_MANY_LONG_WORDS",
    "Issue",
    "Report",
    "Sentence",
    "Thresholds",
    "check",
    "grade_for",
    "thresholds_for",
]
