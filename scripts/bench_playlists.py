"""`make bench`: the screens' playlist API against whitenoise serving the same bytes.

Run by scripts/bench (which installs wrk when missing) with the virtualenv's Python. In a
temporary folder under /tmp: a fresh SQLite database (migrate, collectstatic, the data set
of scripts/bench_data.py), then gunicorn with the production settings on a free loopback
port, and wrk against four cases on that one server:

  playlist 200    GET /api/v1/screens/{id}/playlist/, rotating through all screens
  playlist 304    the same, each with If-None-Match: the screen's current ETag
  whitenoise 200  GET /static/bench/playlist.json: one screen's playlist body as a static file
  no-app 304      GET /bench/no-app/: a constant 304 answered in front of the project
                  (scripts/bench_wsgi.py), the most any fast path could reach on this server

Prints req/s and p50/p99 latency per case and checks the goals (playlist 200 at least 2x
whitenoise, 304 at least 3x); exits 1 when one is missed. Everything is removed afterwards,
also on Ctrl-C.

Environment: BENCH_DURATION (seconds per case, default 10), BENCH_CONNECTIONS (default 16),
BENCH_THREADS (wrk threads, default 2), BENCH_WORKERS (gunicorn workers, default 2),
BENCH_WORKER_CLASS (sync, gthread or gevent, default sync: the Dockerfile's), BENCH_WORKER_THREADS
(gthread's threads per worker, default 4), BENCH_REUSE_PORT=1 (a listening socket per worker,
so that the kernel spreads wrk's kept-alive connections over the workers),
BENCH_GZIP=1 (send Accept-Encoding: gzip in every case; default: no Accept-Encoding),
BENCH_ROUNDS (rounds of the four cases, interleaved, default 3: the medians are shown),
BENCH_KEEP=1 (keep the temporary folder). The cache is REDIS_URL, else the Redis on 127.0.0.1:6379
when one answers, else each worker's own memory (SINGLE_PROCESS=true).
"""

import json
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from statistics import median

PROJECT_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WRK = os.environ.get("WRK", shutil.which("wrk") or "/usr/bin/wrk")
BASE_URL = "https://cms.example.org"  # only written into the playlists' video and caption URLs
STATIC_PATH = "/static/bench/playlist.json"
NO_APP_PATH = "/bench/no-app/"  # scripts/bench_wsgi.py: gunicorn's own cost per request
GOALS = {"playlist 200": 2.0, "playlist 304": 3.0}
# Headers Django's middleware adds to every response it builds: an answer without them came
# from the fast path in front of Django (campaigns/screens/api/fast_path.py).
DJANGO_MARKER = "cross-origin-opener-policy"


def knob(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}") from None
    if number < 1:
        raise SystemExit(f"{name} must be at least 1")
    return number


DURATION = knob("BENCH_DURATION", 10)
CONNECTIONS = knob("BENCH_CONNECTIONS", 16)
THREADS = min(knob("BENCH_THREADS", 2), CONNECTIONS)
WORKERS = knob("BENCH_WORKERS", 2)
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "sync").strip() or "sync"
GZIP = os.environ.get("BENCH_GZIP", "").strip().lower() in {"1", "true", "yes", "on"}
ROUNDS = knob("BENCH_ROUNDS", 3)
KEEP = os.environ.get("BENCH_KEEP", "").strip().lower() in {"1", "true", "yes", "on"}
WARMUP_SECONDS = 3
WORKER_THREADS = knob("BENCH_WORKER_THREADS", 4)
REUSE_PORT = os.environ.get("BENCH_REUSE_PORT", "").strip().lower() in {"1", "true", "yes", "on"}
if WORKER_CLASS not in {"sync", "gthread", "gevent"}:
    raise SystemExit(f"BENCH_WORKER_CLASS must be sync, gthread or gevent, not {WORKER_CLASS!r}")


def out(text: str = "", stream=sys.stdout) -> None:
    stream.write(text + "\n")
    stream.flush()


def log(message: str) -> None:
    out(f"bench: {message}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(folder: Path) -> dict[str, str]:
    """A clean environment: nothing from the caller's settings leaks in (S3, TIME_ZONE…)."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "LC_ALL") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1",
        VAR_DIR=str(folder / "var"),
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        BASE_URL=BASE_URL,
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    redis_url = os.environ.get("REDIS_URL") or local_redis()
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CACHE_KEY_PREFIX"] = f"bench-{secrets.token_hex(4)}"
    else:
        # Production wants a shared cache; without a Redis each worker keeps its own.
        env["SINGLE_PROCESS"] = "true"
    return env


def local_redis() -> str | None:
    """The Redis on this machine's usual port, when one answers."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            if sock.recv(16).startswith(b"+PONG"):
                return "redis://127.0.0.1:6379/0"
    except OSError:
        pass
    return None


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT_DIR, env=env, check=True, timeout=600)


