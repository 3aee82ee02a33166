import secrets
import subprocess
import sys
import threading
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError
from wagtail.models import Page

from cms.demo import load_all
from tests.conftest import DEMO_CONTENT, PROJECT_DIR, Server, quiet

PHONE = {"width": 360, "height": 740}  # a small, cheap phone


class RequestsInFlight:
    """Counts the live server's requests until their responses are closed.

    The offline-reading service worker fetches pages and static files on its own, after a
    test has finished with them; a request still reading the database when the test's
    database is flushed makes the flush fail (SQLite in memory: "table is locked"). Tests
    name the site fixture before the page, so the page's browser context closes first."""

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            self.count += 1
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self.finished()
            raise
        return ClosedTogether(response, self.finished)

    def finished(self) -> None:
        with self.lock:
            self.count -= 1

    def wait_until_idle(self, *, quiet_for: float = 0.3, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        idle_since = None
        while time.monotonic() < deadline:
            if self.count:
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= quiet_for:
                return
            time.sleep(0.02)
        raise RuntimeError(f"the live server still had {self.count} request(s) after {timeout}s")


class ClosedTogether:
    """A WSGI response that reports when the server closes it."""

    def __init__(self, response, on_close):
        self.response = response
        self.on_close = on_close

    def __iter__(self):
        return iter(self.response)

    def close(self) -> None:
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.on_close()


@pytest.fixture(scope="session")
def requests_in_flight(live_server) -> RequestsInFlight:
    server = live_server.thread.httpd
    counter = RequestsInFlight(server.get_app())
    server.set_app(counter)
    return counter


def demo_content() -> None:
    """All the demo content, as the session loaded it: still there in the first
    transactional test (checked, kept), else put back from the session's snapshot, else
    loaded afresh."""
    if Page.objects.filter(depth__gt=1).exists():
        load_all(log=quiet)
    elif not DEMO_CONTENT.restore():
        call_command("flush", interactive=False, verbosity=0)
        load_all(log=quiet)


@pytest.fixture
def site(transactional_db, live_server, requests_in_flight):
    """The demo content, served by a live server thread (transactional tests start with
    the database a test before them emptied)."""
    demo_content()
    yield live_server.url
    requests_in_flight.wait_until_idle()


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def wait_until(page, expression: str, *, arg=None, timeout: float = 30_000) -> None:
    """Like `page.wait_for_function`, but evaluated through the browser's devtools protocol:
    Playwright builds wait_for_function's predicate with eval() inside the page, which the
    site's Content-Security-Policy forbids ('unsafe-eval' is never allowed)."""
    deadline = time.monotonic() + timeout / 1000
    if "=>" not in expression and not expression.lstrip().startswith(("function", "async")):
        # An object such as a ServiceWorker comes back as {}: ask for its truth instead.
        expression = f"Boolean({expression})"
    while True:
        try:
            if page.evaluate(expression, arg):
                return
        except PlaywrightError as error:  # the page navigated meanwhile: ask again
            if "navigat" not in str(error) and "context was destroyed" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {timeout / 1000:.0f}s: {expression}")
        page.wait_for_timeout(100)


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page, as "rule: help" lines."""
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def narrated_server(tmp_path, production_build):
    """gunicorn with the production settings, serving its own media, after the narration
    worker's job was done for every English page (as `narrate_pages --now` does)."""
    server = Server(
        {
            "STATIC_ROOT": str(production_build.static_root),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SERVE_MEDIA": "true",
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        tmp_path,
        database=production_build.database,
    )
    subprocess.run(
        [sys.executable, "manage.py", "narrate_pages", "--language", "en", "--now"],
        cwd=PROJECT_DIR,
        env=server.env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    server.start()
    yield server
    server.stop()
