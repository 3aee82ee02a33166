"""The data set of `make bench` (scripts/bench_playlists.py), run inside Django:

    manage.py shell -v0 -c "import runpy; runpy.run_path('scripts/bench_data.py')"

with BENCH_OUT naming the JSON file to write the screen numbers to. Makes 500 screens in
10 groups, 200 ready videos (tiny dummy files, captions in Bulgarian and English), 50
playlists of 5–10 videos with assorted schedules and assignments, and the fallback playlist.
Then builds every screen's playlist once, as the API would, and copies the body of the
screen closest to the mean size into STATIC_ROOT/bench/playlist.json (with its gzip copy) for
whitenoise to serve. Only for an empty, freshly migrated database.
"""

import datetime
import hashlib
import json
import os
import random
from pathlib import Path
from statistics import median

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from campaigns.screens.api import playlists
from campaigns.screens.models import (
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
    Screen,
    ScreenGroup,
)
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Caption, Video

GROUPS = [
    "Метро М1",
    "Метро М2",
    "Метро М3",
    "Метро М4",
    "Трамвай 5",
    "Трамвай 7",
    "Автобус 94",
    "Тролейбус 9",
    "Централна гара",
    "Летище София",
]
SCREENS = 500
VIDEOS = 200
PLAYLISTS = 50
# Screen languages, weighted: mostly Bulgarian, some screens for visitors and refugees.
LANGUAGES = ["bg"] * 14 + ["en"] * 3 + ["ar", "uk", "fa", "ru"]
CAPTION = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n{text}\n"
T = datetime.time


def write_media(name: str, data: bytes) -> str:
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return name


@transaction.atomic
def build(rng: random.Random) -> list[int]:
    if Screen.objects.exists() or Playlist.objects.exists():
        raise SystemExit("bench_data: the database is not empty")
    groups = [ScreenGroup.objects.create(name=name) for name in GROUPS]
    screens = []
    for n in range(SCREENS):
        group = groups[n % len(groups)]
        screens.append(
            Screen.objects.create(
                name=f"{group.name}, екран {n // len(groups) + 1}",
                group=group,
                location=f"Спирка {rng.randint(1, 40)}, перон {rng.randint(1, 2)}",
                language=rng.choice(LANGUAGES),
                orientation=rng.choice(["landscape"] * 3 + ["portrait"]),
            )
        )

    videos = []
    for n in range(1, VIDEOS + 1):
        data = rng.randbytes(rng.randint(2, 6) * 1024)
        portrait = n % 5 == 0
        video = Video.objects.create(
            title=f"Клип {n}: истории от града",
            file=write_media(f"videos/bench/clip-{n:03}.mp4", data),
            mime_type="video/mp4",
            size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            duration_seconds=float(rng.choice([10, 15, 20, 30, 45, 60])),
            width=1080 if portrait else 1920,
            height=1920 if portrait else 1080,
            processing_status=ProcessingStatus.READY,
            processed_at=timezone.now(),
            published=True,
        )
        for sort_order, (language, text) in enumerate(
            [("bg", f"Субтитри на клип {n}"), ("en", f"Captions of clip {n}")]
        ):
            Caption.objects.create(
                video=video,
                language=language,
                sort_order=sort_order,
                file=write_media(
                    f"captions/bench-{n:03}-{language}.vtt", CAPTION.format(text=text).encode()
                ),
            )
        videos.append(video)

    now = timezone.now()
    # (weekdays, daily windows, dates): all day; weekday rush hours; nights past midnight;
    # weekend days; a dated campaign.
    schedules = [
        (list(range(7)), [], None),
        ([0, 1, 2, 3, 4], [(T(7), T(10)), (T(16, 30), T(19, 30))], None),
        (list(range(7)), [(T(22), T(2))], None),
        ([5, 6], [(T(10), T(18))], None),
        (list(range(7)), [], (now - datetime.timedelta(days=7), now + datetime.timedelta(days=30))),
    ]
    for n in range(PLAYLISTS):
        weekdays, windows, dates = schedules[n % len(schedules)]
        playlist = Playlist.objects.create(
            name=f"Плейлист {n + 1}",
            weekdays=weekdays,
            starts_at=dates[0] if dates else None,
            ends_at=dates[1] if dates else None,
        )
        for sort_order, (opens, closes) in enumerate(windows):
            PlaylistTimeWindow.objects.create(
                playlist=playlist, sort_order=sort_order, starts_at=opens, ends_at=closes
            )
        for sort_order, video in enumerate(rng.sample(videos, rng.randint(5, 10))):
            PlaylistItem.objects.create(
                playlist=playlist,
                video=video,
                sort_order=sort_order,
                duration_seconds=rng.choice([None, None, None, 8]),
            )
        for sort_order, group in enumerate(rng.sample(groups, rng.randint(1, 2))):
            PlaylistAssignment.objects.create(
                playlist=playlist, group=group, priority=rng.randint(0, 10), sort_order=sort_order
            )
        if n % 5 == 4:  # a few dated campaigns also on single screens, above their groups
            for sort_order, screen in enumerate(rng.sample(screens, 10), start=2):
                PlaylistAssignment.objects.create(
                    playlist=playlist, screen=screen, priority=20, sort_order=sort_order
                )

    fallback = Playlist.objects.create(name="Добре дошли", is_fallback=True)
    for sort_order, video in enumerate(rng.sample(videos, 8)):
        PlaylistItem.objects.create(playlist=fallback, video=video, sort_order=sort_order)
    return [screen.pk for screen in screens]


def main() -> None:
    out = Path(os.environ["BENCH_OUT"])
    screen_ids = build(random.Random(2026))
    sizes = {}
    bodies = {}
    for screen_id in screen_ids:
        prepared = playlists.prepare(screen_id)
        assert prepared.status == 200, (screen_id, prepared.status)
        sizes[screen_id] = len(prepared.body)
        bodies[screen_id] = prepared
    middle = median(sizes.values())
    mean = sum(sizes.values()) / len(sizes)
    # The playlist case rotates through every screen: whitenoise serves as many bytes per
    # response as it sends on average.
    chosen = min(screen_ids, key=lambda pk: (abs(sizes[pk] - mean), pk))
    prepared = bodies[chosen]
    static = Path(settings.STATIC_ROOT) / "bench"
    static.mkdir(parents=True, exist_ok=True)
    (static / "playlist.json").write_bytes(prepared.body)
    (static / "playlist.json.gz").write_bytes(prepared.gzipped)
    out.write_text(
        json.dumps(
            {
                "screen_ids": screen_ids,
                "static_screen_id": chosen,
                "static_bytes": len(prepared.body),
                "static_gzip_bytes": len(prepared.gzipped),
                "body_bytes": {
                    "min": min(sizes.values()),
                    "median": middle,
                    "mean": mean,
                    "max": max(sizes.values()),
                },
                "items": {
                    "min": min(len(json.loads(p.body)["items"]) for p in bodies.values()),
                    "max": max(len(json.loads(p.body)["items"]) for p in bodies.values()),
                },
                "videos": Video.objects.count(),
                "captions": Caption.objects.count(),
                "playlists": Playlist.objects.count(),
                "assignments": PlaylistAssignment.objects.count(),
                "groups": ScreenGroup.objects.count(),
            }
        )
    )


main()
