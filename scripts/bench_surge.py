"""`make bench`, third part: a surge of readers on the public pages, through the CDN and
straight at the origin, in one run on this machine (docs/benchmarks.md).

Starts the stack of scripts/stack.py (Varnish in front of gunicorn with BENCH_WORKERS
workers on PostgreSQL and Redis, media on moto S3), adds published lessons (BENCH_LESSONS,
default 300) to the demo content, and a second gunicorn on the same database with the
origin's page cache off. Readers ask for every public page of the sitemap, in all seven
languages, with Zipf-like popularity (a few pages take most requests), in three cases:

  CDN                  wrk → Varnish (warmed once)
  origin page cache    wrk → gunicorn, pages kept as bytes in Redis (cms/cdn.py)
  origin uncached      wrk → gunicorn, every page built by Django

It prints req/s, p50/p99, the origin requests per 1,000 reader requests through the CDN
(Varnish's own counters), and the time from a publish of every language's copy of a lesson,
made during a surge through the CDN, until each language's address shows it. Goals: CDN
≥ 50× uncached, origin page cache ≥ 10× uncached, ≤ 10 origin requests per 1,000. Exits 1
when one is missed. Knobs: BENCH_DURATION, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_THREADS,
BENCH_WORKERS, BENCH_LESSONS, BENCH_KEEP (as in scripts/bench_playlists.py).
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import bench_playlists as bench
import stack as stacks

CDN, CACHED, UNCACHED = "CDN", "origin page cache", "origin uncached"
GOALS = {CDN: 50.0, CACHED: 10.0}
MAX_ORIGIN_PER_1000 = 10.0
LESSONS = bench.knob("BENCH_LESSONS", 300)
SAMPLE = 20_000  # requests in the mix, drawn once with Zipf-like weights
ZIPF = 1.0

LUA = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def reader_mix(paths: list[str], seed: int = 7) -> list[str]:
    """SAMPLE requests over `paths`, the k-th most popular asked for in proportion to 1/k."""
    ranked = paths[:]
    random.Random(seed).shuffle(ranked)
    weights = [1 / (rank**ZIPF) for rank in range(1, len(ranked) + 1)]
    return random.Random(seed).choices(ranked, weights=weights, k=SAMPLE)


def public_paths(base_url: str) -> list[str]:
    """Every address of every file the sitemap index lists."""
    index = get(f"{base_url}/sitemap.xml").decode()
    paths = set()
    for file in re.findall(r"<loc>([^<]+)", index):
        sitemap = get(base_url + re.sub(r"^https?://[^/]+", "", file)).decode()
        paths |= {
            re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)", sitemap)
        }
    return sorted(paths)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def get(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        return answer.read()


def tree_cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and all its descendants (gunicorn's workers,
    Varnish's child)."""
    ticks = os.sysconf("SC_CLK_TCK")
    used, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except FileNotFoundError:
            continue
        used += (int(fields[11]) + int(fields[12])) / ticks
        for task in tasks:
            try:
                pending += [int(child) for child in (task / "children").read_text().split()]
            except FileNotFoundError:
                continue
    return used


def backend_requests(running: stacks.Stack) -> int:
    """Requests Varnish made to the app (counted as they are made; client requests are
    summed only when a kept-alive connection closes, so wrk's own count is used for those)."""
    return varnish_counters(running)["MAIN.backend_req"]


