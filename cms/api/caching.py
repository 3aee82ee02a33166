"""Answers built once and kept as bytes until what they show changes: the partner API's lists
and details (here) and the screens' playlists (campaigns.screens.api.playlists).

- `shared` is the shared cache (Redis in production) where an outage is a miss, never an
  error: readers and screens are then answered from the database.
- A `ContentVersion` is a token in the shared cache, replaced whenever something the answers
  show changes (cms.signal_handlers, campaigns.screens.signals). `StoredAnswers` keeps
  answers under the current token, so old ones are never read again and expire on their own.
- `strong_etag` names the same bytes the same way in every process; `etag_matches` is
  If-None-Match's weak comparison.

A warm API answer costs two cache reads and no database query. Answers carry a strong ETag
and Last-Modified (when the content version last changed); `If-None-Match` or
`If-Modified-Since` answer 304. `Cache-Control` lets a CDN keep them for API_CACHE_SECONDS,
and publishing purges the API's URLs from the CDN (cms.api.purge).
"""

import dataclasses
import hashlib
import json
import logging
import secrets
import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from cms.api.language import requested_language

logger = logging.getLogger(__name__)

Answer = HttpResponse


class SharedCache:
    """The shared cache, where an outage (Redis down) means a miss, not a failed request:
    redis-py's errors are not Django's, so any error is one."""

    def get(self, key: str):
        try:
            return cache.get(key)
        except Exception:
            logger.warning("The shared cache is unreachable (get)", exc_info=True)
            return None

    def set(self, key: str, value, timeout) -> bool:
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("The shared cache is unreachable (set)", exc_info=True)
            return False
        return True

    def add(self, key: str, value, timeout) -> None:
        try:
            cache.add(key, value, timeout)
        except Exception:
            logger.warning("The shared cache is unreachable (add)", exc_info=True)

    def delete(self, key: str) -> None:
        try:
            cache.delete(key)
        except Exception:
            logger.warning("The shared cache is unreachable (delete)", exc_info=True)


shared = SharedCache()


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak comparison: W/"x" matches "x")."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


class ContentVersion:
    """A token in the shared cache that changes whenever the content behind some answers
    changes, with the time it began (an answer's Last-Modified).

    With `check_seconds`, a process reads the token at most that often (the screens' fast
    path answers from memory without a cache round trip); a change made by this process is
    seen at once. With the cache down every call gives a new token: answers are built anew
    rather than served stale, and the cache is asked again next time."""

    def __init__(self, key: str, *, check_seconds: Callable[[], float] = lambda: 0):
        self.key = key
        self.check_seconds = check_seconds
        self._held: tuple[str, float] | None = None
        self._checked_at = float("-inf")

    def current(self) -> tuple[str, float]:
        now = time.monotonic()
        if self._held is not None and now - self._checked_at < self.check_seconds():
            return self._held
        value = shared.get(self.key)
        if not _is_version(value):
            shared.add(self.key, _new_version(), None)
            value = shared.get(self.key)
            if value is not None and not _is_version(value):  # written by an older release
                value = _new_version()
                shared.set(self.key, value, None)
        if value is None:
            return secrets.token_hex(8), time.time()
        self._held, self._checked_at = value, now
        return value

    def replace(self) -> None:
        """Forget every answer kept under the current token, in every process."""
        if not shared.set(self.key, _new_version(), None):
            logger.error("%s changed but the shared cache is unreachable", self.key)
        self._checked_at = float("-inf")

    def changed(self) -> None:
        """Something the answers show changed: a new token now, for readers inside this
        transaction, and again after commit, so an answer built from the old rows in
        between is not kept."""
        self.replace()
        transaction.on_commit(self.replace)


def _new_version() -> tuple[str, float]:
    return secrets.token_hex(8), float(int(time.time()))


def _is_version(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2


class StoredAnswers:
    """Answers kept under the current token of a ContentVersion: in the shared cache, so
    that every process reuses what one built, and with `in_process` in this process's
    memory too. An answer with an `expires_at` (epoch seconds) is not used after it."""

    def __init__(self, prefix: str, version: ContentVersion, *, in_process: bool = False):
        self.prefix = prefix
        self.version = version
        self.in_process = in_process
        self._local: dict[Any, tuple[str, Any]] = {}

    def key(self, token: str, identity) -> str:
        return f"{self.prefix}:{token}:{identity}"

    def find(self, identity, *, token: str | None = None):
        """The stored answer, without touching the database, or None."""
        token = token or self.version.current()[0]
        if self.in_process:
            held = self._local.get(identity)
            if held and held[0] == token and _usable(held[1]):
                return held[1]
        stored = shared.get(self.key(token, identity))
        if stored is None or not _usable(stored):
            return None
        if self.in_process and getattr(stored, "keep_in_process", True):
            self._local[identity] = (token, stored)
        return stored

    def keep(self, identity, answer, *, timeout: int, token: str | None = None) -> None:
        token = token or self.version.current()[0]
        shared.set(self.key(token, identity), answer, timeout)
        if self.in_process and getattr(answer, "keep_in_process", True):
            self._local[identity] = (token, answer)


def _usable(answer) -> bool:
    expires_at = getattr(answer, "expires_at", None)
    return expires_at is None or expires_at > time.time()


# --- The partner API's answers ------------------------------------------------------------

content_version = ContentVersion("api:content-version")
api_answers = StoredAnswers("api:answer", content_version)


def content_changed() -> None:
    """Forget every stored API answer: something the API shows was published or changed."""
    content_version.changed()


@dataclasses.dataclass(frozen=True)
class StoredAnswer:
    body: bytes
    etag: str
    last_modified: float  # epoch seconds: when the content version began


class CachedAnswersMixin:
    """For DRF views whose answers depend only on the URL, the language and the content."""

    def cached_answer(self, request, build: Callable[[], object]) -> HttpResponse:
        language = requested_language(request)  # a bad ?lang= is a 400 before any lookup
        token, since = content_version.current()
        query = sorted(request.query_params.lists())
        identity = json.dumps(
            [request.path, query, language.code, language.explicit], ensure_ascii=True
        )
        identity = hashlib.sha256(identity.encode()).hexdigest()
        stored = api_answers.find(identity, token=token)
        if stored is None:
            body = json.dumps(build(), cls=DjangoJSONEncoder, ensure_ascii=False).encode()
            stored = StoredAnswer(body=body, etag=strong_etag(body), last_modified=since)
            api_answers.keep(
                identity, stored, timeout=settings.API_ANSWER_CACHE_SECONDS, token=token
            )
        return answer(request, stored, language=language)


def not_modified(request, stored: StoredAnswer) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag_matches(if_none_match, stored.etag)
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since:
        try:
            return parsedate_to_datetime(if_modified_since).timestamp() >= int(stored.last_modified)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def answer(request, stored: StoredAnswer, *, language) -> HttpResponse:
    if not_modified(request, stored):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(stored.body, content_type="application/json")
    response["ETag"] = stored.etag
    response["Last-Modified"] = formatdate(int(stored.last_modified), usegmt=True)
    response["Cache-Control"] = (
        f"public, max-age={settings.API_CACHE_SECONDS}, "
        f"stale-while-revalidate={settings.API_CACHE_SECONDS * 5}"
    )
    response["Content-Language"] = language.code
    patch_vary_headers(response, ("Accept-Language",))
    return response
