"""`make bench`, sixth part: what a fleet costs besides its playlist polls (docs/benchmarks.md).

On PostgreSQL (a database of its own on DATABASE_URL's server or 127.0.0.1:5432, dropped
afterwards; SQLite when there is none, said in the output) with Redis when it answers:

1. Status reports. BENCH_SCREENS (2,000) screens with tokens, their playlists warm (as they
   are: a screen polls before it reports). Each sends one report through Django's whole
   request handling in this process (the production settings' middleware, authentication,
   validation, throttle, the write), through the project's WSGI application with its fast
   paths, as gunicorn calls it. Counted: CPU seconds of this process, of the PostgreSQL
   server (its processes and the connections' that ended) and of Redis (/proc), per report.
   Beside it, in the same run and order, as many `GET /healthz` (Django's least request)
   for the floor. The goal: 10,000 screens reporting every SCREEN_PLAYER_STATUS_SECONDS
   (300) cost at most 5 % of one core.
2. The playlist's warm answer from the fast path (campaigns/screens/api/fast_path.py), with
   no alert and with an alert in force in seven languages, interleaved rounds: microseconds
   per answer and their ratio. Goal: with an alert at most 1.25 times the time without.

BENCH_PROFILE=1 also prints where the reports' time goes (cProfile).

Prints the results and exits 1 when a goal is missed."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from statistics import median

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]

SCREENS = int(os.environ.get("BENCH_SCREENS", "2000"))
FLEET, EVERY_SECONDS, SHARE_GOAL, ALERT_GOAL = 10_000, 300, 0.05, 1.25
ROUNDS = 5


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def ticks(pid: int | None) -> float:
    """CPU seconds a process has used (user and system), from /proc."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu() -> float:
    """CPU seconds of this machine's PostgreSQL server: its live processes, and the backends
    that have exited (a connection per request), which the postmaster has reaped."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            name = text[text.index("(") + 1 : text.rindex(")")]
            found[int(entry.name)] = (name, text.rsplit(")", 1)[1].split())
    total = 0
    for name, fields in found.values():
        if name != "postgres":
            continue
        total += int(fields[11]) + int(fields[12])
        if found.get(int(fields[1]), ("",))[0] != "postgres":  # the postmaster
            total += int(fields[13]) + int(fields[14])
    return total / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def redis_pid() -> int | None:
    try:
        answer = subprocess.run(
            ["redis-cli", "-u", os.environ["REDIS_URL"], "info", "server"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout
    except (OSError, subprocess.SubprocessError, KeyError):
        return None
    for line in answer.splitlines():
        if line.startswith("process_id:"):
            return int(line.split(":")[1])
    return None


def postgres_server() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return None
    return "postgres://postgres@127.0.0.1:5432/postgres"


def main() -> int:
    server = postgres_server()
    name = f"bench_screens_{secrets.token_hex(4)}"
    if server:
        import psycopg

        parts = urllib.parse.urlsplit(server)
        admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    else:
        folder = Path(f"/tmp/{name}")
        folder.mkdir()
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/db.sqlite3"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    except OSError:
        os.environ["SINGLE_PROCESS"] = "true"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_scale_settings"
    os.environ.setdefault("STATIC_ROOT", f"/tmp/{name}-static")
    try:
        return measure(database="PostgreSQL" if server else "SQLite")
    finally:
        if server:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(*, database: str) -> int:
    import django

    django.setup()
    import io
    from datetime import timedelta

    from django.conf import settings
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.test import Client, RequestFactory
    from django.utils import timezone
    from django.utils.module_loading import import_string
    from wagtail.models import Locale

    from campaigns.alerts.models import Alert
    from campaigns.screens import services
    from campaigns.screens.api.fast_path import PlaylistFastPath
    from campaigns.screens.api.reports import status_reports
    from campaigns.screens.models import Screen, ScreenGroup
    from cms import languages
    from cms.translation.services import translate_from_catalog

    call_command("migrate", verbosity=0)
    for code in languages.codes():
        Locale.objects.get_or_create(language_code=code)
    cache.clear()  # answers kept by an earlier run name the same screen numbers
    group = ScreenGroup.objects.create(name="Bench")
    Screen.objects.bulk_create(
        Screen(name=f"Bench {n}", group=group, language=languages.codes()[n % 7])
        for n in range(SCREENS)
    )
    screens = list(Screen.objects.filter(group=group).order_by("pk"))
    tokens = {screen.pk: services.issue_screen_token(screen=screen) for screen in screens}
    client = Client(HTTP_HOST="127.0.0.1")

    database_cpu = postgres_cpu if database == "PostgreSQL" else (lambda: 0.0)
    cache_pid = redis_pid() if os.environ.get("REDIS_URL") else None

    def report(screen) -> str:
        return json.dumps(
            {
                "playlist_etag": '"x"',
                "playing": "1: Welcome",
                "cached_items": 12,
                "cached_bytes": 123_456_789,
                "free_bytes": 987_654_321,
                "player_version": "open-doors-player/2",
                "clock": timezone.now().isoformat(),
                "errors": [],
            }
        )

    for screen in screens:  # polled before they report, as players do, and known
        client.get(f"/api/v1/screens/{screen.pk}/playlist/", secure=True)
        client.post(
            f"/api/v1/screens/{screen.pk}/status/",
            data=report(screen),
            content_type="application/json",
            headers={"Authorization": f"Bearer {tokens[screen.pk]}"},
            secure=True,
        )

    def cost(run) -> float:
        before = own_cpu() + database_cpu() + ticks(cache_pid)
        run()
        return own_cpu() + database_cpu() + ticks(cache_pid) - before

    # As gunicorn calls the project: its WSGI application with the fast paths in front.
    application = WSGIHandler()
    for layer in reversed(settings.WSGI_FAST_PATHS):
        application = import_string(layer)(application)
    factory = RequestFactory()

    def call(method: str, path: str, body: bytes = b"", **headers) -> int:
        environ = factory._base_environ(
            PATH_INFO=path,
            REQUEST_METHOD=method,
            SERVER_NAME="127.0.0.1",
            CONTENT_TYPE="application/json",
            CONTENT_LENGTH=str(len(body)),
            **{"wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "https"},
            **headers,
        )
        answer = {}
        b"".join(application(environ, lambda status, _h: answer.update(status=status)))
        return int(answer["status"].split()[0])

    def floor():
        for _ in screens:
            call("GET", "/healthz")

    def reports():
        for screen in screens:
            status = call(
                "POST",
                f"/api/v1/screens/{screen.pk}/status/",
                report(screen).encode(),
                HTTP_AUTHORIZATION=f"Bearer {tokens[screen.pk]}",
            )
            assert status == 202, status
        status_reports.flush()  # what a process writes every SCREEN_STATUS_FLUSH_SECONDS

    floor_seconds = cost(floor)
    report_seconds = cost(reports)
    if os.environ.get("BENCH_PROFILE"):  # where a report's time goes
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(reports)
        pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(40)
    per_report = report_seconds / len(screens)
    per_floor = floor_seconds / len(screens)
    share = per_report * FLEET / EVERY_SECONDS
    out(
        f"Screens' status reports ({database}, {len(screens)} screens, CPU of app + database"
        f"{' + Redis' if cache_pid else ''})"
    )
    out(f"  GET /healthz (floor)    {per_floor * 1000:7.2f} ms per request")
    out(
        f"  POST status/            {per_report * 1000:7.2f} ms per report"
        f"  ({per_report / per_floor:.1f}x the floor)"
    )
    out(
        f"  {FLEET:,} screens every {EVERY_SECONDS} s: {share * 100:.1f} % of one core"
        f" (goal ≤ {SHARE_GOAL * 100:.0f} %)"
    )

    # --- The playlist's warm answer with and without an alert -----------------------------
    # Half the screens move to a group an alert is for: both halves are answered in the same
    # rounds, one after the other.
    alerted = ScreenGroup.objects.create(name="Bench, alerted")
    Screen.objects.filter(pk__in=[screen.pk for screen in screens[1::2]]).update(group=alerted)
    plain, with_alert = screens[0:400:2], screens[1:400:2]
    alert = Alert.objects.create(
        title="Наводнение",
        text="Не слизайте в метрото.",
        ends_at=timezone.now() + timedelta(hours=2),
        locale=Locale.objects.get(language_code="bg"),
        all_screens=False,
        machine_drafts=False,
        live=False,
    )
    alert.groups.set([alerted])
    alert.save_revision().publish()
    for code in languages.codes()[1:]:
        translate_from_catalog(
            instance=alert,
            language_code=code,
            catalog={
                "Наводнение": f"Flood ({code})",
                "Не слизайте в метрото.": f"Stay out ({code})",
            },
        )
    fast = PlaylistFastPath(lambda environ, start_response: [b""])

    def answer_all(sample) -> float:
        started = time.perf_counter()
        for screen in sample:
            environ = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": f"/api/v1/screens/{screen.pk}/playlist/",
                "QUERY_STRING": "",
                "wsgi.url_scheme": "https",
                "HTTP_ACCEPT_ENCODING": "gzip",
            }
            fast(environ, lambda status, headers: None)
        return (time.perf_counter() - started) / len(sample)

    for screen in plain + with_alert:
        client.get(f"/api/v1/screens/{screen.pk}/playlist/", secure=True)
    answer_all(plain), answer_all(with_alert)
    times = {"plain": [], "alert": []}
    for _ in range(ROUNDS):
        times["plain"].append(answer_all(plain))
        times["alert"].append(answer_all(with_alert))
    body = json.loads(
        client.get(f"/api/v1/screens/{with_alert[0].pk}/playlist/", secure=True).content
    )
    ratio = median(times["alert"]) / median(times["plain"])
    out()
    out(f"Playlist warm answer from the fast path ({len(plain)} screens each, {ROUNDS} rounds)")
    out(f"  no alert                {median(times['plain']) * 1e6:7.1f} µs per answer")
    out(
        f"  alert in {len(body['alerts'])} languages      "
        f"{median(times['alert']) * 1e6:7.1f} µs per answer  ({ratio:.2f}x; goal ≤ {ALERT_GOAL})"
    )
    failed = share > SHARE_GOAL or ratio > ALERT_GOAL
    if failed:
        out("A goal was missed.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
