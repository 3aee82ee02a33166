"""The playlist a screen polls, built once and kept as bytes (docs/screens.md).

A built response is kept in each process and in the shared cache under a *content version*
(cms.api.caching): a token replaced whenever something a playlist shows changes (see
campaigns.screens.signals). A warm request reads the version at most once every
SCREEN_PLAYLIST_VERSION_CHECK_SECONDS and the response from memory: no database work. When
a rebuild gives the same content, the earlier bytes are kept, so the ETag does not change.
"""

import dataclasses
import gzip
import json
import threading
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from campaigns.alerts import selectors as alerts
from campaigns.screens import selectors, services
from campaigns.screens.models import PlaylistItem, Screen
from campaigns.videos.models import Caption
from cms import languages
from cms.api.addresses import absolute
from cms.api.caching import ContentVersion, StoredAnswers, etag_matches, shared, strong_etag

LARGEST_ID = 2**63 - 1


@dataclasses.dataclass(frozen=True)
class Prepared:
    """A response ready to send, as bytes."""

    status: int
    body: bytes
    gzipped: bytes
    etag: str
    expires_at: float  # epoch seconds: the schedule's horizon moves on at local midnight
    max_age: int
    screen_exists: bool

    @property
    def keep_in_process(self) -> bool:
        # Numbers that are nobody's must not fill this process's memory.
        return self.screen_exists

    def answer(self, *, method: str, if_none_match: str, accept_encoding: str):
        """(status, headers, body) for a request."""
        # The same on the fast path as on Django's first answer, whichever a CDN keeps.
        headers = [("Cache-Control", self._cache_control()), ("X-Content-Type-Options", "nosniff")]
        if self.status != 200:
            body = b"" if method == "HEAD" else self.body
            headers += [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(self.body))),
            ]
            return self.status, headers, body
        headers += [("ETag", self.etag), ("Vary", "Accept-Encoding")]
        if etag_matches(if_none_match, self.etag):
            return 304, headers, b""
        body = self.body
        if "gzip" in accept_encoding.lower():
            body = self.gzipped
            headers.append(("Content-Encoding", "gzip"))
        headers += [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        return 200, headers, b"" if method == "HEAD" else body

    def _cache_control(self) -> str:
        if self.status != 200:
            return f"public, max-age={self.max_age}"
        return (
            f"public, max-age={self.max_age}, "
            f"stale-while-revalidate={settings.SCREEN_PLAYLIST_STALE_SECONDS}, "
            f"stale-if-error={settings.SCREEN_PLAYLIST_STALE_IF_ERROR_SECONDS}"
        )


# --- The document ------------------------------------------------------------------------


def horizon(now: datetime) -> tuple[datetime, datetime]:
    """From the start of today to three days later (local time): always covers now and
    the next 48 hours, and changes only at midnight."""
    zone = timezone.get_default_timezone()
    today = now.astimezone(zone).date()
    start = datetime.combine(today, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=3), datetime.min.time(), tzinfo=zone)
    return start, end


def build_document(screen: Screen, *, now: datetime) -> dict:
    """The playlist of `screen` for the horizon around `now`, without `generated_at`."""
    start, end = horizon(now)
    plan = selectors.screen_plan(screen)
    by_assignment = plan.by_assignment()
    windows: dict[int, list] = {}  # playlist id → its windows, in order
    planned_by_playlist = {}
    for segment in plan.timeline(start, end):
        if segment.candidate is None:
            if plan.fallback is None or plan.fallback.problem:
                continue
            planned = plan.fallback
        else:
            planned = by_assignment[segment.candidate.assignment_id]
        planned_by_playlist.setdefault(planned.playlist.pk, planned)
        windows.setdefault(planned.playlist.pk, []).append(
            {"starts_at": _utc(segment.start), "ends_at": _utc(segment.end)}
        )
    preferred = [screen.language, *languages.fallback_chain(screen.language)]
    items = []
    with translation.override(screen.language):
        for playlist_id, playlist_windows in windows.items():
            planned = planned_by_playlist[playlist_id]
            for item in planned.playable:
                items.append(
                    _item(item, planned.playlist, playlist_windows, preferred, planned.assignment)
                )
    shown_alerts = alerts.alerts_for_screen(screen, start=now, end=end)
    return {
        "screen": {
            "id": screen.pk,
            "name": screen.name,
            "group": screen.group.name,
            "location": screen.location,
            "language": screen.language,
            "orientation": screen.orientation,
        },
        "valid_from": _utc(start),
        "valid_until": _utc(end),
        "refresh_seconds": refresh_seconds(shown_alerts, now=now),
        "items": items,
        "alerts": [alert.as_json() for alert in shown_alerts],
    }


ALERT_WARNING = timedelta(hours=1)


def refresh_seconds(shown_alerts, *, now: datetime) -> int:
    """Players poll faster while an alert is in force or starts within the hour."""
    soon = now + ALERT_WARNING
    if any(alert.starts_at <= soon for alert in shown_alerts):
        return min(settings.SCREEN_PLAYLIST_REFRESH_SECONDS, settings.SCREEN_ALERT_REFRESH_SECONDS)
    return settings.SCREEN_PLAYLIST_REFRESH_SECONDS


def changes_at(document: dict, *, now: datetime) -> float | None:
    """When the document changes by itself because of its alerts (the faster polling starts
    an hour before one, an alert drops out at its end), as epoch seconds."""
    moments = []
    for alert in document["alerts"]:
        starts_at = parse_datetime(alert["starts_at"])
        ends_at = parse_datetime(alert["ends_at"])
        moments += [m for m in (starts_at - ALERT_WARNING, ends_at) if m > now]
    return min(moments).timestamp() if moments else None


