import gzip
import json
import uuid
from datetime import time, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test.client import RequestFactory
from django.utils import timezone, translation

from campaigns.pages.models import CampaignPage
from campaigns.screens import services
from campaigns.screens.api.fast_path import PlaylistFastPath
from campaigns.screens.api.playlists import playlist_responses, seen_screens
from campaigns.screens.api.serializers import PlayBatchSerializer, quickly_validated
from campaigns.screens.factories import (
    PlaylistAssignmentFactory,
    PlaylistFactory,
    PlaylistItemFactory,
    PlaylistTimeWindowFactory,
    ScreenFactory,
)
from campaigns.screens.models import PlayEvent, Playlist, Screen
from campaigns.stories import services as consent
from campaigns.stories.models import ConsentRecord, StoryPage
from campaigns.stories.selectors import stories_for_screens
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video
from tests.conftest import keep_test_connection

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_video(video):
    return (
        Video.objects.filter(processing_status=ProcessingStatus.READY)
        .exclude(pk=video.pk)
        .order_by("pk")
        .first()
    )


def playlist_url(screen) -> str:
    return f"/api/v1/screens/{screen.pk}/playlist/"


def fetch(client, screen, **headers):
    response = client.get(playlist_url(screen), headers=headers)
    return response, json.loads(response.content) if response.status_code == 200 else None


def test_the_playlist_lists_what_plays_now_and_in_the_next_48_hours(
    client, screen, playlist, video
):
    response, document = fetch(client, screen)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert document["screen"] == {
        "id": screen.pk,
        "name": screen.name,
        "group": screen.group.name,
        "location": "",
        "language": "en",
        "orientation": "landscape",
    }
    assert document["refresh_seconds"] == 60
    [item] = [item for item in document["items"] if not item["playlist"]["is_fallback"]]
    assert item["video"]["id"] == video.pk
    assert item["video"]["url"] == f"http://testserver{video.file.url}"
    assert item["video"]["sha256"] == video.sha256 and len(video.sha256) == 64
    assert item["video"]["size_bytes"] == video.size_bytes
    assert item["video"]["mime_type"] == video.mime_type
    assert item["video"]["data_saver"]["sha256"] == video.data_saver_sha256
    assert item["video"]["poster"].startswith("http://testserver/media/")
    # Captions in the screen's language first.
    assert [caption["language"] for caption in item["captions"]] == ["en", "bg"]
    # Always playing, so one window over the whole horizon, which covers the next 48 hours.
    [window] = item["windows"]
    now = timezone.now()
    starts = timezone.datetime.fromisoformat(window["starts_at"])
    ends = timezone.datetime.fromisoformat(window["ends_at"])
    assert starts <= now and ends >= now + timedelta(hours=48)
    assert window["starts_at"].endswith("Z")


def test_validity_windows_follow_the_schedule_in_local_time(client, screen, playlist, video):
    PlaylistTimeWindowFactory(playlist=playlist, starts_at=time(22), ends_at=time(2))
    _, document = fetch(client, screen)
    [item] = [item for item in document["items"] if not item["playlist"]["is_fallback"]]
    for window in item["windows"]:
        start = timezone.localtime(timezone.datetime.fromisoformat(window["starts_at"]))
        end = timezone.localtime(timezone.datetime.fromisoformat(window["ends_at"]))
        assert start.hour in (0, 22) and end.hour in (0, 2)
    # Outside the night the fallback fills the gaps.
    fallback = [item for item in document["items"] if item["playlist"]["is_fallback"]]
    assert fallback and fallback[0]["windows"]


def test_a_screen_playlist_beats_its_group_and_the_fallback_fills_gaps(
    client, screen, video, other_video
):
    for_group = PlaylistFactory()
    PlaylistItemFactory(playlist=for_group, video=video)
    PlaylistAssignmentFactory(playlist=for_group, group=screen.group, priority=3)
    for_screen = PlaylistFactory()
    PlaylistItemFactory(playlist=for_screen, video=other_video)
    PlaylistAssignmentFactory(playlist=for_screen, screen=screen, priority=3)
    _, document = fetch(client, screen)
    assert {item["playlist"]["id"] for item in document["items"]} == {for_screen.pk}


