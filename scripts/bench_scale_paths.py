"""`make bench-scale`, the measuring half: every reader, editor, partner and screen path of
docs/benchmarks.md on the scale data set in DATABASE_URL, as the uncached origin (settings:
scripts/bench_scale_settings.py), through Django's test client in this one process.

Run by scripts/bench_scale.py once per size; writes {path: {"ms": [...], ...}} as JSON to
BENCH_OUT. Each path is asked BENCH_SAMPLES times (30) after three warming requests, over
varied targets (lessons in every language, several screens) so no answer is asked twice in
a row."""

import json
import os
import random
import resource
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_scale_settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail_localize.models import TranslationSource  # noqa: E402

from campaigns.scale import screen_token  # noqa: E402
from campaigns.screens.models import PlaylistItem, Screen  # noqa: E402
from cms import languages  # noqa: E402
from cms.search.text import load_word_tables  # noqa: E402
from learning.models import CoursePage, LessonIndexPage, LessonPage, Topic  # noqa: E402

SAMPLES = int(os.environ.get("BENCH_SAMPLES", "30"))
WARMING = 3
PLAY_BATCH = 500
chooser = random.Random(15)


def measure(name: str, requests, samples: int = SAMPLES, ok=(200,)) -> dict:
    """Time `samples` calls of the next request from `requests` (after warming)."""
    timings, failures = [], []
    for index in range(WARMING + samples):
        request = next(requests)
        started = time.perf_counter()
        response = request()
        elapsed = (time.perf_counter() - started) * 1000
        if getattr(response, "status_code", 200) not in ok:
            failures.append(f"{response.status_code} {getattr(response, 'url_asked', '')}")
        if index >= WARMING:
            timings.append(elapsed)
    median = sorted(timings)[len(timings) // 2]
    sys.stdout.write(f"bench-scale:   {name}: p50 {median:.1f} ms\n")
    sys.stdout.flush()
    return {"ms": timings, "failures": failures[:5], "failed": len(failures)}


def get(client: Client, url: str, **headers):
    def request():
        response = client.get(url, headers=headers)
        response.url_asked = url
        return response

    return request


def cold(request):
    """The request with nothing stored: no stored API answer or playlist to reuse (the
    uncached origin; rate limits, kept in the same cache, go too)."""

    def run():
        cache.clear()
        return request()

    return run


def rotate(items):
    while True:
        yield from items


def main() -> None:
    results = {}
    # As a production server process does when it starts (cms/wsgi.py).
    load_word_tables(languages.codes())
    reader, partner = Client(), Client()
    admin = Client()
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-admin", "bench@example.org", None)
    admin.force_login(user)

    copies = list(
        LessonPage.objects.live()
        .filter(title__contains=" · ")
        .select_related("locale")
        .order_by("?")[:200]
    )
    lesson_urls = [lesson.get_url() for lesson in copies]
    indexes = list(LessonIndexPage.objects.live().select_related("locale"))
    topics = list(Topic.objects.filter(locale__language_code="bg").values_list("slug", flat=True))
    words = [lesson.title.split()[0] for lesson in copies[:40]]
    courses = [c.get_url() for c in CoursePage.objects.live().order_by("?")[:50]]

    results["lesson page"] = measure("lesson page", rotate([get(reader, u) for u in lesson_urls]))
    filtered = [
        get(reader, f"{index.get_url()}?topic={chooser.choice(topics)}&level={level}")
        for index in indexes
        for level in ("A1", "A2", "B1")
    ]
    results["lesson index, filtered"] = measure("lesson index, filtered", rotate(filtered))
    searches = [get(reader, f"{index.get_url()}?q={chooser.choice(words)}") for index in indexes]
    results["lesson index, search"] = measure("lesson index, search", rotate(searches))
    results["course page"] = measure("course page", rotate([get(reader, u) for u in courses]))

    codes = sorted({lesson.locale.language_code for lesson in copies})
    first_pages = [get(partner, f"/api/v1/lessons/?lang={code}") for code in codes]
    results["API list, first page"] = measure(
        "API list, first page", rotate([cold(r) for r in first_pages])
    )
    deep = []
    for code in codes:
        count = partner.get(f"/api/v1/lessons/?lang={code}&page_size=100").json()["count"]
        deep.append(
            get(partner, f"/api/v1/lessons/?lang={code}&page_size=100&page={count // 200 + 1}")
        )
    results["API list, deep page"] = measure("API list, deep page", rotate([cold(r) for r in deep]))
    since = urlencode({"updated_since": (timezone.now() - timedelta(days=30)).isoformat()})
    recent = [get(partner, f"/api/v1/lessons/?lang={code}&{since}") for code in codes]
    results["API list, updated_since"] = measure(
        "API list, updated_since", rotate([cold(r) for r in recent])
    )
    details = [
        get(partner, f"/api/v1/lessons/{lesson.pk}/?lang={lesson.locale.language_code}")
        for lesson in copies
    ]
    results["API detail"] = measure("API detail", rotate([cold(r) for r in details]))
    api_searches = [
        get(partner, f"/api/v1/lessons/?lang={chooser.choice(codes)}&search={word}")
        for word in words
    ]
    results["API search"] = measure("API search", rotate([cold(r) for r in api_searches]))
    # The readers' search (cms.search) over everything, as typed: exact words, Latin-typed
    # Cyrillic, a typo (a letter dropped), in every language of the copies.
    typed = []
    for lesson in copies[:60]:
        word = max(lesson.title.split(), key=len)
        code = lesson.locale.language_code
        typed += [(code, word), (code, word[:2] + word[3:])]
    typed += [("bg", "lekar"), ("bg", "trudov dogovor"), ("uk", "likar"), ("en", "docter")]
    chooser.shuffle(typed)
    page_searches = [get(reader, f"/{code}/search/?{urlencode({'q': q})}") for code, q in typed]
    results["search page"] = measure("search page", rotate(page_searches))
    api_typed = [
        get(partner, f"/api/v1/search/?{urlencode({'q': q, 'lang': code})}") for code, q in typed
    ]
    results["search API"] = measure("search API", rotate(api_typed))
    results["sitemap index"] = measure("sitemap index", rotate([get(reader, "/sitemap.xml")]))

    screens = list(Screen.objects.filter(name__startswith="Екран ").order_by("?")[:100])
    playlists = [
        get(
            reader,
            f"/api/v1/screens/{screen.pk}/playlist/",
            Authorization=f"Bearer {screen_token(int(screen.name.split()[-1]))}",
        )
        for screen in screens
    ]

    results["playlist, cold"] = measure("playlist, cold", rotate([cold(p) for p in playlists]))
    # Warm: the same three screens again and again (the warming requests store theirs).
    results["playlist, warm"] = measure("playlist, warm", rotate(playlists[:WARMING]))
    results["plays ingestion"] = _ingestion(reader, screens)

    today = timezone.localdate()
    year = f"since={today - timedelta(days=365)}&until={today}"
    admin_paths = {
        "admin: page explorer": [f"/admin/pages/{index.pk}/" for index in indexes],
        "admin: lessons by score": ["/admin/lessons/?ordering=-easy_language_score"],
        "admin: coverage table": ["/admin/translations/?kind=learning.lessonpage"],
        "admin: plays report, a year": [f"/admin/screen_plays/?{year}"],
        "admin: agenda": [f"/admin/screen_agenda/?screen={s.pk}" for s in screens[:20]],
    }
    for name, urls in admin_paths.items():
        samples = max(5, SAMPLES // 3)
        results[name] = measure(name, rotate([get(admin, u) for u in urls]), samples=samples)

    results.update(_editing(user))

    started = time.perf_counter()
    call_command("score_lessons", verbosity=0)
    results["score_lessons"] = {"ms": [(time.perf_counter() - started) * 1000], "failed": 0}
    results["memory"] = {"max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps(results))


def _editing(user) -> dict:
    """An editor publishing a changed lesson (with all that a publish sets off: the shown
    versions, stored answers and pages forgotten, CDN purges and partners' webhooks queued,
    the search entry), and wagtail-localize syncing a changed source into its translations
    (six languages where all are there), as its "Sync translated pages" does. Each sample
    is another lesson."""
    sources = list(
        LessonPage.objects.live()
        .filter(locale__language_code="bg", title__contains=" · ")
        .order_by("?")[: WARMING + SAMPLES]
    )

    def publish(page: LessonPage):
        def run():
            page.summary = f"{page.summary.rstrip('.')}."  # a change, the same text
            page.save_revision(user=user).publish(user=user)

        return run

    def sync(page: LessonPage):
        def run():
            source, _ = TranslationSource.update_or_create_from_instance(page)
            for translation in source.translations.filter(enabled=True):
                translation.save_target(user=user, publish=True)

        return run

    samples = max(5, SAMPLES // 3)
    return {
        "editor: publish a lesson": measure(
            "editor: publish a lesson", iter([publish(p) for p in sources]), samples=samples
        ),
        "editor: sync a lesson into its translations": measure(
            "editor: sync a lesson into its translations",
            iter([sync(p) for p in sources]),
            samples=samples,
        ),
    }


def _ingestion(client: Client, screens: list[Screen]) -> dict:
    """Plays posted in batches of 500 by screens in turn: events per second (the test
    client is one caller; the goal counts parallel screens, so this is a floor)."""
    videos = list(PlaylistItem.objects.values_list("video_id", flat=True)[:20])
    batches = []
    for screen in screens[:20]:
        token = screen_token(int(screen.name.split()[-1]))

        def post(screen=screen, token=token):
            now = timezone.now()
            events = [
                {
                    "event_id": str(uuid.uuid4()),
                    "video_id": chooser.choice(videos),
                    "started_at": (now - timedelta(seconds=n)).isoformat(),
                    "duration_seconds": 15.0,
                    "language": screen.language,
                }
                for n in range(PLAY_BATCH)
            ]
            response = client.post(
                f"/api/v1/screens/{screen.pk}/plays/",
                data=json.dumps({"events": events}),
                content_type="application/json",
                headers={"Authorization": f"Bearer {token}"},
            )
            response.url_asked = "plays"
            return response

        batches.append(post)
    result = measure(
        "plays ingestion (batch of 500)", rotate(batches), samples=20, ok=(200, 201, 202)
    )
    total_seconds = sum(result["ms"]) / 1000
    result["events_per_second"] = 20 * PLAY_BATCH / total_seconds
    return result


if __name__ == "__main__":
    main()
