"""The counts the plays report reads, kept as plays arrive: per day (video, group,
language), per month (the same kinds) and per day and group (the chart). A period's totals
read whole months from the monthly counts and the days around them from the daily ones."""

import uuid
from datetime import date, datetime, time, timedelta

import pytest
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from campaigns.screens import selectors, services
from campaigns.screens.factories import ScreenFactory, ScreenGroupFactory
from campaigns.screens.models import DailyPlays, GroupDailyPlays, MonthlyPlays
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video

pytestmark = pytest.mark.django_db


@pytest.fixture
def videos():
    found = list(Video.objects.filter(processing_status=ProcessingStatus.READY).order_by("pk"))
    assert len(found) >= 2
    return found[:2]


def at_noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def play(video: Video, day: date, language: str, seconds: float = 20.0) -> dict:
    return {
        "event_id": uuid.uuid4(),
        "video_id": video.pk,
        "started_at": at_noon(day),
        "duration_seconds": seconds,
        "language": language,
    }


@pytest.fixture
def fleet(videos):
    """Plays from 20 January to 5 April on screens of two groups."""
    metro, tram = ScreenGroupFactory(name="Metro"), ScreenGroupFactory(name="Tram")
    screens = [ScreenFactory(group=metro), ScreenFactory(group=tram), ScreenFactory(group=metro)]
    day, number = date(2026, 1, 20), 0
    while day <= date(2026, 4, 5):
        batch = [
            play(videos[number % 2], day, ("bg", "ar", "uk")[number % 3], 10.0 + number % 7),
            play(videos[(number + 1) % 2], day, "bg"),
        ]
        services.record_plays(screen=screens[number % 3], events=batch)
        day += timedelta(days=1 + number % 2)
        number += 1
    return metro, tram


def from_daily(since: date, until: date, group_id=None) -> dict:
    """What the totals must be: the per-day counts summed over the period."""
    rows = DailyPlays.objects.filter(day__gte=since, day__lte=until)
    if group_id:
        rows = rows.filter(group_id=group_id)
    return {
        (row["video_id"], row["group__name"], row["language"]): (row["plays"], row["seconds"])
        for row in rows.values("video_id", "group__name", "language").annotate(
            plays=Sum("plays"), seconds=Sum("seconds")
        )
    }


def as_dict(rows: list[dict]) -> dict:
    return {
        (row["video_id"], row["group__name"], row["language"]): (row["plays"], row["seconds"])
        for row in rows
    }


def test_every_batch_adds_to_the_monthly_and_the_group_counts(fleet):
    months = (
        DailyPlays.objects.annotate(month=TruncMonth("day"))
        .values_list("month", "video_id", "group_id", "language")
        .annotate(plays=Sum("plays"), seconds=Sum("seconds"))
    )
    kept = MonthlyPlays.objects.values_list(
        "month", "video_id", "group_id", "language", "plays", "seconds"
    )
    assert sorted(kept, key=str) == sorted(months, key=str)
    assert MonthlyPlays.objects.count() < DailyPlays.objects.count() / 3

    days = DailyPlays.objects.values_list("day", "group_id").annotate(plays=Sum("plays"))
    assert sorted(GroupDailyPlays.objects.values_list("day", "group_id", "plays"), key=str) == (
        sorted(days, key=str)
    )


@pytest.mark.parametrize(
    "since, until",
    [
        (date(2026, 1, 1), date(2026, 12, 31)),  # whole months only
        (date(2026, 1, 25), date(2026, 4, 2)),  # days, whole February and March, days
        (date(2026, 2, 1), date(2026, 3, 15)),  # a whole month, then days
        (date(2026, 2, 10), date(2026, 2, 20)),  # inside one month
        (date(2026, 3, 31), date(2026, 4, 1)),  # across a month's end, no whole month
    ],
)
def test_a_periods_totals_equal_the_sum_of_its_days(fleet, since, until):
    metro, _ = fleet

    assert as_dict(selectors.play_totals(since=since, until=until)) == from_daily(since, until)
    assert as_dict(selectors.play_totals(since=since, until=until, group_id=metro.pk)) == (
        from_daily(since, until, metro.pk)
    )
    per_day = DailyPlays.objects.filter(day__gte=since, day__lte=until).values("day")
    expected = {row["day"]: row["plays"] for row in per_day.annotate(plays=Sum("plays"))}
    assert selectors.plays_per_day(since=since, until=until) == expected


def test_whole_months_are_read_from_the_monthly_counts(fleet, django_assert_num_queries):
    # A year of whole months: one query, on the monthly rows.
    with django_assert_num_queries(1) as queries:
        selectors.play_totals(since=date(2026, 1, 1), until=date(2026, 12, 31))
    assert "monthlyplays" in queries.captured_queries[0]["sql"].lower()


def test_the_rebuild_gives_the_counts_the_batches_kept(fleet):
    kept_months = sorted(MonthlyPlays.objects.values_list("month", "video_id", "plays"), key=str)
    kept_days = sorted(GroupDailyPlays.objects.values_list("day", "group_id", "plays"), key=str)

    services.rebuild_play_rollups()

    assert sorted(MonthlyPlays.objects.values_list("month", "video_id", "plays"), key=str) == (
        kept_months
    )
    assert sorted(GroupDailyPlays.objects.values_list("day", "group_id", "plays"), key=str) == (
        kept_days
    )


def test_the_totals_are_most_played_first(fleet):
    rows = selectors.play_totals(since=date(2026, 1, 1), until=date(2026, 12, 31))
    assert [row["plays"] for row in rows] == sorted((row["plays"] for row in rows), reverse=True)
