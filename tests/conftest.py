import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.snapshot import DatabaseSnapshot

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls
# from such a thread unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # Narration tests press play from a script; a reader presses it with a finger.
    "--autoplay-policy=no-user-gesture-required",
]


def child_environment(**variables: str) -> dict[str, str]:
    """The environment for a project process started by a test: this one's, minus what the
    test run itself sets (settings module, services, Playwright's async override)."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return {**inherited, **variables}


@pytest.fixture
def in_english():
    """Messages in English, the interface's source language (tests default to Bulgarian,
    the platform's first language)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def english_editor(client, admin_user):
    """A logged-in editor who reads the admin in English (each editor picks a language)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return client


# The demo content as the session loaded it, for transactional tests to put back.
DEMO_CONTENT = DatabaseSnapshot()


def quiet(line: str) -> None:
    """A log callback for demo loaders that prints nothing."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with all the demo content (what `make run` shows).

    Tests change it inside their own transaction, which is rolled back. Transactional
    tests (browser tests) empty the database afterwards and load what they need."""
    from cms.demo import load_all

    with django_db_blocker.unblock():
        load_all(log=quiet)
        DEMO_CONTENT.take()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a downloaded browser.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A real gunicorn process serving the project, for tests of production behaviour."""

    def __init__(self, env: dict[str, str], tmp_path: Path, database: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp_path / f"gunicorn-{self.port}.log"
        db_path = tmp_path / "db.sqlite3"
        if database is not None and not db_path.exists():
            shutil.copy(database, db_path)
        defaults = {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SINGLE_PROCESS": "true",  # one gunicorn worker, and no Redis unless a test says
            "ALLOWED_HOSTS": "127.0.0.1",
            "VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{db_path}",
        }
        self.env = child_environment(**{**defaults, **env})
        self.process: subprocess.Popen | None = None

    def start(self) -> "Server":
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--no-control-socket",
                "--access-logfile",
                "-",
                "--logger-class",
                "cms.log_masking.AccessLogWithoutSecrets",
            ],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return self
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=1)
                return self
            except OSError:  # refused, reset or timed out while the worker boots
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer in 30s:\n{self.output()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self._log.close()

    def wait(self, timeout: float) -> int:
        return self.process.wait(timeout=timeout)

    def output(self) -> str:
        return self.log_path.read_text()

    def get(self, path: str, headers: dict[str, str] | None = None):
        """(status, headers, body) without raising on 4xx/5xx."""
        request = urllib.request.Request(f"{self.url}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


@dataclass(frozen=True)
class ProductionBuild:
    database: Path  # migrated, with the demo content; each server gets a copy
    static_root: Path  # `collectstatic` output, as the Docker image has it


@pytest.fixture(scope="session")
def production_build(tmp_path_factory) -> ProductionBuild:
    """What a deployment prepares before gunicorn starts, made once per test session."""
    folder = tmp_path_factory.mktemp("production")
    build = ProductionBuild(database=folder / "db.sqlite3", static_root=folder / "static")
    env = child_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="build-only-" + "x" * 50,
        SINGLE_PROCESS="true",
        DATABASE_URL=f"sqlite:///{build.database}",
        STATIC_ROOT=str(build.static_root),
        VAR_DIR=str(folder),
    )
    for command in (
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input"],
        ["load_demo_content"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=PROJECT_DIR,
            env=env,
            check=True,
            timeout=300,
        )
    return build


@pytest.fixture
def gunicorn(tmp_path, production_build):
    """Start gunicorn with production settings and extra environment: `gunicorn(env)`."""
    servers = []

    def start(env: dict[str, str]) -> Server:
        env = {"STATIC_ROOT": str(production_build.static_root), **env}
        server = Server(env, tmp_path, database=production_build.database).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@contextmanager
def keep_test_connection():
    """Call the real WSGI application as Django's test client does: the request must not
    close the database connection that holds the test's transaction."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
