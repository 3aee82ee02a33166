"""`make bench-scale`: every reader, editor, partner and screen path on the scale data set
at two sizes, about 1/20 and full (issue 15's country-wide platform: 20,000 lessons in 7
languages, 10,000 screens, 10 million plays), as the uncached origin on PostgreSQL + Redis.

For each size, a database on the PostgreSQL server of DATABASE_URL (else this machine's),
`scale_bench_small` and `scale_bench_full`, is made or reused: migrate, then
`manage.py generate_scale_data`, which adds only what is missing (the first full build takes
minutes; later runs reuse it). Then scripts/bench_scale_paths.py measures each path in one
process with Django's test client, and this prints p50/p95 per path at both sizes, the
ratio full/small, the goal and the verdict. Exits 1 when a goal is missed; without a
PostgreSQL server it says so and exits 0.

Knobs: BENCH_SCALE_FACTOR (1.0: the full size; 0.25 builds a quarter), BENCH_SAMPLES (30),
BENCH_SCALE_KEEP=0 drops the databases afterwards (kept by default: building is the slow
part). Results and method: docs/benchmarks.md.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg
from stack import postgres_server_url, redis_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SMALL_SHARE = 20
# path → (what is measured, goal): "p95" in ms at full size, also flat (full/small p95
# ≤ FLAT) for reader paths; "rate" in events/s; "flat" alone for playlist warm answers.
FLAT = 1.5
READER, SEARCH, ADMIN = 100, 200, 500
GOALS = {
    "lesson page": ("reader", READER),
    "lesson index, filtered": ("reader", READER),
    "lesson index, search": ("reader", SEARCH),
    "course page": ("reader", READER),
    "API list, first page": ("reader", READER),
    "API list, deep page": ("reader", READER),
    "API list, updated_since": ("reader", READER),
    "API detail": ("reader", READER),
    "API search": ("reader", SEARCH),
    "search page": ("reader", SEARCH),
    "search API": ("reader", SEARCH),
    "sitemap index": ("reader", READER),
    "playlist, cold": ("p95", READER),
    "playlist, warm": ("flat", None),
    "plays ingestion": ("rate", None),  # one caller: reported
    "plays ingestion, parallel screens": ("rate", 20_000),
    "admin: page explorer": ("p95", ADMIN),
    "admin: lessons by score": ("p95", ADMIN),
    "admin: coverage table": ("p95", ADMIN),
    "admin: plays report, a year": ("p95", ADMIN),
    "admin: agenda": ("p95", ADMIN),
    "editor: publish a lesson": ("p95", ADMIN),
    "editor: sync a lesson into its translations": ("report", None),
    "score_lessons": ("report", None),
    "memory": ("memory", 300),
}
PARALLEL = "plays ingestion, parallel screens"
SECRET_KEY = "bench-scale-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz"


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def sizes() -> dict[str, float]:
    """The generator's --scale for each size (its defaults are the full country size)."""
    factor = float(os.environ.get("BENCH_SCALE_FACTOR", "1.0"))
    return {"small": factor / SMALL_SHARE, "full": factor}


def environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url(),
        "SECRET_KEY": SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": "bench_scale_settings",
        "PYTHONPATH": os.pathsep.join([str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]),
    }


def database_url(server_url: str, name: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(server_url)._replace(path=f"/{name}"))


