"""The easy-language checker: how easy a text is to read for someone learning the language.

Pure Python (no Django): `check(text, language)` returns a `Report` with the sentences,
words per sentence, long words, rare words, paragraph lengths, a 0–100 score, a grade, an
estimated CEFR level and the issues (offending sentences with a reason code). See
docs/easy-language.md.
"""

from learning.easy_language.cefr import LEVELS as CEFR_LEVELS
from learning.easy_language.cefr import levels_apart
from learning.easy_language.checker import (
    EASY,
    GRADES,
    HARD,
    MAX_CHECKED_CHARACTERS,
    NEEDS_WORK,
    PARAGRAPH_TOO_LONG,
    SENTENCE_TOO_LONG,
    TOO_MANY_LONG_WORDS,
    TOO_MANY_RARE_WORDS,
    Issue,
    RareWord,
    Report,
    Sentence,
    check,
    grade_for,
)
from learning.easy_language.thresholds import DEFAULTS, Thresholds, thresholds_for
from learning.easy_language.vocabulary import load as load_word_lists

__all__ = [
    "CEFR_LEVELS",
    "DEFAULTS",
    "EASY",
    "GRADES",
    "HARD",
    "MAX_CHECKED_CHARACTERS",
    "NEEDS_WORK",
    "PARAGRAPH_TOO_LONG",
    "SENTENCE_TOO_LONG",
    "TOO_MANY_LONG_WORDS",
    "TOO_MANY_RARE_WORDS",
    "Issue",
    "RareWord",
    "Report",
    "Sentence",
    "Thresholds",
    "check",
    "grade_for",
    "levels_apart",
    "load_word_lists",
    "thresholds_for",
]
