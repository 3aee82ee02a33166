"""Schedule resolution with a fixed clock: every moment below is given, never read."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from campaigns.screens.schedule import Candidate, Rule, merge, timeline, winner

SOFIA = ZoneInfo("Europe/Sofia")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SOFIA)


FRIDAY, SATURDAY, SUNDAY = 4, 5, 6


def test_an_open_rule_holds_always():
    assert Rule().holds_at(at("2026-11-21 03:00"), SOFIA)


def test_dates_bound_the_rule_start_included_end_excluded():
    rule = Rule(starts_at=at("2026-12-01 00:00"), ends_at=at("2026-12-24 00:00"))
    assert not rule.holds_at(at("2026-11-30 23:59"), SOFIA)
    assert rule.holds_at(at("2026-12-01 00:00"), SOFIA)
    assert rule.holds_at(at("2026-12-23 23:59"), SOFIA)
    assert not rule.holds_at(at("2026-12-24 00:00"), SOFIA)
    assert rule.why_not(at("2026-11-30 12:00"), SOFIA) == "not_started"
    assert rule.why_not(at("2026-12-24 12:00"), SOFIA) == "ended"


def test_weekdays_limit_the_rule():
    weekends = Rule(weekdays=frozenset({SATURDAY, SUNDAY}))
    assert weekends.holds_at(at("2026-11-21 12:00"), SOFIA)  # a Saturday
    assert not weekends.holds_at(at("2026-11-23 12:00"), SOFIA)  # a Monday
    assert weekends.why_not(at("2026-11-23 12:00"), SOFIA) == "weekday"


def test_daily_windows_limit_the_hours():
    mornings = Rule(windows=((time(7), time(10)),))
    assert mornings.holds_at(at("2026-11-23 07:00"), SOFIA)
    assert not mornings.holds_at(at("2026-11-23 10:00"), SOFIA)
    assert mornings.why_not(at("2026-11-23 12:00"), SOFIA) == "hours"


def test_a_window_past_midnight_belongs_to_the_day_it_starts():
    friday_nights = Rule(weekdays=frozenset({FRIDAY}), windows=((time(22), time(2)),))
    assert friday_nights.holds_at(at("2026-11-20 23:30"), SOFIA)  # Friday night
    assert friday_nights.holds_at(at("2026-11-21 01:59"), SOFIA)  # after midnight, Saturday
    assert not friday_nights.holds_at(at("2026-11-21 02:00"), SOFIA)
    assert not friday_nights.holds_at(at("2026-11-21 23:30"), SOFIA)  # Saturday night
    assert not friday_nights.holds_at(at("2026-11-20 01:00"), SOFIA)  # Thursday's night


def test_intervals_are_clipped_and_merged():
    rule = Rule(windows=((time(22), time(2)), (time(1), time(3))))
    found = rule.intervals(at("2026-11-21 00:00"), at("2026-11-22 00:00"), SOFIA)
    # Friday's 22–02 and Saturday's 01–03 overlap into 00:00–03:00; Saturday's 22:00 runs on.
    assert found == [
        (at("2026-11-21 00:00"), at("2026-11-21 03:00")),
        (at("2026-11-21 22:00"), at("2026-11-22 00:00")),
    ]


def test_windows_keep_local_time_across_a_daylight_saving_change():
    # Europe/Sofia moves from UTC+3 to UTC+2 in the night of 25 October 2026.
    mornings = Rule(windows=((time(8), time(9)),))
    found = mornings.intervals(at("2026-10-24 00:00"), at("2026-10-26 00:00"), SOFIA)
    assert [(start.utcoffset(), start.hour) for start, _ in found] == [
        (timedelta(hours=3), 8),
        (timedelta(hours=2), 8),
    ]


def test_merge_joins_touching_intervals():
    a, b, c = at("2026-01-01 00:00"), at("2026-01-01 01:00"), at("2026-01-01 02:00")
    assert merge([(b, c), (a, b)]) == [(a, c)]


def candidate(assignment_id, priority=0, for_screen=False, rule=None, playlist_id=None):
    return Candidate(
        assignment_id=assignment_id,
        playlist_id=playlist_id or assignment_id,
        priority=priority,
        for_screen=for_screen,
        rule=rule or Rule(),
    )


def test_the_highest_priority_wins():
    low, high = candidate(1, priority=1), candidate(2, priority=5)
    assert winner([low, high], at("2026-11-21 12:00"), SOFIA) == high


def test_at_equal_priority_the_screen_beats_its_group_then_the_older_assignment():
    group, screen = candidate(1, priority=3), candidate(2, priority=3, for_screen=True)
    assert winner([group, screen], at("2026-11-21 12:00"), SOFIA) == screen
    older, newer = candidate(3), candidate(4)
    assert winner([newer, older], at("2026-11-21 12:00"), SOFIA) == older


def test_a_higher_priority_outside_its_hours_does_not_win():
    always = candidate(1, priority=0)
    mornings = candidate(2, priority=9, rule=Rule(windows=((time(7), time(10)),)))
    assert winner([always, mornings], at("2026-11-21 08:00"), SOFIA) == mornings
    assert winner([always, mornings], at("2026-11-21 12:00"), SOFIA) == always


def test_nothing_holds_means_the_fallback():
    december = candidate(1, rule=Rule(starts_at=at("2026-12-01 00:00")))
    assert winner([december], at("2026-11-21 12:00"), SOFIA) is None


def test_the_timeline_covers_the_horizon_with_the_winners_and_fallback_gaps():
    always = candidate(1, priority=0, rule=Rule(starts_at=at("2026-11-21 06:00")))
    nights = candidate(2, priority=5, rule=Rule(windows=((time(22), time(2)),)))
    segments = timeline([always, nights], at("2026-11-21 00:00"), at("2026-11-22 12:00"), SOFIA)
    assert [(s.start, s.end, s.candidate) for s in segments] == [
        (at("2026-11-21 00:00"), at("2026-11-21 02:00"), nights),  # Friday night runs on
        (at("2026-11-21 02:00"), at("2026-11-21 06:00"), None),  # fallback
        (at("2026-11-21 06:00"), at("2026-11-21 22:00"), always),
        (at("2026-11-21 22:00"), at("2026-11-22 02:00"), nights),
        (at("2026-11-22 02:00"), at("2026-11-22 12:00"), always),
    ]


@pytest.mark.parametrize("hour", range(24))
def test_the_timeline_agrees_with_the_winner_at_every_hour(hour):
    candidates = [
        candidate(1, priority=1, rule=Rule(weekdays=frozenset({SATURDAY}))),
        candidate(2, priority=2, rule=Rule(windows=((time(20), time(4)),))),
        candidate(3, priority=2, for_screen=True, rule=Rule(windows=((time(3), time(5)),))),
    ]
    start, end = at("2026-11-21 00:00"), at("2026-11-22 00:00")
    moment = start + timedelta(hours=hour, minutes=30)
    segment = next(s for s in timeline(candidates, start, end, SOFIA) if s.start <= moment < s.end)
    assert segment.candidate == winner(candidates, moment, SOFIA)
