"""A CEFR level estimate (A1–C1) from two measures a teacher also looks at first: how many
of the words a learner at each level is unlikely to know, and how long the sentences are.

Each measure gives a level; the text reads at the higher of the two. Sentence length alone
never gives C1: long sentences of everyday words are hard for a beginner but are not
advanced text. The bands are in docs/easy-language.md, with the corpus they were checked on.
"""

LEVELS = ("A1", "A2", "B1", "B2", "C1")

# Share of rare words (beyond the language's `rare_from_rank`) up to which a text is still
# at each level; above the last band it is C1.
RARE_SHARE_BANDS = (0.04, 0.10, 0.15, 0.25)
# Average words per sentence up to which a text is still at each level; above the last
# band it is B2.
SENTENCE_LENGTH_BANDS = (6.0, 10.0, 15.0)


def by_vocabulary(rare_share: float) -> int:
    return _band(rare_share, RARE_SHARE_BANDS)


def by_sentences(average_words: float) -> int:
    return _band(average_words, SENTENCE_LENGTH_BANDS)


def estimate(*, rare_share: float | None, average_words: float) -> str:
    """The level; `rare_share` is None when the language has no frequency list, and then
    sentences alone decide."""
    level = by_sentences(average_words)
    if rare_share is not None:
        level = max(level, by_vocabulary(rare_share))
    return LEVELS[level]


def levels_apart(first: str, second: str) -> int:
    """How many levels `first` is above `second` (negative when below)."""
    return LEVELS.index(first) - LEVELS.index(second)


def _band(value: float, bands: tuple[float, ...]) -> int:
    for index, upper in enumerate(bands):
        if value <= upper:
            return index
    return len(bands)
