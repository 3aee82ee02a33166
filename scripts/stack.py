"""The platform as a city runs it, on this machine: Varnish in front of gunicorn (several
workers, production settings) on PostgreSQL and Redis, the task workers, and an
S3-compatible server (moto) for media. `make stack` starts it for a person; the stack test
(tests/test_stack.py) drives it.

    python scripts/stack.py            # start, print the addresses, stop on Ctrl-C

Environment: DATABASE_URL (a PostgreSQL server: a database of its own is created on it
and dropped afterwards; default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL
(default redis://127.0.0.1:6379/0), STACK_WORKERS (gunicorn workers, default 2).
Needs `varnishd` (Debian's varnish package; `make stack` installs it).
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
VCL = PROJECT_DIR / "deploy" / "varnish" / "default.vcl"
BUCKET = "media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def say(message: str) -> None:
    sys.stderr.write(f"stack: {message}\n")
    sys.stderr.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} stopped (exit {process.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:  # refused, or not a 200 yet
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds:.0f}s")


class Stack:
    """Start with `with Stack(folder) as stack:`; `stack.url` is the CDN's address."""

    def __init__(self, folder: Path, *, database_url: str, redis_url: str, workers: int = 2):
        self.folder = Path(folder)
        self.server_url = database_url
        self.redis_url = redis_url
        self.workers = workers
        self.processes: dict[str, subprocess.Popen] = {}
        self.varnish_port, self.app_port, self.s3_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.varnish_port}"
        self.app_url = f"http://127.0.0.1:{self.app_port}"
        self.s3_url = f"http://127.0.0.1:{self.s3_port}"
        self.database = f"stack_{secrets.token_hex(4)}"
        parts = urllib.parse.urlsplit(database_url)
        self.database_url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.database}"))
        self.env = self._environment()

    # --- what the app is given ---------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        keep = ("PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH")
        env = {key: os.environ[key] for key in keep if key in os.environ}
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            CACHE_KEY_PREFIX=self.database,
            ALLOWED_HOSTS="127.0.0.1",
            BASE_URL=self.url,
            CDN_PURGE_URL=self.url,
            VAR_DIR=str(self.folder / "var"),
            STATIC_ROOT=str(self.folder / "static"),
            S3_BUCKET=BUCKET,
            S3_ENDPOINT_URL=self.s3_url,
            S3_REGION="us-east-1",
            S3_ACCESS_KEY_ID="stack",
            S3_SECRET_ACCESS_KEY="stack",
            # Nothing terminates TLS on this machine.
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            SECURE_COOKIES="false",
            # The stack's scripted editor signs in with a password only; two-step
            # verification is tested in Chromium (tests/browser/test_two_step.py).
            TWO_FACTOR_REQUIRED="false",
            LOG_LEVEL="WARNING",
            PYTHONDONTWRITEBYTECODE="1",
        )
        return env

    def manage(self, *args: str, timeout: int = 600, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}")
        return result.stdout

    # --- starting and stopping ---------------------------------------------------------

    def _spawn(self, name: str, command: list[str], **kwargs) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("w")
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text()

    def start(self) -> "Stack":
        self.folder.mkdir(parents=True, exist_ok=True)
        self._create_database()
        s3 = self._spawn(
            "s3",
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.s3_port)],
        )
        wait_for(self.s3_url, s3)
        self._create_bucket()
        self.manage("migrate", "--no-input", "-v0")
        self.manage("collectstatic", "--no-input", "-v0")
        # Nothing to purge before the CDN starts: purges that failed now would be retried by
        # the task worker half a minute later, emptying the CDN under the first readers.
        self.manage("load_demo_content", "-v0", env={"CDN_PURGE_URL": ""})
        app = self._spawn(
            "gunicorn",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{self.app_port}",
                "--workers",
                str(self.workers),
                "--no-control-socket",
                "--access-logfile",
                "-",
                "--logger-class",
                "cms.log_masking.AccessLogWithoutSecrets",
            ],
            cwd=PROJECT_DIR,
            env=self.env,
        )
        wait_for(f"{self.app_url}/healthz", app)
        for backend in ("videos", "webhooks", "narration"):
            self._spawn(
                f"worker-{backend}",
                [sys.executable, "manage.py", "db_worker", "--backend", backend],
                cwd=PROJECT_DIR,
                env=self.env,
            )
        self._spawn(
            "every-minute",
            [sys.executable, "manage.py", "every_minute", "--loop"],
            cwd=PROJECT_DIR,
            env=self.env,
        )
        vcl = self.folder / "default.vcl"
        vcl.write_text(
            VCL.read_text()
            .replace('.host = "app";', '.host = "127.0.0.1";')
            .replace('.port = "8000";', f'.port = "{self.app_port}";')
        )
        varnish = self._spawn(
            "varnish",
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                # No privilege separation: the files are this user's (root in CI).
                "-j",
                "none",
                "-a",
                f"127.0.0.1:{self.varnish_port}",
                "-f",
                str(vcl),
                "-n",
                str(self.folder / "varnish"),
                "-s",
                "malloc,128m",
            ],
        )
        wait_for(f"{self.url}/healthz", varnish)
        return self

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self._drop_database()

    def __enter__(self) -> "Stack":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- services ------------------------------------------------------------------------

    def _server(self):
        """The server's maintenance database: the one DATABASE_URL names may not exist."""
        import psycopg

        parts = urllib.parse.urlsplit(self.server_url)
        return psycopg.connect(
            urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True
        )

    def _create_database(self) -> None:
        with self._server() as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')

    def _drop_database(self) -> None:
        try:
            with self._server() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        except Exception as error:  # the stack is stopping: say it, do not hide the cause
            say(f"could not drop {self.database}: {error}")

    def _create_bucket(self) -> None:
        """A bucket readers can read, as production's (docs/deployment.md)."""
        import boto3

        s3 = boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id="stack",
            aws_secret_access_key="stack",
        )
        s3.create_bucket(Bucket=BUCKET)
        s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))


def postgres_server_url() -> str | None:
    """The PostgreSQL server to create the stack's database on: DATABASE_URL's when it names
    one, else this machine's on its usual port when it answers, else None."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return None
    return "postgres://postgres@127.0.0.1:5432/postgres"


def redis_url() -> str:
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def stop_on_sigterm(signum, frame) -> None:
    """A supervisor's (or `timeout`'s) stop: clean up as for Ctrl-C, once."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    folder = Path(tempfile.mkdtemp(prefix="stack-"))
    server = postgres_server_url()
    if server is None:
        raise SystemExit("stack: no PostgreSQL server (set DATABASE_URL)")
    stack = Stack(
        folder,
        database_url=server,
        redis_url=redis_url(),
        workers=int(os.environ.get("STACK_WORKERS", "2")),
    )
    say("starting (migrations, static files and demo content take a minute)…")
    with contextlib.suppress(KeyboardInterrupt), stack:
        say(f"the CDN (Varnish)     {stack.url}/")
        say(f"the app (gunicorn)    {stack.app_url}/  ({stack.workers} workers)")
        say(f"media (moto S3)       {stack.s3_url}/{BUCKET}/")
        say(f"database {stack.database}, logs in {folder}; Ctrl-C stops everything")
        signal.pause()
    say("stopped")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
