"""The project's WSGI application as `make bench` serves it, plus one constant answer.

`/bench/no-app/` answers a 304 with a playlist 304's headers and does no other work: what
gunicorn itself costs per request on this machine, so the run shows how much of a playlist
answer's cost is left to save (docs/benchmarks.md). Every other path goes to the project
unchanged; the one string comparison in front costs well under a microsecond.
"""

from cms.wsgi import application as project

NO_APP_PATH = "/bench/no-app/"
NO_APP_HEADERS = [
    ("Cache-Control", "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400"),
    ("X-Content-Type-Options", "nosniff"),
    ("ETag", '"0123456789abcdef0123456789abcdef"'),
    ("Vary", "Accept-Encoding"),
]


def application(environ, start_response):
    if environ.get("PATH_INFO") == NO_APP_PATH:
        start_response("304 Not Modified", NO_APP_HEADERS)
        return [b""]
    return project(environ, start_response)
