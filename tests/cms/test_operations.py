"""Health and readiness probes, static files and logging, partly against a real gunicorn
process started with the production settings."""

import json
import re
import secrets
import urllib.error
import urllib.request

import pytest

from tests.conftest import Server

SECRET = secrets.token_urlsafe(50)
HTTPS = {"X-Forwarded-Proto": "https"}  # what the load balancer adds in production


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_database_and_cache_answer(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_probes_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


@pytest.mark.slow
def test_readyz_reports_a_dead_database_as_503(gunicorn):
    # Nothing listens on port 1: the connection is refused, as when PostgreSQL is down.
    server = gunicorn({"SECRET_KEY": SECRET, "DATABASE_URL": "postgres://app@127.0.0.1:1/app"})

    status, _, body = server.get("/healthz")
    assert status == 200  # alive: the load balancer must not restart it for this

    status, headers, body = server.get("/readyz")
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    # The reason goes to the log: an error names hosts and ports, not for the public.
    assert json.loads(body) == {
        "status": "unavailable",
        "detail": "Not ready: the reason is in the log.",
    }
    assert "127.0.0.1" not in body.decode()
    assert "readyz: not ready: database: OperationalError" in server.output()
    assert "cache: " not in server.output()


@pytest.mark.slow
def test_readyz_reports_a_dead_cache_as_503(gunicorn):
    server = gunicorn({"SECRET_KEY": SECRET, "REDIS_URL": "redis://127.0.0.1:1/0"})

    status, _, body = server.get("/readyz")

    assert status == 503
    assert json.loads(body)["status"] == "unavailable"
    assert "cache" not in body.decode()
    assert "readyz: not ready: cache: " in server.output()
    assert "database: " not in server.output()


@pytest.mark.slow
def test_production_serves_static_files_compressed_with_long_cache_headers(
    gunicorn, production_build
):
    server = gunicorn({"SECRET_KEY": SECRET})

    status, _, body = server.get("/bg/no-such-page/", HTTPS)
    assert status == 404
    # Templates link the hashed name, which may be cached for a year.
    hashed = re.search(rb'href="/static/(cms/site\.[0-9a-f]{12}\.css)"', body).group(1).decode()
    manifest = json.loads((production_build.static_root / "staticfiles.json").read_text())
    assert manifest["paths"]["cms/site.css"] == hashed

    status, headers, _ = server.get(f"/static/{hashed}", {**HTTPS, "Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    cache_control = headers["Cache-Control"]
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 60 * 60 * 24 * 365


@pytest.mark.slow
def test_production_logs_to_stdout(gunicorn):
    server = gunicorn({"SECRET_KEY": SECRET})

    status, _, _ = server.get("/bg/no-such-page/", HTTPS)

    assert status == 404
    server.stop()
    assert "WARNING django.request Not Found: /bg/no-such-page/" in server.output()


@pytest.mark.slow
def test_production_redirects_plain_http_except_for_probes(gunicorn):
    server = gunicorn({"SECRET_KEY": SECRET})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(f"{server.url}/bg/")
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == f"https://127.0.0.1:{server.port}/bg/"
    assert server.get("/healthz")[0] == 200


@pytest.mark.slow
def test_gunicorn_refuses_to_start_without_secret_key(tmp_path):
    server = Server({}, tmp_path)
    server.start()

    assert server.wait(timeout=30) != 0
    assert "Configuration error: SECRET_KEY is not set" in server.output()


@pytest.mark.django_db
def test_the_suite_runs_on_the_services_it_was_given():
    """CI passes DATABASE_URL and REDIS_URL; make sure the run really used them."""
    import os

    from django.core.cache import caches
    from django.db import connection

    database_url = os.environ.get("DATABASE_URL", "")
    expected_vendor = "postgresql" if database_url.startswith("postgres") else "sqlite"
    assert connection.vendor == expected_vendor
    if os.environ.get("REDIS_URL"):
        cache = caches["default"]
        assert type(cache).__module__.startswith("django_redis")
        assert cache.client.get_client().ping()
