"""When playlists play: pure functions over plain values, with no database and no clock.

A playlist's rule is a date range (either end open), a set of weekdays and daily time windows
in the platform's time zone. A window whose end is before its start runs past midnight
(22:00–02:00 on a Friday ends on Saturday at 02:00); its weekday is the day it starts.

On a screen, of the assignments whose rule holds at a moment, the highest priority wins; at
equal priority an assignment to the screen itself beats one to its group, then the older
assignment wins. When none holds, the fallback playlist plays.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import pairwise

WEEKDAYS = range(7)  # Monday is 0, as datetime.weekday() counts

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class Rule:
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    weekdays: frozenset[int] = frozenset(WEEKDAYS)
    windows: tuple[tuple[time, time], ...] = ()

    def intervals(self, start: datetime, end: datetime, zone: tzinfo) -> list[Interval]:
        """The merged, sorted intervals within [start, end) when the rule holds."""
        lower = max(start, self.starts_at) if self.starts_at else start
        upper = min(end, self.ends_at) if self.ends_at else end
        if lower >= upper:
            return []
        found = []
        # A window that starts the day before `lower` may still be running.
        day = lower.astimezone(zone).date() - timedelta(days=1)
        last_day = upper.astimezone(zone).date()
        while day <= last_day:
            if day.weekday() in self.weekdays:
                for opens, closes in self._daily(day, zone):
                    opens, closes = max(opens, lower), min(closes, upper)
                    if opens < closes:
                        found.append((opens, closes))
            day += timedelta(days=1)
        return merge(found)

    def _daily(self, day: date, zone: tzinfo) -> list[Interval]:
        if not self.windows:
            return [(_at(day, time.min, zone), _at(day + timedelta(days=1), time.min, zone))]
        spans = []
        for opens, closes in self.windows:
            end_day = day if closes > opens else day + timedelta(days=1)
            spans.append((_at(day, opens, zone), _at(end_day, closes, zone)))
        return spans

    def holds_at(self, moment: datetime, zone: tzinfo) -> bool:
        return bool(self.intervals(moment, moment + timedelta(microseconds=1), zone))

    def why_not(self, moment: datetime, zone: tzinfo) -> str | None:
        """None when the rule holds at `moment`; otherwise which part of it does not:
        "not_started", "ended", "weekday" or "hours"."""
        if self.starts_at and moment < self.starts_at:
            return "not_started"
        if self.ends_at and moment >= self.ends_at:
            return "ended"
        if self.holds_at(moment, zone):
            return None
        if not self.windows or moment.astimezone(zone).weekday() not in self.weekdays:
            return "weekday"
        return "hours"


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def merge(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Candidate:
    """One assignment of a playlist to a screen (directly or through its group)."""

    assignment_id: int
    playlist_id: int
    priority: int
    for_screen: bool
    rule: Rule = field(default_factory=Rule)

    @property
    def rank(self) -> tuple:
        return (self.priority, self.for_screen, -self.assignment_id)


def winner(candidates: list[Candidate], moment: datetime, zone: tzinfo) -> Candidate | None:
    holding = [c for c in candidates if c.rule.holds_at(moment, zone)]
    return max(holding, key=lambda c: c.rank, default=None)


@dataclass(frozen=True)
class Segment:
    """[start, end): `candidate` plays; None means the fallback playlist."""

    start: datetime
    end: datetime
    candidate: Candidate | None


def timeline(
    candidates: list[Candidate], start: datetime, end: datetime, zone: tzinfo
) -> list[Segment]:
    """Who plays when between start and end, as consecutive segments covering all of it."""
    spans = {c: c.rule.intervals(start, end, zone) for c in candidates}
    edges = {start, end}
    for intervals in spans.values():
        for opens, closes in intervals:
            edges.update((opens, closes))
    edges = sorted(edges)
    segments: list[Segment] = []
    for left, right in pairwise(edges):
        holding = [c for c, intervals in spans.items() if any(o <= left < e for o, e in intervals)]
        best = max(holding, key=lambda c: c.rank, default=None)
        if segments and segments[-1].candidate == best and segments[-1].end == left:
            segments[-1] = Segment(segments[-1].start, right, best)
        else:
            segments.append(Segment(left, right, best))
    return segments
