"""Content API answers kept as bytes until content changes.

Every answer is stored under a key made of the content version, the endpoint, the object id,
the query and the negotiated language. Any publish, unpublish, deletion or save of something
the API shows replaces the version (cms.signal_handlers), so old answers are never read again
and expire on their own. A warm request costs two cache reads and no database query.

Answers carry a strong ETag (a hash of the bytes) and Last-Modified (when the content version
last changed); `If-None-Match` or `If-Modified-Since` answer 304. `Cache-Control` lets a CDN
keep them for API_CACHE_SECONDS, and publishing purges the API's URLs from the CDN.
"""

import contextlib
import hashlib
import json
import secrets
import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from cms.api.language import requested_language

VERSION_KEY = "api:content-version"
Answer = HttpResponse


def content_version() -> tuple[str, float]:
    """The current content version and when it began."""
    try:
        current = cache.get(VERSION_KEY)
    except Exception:  # a cache outage must not take the API down: build every answer
        return secrets.token_hex(8), time.time()
    if current is None:
        current = (secrets.token_hex(8), float(int(time.time())))
        try:
            if not cache.add(VERSION_KEY, current, timeout=None):
                current = cache.get(VERSION_KEY) or current
        except Exception:
            pass
    return current[0], current[1]


def content_changed() -> None:
    """Forget every stored answer: something the API shows was published or changed."""
    # With the cache down, stored answers are unreachable anyway.
    with contextlib.suppress(Exception):
        cache.set(VERSION_KEY, (secrets.token_hex(8), float(int(time.time()))), timeout=None)


class CachedAnswersMixin:
    """For DRF views whose answers depend only on the URL, the language and the content."""

    def cached_answer(self, request, build: Callable[[], object]) -> HttpResponse:
        language = requested_language(request)  # a bad ?lang= is a 400 before any lookup
        version, since = content_version()
        query = sorted(request.query_params.lists())
        identity = json.dumps(
            [version, request.path, query, language.code, language.explicit], ensure_ascii=True
        )
        key = "api:answer:" + hashlib.sha256(identity.encode()).hexdigest()
        try:
            stored = cache.get(key)
        except Exception:
            stored = None
        if stored is None:
            body = json.dumps(build(), cls=DjangoJSONEncoder, ensure_ascii=False).encode()
            stored = (body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"', since)
            with contextlib.suppress(Exception):
                cache.set(key, stored, timeout=settings.API_ANSWER_CACHE_SECONDS)
        body, etag, last_modified = stored
        return answer(request, body=body, etag=etag, last_modified=last_modified, language=language)


def not_modified(request, *, etag: str, last_modified: float) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since:
        try:
            return parsedate_to_datetime(if_modified_since).timestamp() >= int(last_modified)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def answer(request, *, body: bytes, etag: str, last_modified: float, language) -> HttpResponse:
    if not_modified(request, etag=etag, last_modified=last_modified):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Last-Modified"] = formatdate(int(last_modified), usegmt=True)
    response["Cache-Control"] = (
        f"public, max-age={settings.API_CACHE_SECONDS}, "
        f"stale-while-revalidate={settings.API_CACHE_SECONDS * 5}"
    )
    response["Content-Language"] = language.code
    patch_vary_headers(response, ("Accept-Language",))
    return response