def _item(item: PlaylistItem, playlist, windows, preferred, assignment) -> dict:
    video = item.video
    return {
        "id": item.pk,
        "playlist": {
            "id": playlist.pk,
            "name": playlist.name,
            "is_fallback": assignment is None,
            "priority": assignment.priority if assignment else None,
        },
        "duration_seconds": item.duration_seconds or video.duration_seconds,
        "video": {
            "id": video.pk,
            "title": video.title,
            "url": absolute(video.file.url),
            "mime_type": video.mime_type,
            "size_bytes": video.size_bytes,
            "sha256": video.sha256,
            "duration_seconds": video.duration_seconds,
            "width": video.width,
            "height": video.height,
            "poster": absolute(video.poster.file.url) if video.poster else None,
            "data_saver": (
                {
                    "url": absolute(video.data_saver.url),
                    "mime_type": "video/mp4",
                    "size_bytes": video.data_saver_size_bytes,
                    "sha256": video.data_saver_sha256,
                }
                if video.data_saver
                else None
            ),
        },
        "captions": [_caption(caption) for caption in video.captions_for(preferred)],
        "campaign": _page(playlist.campaign) if playlist.campaign_id else None,
        "story": _page(item.story) if item.story_id else None,
        "windows": windows,
    }


def _caption(caption: Caption) -> dict:
    language = languages.get(caption.language)
    return {
        "language": language.code,
        "name": language.name,
        "dir": language.direction,
        "url": absolute(caption.file.url),
    }


def _page(page) -> dict:
    shown = page.localized  # in the screen's language where translated
    return {"id": page.pk, "title": shown.title, "url": shown.full_url}


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Prepared responses --------------------------------------------------------------------


def _encode(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _error(status: int, detail: str, *, exists: bool, expires_at: float) -> Prepared:
    body = _encode({"detail": detail})
    return Prepared(
        status=status,
        body=body,
        gzipped=body,
        etag="",
        expires_at=expires_at,
        max_age=settings.SCREEN_PLAYLIST_REFRESH_SECONDS,
        screen_exists=exists,
    )


def prepare(screen_id: int, *, now: datetime | None = None) -> Prepared:
    """Build the response for a screen (database work)."""
    now = now or timezone.now()
    expires_at = horizon(now)[0].timestamp() + 24 * 3600
    screen = None
    if 0 < screen_id <= LARGEST_ID:
        screen = Screen.objects.select_related("group").filter(pk=screen_id).first()
    if screen is None:
        return _error(404, "No screen has this number.", exists=False, expires_at=expires_at)
    if not screen.active:
        return _error(410, "This screen is switched off.", exists=True, expires_at=expires_at)
    document = build_document(screen, now=now)
    expires_at = min(expires_at, changes_at(document, now=now) or expires_at)
    content = _encode(document)
    etag = strong_etag(content)
    last = shared.get(_last_key(screen_id))
    if last is not None and last.etag == etag:
        return dataclasses.replace(last, expires_at=expires_at)
    body = _encode({**document, "generated_at": _utc(now)})
    return Prepared(
        status=200,
        body=body,
        gzipped=gzip.compress(body, compresslevel=6, mtime=0),
        etag=etag,
        expires_at=expires_at,
        max_age=document["refresh_seconds"],
        screen_exists=True,
    )


def _last_key(screen_id: int) -> str:
    return f"screens:playlist:last:{screen_id}"


playlist_version = ContentVersion(
    "screens:playlists:version",
    check_seconds=lambda: settings.SCREEN_PLAYLIST_VERSION_CHECK_SECONDS,
)


class PlaylistResponses(StoredAnswers):
    """Prepared responses, in this process and in the shared cache, under the playlists'
    content version."""

    def warm(self, screen_id: int) -> Prepared | None:
        """The prepared response without touching the database, or None."""
        return self.find(screen_id)

    def get(self, screen_id: int) -> Prepared:
        """The prepared response, built (database work) if it is not kept."""
        token = self.version.current()[0]
        prepared = self.find(screen_id, token=token)
        if prepared is not None:
            return prepared
        prepared = prepare(screen_id)
        if not prepared.screen_exists:
            # Kept briefly, and only in the shared cache.
            self.keep(screen_id, prepared, timeout=prepared.max_age, token=token)
            return prepared
        timeout = max(1, int(prepared.expires_at - time.time()))
        self.keep(screen_id, prepared, timeout=timeout, token=token)
        if prepared.status == 200:
            shared.set(_last_key(screen_id), prepared, 7 * 24 * 3600)
        return prepared


playlist_responses = PlaylistResponses("screens:playlist", playlist_version, in_process=True)


class SeenScreens:
    """Which screens polled, written to the database as "last seen" in one statement every
    SCREEN_LAST_SEEN_FLUSH_SECONDS instead of once per request (the time is the flush's,
    so it is at most that late)."""

    def __init__(self):
        self._seen: set[int] = set()
        self._flushed_at = time.monotonic()
        self._lock = threading.Lock()

    def record(self, screen_id: int, *, outside_request: bool = False) -> None:
        self._seen.add(screen_id)
        if time.monotonic() - self._flushed_at >= settings.SCREEN_LAST_SEEN_FLUSH_SECONDS:
            self.flush(outside_request=outside_request)

    def flush(self, *, outside_request: bool = False) -> None:
        with self._lock:
            pending, self._seen = self._seen, set()
            self._flushed_at = time.monotonic()
        if not pending:
            return
        if outside_request:
            # What Django does around each request, for a write made before it.
            close_old_connections()
        try:
            services.record_last_seen(screen_ids=pending, at=datetime.now(UTC))
        except DatabaseError:
            self._seen |= pending  # for the next flush; a poll never fails for this
        finally:
            if outside_request:
                close_old_connections()


seen_screens = SeenScreens()