def test_etag_and_if_none_match(client, screen, playlist):
    response, _ = fetch(client, screen)
    etag = response["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=60" in cache_control
    assert "stale-while-revalidate=" in cache_control and "stale-if-error=" in cache_control
    not_modified = client.get(playlist_url(screen), headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    weak = client.get(playlist_url(screen), headers={"If-None-Match": f'"other", W/{etag}'})
    assert weak.status_code == 304
    assert client.get(playlist_url(screen), headers={"If-None-Match": '"other"'}).status_code == 200


def test_gzip_and_head(client, screen, playlist):
    plain = client.get(playlist_url(screen))
    zipped = client.get(playlist_url(screen), headers={"Accept-Encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert zipped["ETag"] == plain["ETag"] and "Accept-Encoding" in zipped["Vary"]
    head = client.head(playlist_url(screen))
    assert head.status_code == 200 and head.content == b""


def test_unknown_and_switched_off_screens_answer_in_json(client, screen, playlist):
    missing = client.get("/api/v1/screens/987654321/playlist/")
    assert missing.status_code == 404 and missing.json()["detail"]
    huge = client.get("/api/v1/screens/99999999999999999999999/playlist/")
    assert huge.status_code == 404 and huge.json()["detail"]
    screen.active = False
    screen.save()
    gone = client.get(playlist_url(screen))
    assert gone.status_code == 410 and gone.json()["detail"] == "This screen is switched off."


def test_bad_requests_get_a_json_4xx(client, screen, playlist):
    query = client.get(playlist_url(screen) + "?lang=ar")
    assert query.status_code == 400 and "lang" in query.json()["detail"]
    post = client.post(playlist_url(screen), data={})
    assert post.status_code == 405 and post.json()["detail"]
    assert client.get("/api/v1/nothing/").json()["detail"]


def test_the_playlist_changes_when_a_video_is_unpublished_and_not_otherwise(
    client, screen, playlist, video, other_video
):
    first, document = fetch(client, screen)
    # Unrelated edits: another playlist, a page, a rebuild. Same bytes, same ETag.
    unrelated = PlaylistFactory()
    PlaylistItemFactory(playlist=unrelated, video=other_video)
    StoryPage.objects.live().first().save_revision().publish()
    again = client.get(playlist_url(screen))
    assert again["ETag"] == first["ETag"] and again.content == first.content

    video.published = False
    video.save()
    changed, document = fetch(client, screen)
    assert changed["ETag"] != first["ETag"]
    assert video.pk not in {item["video"]["id"] for item in document["items"]}
    assert (
        client.get(playlist_url(screen), headers={"If-None-Match": first["ETag"]}).status_code
        == 200
    )


def test_a_withdrawn_consent_takes_the_story_off_every_screen(client, screen, video):
    story = stories_for_screens().filter(locale__language_code="bg").first()
    playlist = PlaylistFactory()
    PlaylistItemFactory(playlist=playlist, video=video, story=story)
    PlaylistAssignmentFactory(playlist=playlist, screen=screen)
    before, document = fetch(client, screen)
    [item] = [item for item in document["items"] if item["playlist"]["id"] == playlist.pk]
    assert item["story"]["id"] == story.pk and item["story"]["title"]

    record = ConsentRecord.objects.get(story__translation_key=story.translation_key)
    consent.withdraw_consent(record=record)
    after, document = fetch(client, screen)
    assert after["ETag"] != before["ETag"]
    assert playlist.pk not in {item["playlist"]["id"] for item in document["items"]}


def test_an_unpublished_campaign_takes_its_playlist_off(client, screen, playlist):
    campaign = CampaignPage.objects.live().filter(locale__language_code="bg").first()
    playlist.campaign = campaign
    playlist.save()
    _, document = fetch(client, screen)
    assert playlist.pk in {item["playlist"]["id"] for item in document["items"]}
    with translation.override("en"):  # the screen's language
        assert document["items"][0]["campaign"]["title"] == campaign.localized.title
    campaign.unpublish()
    _, document = fetch(client, screen)
    assert playlist.pk not in {item["playlist"]["id"] for item in document["items"]}
    campaign.save_revision().publish()


def test_a_schedule_edit_changes_the_playlist(client, screen, playlist):
    before, _ = fetch(client, screen)
    playlist.starts_at = timezone.now() + timedelta(days=30)
    playlist.save()
    after, document = fetch(client, screen)
    assert after["ETag"] != before["ETag"]
    assert playlist.pk not in {item["playlist"]["id"] for item in document["items"]}


def wsgi_get(path: str, application=None, **headers):
    """Through the project's WSGI application, with its fast path, as gunicorn calls it."""
    if application is None:
        from cms.wsgi import application

    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
    environ.update(
        {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    )
    answer = {}

    def start_response(status, response_headers):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    with keep_test_connection():
        body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_a_warm_playlist_request_does_no_database_work(
    screen, playlist, settings, django_assert_num_queries
):
    settings.SCREEN_LAST_SEEN_FLUSH_SECONDS = 3600
    seen_screens.flush()
    status, headers, cold = wsgi_get(playlist_url(screen))  # built by Django
    assert status == 200
    with django_assert_num_queries(0):
        for _ in range(5):
            status, warm_headers, warm = wsgi_get(playlist_url(screen))
            assert (status, warm) == (200, cold)
            status, _, empty = wsgi_get(playlist_url(screen), if_none_match=headers["ETag"])
            assert (status, empty) == (304, b"")
    assert warm_headers["ETag"] == headers["ETag"]
    assert warm_headers["Cache-Control"] == headers["Cache-Control"]


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
)


@pytest.mark.parametrize("https", [False, True])
def test_the_fast_path_carries_the_same_security_headers_as_django(
    screen, playlist, settings, https, django_assert_num_queries
):
    from cms.security_headers import fast_path_headers

    settings.SCREEN_LAST_SEEN_FLUSH_SECONDS = 3600
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    fast_path_headers.cache_clear()
    proto = {"x_forwarded_proto": "https"} if https else {}
    seen_screens.flush()
    # Built afresh, as a process starting with these settings would (middleware read them
    # when they are loaded).
    application = PlaylistFastPath(WSGIHandler())
    _, by_django, _ = wsgi_get(playlist_url(screen), application, **proto)  # cold: Django
    with django_assert_num_queries(0):  # warm: the fast path answers
        _, fast, _ = wsgi_get(playlist_url(screen), application, **proto)

    assert "object-src 'none'" in by_django["Content-Security-Policy"]
    assert "camera=()" in by_django["Permissions-Policy"]
    assert ("Strict-Transport-Security" in by_django) is https
    for name in SECURITY_HEADERS:
        assert fast.get(name) == by_django.get(name), name
    fast_path_headers.cache_clear()


def test_warm_requests_cost_the_same_whatever_the_number_of_screens_and_playlists(
    video, settings, django_assert_num_queries
):
    settings.SCREEN_LAST_SEEN_FLUSH_SECONDS = 3600
    screens = [ScreenFactory() for _ in range(20)]
    for index in range(10):
        playlist = PlaylistFactory()
        PlaylistItemFactory(playlist=playlist, video=video)
        PlaylistAssignmentFactory(playlist=playlist, group=screens[index].group, priority=index)
    for screen in screens:
        wsgi_get(playlist_url(screen))
    with django_assert_num_queries(0):
        for screen in screens:
            assert wsgi_get(playlist_url(screen))[0] == 200


def test_the_cold_build_needs_the_same_queries_for_one_playlist_or_many(
    screen, video, django_assert_max_num_queries
):
    def build_queries(count: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for _ in range(count):
            playlist = PlaylistFactory()
            PlaylistItemFactory(playlist=playlist, video=video)
            PlaylistTimeWindowFactory(playlist=playlist, starts_at=time(8), ends_at=time(9))
            PlaylistAssignmentFactory(playlist=playlist, screen=screen)
        with CaptureQueriesContext(connection) as queries:
            playlist_responses.get(screen.pk)
        return len(queries)

    assert build_queries(1) == build_queries(10)


def test_polls_update_last_seen_in_batches(client, screen, playlist, settings):
    settings.SCREEN_LAST_SEEN_FLUSH_SECONDS = 3600
    seen_screens.flush()  # what earlier tests left
    Screen.objects.filter(pk=screen.pk).update(last_seen_at=None)
    for _ in range(3):
        client.get(playlist_url(screen))
    screen.refresh_from_db()
    assert screen.last_seen_at is None  # counted in memory
    seen_screens.flush()
    screen.refresh_from_db()
    assert timezone.now() - screen.last_seen_at < timedelta(seconds=30)


def test_the_last_seen_time_never_moves_back(screen):
    later = timezone.now()
    services.record_last_seen(screen_ids=[screen.pk], at=later)
    services.record_last_seen(screen_ids=[screen.pk], at=later - timedelta(hours=1))
    screen.refresh_from_db()
    assert screen.last_seen_at == later


# --- Proof of play ---------------------------------------------------------------------------


def plays_url(screen) -> str:
    return f"/api/v1/screens/{screen.pk}/plays/"


def event(video, **changes) -> dict:
    return {
        "event_id": str(uuid.uuid4()),
        "video_id": video.pk,
        "started_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        "duration_seconds": 12.5,
        "language": "en",
        **changes,
    }


def post_plays(client, screen, events, token=None, **headers):
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return client.post(
        plays_url(screen),
        data=json.dumps({"events": events}),
        content_type="application/json",
        headers=headers,
    )


def test_plays_are_stored_once_by_event_id(client, screen, token, video):
    events = [event(video) for _ in range(3)]
    response = post_plays(client, screen, events, token)
    assert response.status_code == 202
    assert response.json() == {"accepted": 3, "duplicates": 0}
    # The player retries after a lost answer, with one new event and one twice in a batch.
    retry = [*events, event(video)]
    retry.append(retry[-1])
    response = post_plays(client, screen, retry, token)
    assert response.json() == {"accepted": 1, "duplicates": 4}
    stored = PlayEvent.objects.filter(screen=screen)
    assert stored.count() == 4
    play = stored.get(event_id=events[0]["event_id"])
    assert (play.video, play.group, play.language, play.duration_seconds) == (
        video,
        screen.group,
        "en",
        12.5,
    )


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", "Token abc", "Bearer"],
)
def test_plays_need_the_screens_own_token(client, screen, token, video, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = post_plays(client, screen, [event(video)], **headers)
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not PlayEvent.objects.filter(screen=screen).exists()


def test_another_screens_token_is_refused(client, screen, token, video):
    other = ScreenFactory()
    response = post_plays(client, other, [event(video)], token)
    assert response.status_code == 401


def test_a_new_token_replaces_the_old_one(client, screen, token, video):
    services.issue_screen_token(screen=screen)
    assert post_plays(client, screen, [event(video)], token).status_code == 401


@pytest.mark.parametrize(
    "change",
    [
        {"event_id": "not-a-uuid"},
        {"video_id": 987654321},
        {"video_id": "abc"},
        {"started_at": "yesterday"},
        {"started_at": "2099-01-01T00:00:00Z"},
        {"started_at": "2001-01-01T00:00:00Z"},
        {"duration_seconds": -1},
        {"language": "xx"},
    ],
)
def test_a_bad_event_refuses_the_whole_batch(client, screen, token, video, change):
    good = event(video)
    response = post_plays(client, screen, [good, event(video, **change)], token)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and body["errors"]["events"]
    field = next(iter(change))
    assert field in json.dumps(body["errors"])
    assert not PlayEvent.objects.filter(event_id=good["event_id"]).exists()


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        "[]",
        '{"events": []}',
        '{"events": "x"}',
        '{"other": 1}',
        '{"events": [1]}',
        "[" * 5000 + "]" * 5000,  # deeper than Python's JSON decoder goes
        '{"events": ' + "[" * 5000 + "]" * 5000 + "}",
    ],
    ids=["text", "list", "empty", "string", "other", "number", "nested", "nested events"],
)
def test_malformed_batches_are_a_400(client, screen, token, payload):
    response = client.post(
        plays_url(screen),
        data=payload,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400 and response.json()["detail"]


def test_the_quick_check_of_a_batch_gives_what_the_serializer_gives(video):
    events = [event(video), event(video, duration_seconds=3, language="ar")]
    sofia = dt_timezone(timedelta(hours=2))
    hour_ago = (timezone.now() - timedelta(hours=1)).astimezone(sofia).isoformat()
    events.append(event(video, started_at=hour_ago))
    known = {video.pk}
    full = PlayBatchSerializer(data={"events": events}, context={"known_video_ids": known})
    assert full.is_valid(), full.errors

    quick = quickly_validated({"events": events}, known)

    assert [
        (e["event_id"], e["video_id"], e["duration_seconds"], e["language"]) for e in quick
    ] == [
        (e["event_id"], e["video_id"], e["duration_seconds"], e["language"])
        for e in full.validated_data["events"]
    ]
    assert [e["started_at"] for e in quick] == [
        e["started_at"] for e in full.validated_data["events"]
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"event_id": "not-a-uuid"},
        {"event_id": 12},
        {"video_id": 987654321},
        {"video_id": "1"},
        {"video_id": True},
        {"started_at": "yesterday"},
        {"started_at": "2026-01-01T12:00:00"},  # no offset: the serializer decides
        {"started_at": "2099-01-01T00:00:00Z"},
        {"duration_seconds": "12.5"},
        {"duration_seconds": float("nan")},
        {"duration_seconds": 90000},
        {"language": "xx"},
        {"language": None},
    ],
)
def test_anything_unusual_goes_to_the_serializer(video, change):
    batch = {"events": [event(video), event(video, **change)]}

    assert quickly_validated(batch, {video.pk}) is None


@pytest.mark.parametrize("data", [None, [], {"events": []}, {"events": "x"}, {"events": [1]}])
def test_malformed_batches_go_to_the_serializer(data):
    assert quickly_validated(data, set()) is None


def test_a_batch_holds_at_most_500_events(client, screen, token, video):
    response = post_plays(client, screen, [event(video) for _ in range(501)], token)
    assert response.status_code == 400
    assert post_plays(client, screen, [event(video) for _ in range(500)], token).status_code == 202


def test_plays_are_rate_limited_per_screen(client, screen, token, video, settings):
    from django.core.cache import cache

    settings.SCREEN_PLAYS_RATE = "3/min"
    cache.delete(f"throttle_screen_plays_{screen.pk}")
    statuses = [post_plays(client, screen, [event(video)], token).status_code for _ in range(4)]
    assert statuses == [202, 202, 202, 429]
    refused = post_plays(client, screen, [event(video)], token)
    assert refused.json()["detail"] and int(refused["Retry-After"]) > 0
    # Another screen has its own allowance.
    other = ScreenFactory()
    other_token = services.issue_screen_token(screen=other)
    assert post_plays(client, other, [event(video)], other_token).status_code == 202


def test_the_fallback_playlist_is_unique():
    from django.core.exceptions import ValidationError

    assert Playlist.objects.filter(is_fallback=True).exists()  # the demo's
    with pytest.raises(ValidationError):
        Playlist(name="Second", is_fallback=True).full_clean()


def test_screens_are_created_without_a_token():
    screen = Screen.objects.create(name="x", group=ScreenFactory().group)
    assert screen.token_hash == ""


def test_playlists_are_served_while_the_shared_cache_is_down(client, screen, playlist, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    playlist.name = "Edited while Redis is down"  # the change signal must not fail the save
    playlist.save()
    response, document = fetch(client, screen)
    assert response.status_code == 200
    assert "Edited while Redis is down" in {item["playlist"]["name"] for item in document["items"]}
