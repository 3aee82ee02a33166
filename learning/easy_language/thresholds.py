"""What "easy" means, per language. The reasoning behind each number is in
docs/easy-language.md; Django settings may override any of them (EASY_LANGUAGE_THRESHOLDS).
"""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Thresholds:
    # A sentence longer than this is flagged on its own.
    max_words_per_sentence: int = 15
    # The average the whole text should stay under.
    target_average_words: float = 10.0
    # A word is long from this many syllables (languages with a pyphen dictionary)…
    long_word_syllables: int | None = None
    # …or from this many letters (languages without one).
    long_word_letters: int | None = None
    # Share of long words the whole text may have before the score drops.
    max_long_word_ratio: float = 0.10
    # A sentence with more long words than this is flagged.
    max_long_words_per_sentence: int = 2
    max_sentences_per_paragraph: int = 5
    max_words_per_paragraph: int = 70
    # A word is rare when its dictionary form ranks beyond this in the language's
    # frequency list (learning/easy_language/vocabulary.py)…
    rare_from_rank: int = 4000
    # …and the score drops once rare words are more than this share of the counted words.
    max_rare_word_ratio: float = 0.10
    # A sentence with more rare words than this is flagged.
    max_rare_words_per_sentence: int = 1


# Slavic words carry inflection endings: five syllables is where a Bulgarian, Russian or
# Ukrainian word stops being everyday vocabulary (информация has four). English follows
# Gunning's "complex word" (three syllables and more). Arabic, Farsi and Turkish are
# measured by letters: Arabic and Farsi write short vowels rarely and attach particles, and
# Turkish builds words by suffixes, so counts of letters separate long words better there.
DEFAULTS: dict[str, Thresholds] = {
    "bg": Thresholds(long_word_syllables=5),
    "ru": Thresholds(long_word_syllables=5),
    # Everyday Ukrainian words rank lower in wordfreq's Ukrainian sources than their
    # Russian or Bulgarian equivalents do in theirs (measured on the corpus: see the doc).
    "uk": Thresholds(long_word_syllables=5, rare_from_rank=6000),
    "en": Thresholds(long_word_syllables=3, max_long_word_ratio=0.15),
    "de": Thresholds(long_word_syllables=4, max_long_word_ratio=0.15),
    # Arabic and Farsi attach particles and pronouns to words, and simplemma resolves few
    # Arabic verb forms, so one word's frequency is spread over more listed forms.
    "ar": Thresholds(long_word_letters=10, rare_from_rank=5000),
    "fa": Thresholds(long_word_letters=10, rare_from_rank=6000),
    "tr": Thresholds(
        max_words_per_sentence=12,
        target_average_words=8.0,
        long_word_letters=13,
        max_words_per_paragraph=55,
    ),
}
# For a language with neither a dictionary nor its own entry.
FALLBACK = Thresholds(long_word_letters=12)


def thresholds_for(language: str, overrides: dict[str, dict] | None = None) -> Thresholds:
    """The defaults for `language` (or its base, "pt" for "pt-BR"), with `overrides[language]`
    applied on top; unknown override keys are refused so typos do not pass silently."""
    base = language.split("-")[0].lower()
    thresholds = DEFAULTS.get(base, FALLBACK)
    changes = (overrides or {}).get(base) or {}
    known = {field.name for field in fields(Thresholds)}
    unknown = set(changes) - known
    if unknown:
        raise ValueError(f"Unknown easy-language thresholds for {base!r}: {sorted(unknown)}")
    return replace(thresholds, **changes)
