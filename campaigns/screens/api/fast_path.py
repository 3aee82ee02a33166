"""WSGI layers in front of Django for the two URLs every screen calls (docs/screens.md).

A warm playlist is answered from memory before Django builds a request object: no
middleware, no URL resolution, no database. Anything else (a query string, a response not
built yet, plain HTTP where HTTPS is required) goes on to Django, which builds and answers.

A status report from a screen the shared cache knows, well formed, within its rate, is
kept in memory (reports.StatusReports) and answered here too; anything else (an unknown or
wrong token, a bad body, past the rate) goes on to Django, which answers it with its full
checks and error messages.
"""

import json
import re
from datetime import UTC, datetime

from django.conf import settings

from campaigns.screens import services
from campaigns.screens.api.playlists import playlist_responses, seen_screens
from campaigns.screens.api.reports import status_reports
from campaigns.screens.api.serializers import quick_status
from campaigns.screens.api.views import BEARER, ScreenStatusThrottle
from campaigns.screens.selectors import cached_screen_for_token
from cms.security_headers import fast_path_headers

PLAYLIST_PATH = re.compile(r"^/api/v1/screens/([1-9][0-9]{0,17})/playlist/$")
# Every playlist gets the headers of this one address (they do not depend on the screen).
POLICY_PATH = "/api/v1/screens/1/playlist/"
REASONS = {200: "OK", 304: "Not Modified", 404: "Not Found", 410: "Gone"}
STATUS_PATH = re.compile(r"^/api/v1/screens/([1-9][0-9]{0,17})/status/$")
STATUS_POLICY_PATH = "/api/v1/screens/1/status/"
LARGEST_REPORT = 16 * 1024


class PlaylistFastPath:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if method in ("GET", "HEAD") and not environ.get("QUERY_STRING") and self._secure(environ):
            match = PLAYLIST_PATH.match(environ.get("PATH_INFO", ""))
            if match:
                screen_id = int(match[1])
                prepared = playlist_responses.warm(screen_id)
                if prepared is not None:
                    if prepared.screen_exists:
                        seen_screens.record(screen_id, outside_request=True)
                    status, headers, body = prepared.answer(
                        method=method,
                        if_none_match=environ.get("HTTP_IF_NONE_MATCH", ""),
                        accept_encoding=environ.get("HTTP_ACCEPT_ENCODING", ""),
                    )
                    # The policy, HSTS and the rest, as Django's middleware would add them.
                    headers += fast_path_headers(POLICY_PATH, secure=self._https(environ))
                    start_response(f"{status} {REASONS[status]}", headers)
                    return [body]
        return self.application(environ, start_response)

    @classmethod
    def _secure(cls, environ) -> bool:
        """Where Django would redirect plain HTTP to HTTPS, let it."""
        return not settings.SECURE_SSL_REDIRECT or cls._https(environ)

    @staticmethod
    def _https(environ) -> bool:
        if environ.get("wsgi.url_scheme") == "https":
            return True
        header = settings.SECURE_PROXY_SSL_HEADER
        return bool(header) and environ.get(header[0], "").split(",")[0].strip() == header[1]


class Reporter:
    """What DRF's throttle reads of a request: the screen as its user."""

    def __init__(self, screen):
        self.user = screen
        self.META = {}


class StatusFastPath:
    def __init__(self, application):
        self.application = application
        self.throttle = ScreenStatusThrottle

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "POST" and not environ.get("QUERY_STRING"):
            match = STATUS_PATH.match(environ.get("PATH_INFO", ""))
            if match and PlaylistFastPath._secure(environ):
                answered = self._answer(int(match[1]), environ, start_response)
                if answered is not None:
                    return answered
        return self.application(environ, start_response)

    def _answer(self, screen_id: int, environ, start_response):
        token = BEARER.match(environ.get("HTTP_AUTHORIZATION", ""))
        content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None
        if token is None or content_type != "application/json" or not 0 < length <= LARGEST_REPORT:
            return None
        screen = cached_screen_for_token(screen_id=screen_id, token=token[1])
        prepared = playlist_responses.warm(screen_id)
        if screen is None or not screen.active or prepared is None:
            return None
        body = environ["wsgi.input"].read(length)
        try:
            report = quick_status(json.loads(body))
        except ValueError:
            report = None
        if report is None:
            environ["wsgi.input"] = _Replay(body)  # Django reads it again
            return None
        if not self.throttle().allow_request(Reporter(screen), None):
            environ["wsgi.input"] = _Replay(body)  # Django answers 429 with Retry-After
            return None
        status_reports.record(
            screen_id=screen_id, report=report, at=datetime.now(UTC), outside_request=True
        )
        answer = {"playlist_etag": prepared.etag}
        if services.screenshot_wanted(screen_id=screen_id):
            answer["screenshot"] = True
        content = json.dumps(answer).encode()
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(content))),
            ("Cache-Control", "no-store"),
            *fast_path_headers(STATUS_POLICY_PATH, secure=PlaylistFastPath._https(environ)),
        ]
        start_response("202 Accepted", headers)
        return [content]


class _Replay:
    """A request body already read, for Django to read again."""

    def __init__(self, body: bytes):
        self._body = body
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._body) if size is None or size < 0 else self._position + size
        chunk = self._body[self._position : end]
        self._position += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        rest = self._body[self._position :]
        line = rest.split(b"\n", 1)[0] + (b"\n" if b"\n" in rest else b"")
        if size is not None and size >= 0:
            line = line[:size]
        self._position += len(line)
        return line