def ensure_database(server_url: str, name: str) -> None:
    maintenance = database_url(server_url, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build(env: dict[str, str], scale: float) -> float:
    started = time.monotonic()
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=PROJECT_DIR, env=env, check=True)
    subprocess.run(
        [*manage, "generate_scale_data", "--no-progress", f"--scale={scale}"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
    )
    return time.monotonic() - started


def measure(env: dict[str, str]) -> dict:
    results = {}
    # Every path through the test client, then plays from parallel screens through gunicorn.
    for script in ("bench_scale_paths.py", "bench_scale_ingestion.py"):
        with tempfile.NamedTemporaryFile(suffix=".json") as result:
            subprocess.run(
                [PYTHON, f"scripts/{script}"],
                cwd=PROJECT_DIR,
                env={**env, "BENCH_OUT": result.name},
                check=True,
            )
            found = json.loads(Path(result.name).read_text())
        results.update(found if script == "bench_scale_paths.py" else {PARALLEL: found})
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def verdicts(results: dict[str, dict]) -> tuple[list[list[str]], bool]:
    rows, all_met = [], True
    small, full = results["small"], results["full"]
    for path, (kind, goal) in GOALS.items():
        if path not in full:
            continue
        if kind == "memory":
            megabytes = full[path]["max_rss_mb"]
            met = megabytes <= goal
            rows.append(
                [
                    path,
                    "",
                    "",
                    f"{small[path]['max_rss_mb']:.0f} MB",
                    f"{megabytes:.0f} MB",
                    "",
                    f"≤ {goal} MB",
                    verdict(met),
                ]
            )
        elif kind == "rate":
            rate = full[path]["events_per_second"]
            met = (goal is None or rate >= goal) and not full[path].get("failed")
            rows.append(
                [
                    path,
                    "",
                    "",
                    f"{small[path]['events_per_second']:,.0f}/s",
                    f"{rate:,.0f}/s",
                    "",
                    f"≥ {goal:,}/s" if goal else "(reported)",
                    verdict(met),
                ]
            )
        else:
            s50, s95 = percentile(small[path]["ms"], 0.5), percentile(small[path]["ms"], 0.95)
            f50, f95 = percentile(full[path]["ms"], 0.5), percentile(full[path]["ms"], 0.95)
            ratio = f95 / s95 if s95 else 0.0
            failed = full[path]["failed"] + small[path]["failed"]
            if kind == "reader":
                met, goal_text = f95 <= goal and ratio <= FLAT, f"p95 ≤ {goal} ms, ratio ≤ {FLAT}"
            elif kind == "p95":
                met, goal_text = f95 <= goal, f"p95 ≤ {goal} ms"
            elif kind == "flat":
                met, goal_text = ratio <= FLAT, f"ratio ≤ {FLAT}"
            else:
                met, goal_text = True, "(reported)"
            met = met and not failed
            rows.append(
                [
                    path,
                    f"{s50:.1f}",
                    f"{s95:.1f}",
                    f"{f50:.1f}",
                    f"{f95:.1f}",
                    f"{ratio:.2f}",
                    goal_text,
                    verdict(met) + (f" ({failed} failed)" if failed else ""),
                ]
            )
        all_met = all_met and met
    return rows, all_met


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def main() -> int:
    server_url = postgres_server_url()
    if server_url is None:
        out("bench-scale: skipped, no PostgreSQL server (set DATABASE_URL; .ci/run starts one)")
        return 0
    results, built = {}, {}
    for label, size in sizes().items():
        name = f"scale_bench_{label}"
        ensure_database(server_url, name)
        env = environment(database_url(server_url, name))
        out(f"bench-scale: {label}: the country-wide size × {size:g} in {name}")
        built[label] = build(env, size)
        out(f"bench-scale: {label}: data set ready in {built[label]:.0f} s; measuring…")
        results[label] = measure(env)
        if os.environ.get("BENCH_SCALE_KEEP", "1") == "0":
            drop_database(server_url, name)
    rows, all_met = verdicts(results)
    header = [
        "path",
        "small p50",
        "small p95",
        "full p50",
        "full p95",
        "full/small",
        "goal",
        "verdict",
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    out()
    for row in [header, *rows]:
        out("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    out()
    out(f"score_lessons on the full set: {results['full']['score_lessons']['ms'][0] / 1000:.1f} s")
    out("bench-scale: every goal met" if all_met else "bench-scale: a goal was missed")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