class Gunicorn:
    def __init__(self, env: dict[str, str], folder: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.log_path = folder / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        command = [PYTHON, "-m", "gunicorn", "scripts.bench_wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(WORKERS)]
        command += ["--no-control-socket"]
        if WORKER_CLASS == "gthread":
            command += ["--worker-class", "gthread", "--threads", str(WORKER_THREADS)]
        elif WORKER_CLASS == "gevent":
            command += ["--worker-class", "gevent"]
        if REUSE_PORT:
            command += ["--reuse-port"]
        return command

    def start(self) -> None:
        with self.log_path.open("w") as output:
            self.process = subprocess.Popen(
                self.command(),
                cwd=PROJECT_DIR,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches this script, which stops it
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_path.read_text()}")
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer in 60s:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self) -> dict[int, float]:
        """User and system CPU time of the master and of each worker, by process id."""
        ticks = os.sysconf("SC_CLK_TCK")
        used = {}
        for pid in [self.process.pid, *self.workers()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:  # a worker restarted
                continue
            used[pid] = (int(fields[11]) + int(fields[12])) / ticks
        return used

    def get(self, path: str, headers: dict[str, str] | None = None):
        """(status, headers, body), without raising on 304 or errors."""
        request = urllib.request.Request(f"{self.url}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


# --- wrk ----------------------------------------------------------------------------------

LUA = r"""
-- Written by scripts/bench_playlists.py. Every wrk thread rotates through all requests,
-- each thread from a different starting point. The requests are formatted once, up front.
local paths = {%(paths)s}
local etags = {%(etags)s}
local gzip = %(gzip)s
local check = %(check)s
local threads = {}
local counter = 0

function setup(thread)
  thread:set("number", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for i, path in ipairs(paths) do
    local headers = {Host = wrk.headers["Host"]}
    if gzip then headers["Accept-Encoding"] = "gzip" end
    if etags[i] then headers["If-None-Match"] = etags[i] end
    requests[i] = wrk.format("GET", path, headers)
  end
  index = (number * 7919) %% #requests
  statuses = {}
  django = 0
  if check then
    response = function(status, headers, body)
      statuses[status] = (statuses[status] or 0) + 1
      for name, _ in pairs(headers) do
        if string.lower(name) == "%(marker)s" then django = django + 1 end
      end
    end
  end
end

function request()
  index = index %% #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  if not check then return end
  local statuses, django = {}, 0
  for _, thread in ipairs(threads) do
    django = django + thread:get("django")
    for status, count in pairs(thread:get("statuses")) do
      statuses[status] = (statuses[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(statuses) do
    table.insert(parts, string.format('"%%d": %%d', status, count))
  end
  io.write(string.format('CHECK {"statuses": {%%s}, "django": %%d}\n',
    table.concat(parts, ", "), django))
end
"""


def lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_lua(path: Path, paths: list[str], etags: list[str] | None, *, check: bool) -> None:
    path.write_text(
        LUA
        % {
            "paths": ", ".join(lua_string(p) for p in paths),
            "etags": ", ".join(lua_string(e) for e in etags) if etags else "",
            "gzip": "true" if GZIP else "false",
            "check": "true" if check else "false",
            "marker": DJANGO_MARKER,
        }
    )


@dataclass
class Result:
    case: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: str
    output: str
    server_cpu_us: float = 0.0  # gunicorn's CPU time (master and workers) per request
    other_cpu: float = 0.0  # CPU seconds used by other processes during the run


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def milliseconds(text: str) -> float:
    match = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * UNITS[match[2]]


def parse_wrk(case: str, output: str) -> Result:
    rps = re.search(r"^Requests/sec:\s+([0-9.]+)", output, re.MULTILINE)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    total = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    if not (rps and p50 and p99 and total):
        raise RuntimeError(f"could not read wrk's output for {case}:\n{output}")
    errors = []
    socket_errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    if socket_errors:
        errors.append(f"socket errors: {socket_errors[1]}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors.append(f"{non_2xx[1]} non-2xx/3xx responses")
    return Result(
        case=case,
        requests_per_second=float(rps[1]),
        p50_ms=milliseconds(p50[1]),
        p99_ms=milliseconds(p99[1]),
        requests=int(total[1]),
        errors="; ".join(errors),
        output=output,
    )


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(url: str, script: Path, seconds: int) -> str:
    command = [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "10s", "-s", str(script), url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def checked_warmup(case: str, url: str, script: Path, expected_status: int) -> int:
    """A discarded wrk run that counts statuses and answers Django built (not the fast
    path); returns how many Django built."""
    output = run_wrk(url, script, WARMUP_SECONDS)
    line = next((ln for ln in output.splitlines() if ln.startswith("CHECK ")), None)
    if line is None:
        raise RuntimeError(f"no check line from wrk for {case}:\n{output}")
    check = json.loads(line.removeprefix("CHECK "))
    statuses = {int(status): count for status, count in check["statuses"].items()}
    if set(statuses) != {expected_status}:
        raise RuntimeError(f"{case}: expected only {expected_status}, got {statuses}")
    return check["django"]


# --- The run ------------------------------------------------------------------------------


def prepare(folder: Path, env: dict[str, str]) -> dict:
    log("migrate and collectstatic into a fresh SQLite database…")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    log("data set: 500 screens, 200 videos, 50 playlists and the fallback…")
    out = folder / "data.json"
    manage(
        {**env, "BENCH_OUT": str(out)},
        "shell",
        "-v0",
        "-c",
        "import runpy; runpy.run_path('scripts/bench_data.py')",
    )
    return json.loads(out.read_text())


def warm(server: Gunicorn, data: dict, static_file: Path) -> list[str]:
    """Every screen's playlist built (each request checked) and its ETag; the static copy
    checked against what whitenoise sends."""
    accept = {"Accept-Encoding": "gzip"} if GZIP else {}
    etags = []
    for screen_id in data["screen_ids"]:
        status, headers, body = server.get(f"/api/v1/screens/{screen_id}/playlist/")
        if status != 200 or not headers.get("ETag"):
            raise RuntimeError(f"screen {screen_id}: {status} {dict(headers)}")
        document = json.loads(body)
        if document["screen"]["id"] != screen_id or not document["items"]:
            raise RuntimeError(f"screen {screen_id}: unexpected playlist {document!r:.300}")
        if screen_id == data["static_screen_id"]:
            same = {k: v for k, v in document.items() if k != "generated_at"}
            kept = json.loads(static_file.read_bytes())
            kept.pop("generated_at")
            if same != kept or len(body) != static_file.stat().st_size:
                raise RuntimeError("the static copy is not the playlist this server builds")
        etags.append(headers["ETag"])
        status, _, body = server.get(
            f"/api/v1/screens/{screen_id}/playlist/", {"If-None-Match": headers["ETag"]}
        )
        if status != 304 or body:
            raise RuntimeError(f"screen {screen_id}: If-None-Match gave {status}")

    warm_every_worker(server, data["screen_ids"], etags)

    status, headers, body = server.get(STATIC_PATH)
    if status != 200 or body != static_file.read_bytes():
        raise RuntimeError(f"whitenoise: {status} {dict(headers)} ({len(body)} bytes)")
    status, headers, body = server.get(STATIC_PATH, accept)
    expected = (static_file.parent / (static_file.name + ".gz")) if GZIP else static_file
    if status != 200 or body != expected.read_bytes():
        raise RuntimeError(f"whitenoise with {accept}: {status} {dict(headers)}")
    status, headers, body = server.get(
        f"/api/v1/screens/{data['static_screen_id']}/playlist/", accept
    )
    if GZIP and headers.get("Content-Encoding") != "gzip":
        raise RuntimeError("the playlist API did not answer with gzip")
    return etags


def warm_every_worker(server: Gunicorn, screen_ids: list[int], etags: list[str]) -> None:
    """Each worker builds its own copy (without Redis, each has its own memory cache), and
    which worker accepts a connection is up to the kernel, which favours one: request every
    screen, in a new order each round, from several connections at once until three rounds
    in a row find every answer already built (none from Django). The checked wrk warm-up
    run of each case confirms it under load."""
    paths = [f"/api/v1/screens/{pk}/playlist/" for pk in screen_ids]
    expected = dict(zip(paths, etags, strict=True))
    shuffle = random.Random(0).shuffle

    def fetch(path: str) -> bool:
        status, headers, _ = server.get(path)
        if status != 200 or headers.get("ETag") != expected[path]:
            # Every worker must give a screen the same ETag, or 304s would fail.
            raise RuntimeError(f"{path}: {status}, ETag {headers.get('ETag')} on another worker")
        return DJANGO_MARKER in {name.lower() for name in headers}

    quiet_rounds = 0
    with ThreadPoolExecutor(max_workers=4 * WORKERS) as pool:
        for _ in range(100):
            shuffle(paths)
            built = sum(pool.map(fetch, paths))
            quiet_rounds = quiet_rounds + 1 if built == 0 else 0
            if quiet_rounds == 3:
                return
    raise RuntimeError("the workers did not all warm up in 100 rounds")


def table(results: list[Result], baseline: Result, versus: str = "whitenoise") -> str:
    rows = [("case", "req/s", "p50", "p99", "server CPU/req", f"vs {versus}")]
    for result in results:
        ratio = result.requests_per_second / baseline.requests_per_second
        rows.append(
            (
                result.case,
                f"{result.requests_per_second:,.0f}",
                f"{result.p50_ms:.2f} ms",
                f"{result.p99_ms:.2f} ms",
                f"{result.server_cpu_us:.0f} µs",
                f"{ratio:.2f}×",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def measure(server: Gunicorn, case: str, script: Path) -> Result:
    """One wrk run, with the CPU time gunicorn, wrk and everything else used meanwhile."""
    before, wrk_before, machine_before = (
        server.cpu_seconds(),
        children_cpu_seconds(),
        machine_busy_seconds(),
    )
    result = parse_wrk(case, run_wrk(server.url, script, DURATION))
    after = server.cpu_seconds()
    wrk_used = children_cpu_seconds() - wrk_before
    machine_used = machine_busy_seconds() - machine_before
    used = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    result.server_cpu_us = sum(used.values()) / result.requests * 1e6
    result.other_cpu = max(0.0, machine_used - sum(used.values()) - wrk_used)
    busy = [used[pid] for pid in server.workers() if pid in used]
    shares = "/".join(f"{u / max(sum(busy), 1e-9):.0%}" for u in busy)
    log(
        f"  {case}: {result.requests_per_second:,.0f} req/s; CPU seconds: gunicorn "
        f"{sum(used.values()):.1f} (workers {shares}), wrk {wrk_used:.1f}, "
        f"other processes {result.other_cpu:.1f}" + (f"; {result.errors}" if result.errors else "")
    )
    return result


def summary(case: str, runs: list[Result]) -> Result:
    """The median of each figure over the rounds."""
    return Result(
        case=case,
        requests_per_second=median(r.requests_per_second for r in runs),
        p50_ms=median(r.p50_ms for r in runs),
        p99_ms=median(r.p99_ms for r in runs),
        requests=sum(r.requests for r in runs),
        errors="; ".join(r.errors for r in runs if r.errors),
        output="",
        server_cpu_us=median(r.server_cpu_us for r in runs),
    )


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy (all cores, not idle or waiting on I/O)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def busy_elsewhere() -> float:
    """The share of the machine's CPU in use over one second (before gunicorn starts)."""
    busy = machine_busy_seconds()
    time.sleep(1)
    return (machine_busy_seconds() - busy) / (os.cpu_count() or 1)


def main() -> int:
    if not Path(WRK).exists():
        raise SystemExit(f"wrk is missing at {WRK}; run ./scripts/bench, which installs it")
    folder = Path(tempfile.mkdtemp(prefix="bench-playlists-", dir="/tmp"))
    server = None
    try:
        env = environment(folder)
        data = prepare(folder, env)
        static_file = folder / "static" / "bench" / "playlist.json"
        log(
            f"{len(data['screen_ids'])} screens in {data['groups']} groups, {data['videos']} "
            f"videos, {data['captions']} captions, {data['playlists']} playlists, "
            f"{data['assignments']} assignments; playlists of {data['items']['min']}–"
            f"{data['items']['max']} items, {data['body_bytes']['min']}–"
            f"{data['body_bytes']['max']} bytes (median {data['body_bytes']['median']:.0f}, "
            f"mean {data['body_bytes']['mean']:.0f})"
        )
        log(
            f"whitenoise serves screen {data['static_screen_id']}'s playlist "
            f"({data['static_bytes']} bytes, {data['static_gzip_bytes']} gzipped) "
            f"at {STATIC_PATH}"
        )
        elsewhere = busy_elsewhere()
        if elsewhere > 0.2:
            log(
                f"warning: {elsewhere:.0%} of the CPU is busy with other processes; "
                "the numbers will be low and noisy"
            )

        server = Gunicorn(env, folder)
        server.start()
        threads = f" × {WORKER_THREADS} threads" if WORKER_CLASS == "gthread" else ""
        threads += ", a socket per worker" if REUSE_PORT else ""
        cache = "Redis" if "REDIS_URL" in env else "local memory"
        log(f"gunicorn {WORKERS} {WORKER_CLASS} workers{threads} at {server.url} (cache: {cache})")
        log("warming every screen's playlist in every worker…")
        etags = warm(server, data, static_file)

        playlist_paths = [f"/api/v1/screens/{pk}/playlist/" for pk in data["screen_ids"]]
        cases = [
            ("whitenoise 200", [STATIC_PATH], None, 200),
            ("playlist 200", playlist_paths, None, 200),
            ("playlist 304", playlist_paths, etags, 304),
            # The same If-None-Match headers as playlist 304, so gunicorn parses as much.
            ("no-app 304", [NO_APP_PATH] * len(etags), etags, 304),
        ]
        scripts = {}
        for number, (case, paths, case_etags, expected) in enumerate(cases):
            checking = folder / f"check-{number}.lua"
            scripts[case] = folder / f"case-{number}.lua"
            write_lua(checking, paths, case_etags, check=True)
            write_lua(scripts[case], paths, case_etags, check=False)
            for _ in range(10):
                built = checked_warmup(case, server.url, checking, expected)
                if not built or case.startswith("whitenoise"):
                    break
                log(f"{case}: {built} answers still built by Django; warming again")
            else:
                raise RuntimeError(f"{case}: the workers do not stay warm")

        encoding = "Accept-Encoding: gzip" if GZIP else "no Accept-Encoding"
        log(
            f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s --latency, {encoding}; "
            f"{ROUNDS} round(s) of the four cases, the median of each figure is kept"
        )
        runs: dict[str, list[Result]] = {case: [] for case in scripts}
        for number in range(1, ROUNDS + 1):
            log(f"round {number} of {ROUNDS}")
            for case, script in scripts.items():
                runs[case].append(measure(server, case, script))
        results = [summary(case, case_runs) for case, case_runs in runs.items()]

        baseline = results[0]
        out()
        out(
            f"Screen playlists vs whitenoise: gunicorn {WORKERS} {WORKER_CLASS} "
            f"workers{threads}, wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s × {ROUNDS} "
            f"(medians), {encoding}, whitenoise body {data['static_bytes']} bytes "
            f"({data['static_gzip_bytes']} gzipped)"
        )
        out(table(results, baseline))
        out()
        failed = False
        by_case = {result.case: result for result in results}
        for case, goal in GOALS.items():
            ratio = by_case[case].requests_per_second / baseline.requests_per_second
            verdict = "PASS" if ratio >= goal else "FAIL"
            failed |= verdict == "FAIL"
            out(f"{verdict}  {case} ≥ {goal:g}× whitenoise: {ratio:.2f}×")
        ceiling = by_case["no-app 304"].requests_per_second / baseline.requests_per_second
        share = (
            by_case["playlist 304"].requests_per_second / by_case["no-app 304"].requests_per_second
        )
        out(
            f"Ceiling: gunicorn answering a constant 304 with no application work reaches "
            f"{ceiling:.2f}× whitenoise on this server; playlist 304 runs at {share:.0%} of it."
        )
        disturbed = max(r.other_cpu for case_runs in runs.values() for r in case_runs)
        if disturbed > 0.1 * DURATION * (os.cpu_count() or 1):
            out(
                f"Note: other processes used up to {disturbed:.1f} CPU seconds during a run; "
                "run again on a quiet machine for numbers to compare."
            )
        if any(result.errors for result in results):
            out("Errors: " + "; ".join(f"{r.case}: {r.errors}" for r in results if r.errors))
            failed = True
        return 1 if failed else 0
    finally:
        if server is not None:
            server.stop()
        if KEEP:
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def interrupted(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)  # also when started with SIGINT ignored (`&`)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        out("\nbench: interrupted; gunicorn stopped and the temporary folder removed.")
        sys.exit(130)
    except (RuntimeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        out(f"bench: {error}", sys.stderr)
        sys.exit(2)
