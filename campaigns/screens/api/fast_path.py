"""A WSGI layer in front of Django for the one URL every screen polls (docs/screens.md).

A warm playlist is answered from memory before Django builds a request object: no
middleware, no URL resolution, no database. Anything else (a query string, a response not
built yet, plain HTTP where HTTPS is required) goes on to Django, which builds and answers.
"""

import re

from django.conf import settings

from campaigns.screens.api.playlists import playlist_responses, seen_screens
from cms.security_headers import fast_path_headers

PLAYLIST_PATH = re.compile(r"^/api/v1/screens/([1-9][0-9]{0,17})/playlist/$")
# Every playlist gets the headers of this one address (they do not depend on the screen).
POLICY_PATH = "/api/v1/screens/1/playlist/"
REASONS = {200: "OK", 304: "Not Modified", 404: "Not Found", 410: "Gone"}


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
