"""Status reports from the players and the fleet's health: who may report, what a bad
report gets, the rate limit, and each screen's state (current, behind since a change,
silent since its last word) from a frozen clock; the admin's list and fleet view."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from campaigns.screens import health, services
from campaigns.screens.factories import ScreenFactory
from campaigns.screens.models import Screen, ScreenStatus
from tests.campaigns.screens.test_api import fetch

pytestmark = pytest.mark.django_db


def status_url(screen) -> str:
    return f"/api/v1/screens/{screen.pk}/status/"


def report(**changes) -> dict:
    return {
        "playlist_etag": '"abc"',
        "playing": "12: Welcome to Sofia",
        "cached_items": 3,
        "cached_bytes": 12_345_678,
        "free_bytes": 900_000_000,
        "player_version": "open-doors-player/2",
        "clock": (timezone.now() + timedelta(seconds=42)).isoformat(),
        "errors": ["2026-12-05T10:00:00Z Could not play /media/videos/x.mp4"],
        **changes,
    }


def post_status(client, screen, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(
        status_url(screen), data=data, content_type="application/json", headers=headers
    )


def test_a_report_is_kept_with_the_clock_skew_and_counts_as_seen(client, screen, token, playlist):
    response = post_status(client, screen, report(), token)
    assert response.status_code == 202
    kept = ScreenStatus.objects.get(screen=screen)
    assert Screen.objects.get(pk=screen.pk).last_seen_at == kept.reported_at
    current, _ = fetch(client, screen)
    assert response.json() == {"playlist_etag": current["ETag"]}
    assert kept.playing == "12: Welcome to Sofia"
    assert (kept.cached_items, kept.cached_bytes, kept.free_bytes) == (3, 12_345_678, 900_000_000)
    assert 40 <= kept.clock_skew_seconds <= 44
    assert kept.errors == ["2026-12-05T10:00:00Z Could not play /media/videos/x.mp4"]
    # The next report replaces it: one row per screen.
    assert post_status(client, screen, report(playing="13: Metro"), token).status_code == 202
    assert ScreenStatus.objects.get(screen=screen).playing == "13: Metro"


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Basic abc"])
def test_only_the_screens_own_token_may_report(client, screen, token, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post(
        status_url(screen),
        data=json.dumps(report()),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 401 and response.json()["detail"]
    other = ScreenFactory()
    assert post_status(client, other, report(), token).status_code == 401
    assert not ScreenStatus.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (report(cached_items=-1), "cached_items"),
        (report(errors=["x"] * 11), "errors"),
        (report(errors=["x" * 301]), "errors"),
        (report(clock="yesterday"), "clock"),
        (report(playlist_etag="x" * 81), "playlist_etag"),
        (report(battery=12), "battery"),
        ({"playing": "a"}, "playlist_etag"),
    ],
)
def test_a_bad_report_is_a_400_that_names_the_field(client, screen, token, body, field):
    response = post_status(client, screen, body, token)
    assert response.status_code == 400
    assert field in json.dumps(response.json())
    assert not ScreenStatus.objects.exists()


@pytest.mark.parametrize("body", ["[1, 2]", "not json", '"text"'])
def test_a_report_that_is_not_an_object_is_a_400(client, screen, token, body):
    response = post_status(client, screen, body, token)
    assert response.status_code == 400 and response.json()["detail"]


def test_reports_are_rate_limited_per_screen(client, screen, token, settings):
    settings.SCREEN_STATUS_RATE = "2/min"
    cache.delete(f"throttle_screen_status_{screen.pk}")
    statuses = [post_status(client, screen, report(), token).status_code for _ in range(3)]
    assert statuses == [202, 202, 429]


def test_states_from_a_frozen_clock(client, screen, token, playlist, settings):
    assert health.health_of(screen).state == health.SILENT  # never heard from
    fetch(client, screen)
    Screen.objects.filter(pk=screen.pk).update(last_seen_at=timezone.now())
    screen.refresh_from_db()
    assert health.health_of(screen).state == health.NO_REPORT

    held, _ = fetch(client, screen)
    post_status(client, screen, report(playlist_etag=held["ETag"]), token)
    screen = Screen.objects.select_related("status").get(pk=screen.pk)
    assert health.health_of(screen).state == health.CURRENT

    # The playlist changes; the screen still holds the old one.
    playlist.starts_at = timezone.now() + timedelta(days=30)
    playlist.save()
    changed, _ = fetch(client, screen)
    assert changed["ETag"] != held["ETag"]
    changed_at = json.loads(changed.content)["generated_at"]
    soon = timezone.now() + timedelta(seconds=settings.SCREEN_BEHIND_AFTER_SECONDS - 30)
    assert health.health_of(screen, now=soon).state == health.CURRENT  # it may still poll
    later = timezone.now() + timedelta(seconds=settings.SCREEN_BEHIND_AFTER_SECONDS + 30)
    behind = health.health_of(screen, now=later)
    assert behind.state == health.BEHIND
    assert behind.since.isoformat().replace("+00:00", "Z").startswith(changed_at[:19])

    # It catches up.
    post_status(client, screen, report(playlist_etag=changed["ETag"]), token)
    screen = Screen.objects.select_related("status").get(pk=screen.pk)
    assert health.health_of(screen, now=later).state == health.CURRENT

    # Nothing heard for longer than SCREEN_SILENT_AFTER_MINUTES.
    last = screen.status.reported_at
    quiet = last + timedelta(minutes=settings.SCREEN_SILENT_AFTER_MINUTES, seconds=1)
    silent = health.health_of(screen, now=quiet)
    assert (silent.state, silent.since) == (health.SILENT, last)

    Screen.objects.filter(pk=screen.pk).update(active=False)
    screen.refresh_from_db()
    assert health.health_of(screen).state == health.OFF


def test_the_admin_shows_each_screens_state_and_the_fleet(
    client, english_editor, screen, token, playlist
):
    held, _ = fetch(client, screen)
    post_status(client, screen, report(playlist_etag=held["ETag"]), token)
    silent = ScreenFactory(name="Tram 5, stop 3", group=screen.group)
    services.issue_screen_token(screen=silent)

    listing = english_editor.get("/admin/snippets/campaigns/screen/")
    text = BeautifulSoup(listing.content, "html.parser").get_text(" ")
    assert "On the current playlist" in text and "Silent" in text

    fleet = english_editor.get("/admin/screen_fleet/")
    assert fleet.status_code == 200
    page = BeautifulSoup(fleet.content, "html.parser")
    group_row = page.find("th", string=screen.group.name).parent
    assert group_row.select_one('[data-state="current"]').get_text(strip=True) == "1"
    assert group_row.select_one('[data-state="silent"]').get_text(strip=True) == "1"
    assert page.select_one(f'[data-screen="{silent.pk}"]') is not None  # needs someone
    assert page.select_one(f'[data-screen="{screen.pk}"]') is None
