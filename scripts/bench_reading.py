"""`make bench`, fifth part: narration and handouts (docs/narration.md, docs/handouts.md).

Narration: for each of the seven languages, a 300-word easy text (the easy-language
corpus's easy texts, cut at the sentence that reaches 300 words) read by espeak-ng and
encoded by ffmpeg exactly as the narration worker does; CPU seconds of this process and its
children (espeak-ng, ffmpeg), bytes and minutes of audio. Goals: ≤ 10 s of CPU and
≤ 150 KB for a 300-word lesson.

Handouts: on a fresh SQLite database with the demo content, the PDF of the longest lesson in
each language the demo has and of each course (A4), made without the cache; wall and CPU
seconds per PDF (best of BENCH_SAMPLES after a warming round, the first one also shown).
Goal: ≤ 3 s per PDF. Exits 1 when a goal is missed."""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]
WORDS = 300
CPU_GOAL, BYTES_GOAL, PDF_GOAL = 10.0, 150 * 1024, 3.0
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "3"))


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure() -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache

    from cms.narration import services, speech, text
    from learning.easy_language import corpus
    from learning.handouts import pdf, selectors
    from learning.models import CoursePage, LessonPage

    results = {"narration": {}, "handouts": {}}
    for language in LANGUAGES:
        paragraphs = [item.text for item in corpus.texts(language) if item.easy]
        sentences, words = [], 0
        for sentence in text.sentences(paragraphs, language):
            if words >= WORDS:
                break
            sentences.append(sentence)
            words += len(sentence.split())
        started = cpu_seconds()
        spoken = speech.speak(
            sentences,
            program=settings.NARRATION_ESPEAK,
            voice=services.voice_for(language),
            words_per_minute=settings.NARRATION_WORDS_PER_MINUTE,
            pause_seconds=settings.NARRATION_SENTENCE_PAUSE_SECONDS,
            bitrate=settings.NARRATION_BITRATE,
        )
        results["narration"][language] = {
            "words": words,
            "sentences": len(sentences),
            "cpu": cpu_seconds() - started,
            "bytes": len(spoken.audio),
            "minutes": spoken.duration_seconds / 60,
        }
    pages = []
    for language in ("bg", "en", "ar", "uk"):
        lessons = LessonPage.objects.live().filter(locale__language_code=language)
        if lessons:
            pages.append(max(lessons, key=lambda lesson: len(str(lesson.body.raw_data))))
    pages += list(CoursePage.objects.live().order_by("locale__language_code"))
    for page in pages:
        walls, cpus, size = [], [], 0
        for _ in range(SAMPLES + 1):
            cache.clear()
            wall, cpu = time.perf_counter(), cpu_seconds()
            size = len(selectors.handout_pdf(page, "a4"))
            walls.append(time.perf_counter() - wall)
            cpus.append(cpu_seconds() - cpu)
        kind = "course" if isinstance(page, CoursePage) else "lesson"
        results["handouts"][f"{kind} {page.locale.language_code}: {page.title[:40]}"] = {
            "first": walls[0],
            "wall": min(walls[1:]),
            "cpu": min(cpus[1:]),
            "bytes": size,
        }
    assert pdf.PAPER_SIZES
    return results


def main() -> int:
    from bench_scale import SECRET_KEY
    from bench_search import prepare

    with tempfile.TemporaryDirectory(prefix="bench-reading-") as folder:
        env = {
            **os.environ,
            "SECRET_KEY": SECRET_KEY,
            "DJANGO_SETTINGS_MODULE": "bench_scale_settings",
            "PYTHONPATH": os.pathsep.join([str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]),
            "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "SINGLE_PROCESS": "true",
        }
        out("reading: the demo content on SQLite…")
        prepare(env)
        result = Path(folder) / "result.json"
        subprocess.run(
            [sys.executable, __file__, "--measure"],
            cwd=PROJECT_DIR,
            env={**env, "BENCH_OUT": str(result)},
            check=True,
        )
        measured = json.loads(result.read_text())

    missed = []
    out()
    header = f"{'sentences':>9} {'CPU s':>7} {'KB':>7} {'min':>6} {'KB/min':>7}"
    out(f"{'narration, 300 words':22} {header}")
    for language, row in measured["narration"].items():
        per_minute = row["bytes"] / 1024 / row["minutes"]
        out(
            f"{language:22} {row['sentences']:9d} {row['cpu']:7.2f} {row['bytes'] / 1024:7.1f}"
            f" {row['minutes']:6.2f} {per_minute:7.1f}"
        )
        if row["cpu"] > CPU_GOAL:
            missed.append(f"narration {language}: {row['cpu']:.1f} s CPU > {CPU_GOAL:.0f} s")
        if row["bytes"] > BYTES_GOAL:
            missed.append(f"narration {language}: {row['bytes'] / 1024:.0f} KB > 150 KB")
    out()
    out(f"{'handout (A4)':52} {'first s':>8} {'wall s':>7} {'CPU s':>7} {'KB':>6}")
    for name, row in measured["handouts"].items():
        out(
            f"{name:52} {row['first']:8.2f} {row['wall']:7.2f} {row['cpu']:7.2f}"
            f" {row['bytes'] / 1024:6.0f}"
        )
        if row["wall"] > PDF_GOAL:
            missed.append(f"handout {name}: {row['wall']:.2f} s > {PDF_GOAL:.0f} s")
    out()
    if missed:
        out("reading: goals missed:\n  " + "\n  ".join(missed))
        return 1
    out("reading: every goal met.")
    return 0


if __name__ == "__main__":
    if "--measure" in sys.argv:
        Path(os.environ["BENCH_OUT"]).write_text(json.dumps(measure()))
    else:
        sys.exit(main())
