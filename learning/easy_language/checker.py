"""`check(text, language)`: how easy a text is to read, and which sentences make it harder.

The result carries numbers and reason codes, not messages: the admin words them in the
editor's language, and other callers (the API, scripts) can use the codes as they are.
"""

from dataclasses import dataclass, field

from learning.easy_language import syllables, text
from learning.easy_language.thresholds import Thresholds, thresholds_for

EASY, NEEDS_WORK, HARD = "easy", "needs_work", "hard"
GRADES = (EASY, NEEDS_WORK, HARD)
EASY_FROM, NEEDS_WORK_FROM = 80, 60  # score bands of the grades

# Reason codes of an Issue.
SENTENCE_TOO_LONG = "sentence_too_long"
TOO_MANY_LONG_WORDS = "too_many_long_words"
PARAGRAPH_TOO_LONG = "paragraph_too_long"

# How much each kind of difficulty can take off the score of 100.
WEIGHTS = {
    "long_sentences": 40,  # share of sentences over the limit
    "average_length": 20,  # how far the average sentence is over the target
    "long_words": 25,  # how far the share of long words is over the allowed share
    "long_paragraphs": 15,  # share of paragraphs over the limit
}


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # index of its paragraph
    words: int
    long_words: tuple[str, ...]


@dataclass(frozen=True)
class Issue:
    code: str  # one of the reason codes above
    text: str  # the sentence, or the paragraph's opening
    paragraph: int
    value: int  # what was measured (words, long words…)
    limit: int  # the threshold it went over
    long_words: tuple[str, ...] = ()


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

    @property
    def word_count(self) -> int:
        return sum(sentence.words for sentence in self.sentences)

    @property
    def long_words(self) -> tuple[str, ...]:
        return tuple(word for sentence in self.sentences for word in sentence.long_words)


def check(text_to_check: str, language: str, *, thresholds: Thresholds | None = None) -> Report:
    """Measure `text_to_check` (paragraphs separated by blank lines) written in `language`.

    Thresholds default to the language's (learning.easy_language.thresholds.DEFAULTS)."""
    language = language.split("-")[0].lower()
    limits = thresholds or thresholds_for(language)
    counts_syllables = limits.long_word_syllables is not None and syllables.has_dictionary(language)

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

    return _report(language, limits, found, paragraph_words, long_paragraphs, issues)


def _report(language, limits, found, paragraph_words, long_paragraphs, issues) -> Report:
    total_words = sum(sentence.words for sentence in found)
    if not found:
        # Nothing to read is nothing hard to read; callers can tell by the empty sentences.
        return Report(language, 100, EASY, (), (), 0.0, 0.0, (), limits)
    average = total_words / len(found)
    long_ratio = sum(len(sentence.long_words) for sentence in found) / total_words
    penalties = {
        "long_sentences": sum(s.words > limits.max_words_per_sentence for s in found) / len(found),
        "average_length": _excess(average, limits.target_average_words),
        "long_words": _excess(long_ratio, limits.max_long_word_ratio),
        "long_paragraphs": long_paragraphs / len(paragraph_words),
    }
    score = round(100 - sum(WEIGHTS[name] * share for name, share in penalties.items()))
    score = max(0, min(100, score))
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
