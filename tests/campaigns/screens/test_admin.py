import csv
import importlib
import io
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.screens import selectors, services
from campaigns.screens.factories import (
    PlaylistAssignmentFactory,
    PlaylistFactory,
    PlaylistItemFactory,
    ScreenFactory,
    ScreenGroupFactory,
)
from campaigns.screens.models import DailyPlays, PlayEvent, Playlist, Screen
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video

pytestmark = pytest.mark.django_db


@pytest.fixture
def video():
    return Video.objects.filter(processing_status=ProcessingStatus.READY).order_by("pk").first()


def test_a_new_screen_shows_its_token_once(english_editor, video):
    group = ScreenGroupFactory()
    response = english_editor.post(
        reverse("wagtailsnippets_campaigns_screen:add"),
        {
            "name": "Serdika, platform 1",
            "group": group.pk,
            "location": "Serdika",
            "language": "ar",
            "orientation": "landscape",
            "active": "on",
        },
    )
    assert response.status_code == 200
    screen = Screen.objects.get(name="Serdika, platform 1")
    token = response.context["token"]
    assert token and token in response.content.decode()
    assert f"/screens/{screen.pk}/player/#token={token}" in response.content.decode()
    assert screen.token_hash and token not in screen.token_hash

    # The token works for the screen's reports; its page never shows it again.
    plays = english_editor.post(
        f"/api/v1/screens/{screen.pk}/plays/",
        data={"events": []},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert plays.status_code == 400  # authenticated; an empty batch is refused
    page = english_editor.get(reverse("screen_token:show", args=[screen.pk]))
    assert token not in page.content.decode()
    assert f"/screens/{screen.pk}/player/" in page.content.decode()


def test_a_new_token_replaces_the_old_one(english_editor):
    screen = ScreenFactory()
    old = services.issue_screen_token(screen=screen)
    response = english_editor.post(reverse("screen_token:show", args=[screen.pk]))
    new = response.context["token"]
    assert new != old
    screen.refresh_from_db()
    from campaigns.screens.selectors import screen_for_token

    assert screen_for_token(screen_id=screen.pk, token=new) == screen
    assert screen_for_token(screen_id=screen.pk, token=old) is None


def test_the_screen_list_shows_which_screens_went_silent(english_editor, settings):
    settings.SCREEN_SILENT_AFTER_MINUTES = 10
    group = ScreenGroupFactory(name="Tram 5")
    heard = ScreenFactory(group=group, name="Heard from")
    silent = ScreenFactory(group=group, name="Silent one")
    never = ScreenFactory(group=group, name="Never seen")
    services.record_last_seen(screen_ids=[heard.pk], at=timezone.now())
    services.record_last_seen(screen_ids=[silent.pk], at=timezone.now() - timedelta(hours=2))
    url = reverse("wagtailsnippets_campaigns_screen:list")
    listing = english_editor.get(url, {"group": group.pk})
    assert listing.status_code == 200
    assert "Not seen in 10 min" in listing.content.decode()
    filtered = english_editor.get(url, {"group": group.pk, "silent": "true"})
    names = {screen.name for screen in filtered.context["object_list"]}
    assert names == {silent.name, never.name}
    names = {
        s.name
        for s in english_editor.get(url, {"group": group.pk, "silent": "false"}).context[
            "object_list"
        ]
    }
    assert names == {heard.name}


def test_a_playlist_made_in_the_admin_reaches_the_screen(english_editor, client, video):
    screen = ScreenFactory()
    data = {
        "name": "Morning metro",
        "campaign": "",
        "starts_at": "",
        "ends_at": "",
        "weekdays": ["0", "1", "2", "3", "4", "5", "6"],
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-video": video.pk,
        "items-0-story": "",
        "items-0-duration_seconds": "3",
        "items-0-ORDER": "1",
        "items-0-id": "",
        "items-0-DELETE": "",
        "time_windows-TOTAL_FORMS": "1",
        "time_windows-INITIAL_FORMS": "0",
        "time_windows-MIN_NUM_FORMS": "0",
        "time_windows-MAX_NUM_FORMS": "1000",
        "time_windows-0-starts_at": "22:00",
        "time_windows-0-ends_at": "02:00",
        "time_windows-0-ORDER": "1",
        "time_windows-0-id": "",
        "time_windows-0-DELETE": "",
        "assignments-TOTAL_FORMS": "1",
        "assignments-INITIAL_FORMS": "0",
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
        "assignments-0-group": "",
        "assignments-0-screen": screen.pk,
        "assignments-0-priority": "7",
        "assignments-0-ORDER": "1",
        "assignments-0-id": "",
        "assignments-0-DELETE": "",
    }
    before = client.get(f"/api/v1/screens/{screen.pk}/playlist/")
    response = english_editor.post(reverse("wagtailsnippets_campaigns_playlist:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    playlist = Playlist.objects.get(name="Morning metro")
    assert playlist.weekdays == list(range(7))
    after = client.get(f"/api/v1/screens/{screen.pk}/playlist/")
    assert after["ETag"] != before["ETag"]
    [item] = [i for i in after.json()["items"] if i["playlist"]["id"] == playlist.pk]
    assert item["duration_seconds"] == 3 and item["playlist"]["priority"] == 7

    # An assignment to both a group and a screen, no weekday, no video: errors, not a 500.
    bad = {
        **data,
        "name": "Broken",
        "weekdays": [],
        "items-TOTAL_FORMS": "0",
        "assignments-0-group": screen.group_id,
        "time_windows-0-ends_at": "22:00",
    }
    response = english_editor.post(reverse("wagtailsnippets_campaigns_playlist:add"), bad)
    assert response.status_code == 200
    assert not Playlist.objects.filter(name="Broken").exists()
    page = response.content.decode()
    assert "Choose at least one weekday." in page
    assert "Choose either a screen group or a single screen." in page
    assert "The hours must not start and end together." in page


def test_the_agenda_tells_what_plays_and_why(english_editor, video):
    screen = ScreenFactory()
    for_group = PlaylistFactory(name="Group playlist")
    PlaylistItemFactory(playlist=for_group, video=video)
    PlaylistAssignmentFactory(playlist=for_group, group=screen.group, priority=1)
    december = PlaylistFactory(
        name="December only", starts_at=timezone.make_aware(datetime(2026, 12, 1))
    )
    PlaylistItemFactory(playlist=december, video=video)
    PlaylistAssignmentFactory(playlist=december, screen=screen, priority=9)

    url = reverse("screen_agenda:index")
    response = english_editor.get(url, {"screen": screen.pk, "moment": "2026-11-21T12:00"})
    page = response.content.decode()
    group = screen.group.name
    assert f"“Group playlist” plays: it is assigned to the group “{group}” with priority 1." in page
    assert "its dates have not started" in page

    response = english_editor.get(url, {"screen": screen.pk, "moment": "2026-12-05T12:00"})
    assert response.context["agenda"].playing.playlist == december
    assert "another playlist has priority" in response.content.decode()

    video.published = False
    video.save()
    response = english_editor.get(url, {"screen": screen.pk, "moment": "2026-11-21T12:00"})
    assert response.context["agenda"].is_fallback or response.context["agenda"].playing is None
    assert "none of its videos can play" in response.content.decode()


def test_the_agenda_answers_bad_input_with_form_errors(english_editor):
    url = reverse("screen_agenda:index")
    response = english_editor.get(url, {"screen": "abc", "moment": "tomorrow"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"screen", "moment"}
    assert english_editor.get(url).status_code == 200


@pytest.fixture
def plays(video):
    metro, tram = ScreenGroupFactory(name="Metro"), ScreenGroupFactory(name="Tram")
    screen_metro, screen_tram = ScreenFactory(group=metro), ScreenFactory(group=tram)
    today = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    rows = [
        (screen_metro, today, "bg"),
        (screen_metro, today, "bg"),
        (screen_metro, today, "en"),
        (screen_tram, today - timedelta(days=1), "bg"),
    ]
    for screen, started, language in rows:
        services.record_plays(screen=screen, events=[play(video, started, language)])
    return metro, tram


def play(video, started, language, **changes) -> dict:
    """One validated event, as the plays API hands it to the service."""
    return {
        "event_id": uuid.uuid4(),
        "video_id": video.pk,
        "started_at": started,
        "duration_seconds": 30.0,
        "language": language,
        **changes,
    }


def test_the_play_report_counts_per_day_video_group_and_language(english_editor, plays, video):
    metro, _ = plays
    url = reverse("screen_plays:index")
    response = english_editor.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and 'role="img"' in page
    # The table: the period's totals per video, group and language, most played first.
    rows = list(response.context["rows"])
    counts = {(row["group__name"], row["language"]): row["plays"] for row in rows}
    assert counts == {("Metro", "bg"): 2, ("Metro", "en"): 1, ("Tram", "bg"): 1}
    assert rows[0]["plays"] == 2
    today = timezone.localdate()
    # The chart: one bar per day, yesterday's play on yesterday's bar.
    assert response.context["total"] == 4
    per_day = english_editor.get(
        url, {"since": str(today - timedelta(days=1)), "until": str(today), "format": "csv"}
    )
    days = [
        row[0]
        for row in csv.reader(io.StringIO(b"".join(per_day.streaming_content).decode("utf-8-sig")))
    ][1:]
    assert sorted(days) == [str(today - timedelta(days=1)), str(today), str(today)]

    only_metro = english_editor.get(
        url, {"since": str(today), "until": str(today), "group": metro.pk, "format": "csv"}
    )
    assert only_metro["Content-Type"].startswith("text/csv")
    body = b"".join(only_metro.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["day", "video_id", "video", "screen_group", "language", "plays", "seconds"]
    assert sorted(rows[1:]) == [
        [str(today), str(video.pk), video.title, "Metro", "bg", "2", "60.0"],
        [str(today), str(video.pk), video.title, "Metro", "en", "1", "30.0"],
    ]


def test_the_play_report_reads_the_daily_counts_not_the_raw_plays(english_editor, plays):
    with CaptureQueriesContext(connection) as queries:
        response = english_editor.get(reverse("screen_plays:index"))

    assert response.status_code == 200 and response.context["total"] == 4
    assert not [query for query in queries if "campaigns_playevent" in query["sql"]]


def test_daily_counts_add_up_batches_and_never_count_a_play_twice(video):
    screen = ScreenFactory(group=ScreenGroupFactory(name="Metro"))
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    first = [play(video, noon, "bg"), play(video, noon, "bg", duration_seconds=12.5)]

    services.record_plays(screen=screen, events=first)
    services.record_plays(screen=screen, events=first)  # a retry of the same batch
    services.record_plays(screen=screen, events=[play(video, noon, "bg"), play(video, noon, "ar")])

    counts = {
        row.language: (row.plays, row.seconds)
        for row in selectors.play_counts(since=noon.date(), until=noon.date())
    }
    assert counts == {"bg": (3, 72.5), "ar": (1, 30.0)}
    assert PlayEvent.objects.filter(screen=screen).count() == 4


def test_a_play_counts_on_its_local_day(video):
    screen = ScreenFactory()
    # 22:30 UTC on 30 November is 00:30 on 1 December in Sofia (TIME_ZONE).
    after_midnight = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)

    services.record_plays(screen=screen, events=[play(video, after_midnight, "bg")])

    [row] = selectors.play_counts(since=date(2026, 11, 30), until=date(2026, 12, 1))
    assert row.day == date(2026, 12, 1) and row.plays == 1


def test_plays_stored_before_the_daily_counts_are_counted_by_the_migration(video):
    screen = ScreenFactory(group=ScreenGroupFactory(name="Tram"))
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    for language in ("bg", "bg", "uk"):
        PlayEvent.objects.create(
            event_id=uuid.uuid4(),
            screen=screen,
            group=screen.group,
            video=video,
            started_at=noon,
            duration_seconds=20,
            language=language,
        )
    DailyPlays.objects.all().delete()

    migration = importlib.import_module("campaigns.migrations.0007_daily_plays")
    migration.count_existing_plays(django_apps, None)

    counts = {
        row.language: row.plays
        for row in selectors.play_counts(since=noon.date(), until=noon.date())
    }
    assert counts == {"bg": 2, "uk": 1}


@pytest.mark.parametrize(
    "query",
    [
        {"since": "2026-11-21", "until": "2026-11-01"},
        {"since": "yesterday", "until": "2026-11-01"},
        {"since": "2020-01-01", "until": "2026-01-01"},
        {"since": "2026-11-01", "until": "2026-11-21", "group": "999999"},
        {"since": "2026-11-01", "until": "2026-11-21", "format": "csv", "group": "x"},
    ],
)
def test_the_play_report_answers_bad_input_with_form_errors(english_editor, query):
    response = english_editor.get(reverse("screen_plays:index"), query)
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.parametrize(
    "url",
    ["/admin/screen_agenda/", "/admin/screen_plays/", "/admin/screen_token/1/"],
)
def test_screen_admin_pages_need_a_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_play_report_table_sums_the_period_in_pages(english_editor, video):
    """A large fleet's year is hundreds of thousands of daily rows: the table shows the
    period's totals, most played first, a hundred per page; the chart one bar per day."""
    today = timezone.localdate()
    groups = [ScreenGroupFactory(name=f"Line {number:03}") for number in range(130)]
    DailyPlays.objects.bulk_create(
        DailyPlays(
            day=today - timedelta(days=day),
            video=video,
            group=group,
            language="bg",
            plays=number + 1,
            seconds=30.0,
        )
        for number, group in enumerate(groups)
        for day in (0, 1)
    )
    services.rebuild_play_rollups()  # written in bulk: the coarser counts summed afresh
    url = reverse("screen_plays:index")
    first = english_editor.get(url)
    rows = first.context["rows"]
    assert rows.paginator.count == 130
    assert [row["plays"] for row in rows][:2] == [260, 258]  # two days summed, most first
    assert len(rows) == 100
    assert first.context["total"] == 2 * sum(range(1, 131))
    assert "p=2" in first.content.decode()
    second = english_editor.get(url, {"p": 2})
    assert [row["group__name"] for row in second.context["rows"]][-1] == "Line 000"


def test_the_plays_csv_never_hands_a_spreadsheet_a_formula(english_editor, video):
    # Names typed by others (a group, a video's title) that a spreadsheet would run.
    group = ScreenGroupFactory(name='=HYPERLINK("http://example.org","x")')
    video.title = "+1 dial -> @everyone"
    video.save()
    now = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    services.record_plays(screen=ScreenFactory(group=group), events=[play(video, now, "bg")])

    today = str(now.date())
    exported = english_editor.get(
        reverse("screen_plays:index"),
        {"since": today, "until": today, "group": group.pk, "format": "csv"},
    )

    body = b"".join(exported.streaming_content).decode("utf-8-sig")
    [row] = list(csv.reader(io.StringIO(body)))[1:]
    assert row[2:5] == ["'+1 dial -> @everyone", '\'=HYPERLINK("http://example.org","x")', "bg"]
    assert row[5:] == ["1", "30.0"]  # numbers stay numbers
