"""`make bench`, second part: the partner API's warm lists against DRF + the ORM building the
same list on every request, in one run on one server.

Run by scripts/bench after scripts/bench_playlists.py, with the virtualenv's Python. In a
temporary folder under /tmp: a fresh SQLite database (migrate, collectstatic, the demo
content and scripts/bench_api_data.py: 240 lessons), then gunicorn with the production
settings plus scripts/bench_urls.py on a free loopback port, and wrk against two cases:

  lessons warm       GET /api/v1/lessons/?… answered from stored bytes (cms/api/caching.py)
  lessons uncached   GET /bench/uncached/lessons/?… the same viewset, filters and serializers
                     without stored answers: DRF and the ORM on every request

Both rotate through the same 12 queries (bg, en and ar, first, second and last page, a topic,
a level, an ordering). Prints req/s, p50/p99 and checks the goal (warm ≥ 5× uncached); exits
1 when it is missed. Knobs as in scripts/bench_playlists.py (BENCH_DURATION, BENCH_ROUNDS,
BENCH_WORKERS, BENCH_CONNECTIONS, BENCH_THREADS, BENCH_KEEP), plus BENCH_LESSONS.
"""

import json
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_playlists as bench

GOAL = 5.0
WARM, UNCACHED = "lessons warm", "lessons uncached"


def prepare(folder: Path, env: dict[str, str]) -> dict:
    bench.log("migrate, collectstatic and the demo content into a fresh SQLite database…")
    bench.manage(env, "migrate", "--no-input", "-v0")
    bench.manage(env, "collectstatic", "--no-input", "-v0")
    subprocess.run(
        [bench.PYTHON, "manage.py", "load_demo_content"],
        cwd=bench.PROJECT_DIR,
        env=env,
        check=True,
        timeout=600,
        stdout=subprocess.DEVNULL,  # a line per object; errors still reach stderr
    )
    out = folder / "api.json"
    bench.manage(
        {**env, "BENCH_OUT": str(out)},
        "shell",
        "-v0",
        "-c",
        "import runpy; runpy.run_path('scripts/bench_api_data.py')",
    )
    return json.loads(out.read_text())


def check_same_answers(server: bench.Gunicorn, queries: list[str]) -> None:
    """Both paths must give the same document for every query, or the comparison is void."""
    for query in queries:
        answers = []
        for path in (f"/api/v1/lessons/?{query}", f"/bench/uncached/lessons/?{query}"):
            status, _, body = server.get(path)
            if status != 200:
                raise RuntimeError(f"{path}: {status} {body[:300]!r}")
            answers.append(body)
        # Only the next/previous links name the path they were asked at.
        answers[1] = answers[1].replace(b"/bench/uncached/lessons/", b"/api/v1/lessons/")
        if answers[0] != answers[1] or not json.loads(answers[0])["results"]:
            raise RuntimeError(f"?{query}: the warm and uncached lists differ (or are empty)")


def main() -> int:
    if not Path(bench.WRK).exists():
        raise SystemExit(f"wrk is missing at {bench.WRK}; run ./scripts/bench, which installs it")
    folder = Path(tempfile.mkdtemp(prefix="bench-api-", dir="/tmp"))
    server = None
    try:
        env = bench.environment(folder)
        env["DJANGO_SETTINGS_MODULE"] = "bench_settings"
        env["PYTHONPATH"] = str(bench.PROJECT_DIR / "scripts")
        data = prepare(folder, env)
        queries = data["queries"]
        bench.log(f"{data['lessons']} Bulgarian lessons; {len(queries)} list queries")

        server = bench.Gunicorn(env, folder)
        server.start()
        cache = "Redis" if "REDIS_URL" in env else "local memory"
        bench.log(f"gunicorn {bench.WORKERS} {bench.WORKER_CLASS} workers (cache: {cache})")
        check_same_answers(server, queries)

        cases = {
            WARM: [f"/api/v1/lessons/?{query}" for query in queries],
            UNCACHED: [f"/bench/uncached/lessons/?{query}" for query in queries],
        }
        scripts = {}
        for number, (case, paths) in enumerate(cases.items()):
            checking = folder / f"check-{number}.lua"
            scripts[case] = folder / f"case-{number}.lua"
            bench.write_lua(checking, paths, None, check=True)
            bench.write_lua(scripts[case], paths, None, check=False)
            # Fills every worker's stored answers (local memory: one copy per worker) and
            # checks that every answer is a 200.
            bench.checked_warmup(case, server.url, checking, 200)

        runs: dict[str, list[bench.Result]] = {case: [] for case in scripts}
        for number in range(1, bench.ROUNDS + 1):
            bench.log(f"round {number} of {bench.ROUNDS}")
            for case, script in scripts.items():
                runs[case].append(bench.measure(server, case, script))
        results = [bench.summary(case, case_runs) for case, case_runs in runs.items()]
        by_case = {result.case: result for result in results}

        bench.out()
        bench.out(
            f"Partner API lesson lists: gunicorn {bench.WORKERS} {bench.WORKER_CLASS} workers, "
            f"wrk -t{bench.THREADS} -c{bench.CONNECTIONS} -d{bench.DURATION}s × {bench.ROUNDS} "
            f"(medians), {len(queries)} queries of 20 lessons"
        )
        bench.out(bench.table([by_case[UNCACHED], by_case[WARM]], by_case[UNCACHED], "uncached"))
        bench.out()
        ratio = by_case[WARM].requests_per_second / by_case[UNCACHED].requests_per_second
        verdict = "PASS" if ratio >= GOAL else "FAIL"
        bench.out(f"{verdict}  lessons warm ≥ {GOAL:g}× DRF + ORM on every request: {ratio:.2f}×")
        errors = [f"{r.case}: {r.errors}" for r in results if r.errors]
        if errors:
            bench.out("Errors: " + "; ".join(errors))
        return 1 if verdict == "FAIL" or errors else 0
    finally:
        if server is not None:
            server.stop()
        if bench.KEEP:
            bench.log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, bench.interrupted)
    signal.signal(signal.SIGINT, bench.interrupted)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        bench.out("\nbench: interrupted; gunicorn stopped and the temporary folder removed.")
        sys.exit(130)
    except (RuntimeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        bench.out(f"bench: {error}", sys.stderr)
        sys.exit(2)
