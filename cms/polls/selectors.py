"""Reads for polls: the reader's translation, whether it is open, and the results."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count

from cms import languages
from cms.data_stories.charts import Bar, BarChart, bar_chart
from cms.polls.models import Poll, PollVote


@dataclass(frozen=True)
class Answer:
    key: UUID
    label: str


@dataclass(frozen=True)
class AnswerResult:
    key: UUID
    label: str
    votes: int
    percent: float  # of all votes, one decimal


@dataclass(frozen=True)
class PollResults:
    answers: list[AnswerResult]
    total: int
    chart: BarChart  # bars of percentages, in the answers' order

    @property
    def bars(self) -> list[tuple[Bar, AnswerResult, float]]:
        """(bar, its answer, the bar's middle) for drawing: labels sit centred under their
        bar, which reads the same in left-to-right and right-to-left pages."""
        return [
            (bar, answer, round(bar.x + bar.width / 2, 1))
            for bar, answer in zip(self.chart.bars, self.answers, strict=True)
        ]


@dataclass(frozen=True)
class ReaderPoll:
    """A poll as one reader sees it: texts in their language (or its nearest fallback),
    settings and answers from the source language's copy, which decides."""

    key: UUID
    poll: Poll  # the copy shown; its locale may be a fallback
    source: Poll
    answers: list[Answer]

    @property
    def is_closed(self) -> bool:
        return self.source.is_closed

    @property
    def shows_results_before_voting(self) -> bool:
        return self.source.shows_results_before_voting

    @property
    def language(self) -> languages.Language:
        return languages.get(self.poll.locale.language_code)

    @property
    def dom_id(self) -> str:
        return f"poll-{self.key}"

    def answer_keys(self) -> set[UUID]:
        return {answer.key for answer in self.answers}


def source_poll(poll_key: UUID) -> Poll | None:
    """The source language's copy of a poll; failing that (made in another language),
    the oldest copy."""
    copies = Poll.objects.filter(translation_key=poll_key).select_related("locale")
    source = copies.filter(locale__language_code=languages.source_language().code).first()
    return source or copies.order_by("pk").first()


def poll_for_reader(poll_key: UUID, *, language_code: str | None = None) -> ReaderPoll | None:
    """The poll with this translation key for the reader, or None if there is none."""
    source = source_poll(poll_key)
    if source is None:
        return None
    shown = Poll.objects.ordered_in_reader_language([poll_key], language_code)
    poll = shown[0] if shown else source
    labels = {option.translation_key: option.label for option in poll.options.all()}
    # The source's answers decide which answers exist and their order; an answer added
    # since the translation was last synced shows in the source language meanwhile.
    answers = [
        Answer(key=option.translation_key, label=labels.get(option.translation_key, option.label))
        for option in source.options.all()
    ]
    return ReaderPoll(key=poll_key, poll=poll, source=source, answers=answers)


def vote_counts(poll_key: UUID) -> dict[UUID, int]:
    rows = (
        PollVote.objects.filter(poll_key=poll_key)
        .values("option_key")
        .annotate(votes=Count("id"))
        .order_by()
    )
    return {row["option_key"]: row["votes"] for row in rows}


def results(reader_poll: ReaderPoll) -> PollResults:
    """Votes and shares per answer, from every language's votes."""
    counts = vote_counts(reader_poll.key)
    total = sum(counts.get(answer.key, 0) for answer in reader_poll.answers)
    answers = [
        AnswerResult(
            key=answer.key,
            label=answer.label,
            votes=counts.get(answer.key, 0),
            percent=round(100 * counts.get(answer.key, 0) / total, 1) if total else 0.0,
        )
        for answer in reader_poll.answers
    ]
    chart = bar_chart([(answer.label, answer.percent) for answer in answers])
    return PollResults(answers=answers, total=total, chart=chart)


@dataclass(frozen=True)
class LanguageCount:
    option_key: UUID
    label: str  # in the source language; "removed answer" rows have the key only
    language: str
    votes: int


def votes_per_language(poll_key: UUID) -> list[LanguageCount]:
    """For the admin: votes per answer and language, answers in the source's order;
    votes for answers removed since come last."""
    source = source_poll(poll_key)
    labels = {option.translation_key: option.label for option in source.options.all()}
    order = {key: position for position, key in enumerate(labels)}
    rows = (
        PollVote.objects.filter(poll_key=poll_key)
        .values("option_key", "language")
        .annotate(votes=Count("id"))
        .order_by()
    )
    language_order = {code: position for position, code in enumerate(languages.codes())}
    counts = [
        LanguageCount(
            option_key=row["option_key"],
            label=labels.get(row["option_key"], ""),
            language=row["language"],
            votes=row["votes"],
        )
        for row in rows
    ]
    return sorted(
        counts,
        key=lambda row: (
            order.get(row.option_key, len(order)),
            str(row.option_key),
            language_order.get(row.language, len(language_order)),
        ),
    )


@dataclass(frozen=True)
class LanguageRow:
    label: str  # the answer in the source language; empty for a removed answer
    option_key: UUID
    counts: list[int]  # per language, in `languages.codes()` order
    total: int


def votes_table(poll_key: UUID) -> list[LanguageRow]:
    """For the admin: one row per answer (removed answers with votes last), one count per
    platform language."""
    codes = languages.codes()
    rows: dict[UUID, LanguageRow] = {}
    source = source_poll(poll_key)
    for option in source.options.all():
        rows[option.translation_key] = LanguageRow(
            option.label, option.translation_key, [0] * len(codes), 0
        )
    for count in votes_per_language(poll_key):
        row = rows.setdefault(
            count.option_key, LanguageRow("", count.option_key, [0] * len(codes), 0)
        )
        if count.language in codes:
            row.counts[codes.index(count.language)] += count.votes
        rows[count.option_key] = LanguageRow(
            row.label, row.option_key, row.counts, row.total + count.votes
        )
    return list(rows.values())
