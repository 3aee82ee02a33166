"""`make bench-scale`, plays ingestion as screens send them: gunicorn (BENCH_WORKERS, 2) on
the scale data set in DATABASE_URL, and BENCH_CALLERS (8) screens posting batches of 500
events at once, for BENCH_SECONDS (10) after a warming second. The batches are made
before the clock starts, so the callers cost little beside the server on this machine.
Writes {"events_per_second", "batches", "failed", "callers", "workers"} to BENCH_OUT."""

import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "scripts")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_scale_settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402
from stack import free_port, wait_for  # noqa: E402

from campaigns.scale import screen_token  # noqa: E402
from campaigns.screens.models import PlaylistItem, Screen  # noqa: E402

BATCH = 500
CALLERS = int(os.environ.get("BENCH_CALLERS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))


def batches_of(screen: Screen, videos: list[int], count: int) -> list[bytes]:
    now = timezone.now()
    chooser = random.Random(screen.pk)
    return [
        json.dumps(
            {
                "events": [
                    {
                        "event_id": str(uuid.uuid4()),
                        "video_id": chooser.choice(videos),
                        "started_at": (now - timedelta(seconds=n)).isoformat(),
                        "duration_seconds": 15.0,
                        "language": screen.language,
                    }
                    for n in range(BATCH)
                ]
            }
        ).encode()
        for _ in range(count)
    ]


def main() -> None:
    screens = list(Screen.objects.filter(name__startswith="Екран ").order_by("pk")[:CALLERS])
    videos = list(PlaylistItem.objects.values_list("video_id", flat=True).distinct()[:20])
    # Enough batches for a fast server: each caller never sends one twice.
    per_caller = int(SECONDS * 60) + 20
    work = [(screen, batches_of(screen, videos, per_caller)) for screen in screens]
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=PROJECT_DIR,
        env=os.environ,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", server)
        counts = {"batches": 0, "failed": 0}
        lock = threading.Lock()
        started = time.monotonic() + 1.0  # the first second warms the workers up
        deadline = started + SECONDS

        def caller(screen: Screen, bodies: list[bytes]) -> None:
            token = screen_token(int(screen.name.split()[-1]))
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            for body in bodies:
                connection.request("POST", f"/api/v1/screens/{screen.pk}/plays/", body, headers)
                response = connection.getresponse()
                response.read()
                now = time.monotonic()
                if now >= deadline:
                    return
                if now >= started:
                    with lock:
                        counts["batches"] += 1
                        counts["failed"] += response.status != 202

        threads = [threading.Thread(target=caller, args=item) for item in work]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    accepted = counts["batches"] - counts["failed"]
    result = {
        "events_per_second": accepted * BATCH / SECONDS,
        "batches": counts["batches"],
        "failed": counts["failed"],
        "callers": len(work),
        "workers": WORKERS,
    }
    sys.stdout.write(f"bench-scale:   plays ingestion, parallel: {result}\n")
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
