"""One mechanism for answers kept as bytes (cms.api.caching), shared by the partner API and the
screens' playlists: content versions, stored answers, ETags, a cache outage; and one class for
rate limits counted in the shared cache (cms.api.throttles)."""

import json
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from campaigns.partners.access import PartnerRateThrottle, ReaderRateThrottle
from campaigns.partners.models import PartnerKey
from campaigns.photovoice.views import SubmissionThrottle
from campaigns.screens import services as screen_services
from campaigns.screens.api.playlists import playlist_responses, playlist_version
from campaigns.screens.api.views import ScreenPlaysThrottle
from campaigns.screens.factories import ScreenFactory
from campaigns.screens.models import Screen
from campaigns.videos.models import Video
from cms.api.caching import (
    ContentVersion,
    StoredAnswers,
    content_version,
    etag_matches,
    shared,
    strong_etag,
)
from cms.api.throttles import CountedInTheCache
from cms.polls.protection import VoteRateThrottle
from tests.conftest import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }


@dataclass(frozen=True)
class Answer:
    body: bytes
    expires_at: float | None = None
    keep_in_process: bool = True


def a_version(**options) -> ContentVersion:
    return ContentVersion(f"test:version:{uuid.uuid4().hex}", **options)


def test_etags_compare_weakly_and_name_the_same_bytes_alike():
    etag = strong_etag(b'{"items":[]}')
    assert etag == strong_etag(b'{"items":[]}') != strong_etag(b'{"items":[1]}')
    assert etag.startswith('"') and etag.endswith('"')
    assert etag_matches(etag, etag)
    assert etag_matches(f"W/{etag}", etag)
    assert etag_matches(f'"other", {etag}', etag)
    assert etag_matches(" * ", etag)
    assert not etag_matches('"other"', etag)
    assert not etag_matches("", etag) and not etag_matches(None, etag)


def test_a_change_gives_a_new_version_now_and_again_after_commit(
    django_capture_on_commit_callbacks,
):
    version = a_version()
    before = version.current()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        version.changed()
        during = version.current()
    assert during != before
    [replace_after_commit] = callbacks
    replace_after_commit()
    assert version.current() not in (before, during)


def test_a_process_reads_the_version_at_most_every_check_seconds_but_sees_its_own_changes():
    every_hour = a_version(check_seconds=lambda: 3600)
    always = ContentVersion(every_hour.key)
    held = every_hour.current()

    shared.set(every_hour.key, ("changed by another process", 0.0), None)

    assert every_hour.current() == held  # this process asks again within the hour
    assert always.current() == ("changed by another process", 0.0)
    every_hour.changed()
    assert every_hour.current() not in (held, ("changed by another process", 0.0))


def test_stored_answers_are_kept_per_version_and_not_used_once_expired():
    version = a_version()
    answers = StoredAnswers("test:answers", version, in_process=True)
    answers.keep("a", Answer(b"1"), timeout=60)
    answers.keep("gone", Answer(b"2", expires_at=time.time() - 1), timeout=60)

    assert answers.find("a") == Answer(b"1")
    assert answers.find("gone") is None
    version.replace()
    assert answers.find("a") is None  # nothing built before the change is read again


def test_answers_that_should_not_fill_memory_stay_in_the_shared_cache_only():
    version = a_version()
    token = version.current()[0]
    answers = StoredAnswers("test:answers", version, in_process=True)
    answers.keep("screen-404", Answer(b"404", keep_in_process=False), timeout=60)
    answers.keep("screen-7", Answer(b"200"), timeout=60)

    cache.delete_many([answers.key(token, "screen-404"), answers.key(token, "screen-7")])

    assert answers.find("screen-7") == Answer(b"200")  # still in this process's memory
    assert answers.find("screen-404") is None


def test_with_the_cache_down_every_answer_is_built_again(cache_down):
    version = a_version()
    answers = StoredAnswers("test:answers", version, in_process=True)

    first, second = version.current(), version.current()
    answers.keep("a", Answer(b"1"), timeout=60)  # does not raise

    assert first[0] != second[0]
    assert answers.find("a") is None  # never an answer that may be stale
    version.changed()  # does not raise


@pytest.fixture
def screen_with_a_playlist():
    screen = ScreenFactory(language="en")
    return screen, screen_services.issue_screen_token(screen=screen)


def test_versions_left_by_an_older_release_are_replaced_not_a_500(
    client, screen_with_a_playlist, settings
):
    screen, _ = screen_with_a_playlist
    settings.SCREEN_PLAYLIST_VERSION_CHECK_SECONDS = 0
    # Earlier releases kept the playlists' version as a plain string.
    shared.set(playlist_version.key, "9f4c0c2a", None)
    shared.set(content_version.key, "9f4c0c2a", None)

    assert client.get(f"/api/v1/screens/{screen.pk}/playlist/").status_code == 200
    assert client.get("/api/v1/topics/").status_code == 200
    assert isinstance(shared.get(playlist_version.key), tuple)
    assert isinstance(shared.get(content_version.key), tuple)


def test_the_api_and_the_playlists_keep_answers_the_same_way(client, screen_with_a_playlist):
    screen, _ = screen_with_a_playlist
    listed = client.get("/api/v1/topics/")
    polled = client.get(f"/api/v1/screens/{screen.pk}/playlist/")

    # One ETag rule for both: a hash of the bytes (the playlist's without `generated_at`,
    # so that a rebuild with the same content keeps it).
    assert listed["ETag"] == strong_etag(listed.content)
    document = json.loads(polled.content)
    del document["generated_at"]
    same_content = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    assert polled["ETag"] == strong_etag(same_content)
    # And one store: both are kept under their content version in the shared cache.
    assert playlist_responses.find(screen.pk) is not None
    assert (
        client.get("/api/v1/topics/", headers={"If-None-Match": listed["ETag"]}).status_code == 304
    )


THROTTLES = [
    ReaderRateThrottle,
    PartnerRateThrottle,
    VoteRateThrottle,
    SubmissionThrottle,
    ScreenPlaysThrottle,
]


def a_request(throttle):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
    request.user = Screen(pk=1)  # the screens' limit is per screen
    request.auth = PartnerKey(pk=1) if throttle is PartnerRateThrottle else None
    return request


@pytest.mark.parametrize("throttle", THROTTLES, ids=lambda throttle: throttle.scope)
def test_every_rate_limit_counts_in_the_shared_cache(throttle, settings):
    setattr(settings, throttle.rate_setting, "2/hour")
    cache.clear()
    request = a_request(throttle)

    assert issubclass(throttle, CountedInTheCache)
    assert [throttle().allow_request(request, None) for _ in range(3)] == [True, True, False]


@pytest.mark.parametrize("throttle", THROTTLES, ids=lambda throttle: throttle.scope)
def test_every_rate_limit_lets_requests_through_while_the_cache_is_down(
    throttle, cache_down, settings
):
    setattr(settings, throttle.rate_setting, "1/hour")
    request = a_request(throttle)

    assert all(throttle().allow_request(request, None) for _ in range(3))


def test_a_screen_reports_its_plays_while_the_cache_is_down(
    client, screen_with_a_playlist, cache_down
):
    screen, token = screen_with_a_playlist
    video = Video.objects.filter(published=True).first()
    event = {
        "event_id": str(uuid.uuid4()),
        "video_id": video.pk,
        "started_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        "duration_seconds": 12.5,
        "language": "en",
    }

    response = client.post(
        f"/api/v1/screens/{screen.pk}/plays/",
        data=json.dumps({"events": [event]}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 202
