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
from datetime import UTC, datetime

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from campaigns.screens import services
from campaigns.screens.api.document import build_document, changes_at, horizon, utc
from campaigns.screens.models import Screen
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
    body = _encode({**document, "generated_at": utc(now)})
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
