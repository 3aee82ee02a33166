"""Status reports from the players and the fleet's health: who may report, what a bad
report gets, the rate limit, and each screen's state (current, behind since a change,
silent since its last word) from a frozen clock; the admin's list and fleet view."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def test_reports_are_written_together(client, screen, token, settings, django_assert_num_queries):
    """With the production setting, reports wait in memory and a flush writes them all in
    one upsert, keeping each screen's latest."""
    from campaigns.screens.api.reports import status_reports

    settings.SCREEN_STATUS_FLUSH_SECONDS = 30
    other = ScreenFactory(group=screen.group)
    other_token = services.issue_screen_token(screen=other)
    status_reports.flush()
    post_status(client, screen, report(playing="1: first"), token)
    post_status(client, screen, report(playing="2: second"), token)
    post_status(client, other, report(playing="7: other"), other_token)
    assert not ScreenStatus.objects.filter(screen__in=[screen, other]).exists()

    # The screens that exist, the upsert, "last seen" (and the transaction's savepoint).
    with django_assert_num_queries(5):
        assert status_reports.flush() == 2
    kept = dict(ScreenStatus.objects.values_list("screen_id", "playing"))
    assert kept[screen.pk] == "2: second" and kept[other.pk] == "7: other"
    assert Screen.objects.get(pk=other.pk).last_seen_at is not None


def test_a_report_costs_no_query_to_authenticate_once_known(client, screen, token):
    post_status(client, screen, report(), token)
    # Authentication, the screenshot wish and the playlist's ETag come from the caches: the
    # report's write is the only work left for the database.
    with CaptureQueriesContext(connection) as queries:
        assert post_status(client, screen, report(), token).status_code == 202
    read = [query["sql"] for query in queries.captured_queries if "SELECT" in query["sql"]]
    assert not [sql for sql in read if "token_hash" in sql or "screenscreenshot" in sql]
    assert len(read) == 1  # which of the reported screens still exist
    # A new token is used at once; the old one no longer works.
    new = services.issue_screen_token(screen=screen)
    assert post_status(client, screen, report(), token).status_code == 401
    assert post_status(client, screen, report(), new).status_code == 202


# --- The status fast path (campaigns/screens/api/fast_path.py) -------------------------------


def wsgi_post(screen, body, token, application=None, **headers):
    """Through the project's WSGI application with its fast paths, as gunicorn calls it."""
    import io

    from django.test import RequestFactory

    from tests.conftest import keep_test_connection

    if application is None:
        from cms.wsgi import application
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    environ = RequestFactory()._base_environ(
        PATH_INFO=status_url(screen),
        REQUEST_METHOD="POST",
        CONTENT_TYPE="application/json",
        CONTENT_LENGTH=str(len(data)),
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **{"wsgi.input": io.BytesIO(data)},
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    )
    answer = {}

    def start_response(status, response_headers):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    with keep_test_connection():
        content = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], json.loads(content) if content else None


@pytest.fixture
def known(client, screen, token, playlist, settings):
    """A screen that polled and reported once: the caches know it."""
    from campaigns.screens.api.reports import status_reports

    settings.SCREEN_STATUS_FLUSH_SECONDS = 3600  # written by the test, inside its transaction
    settings.SCREEN_LAST_SEEN_FLUSH_SECONDS = 3600
    fetch(client, screen)
    post_status(client, screen, report(), token)
    status_reports.flush()
    return screen


def test_a_known_screens_report_is_answered_before_django(
    client, known, token, django_assert_num_queries
):
    from campaigns.screens.api.reports import status_reports

    current, _ = fetch(client, known)
    with django_assert_num_queries(0):
        status, headers, answer = wsgi_post(known, report(playing="9: fast"), token)
    assert (status, answer) == (202, {"playlist_etag": current["ETag"]})
    assert "Allow" not in headers  # DRF's: Django did not answer
    assert status_reports.flush() == 1
    assert ScreenStatus.objects.get(screen=known).playing == "9: fast"

    services.request_screenshot(screen=known, at=timezone.now())
    with django_assert_num_queries(0):
        assert wsgi_post(known, report(), token)[2]["screenshot"] is True


def test_the_status_fast_path_carries_the_same_headers_as_django(client, known, token, settings):
    from django.core.handlers.wsgi import WSGIHandler

    from campaigns.screens.api.fast_path import StatusFastPath
    from cms.security_headers import fast_path_headers

    fast_path_headers.cache_clear()
    by_django = post_status(client, known, report(), token)
    _, fast, _ = wsgi_post(known, report(), token, StatusFastPath(WSGIHandler()))
    for name in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        assert fast.get(name) == by_django.headers.get(name), name
    fast_path_headers.cache_clear()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**report(), "cached_items": "many"}, "cached_items"),
        ({**report(), "clock": "2026-12-05T10:00:00"}, None),  # naive: Django decides
        ({**report(), "surprise": 1}, "surprise"),
        (b"{not json", None),
    ],
)
def test_what_the_fast_path_does_not_take_django_answers_in_full(known, token, body, field):
    status, headers, answer = wsgi_post(known, body, token)
    assert "Allow" in headers  # answered by DRF
    if field:
        assert status == 400 and field in answer["errors"]
    else:
        assert status in (202, 400)


def test_a_wrong_token_or_a_switched_off_screen_goes_to_django(known, token):
    status, _, answer = wsgi_post(known, report(), "not-the-token")
    assert status == 401 and answer["detail"]
    Screen.objects.filter(pk=known.pk).update(active=False)
    known.save()  # forgets the cached screen, as the admin's save does
    status, headers, _ = wsgi_post(known, report(), token)
    assert "Allow" in headers


def test_the_rate_limit_holds_on_the_fast_path(known, token, settings):
    settings.SCREEN_STATUS_RATE = "3/min"
    cache.delete(f"throttle_screen_status_{known.pk}")
    statuses = [wsgi_post(known, report(), token)[0] for _ in range(4)]
    assert statuses == [202, 202, 202, 429]


@pytest.mark.parametrize(
    "body",
    [
        report(),
        {"playlist_etag": ""},
        {**report(), "playing": "  padded  ", "errors": [" x "]},
        {**report(), "free_bytes": None, "clock": None},
        {**report(), "cached_bytes": 2**53 + 1},
        {**report(), "errors": ["e"] * 11},
        {**report(), "playing": "x" * 201},
        {**report(), "cached_items": True},
        {**report(), "cached_items": 2.0},
        {**report(), "clock": "yesterday"},
        {"playing": "no etag"},
        [report()],
    ],
)
def test_the_quick_check_agrees_with_the_serializer(body):
    from campaigns.screens.api.serializers import ScreenStatusSerializer, quick_status

    checked = ScreenStatusSerializer(data=body) if isinstance(body, dict) else None
    valid = checked is not None and checked.is_valid()
    quick = quick_status(body)
    if quick is not None:
        assert valid
        expected = dict(checked.validated_data)
        assert quick == expected
    elif valid:
        pass  # unusual but valid: the serializer takes it (Django's path)
