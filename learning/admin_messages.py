"""The checker's reason codes as sentences, in the language that is active (the editor's)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning import easy_language
from learning.glossary import selectors


@dataclass(frozen=True)
class DescribedIssue:
    sentence: str
    message: str
    code: str


@dataclass(frozen=True)
class DescribedReport:
    score: int
    grade: str
    grade_label: str
    summary: str
    issues: list[DescribedIssue]
    is_empty: bool
    language: str = ""
    cefr: str = ""  # the estimated level
    level_warning: str = ""  # set when the text reads two levels or more above the chosen one
    rare_words: list[str] = field(default_factory=list)  # each once, in text order
    # Where an editor adds a rare word to the glossary (the word is appended to it).
    glossary_add_url: str = ""
    notices: list[str] = field(default_factory=list)  # what the check could not do


def grade_label(grade: str) -> str:
    return {
        easy_language.EASY: _("Easy"),
        easy_language.NEEDS_WORK: _("Needs work"),
        easy_language.HARD: _("Hard"),
    }.get(grade, grade)


def describe_issue(issue: easy_language.Issue) -> str:
    if issue.code == easy_language.SENTENCE_TOO_LONG:
        return ngettext(
            "This sentence has %(value)d word; keep sentences to %(limit)d words or fewer.",
            "This sentence has %(value)d words; keep sentences to %(limit)d words or fewer.",
            issue.value,
        ) % {"value": issue.value, "limit": issue.limit}
    if issue.code == easy_language.TOO_MANY_LONG_WORDS:
        return _("This sentence has %(value)d long words (%(words)s); use at most %(limit)d.") % {
            "value": issue.value,
            "words": ", ".join(issue.long_words),
            "limit": issue.limit,
        }
    if issue.code == easy_language.TOO_MANY_RARE_WORDS:
        return _(
            "This sentence has %(value)d rare words (%(words)s): use everyday words, or "
            "explain them in a key word or the glossary."
        ) % {"value": issue.value, "words": ", ".join(issue.rare_words)}
    if issue.code == easy_language.PARAGRAPH_TOO_LONG:
        return _("This paragraph is too long (%(value)d, limit %(limit)d); split it.") % {
            "value": issue.value,
            "limit": issue.limit,
        }
    return issue.code


def describe_text(text: str, language: str) -> DescribedReport:
    """The check of any page's text (cms.readability), with the configured thresholds; the
    glossary's terms in that language are explained words."""
    thresholds = easy_language.thresholds_for(language, settings.EASY_LANGUAGE_THRESHOLDS)
    explained = selectors.glossary_terms(language)
    report = easy_language.check(text, language, thresholds=thresholds, explained=explained)
    return describe_report(report)


def describe_report(report: easy_language.Report, *, chosen_level: str = "") -> DescribedReport:
    summary = _(
        "%(sentences)d sentences, %(average)s words per sentence on average, %(long)s%% long words."
    ) % {
        "sentences": len(report.sentences),
        "average": f"{report.average_words_per_sentence:g}",
        "long": f"{report.long_word_ratio * 100:.0f}",
    }
    level_warning = ""
    reads_above = chosen_level and easy_language.levels_apart(report.cefr, chosen_level) >= 2
    if reads_above and report.sentences:
        level_warning = _(
            "The text reads at %(estimated)s, two levels or more above the level chosen "
            "for it (%(chosen)s)."
        ) % {"estimated": report.cefr, "chosen": chosen_level}
    notices = []
    if not report.vocabulary_checked:
        notices.append(
            _("There is no word list for this language: only sentence and word length count.")
        )
    if report.truncated:
        notices.append(
            _("The text is very long: only its first %(characters)s characters were checked.")
            % {"characters": f"{easy_language.MAX_CHECKED_CHARACTERS:,}"}
        )
    return DescribedReport(
        score=report.score,
        grade=report.grade,
        grade_label=grade_label(report.grade),
        summary=summary,
        issues=[DescribedIssue(i.text, describe_issue(i), i.code) for i in report.issues],
        is_empty=not report.sentences,
        language=report.language,
        glossary_add_url=(
            reverse("wagtailsnippets_learning_glossaryterm:add")
            + "?"
            + urlencode({"locale": report.language, "term": ""})
        ),
        cefr=report.cefr,
        level_warning=level_warning,
        rare_words=list(dict.fromkeys(rare.word for rare in report.rare_words)),
        notices=notices,
    )
