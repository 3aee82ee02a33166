"""`check(text, language)`: how easy a text is to read, and which sentences make it harder.

The result carries numbers and reason codes, not messages: the admin words them in the
editor's language, and other callers (the API, scripts) can use the codes as they are.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from learning.easy_language import cefr, syllables, text, vocabulary
from learning.easy_language.thresholds import Thresholds, thresholds_for

EASY, NEEDS_WORK, HARD = "easy", "needs_work", "hard"
GRADES = (EASY, NEEDS_WORK, HARD)
EASY_FROM, NEEDS_WORK_FROM = 80, 60  # score bands of the grades
EASY_UP_TO_LEVEL = cefr.LEVELS.index("A2")  # an easy text reads at A1 or A2

# Reason codes of an Issue.
SENTENCE_TOO_LONG = "sentence_too_long"
TOO_MANY_LONG_WORDS = "too_many_long_words"
PARAGRAPH_TOO_LONG = "paragraph_too_long"
TOO_MANY_RARE_WORDS = "too_many_rare_words"

# Longer texts are checked up to here (about 15,000 words) and the report says so: the
# check stays fast in the editor whatever is pasted.
MAX_CHECKED_CHARACTERS = 100_000

# How much each kind of difficulty can take off the score of 100.
WEIGHTS = {
    "long_sentences": 40,  # share of sentences over the limit
    "average_length": 20,  # how far the average sentence is over the target
    "long_words": 25,  # how far the share of long words is over the allowed share
    "long_paragraphs": 15,  # share of paragraphs over the limit
    "rare_words": 40,  # how far the share of rare words is over the allowed share
}


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # index of its paragraph
    words: int
    long_words: tuple[str, ...]
    rare_words: tuple[str, ...] = ()  # as written, in the order they come


@dataclass(frozen=True)
class RareWord:
    word: str
    sentence: str
    paragraph: int


@dataclass(frozen=True)
class Issue:
    code: str  # one of the reason codes above
    text: str  # the sentence, or the paragraph's opening
    paragraph: int
    value: int  # what was measured (words, long words…)
    limit: int  # the threshold it went over
    long_words: tuple[str, ...] = ()
    rare_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    language: str
    score: int  # 0 (hard) to 100 (easy)
    grade: str  # EASY, NEEDS_WORK or HARD
    sentences: tuple[Sentence, ...]
    paragraph_words: tuple[int, ...]  # words per paragraph
    average_words_per_sentence: float
    long_word_ratio: float
    issues: tuple[Issue, ...]
    thresholds: Thresholds = field(repr=False)
    # Share of the counted words (not numbers, names or explained words) that are rare.
    rare_word_ratio: float = 0.0
    cefr: str = cefr.LEVELS[0]  # the estimated level, A1 to C1
    # False for a language without a frequency list: only the length rules were applied.
    vocabulary_checked: bool = False
    truncated: bool = False  # only the first MAX_CHECKED_CHARACTERS were checked

    @property
    def word_count(self) -> int:
        return sum(sentence.words for sentence in self.sentences)

    @property
    def long_words(self) -> tuple[str, ...]:
        return tuple(word for sentence in self.sentences for word in sentence.long_words)

    @property
    def rare_words(self) -> tuple[RareWord, ...]:
        return tuple(
            RareWord(word, sentence.text, sentence.paragraph)
            for sentence in self.sentences
            for word in sentence.rare_words
        )


def check(
    text_to_check: str,
    language: str,
    *,
    thresholds: Thresholds | None = None,
    explained: Iterable[str] = (),
) -> Report:
    """Measure `text_to_check` (paragraphs separated by blank lines) written in `language`.

    Thresholds default to the language's (learning.easy_language.thresholds.DEFAULTS).
    `explained` are terms the text or its glossary explains: their words are never rare."""
    language = language.split("-")[0].lower()
    limits = thresholds or thresholds_for(language)
    counts_syllables = limits.long_word_syllables is not None and syllables.has_dictionary(language)
    truncated = len(text_to_check) > MAX_CHECKED_CHARACTERS
    if truncated:
        text_to_check = text_to_check[:MAX_CHECKED_CHARACTERS]
    words_table = vocabulary.table_for(language)
    explained_keys = {
        vocabulary.key(word, language) for term in explained for word in text.words(term)
    }
    counted = rare_count = 0

    def rare_in(sentence_words: list[str]) -> list[str]:
        nonlocal counted, rare_count
        found = []
        for position, word in enumerate(sentence_words):
            if not _counts_as_vocabulary(word, position):
                continue
            if vocabulary.key(word, language) in explained_keys:
                continue
            counted += 1
            rank = words_table.rank(word)
            if rank is None or rank > limits.rare_from_rank:
                found.append(word)
        rare_count += len(found)
        return found

    def is_long(word: str) -> bool:
        if word.isdigit():
            return False
        if counts_syllables:
            return syllables.count(word, language) >= limits.long_word_syllables
        letters = sum(1 for character in word if character.isalpha())
        return letters >= (limits.long_word_letters or 12)

    found: list[Sentence] = []
    issues: list[Issue] = []
    paragraph_words: list[int] = []
    long_paragraphs = 0
    for index, paragraph in enumerate(text.paragraphs(text_to_check)):
        in_paragraph = []
        for sentence_text in text.sentences(paragraph, language):
            sentence_words = text.words(sentence_text)
            if not sentence_words:
                continue
            sentence = Sentence(
                text=sentence_text,
                paragraph=index,
                words=len(sentence_words),
                long_words=tuple(word for word in sentence_words if is_long(word)),
                rare_words=tuple(rare_in(sentence_words)) if words_table else (),
            )
            in_paragraph.append(sentence)
            if sentence.words > limits.max_words_per_sentence:
                issues.append(
                    Issue(
                        SENTENCE_TOO_LONG,
                        sentence.text,
                        index,
                        sentence.words,
                        limits.max_words_per_sentence,
                    )
                )
            if len(sentence.long_words) > limits.max_long_words_per_sentence:
                issues.append(
                    Issue(
                        TOO_MANY_LONG_WORDS,
                        sentence.text,
                        index,
                        len(sentence.long_words),
                        limits.max_long_words_per_sentence,
                        sentence.long_words,
                    )
                )
            if len(sentence.rare_words) > limits.max_rare_words_per_sentence:
                issues.append(
                    Issue(
                        TOO_MANY_RARE_WORDS,
                        sentence.text,
                        index,
                        len(sentence.rare_words),
                        limits.max_rare_words_per_sentence,
                        rare_words=sentence.rare_words,
                    )
                )
        if not in_paragraph:
            continue
        found.extend(in_paragraph)
        words_here = sum(sentence.words for sentence in in_paragraph)
        paragraph_words.append(words_here)
        too_many_sentences = len(in_paragraph) > limits.max_sentences_per_paragraph
        if too_many_sentences or words_here > limits.max_words_per_paragraph:
            long_paragraphs += 1
            issues.append(
                Issue(
                    PARAGRAPH_TOO_LONG,
                    in_paragraph[0].text,
                    index,
                    len(in_paragraph) if too_many_sentences else words_here,
                    limits.max_sentences_per_paragraph
                    if too_many_sentences
                    else limits.max_words_per_paragraph,
                )
            )

    rare_ratio = rare_count / counted if counted else (0.0 if words_table else None)
    report = _report(language, limits, found, paragraph_words, long_paragraphs, issues, rare_ratio)
    return replace(report, truncated=truncated)


def _counts_as_vocabulary(word: str, position: int) -> bool:
    """Numbers and names are not vocabulary a reader must learn: a name is capitalised
    inside a sentence, an abbreviation is in capitals (ЕГН, NGO)."""
    if any(character.isdigit() for character in word):
        return False
    if position > 0 and word[:1].isupper():
        return False
    return not (len(word) > 1 and word.isupper())


def _report(
    language, limits, found, paragraph_words, long_paragraphs, issues, rare_ratio
) -> Report:
    total_words = sum(sentence.words for sentence in found)
    vocabulary_checked = rare_ratio is not None
    if not found:
        # Nothing to read is nothing hard to read; callers can tell by the empty sentences.
        return Report(
            language, 100, EASY, (), (), 0.0, 0.0, (), limits,
            vocabulary_checked=vocabulary_checked,
        )  # fmt: skip
    average = total_words / len(found)
    long_ratio = sum(len(sentence.long_words) for sentence in found) / total_words
    penalties = {
        "long_sentences": sum(s.words > limits.max_words_per_sentence for s in found) / len(found),
        "average_length": _excess(average, limits.target_average_words),
        "long_words": _excess(long_ratio, limits.max_long_word_ratio),
        "long_paragraphs": long_paragraphs / len(paragraph_words),
        "rare_words": _excess(rare_ratio or 0.0, limits.max_rare_word_ratio),
    }
    score = round(100 - sum(WEIGHTS[name] * share for name, share in penalties.items()))
    level = cefr.estimate(rare_share=rare_ratio, average_words=average)
    # "Easy" means a first-year learner can read it: a text that reads above A2 is not.
    ceiling = 100 if cefr.LEVELS.index(level) <= EASY_UP_TO_LEVEL else EASY_FROM - 1
    score = max(0, min(ceiling, score))
    return Report(
        language=language,
        score=score,
        grade=grade_for(score),
        sentences=tuple(found),
        paragraph_words=tuple(paragraph_words),
        average_words_per_sentence=round(average, 1),
        long_word_ratio=round(long_ratio, 3),
        issues=tuple(issues),
        thresholds=limits,
        rare_word_ratio=round(rare_ratio or 0.0, 3),
        cefr=level,
        vocabulary_checked=vocabulary_checked,
    )


def _excess(value: float, allowed: float) -> float:
    """0 up to `allowed`, rising to 1 at twice the allowed value."""
    if allowed <= 0:
        return 1.0 if value > 0 else 0.0
    return max(0.0, min(1.0, (value - allowed) / allowed))


def grade_for(score: int) -> str:
    if score >= EASY_FROM:
        return EASY
    if score >= NEEDS_WORK_FROM:
        return NEEDS_WORK
    return HARD
