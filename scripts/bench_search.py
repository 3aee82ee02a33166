"""`make bench`, fourth part: the readers' search (docs/search.md) on the demo content, on
SQLite and (when a server answers) PostgreSQL, side by side in one run.

For each database: a fresh database with the demo content, then, in one process with the
production settings as the uncached origin (scripts/bench_scale_settings.py) through
Django's test client, the search page and the search API over 35 queries in the seven
languages: exact words, Latin-typed Cyrillic, letter variants, inflected forms, typos, two
words and nonsense (each asked BENCH_SAMPLES times after a warming round); then the time to
index a saved page (each live page of a searchable type, made again from the database).

Goals: search p95 ≤ 50 ms, indexing p95 ≤ 100 ms. Prints p50/p95 per case and database,
and the PostgreSQL/SQLite ratio; exits 1 when a goal is missed."""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR / "scripts")]

SEARCH_GOAL, INDEX_GOAL = 50.0, 100.0
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "10"))
QUERIES = {
    "exact": [
        ("bg", "лекар"),
        ("en", "doctor"),
        ("ar", "الطبيب"),
        ("uk", "лікар"),
        ("en", "emergency"),
        ("bg", "договор"),
        ("en", "the"),
    ],
    "transliterated": [
        ("bg", "lekar"),
        ("bg", "trudov dogovor"),
        ("bg", "u4ili6te"),
        ("uk", "likar"),
        ("uk", "dohovir"),
        ("bg", "uchilishte"),
        ("en", "lekar"),
    ],
    "variants and forms": [
        ("ar", "طبیب"),
        ("ar", "الأطبّاء"),
        ("bg", "лекари"),
        ("en", "doctors"),
        ("uk", "ЛІКАРІ"),
        ("fa", "doctor"),
        ("ar", "مدرسه"),
    ],
    "typos": [
        ("bg", "лекр"),
        ("en", "docter"),
        ("en", "emergancy"),
        ("bg", "дговор"),
        ("uk", "лікра"),
        ("en", "documnets"),
        ("bg", "lekr"),
    ],
    "nonsense": [
        ("bg", "xqzvwk"),
        ("en", "zzzzzz qqqq"),
        ("ar", "ضضضضض"),
        ("ru", "ъъъъ"),
        ("tr", '" OR 1=1 --'),
        ("uk", "x" * 150),
        ("en", "NEAR(a b) OR *"),
    ],
}


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# --- measuring, in a process of its own with DATABASE_URL set ---------------------------


def measure() -> dict:
    import django

    django.setup()
    from django.test import Client
    from wagtail.models import Page

    from cms.search import services, sources

    client = Client()
    results: dict[str, list[float]] = {}
    for case, queries in QUERIES.items():
        for kind, address in (
            ("page", lambda code, q: f"/{code}/search/?{urllib.parse.urlencode({'q': q})}"),
            (
                "API",
                lambda code, q: "/api/v1/search/?" + urllib.parse.urlencode({"q": q, "lang": code}),
            ),
        ):
            timings = []
            for round_number in range(SAMPLES + 1):
                for code, query in queries:
                    started = time.perf_counter()
                    response = client.get(address(code, query))
                    elapsed = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, (code, query, response.status_code)
                    if round_number:  # the first round warms the word tables
                        timings.append(elapsed)
            results[f"search {kind}: {case}"] = timings
    pages = [page for page in Page.objects.live().specific() if sources.page_kind(page)]
    timings = []
    for page in pages * 3:
        started = time.perf_counter()
        services.index_page(page=page)
        timings.append((time.perf_counter() - started) * 1000)
    results["index a saved page"] = timings[len(pages) :]  # the first pass warms
    return results


# --- running -------------------------------------------------------------------------------


def prepare(env: dict[str, str]) -> None:
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=PROJECT_DIR, env=env, check=True)
    subprocess.run(
        [*manage, "load_demo_content"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run_on(env: dict[str, str]) -> dict:
    prepare(env)
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        subprocess.run(
            [sys.executable, __file__, "--measure"],
            cwd=PROJECT_DIR,
            env={**env, "BENCH_OUT": result.name},
            check=True,
        )
        return json.loads(Path(result.name).read_text())


def main() -> int:
    from bench_scale import (
        SECRET_KEY,
        database_url,
        drop_database,
        ensure_database,
        postgres_server_url,
    )
    from stack import redis_url

    base = {
        **os.environ,
        "REDIS_URL": redis_url(),
        "SECRET_KEY": SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": "bench_scale_settings",
        "PYTHONPATH": os.pathsep.join([str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]),
    }
    measured: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        out("search: the demo content on SQLite…")
        measured["SQLite"] = run_on({**base, "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3"})
    server = postgres_server_url()
    if server:
        name = "bench_search"
        drop_database(server, name)
        ensure_database(server, name)
        try:
            out("search: the demo content on PostgreSQL…")
            measured["PostgreSQL"] = run_on({**base, "DATABASE_URL": database_url(server, name)})
        finally:
            drop_database(server, name)
    else:
        out("search: no PostgreSQL server answers; measured on SQLite only.")

    missed = []
    out()
    out(f"{'case':42} " + " ".join(f"{db + ' p50/p95 ms':>26}" for db in measured))
    for case in measured["SQLite"]:
        cells = []
        for database, results in measured.items():
            p50, p95 = percentile(results[case], 0.5), percentile(results[case], 0.95)
            cells.append(f"{p50:12.1f} / {p95:7.1f}")
            goal = INDEX_GOAL if case.startswith("index") else SEARCH_GOAL
            if p95 > goal:
                missed.append(f"{case} on {database}: p95 {p95:.1f} ms > {goal:.0f} ms")
        out(f"{case:42} " + " ".join(f"{cell:>26}" for cell in cells))
    if "PostgreSQL" in measured:
        everything = {
            database: [
                value
                for case, values in results.items()
                if case.startswith("search")
                for value in values
            ]
            for database, results in measured.items()
        }
        ratio = percentile(everything["PostgreSQL"], 0.95) / percentile(everything["SQLite"], 0.95)
        out(f"\nsearch p95, PostgreSQL / SQLite: {ratio:.2f}")
    out()
    for line in missed:
        out(f"MISSED: {line}")
    if not missed:
        out(f"search p95 ≤ {SEARCH_GOAL:.0f} ms and indexing p95 ≤ {INDEX_GOAL:.0f} ms: met.")
    return 1 if missed else 0


if __name__ == "__main__":
    if "--measure" in sys.argv:
        Path(os.environ["BENCH_OUT"]).write_text(json.dumps(measure()))
    else:
        sys.exit(main())