def varnish_counters(running: stacks.Stack) -> dict[str, int]:
    output = subprocess.run(
        [
            "varnishstat",
            "-n",
            str(running.folder / "varnish"),
            "-1",
            "-f",
            "MAIN.client_req",
            "-f",
            "MAIN.backend_req",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    return {line.split()[0]: int(line.split()[1]) for line in output.splitlines() if line.strip()}


def measure(case: str, url: str, script: Path, servers: list[int]) -> bench.Result:
    """One wrk run; CPU per request of the server processes that answer it (Varnish and
    gunicorn; PostgreSQL and Redis are not counted)."""
    before = sum(tree_cpu_seconds(pid) for pid in servers)
    result = bench.parse_wrk(case, bench.run_wrk(url, script, bench.DURATION))
    used = sum(tree_cpu_seconds(pid) for pid in servers) - before
    result.server_cpu_us = used / max(result.requests, 1) * 1e6
    bench.log(
        f"  {case}: {result.requests_per_second:,.0f} req/s, p99 {result.p99_ms:.1f} ms"
        + (f"; {result.errors}" if result.errors else "")
    )
    return result


ADDRESSES = """
from cms.cdn import paths_in_every_language
from learning.models import LessonPage
source = LessonPage.objects.get(locale__language_code="bg", slug="pazete-dokumentite-si")
print(" ".join(sorted(paths_in_every_language(source))))
"""

PUBLISH = """
import time
from django.db import transaction
from learning.models import LessonPage
source = LessonPage.objects.get(locale__language_code="bg", slug="pazete-dokumentite-si")
copies = list(source.get_translations(inclusive=True).live().specific())
with transaction.atomic():
    for page in copies:
        page.title = page.title + " %s"
        page.save_revision().publish()
print(time.time())
"""


def publish_during_a_surge(running: stacks.Stack, script: Path) -> dict[str, float]:
    """Publish every language's copy of a lesson (as a translation sync does) while wrk
    drives readers through the CDN; seconds from the commit until each language's address
    (fallbacks included) shows it through the CDN, read while the publish runs."""
    addresses = [
        address
        for address in running.manage("shell", "-v0", "-c", ADDRESSES).split()
        if status_of(running.url + address) == 200
    ]
    surge = threading.Thread(
        target=bench.run_wrk, args=(running.url, script, bench.DURATION), daemon=True
    )
    surge.start()
    time.sleep(2)
    marker = f"surge-{int(time.time())}"
    publish = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-v0", "-c", PUBLISH % marker],
        cwd=stacks.PROJECT_DIR,
        env=running.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    seen: dict[str, float] = {}
    deadline = time.time() + 60
    while len(seen) < len(addresses) and time.time() < deadline:
        for address in addresses:
            if address not in seen and marker.encode() in get(running.url + address):
                seen[address] = time.time()
        time.sleep(0.01)
    committed = float(publish.communicate(timeout=60)[0].strip().splitlines()[-1])
    surge.join()
    return {address: seen.get(address, float("inf")) - committed for address in addresses}


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-surge-"))
    server = stacks.postgres_server_url()
    if server is None:
        bench.out("surge: skipped, no PostgreSQL server (set DATABASE_URL; .ci/run starts one)")
        return 0
    running = stacks.Stack(
        folder, database_url=server, redis_url=stacks.redis_url(), workers=bench.WORKERS
    )
    bench.log(f"the stack (Varnish, gunicorn × {bench.WORKERS}, PostgreSQL, Redis, S3) …")
    uncached = None
    try:
        with running:
            running.env["BENCH_LESSONS"] = str(LESSONS)
            running.env["BENCH_OUT"] = str(folder / "lessons.json")
            running.manage(
                "shell", "-v0", "-c", "import runpy; runpy.run_path('scripts/bench_api_data.py')"
            )
            uncached_env = {**running.env, "PAGE_CACHE_ORIGIN_SECONDS": "0"}
            uncached_port = stacks.free_port()
            uncached = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "cms.wsgi",
                    "--bind",
                    f"127.0.0.1:{uncached_port}",
                    "--workers",
                    str(bench.WORKERS),
                    "--no-control-socket",
                ],
                cwd=stacks.PROJECT_DIR,
                env=uncached_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            uncached_url = f"http://127.0.0.1:{uncached_port}"
            stacks.wait_for(f"{uncached_url}/healthz", uncached)
            paths = public_paths(running.app_url)
            mix = reader_mix(paths)
            script = folder / "mix.lua"
            script.write_text(LUA % {"paths": ", ".join(bench.lua_string(p) for p in mix)})
            bench.log(f"{len(paths)} public pages in 7 languages; warming the CDN and the origin …")
            for path in paths:
                get(running.url + path)
                get(running.app_url + path)
            app, varnish = running.processes["gunicorn"].pid, running.processes["varnish"].pid
            cases = {
                CDN: (running.url, [varnish, app]),
                CACHED: (running.app_url, [app]),
                UNCACHED: (uncached_url, [uncached.pid]),
            }
            runs: dict[str, list[bench.Result]] = {case: [] for case in cases}
            origin_per_1000 = []
            for round_number in range(1, bench.ROUNDS + 1):
                bench.log(f"round {round_number} of {bench.ROUNDS}")
                for case, (url, servers) in cases.items():
                    before = backend_requests(running)
                    result = measure(case, url, script, servers)
                    runs[case].append(result)
                    if case == CDN:
                        origin = backend_requests(running) - before
                        origin_per_1000.append(1000 * origin / max(result.requests, 1))
            bench.log("a publish of every language's copy of a lesson during a surge …")
            latencies = publish_during_a_surge(running, script)
    finally:
        # Its own session (start_new_session): it outlives this script unless stopped here.
        if uncached is not None and uncached.poll() is None:
            uncached.send_signal(signal.SIGTERM)
            uncached.wait(timeout=20)
    results = {case: bench.summary(case, found) for case, found in runs.items()}
    baseline = results[UNCACHED]
    bench.out()
    bench.out(
        f"Public pages, Zipf mix over {len(paths)} pages in 7 languages: wrk -t{bench.THREADS} "
        f"-c{bench.CONNECTIONS} -d{bench.DURATION}s × {bench.ROUNDS} (medians); gunicorn × "
        f"{bench.WORKERS} sync workers, PostgreSQL, Redis, Varnish 7.1"
    )
    bench.out(bench.table(list(results.values()), baseline, versus="uncached"))
    per_1000 = sorted(origin_per_1000)[len(origin_per_1000) // 2]
    bench.out(f"origin requests per 1,000 reader requests through the CDN: {per_1000:.2f}")
    slowest = max(latencies.values())
    bench.out(
        f"a publish during the surge, seen through the CDN at all {len(latencies)} addresses of "
        f"the lesson after (seconds from the commit): median "
        f"{sorted(latencies.values())[len(latencies) // 2]:.2f} s, slowest {slowest:.2f} s"
    )
    failed = False
    for case, goal in GOALS.items():
        ratio = results[case].requests_per_second / baseline.requests_per_second
        verdict = "PASS" if ratio >= goal else "MISS"
        failed |= ratio < goal
        bench.out(f"{verdict}  {case} ≥ {goal:g}× uncached: {ratio:.1f}×")
    verdict = "PASS" if per_1000 <= MAX_ORIGIN_PER_1000 else "MISS"
    failed |= per_1000 > MAX_ORIGIN_PER_1000
    bench.out(f"{verdict}  origin requests ≤ {MAX_ORIGIN_PER_1000:g} per 1,000: {per_1000:.2f}")
    if not bench.KEEP:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        bench.out("\nbench: interrupted; the stack stopped.")
        sys.exit(130)
