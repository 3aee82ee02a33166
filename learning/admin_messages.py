"""The checker's reason codes as sentences, in the language that is active (the editor's)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning import easy_language


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
    if issue.code == easy_language.PARAGRAPH_TOO_LONG:
        return _("This paragraph is too long (%(value)d, limit %(limit)d); split it.") % {
            "value": issue.value,
            "limit": issue.limit,
        }
    return issue.code


def describe_report(report: easy_language.Report) -> DescribedReport:
    summary = _(
        "%(sentences)d sentences, %(average)s words per sentence on average, %(long)s%% long words."
    ) % {
        "sentences": len(report.sentences),
        "average": f"{report.average_words_per_sentence:g}",
        "long": f"{report.long_word_ratio * 100:.0f}",
    }
    return DescribedReport(
        score=report.score,
        grade=report.grade,
        grade_label=grade_label(report.grade),
        summary=summary,
        issues=[DescribedIssue(i.text, describe_issue(i), i.code) for i in report.issues],
        is_empty=not report.sentences,
    )
