"""The screen player in headless Chromium against a real gunicorn, which is stopped and
started again while the player runs."""

import json
import secrets
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.browser.conftest import wait_until
from tests.conftest import PROJECT_DIR, Server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CAPTION = "Бежанците бягат от война."

# Runs in the server's database: a generated 5-second WebM with Bulgarian and English
# captions, processed like an upload, on a screen of its own with a playlist just for it.
SETUP = """
import json, tempfile
from pathlib import Path
from django.core.files import File
from django.core.files.base import ContentFile
from campaigns.screens import services
from campaigns.screens.models import Screen, ScreenGroup
from campaigns.screens.models import Playlist, PlaylistItem, PlaylistAssignment
from campaigns.videos import media, processing
from campaigns.videos.models import Caption, Video

folder = Path(tempfile.mkdtemp())
path = folder / "player-test.webm"
media.make_clip(path, seconds=5, size="320x180")
video = Video(title="Player test")
with path.open("rb") as handle:
    video.file.save(path.name, File(handle), save=False)
    video.save()
for code, text in (("bg", CAPTION), ("en", "Refugees flee war.")):
    cue = f"WEBVTT\\n\\n00:00:00.000 --> 00:00:05.000\\n{text}\\n".encode()
    caption = Caption(video=video, language=code)
    caption.file.save(f"player-test-{code}.vtt", ContentFile(cue), save=False)
    caption.save()
video = processing.process_video(video_id=video.pk, file_name=video.file.name)
assert video.is_ready, video.processing_error
group = ScreenGroup.objects.create(name="Browser test")
screen = Screen.objects.create(name="Test screen", group=group, language="bg")
playlist = Playlist.objects.create(name="Browser test")
PlaylistItem.objects.create(playlist=playlist, video=video)
PlaylistAssignment.objects.create(playlist=playlist, screen=screen, priority=100)
exec(EXTRA)
token = services.issue_screen_token(screen=screen)
print(json.dumps({"screen": screen.pk, "token": token, "video": video.pk}))
"""

# Every 100 ms: is a picture on screen? The video on top must hold a decoded frame.
SAMPLER = """
() => {
  window.__samples = { total: 0, blank: 0, standby: 0, progress: 0, lastTime: null, sources: 0 };
  const samples = window.__samples;
  setInterval(() => {
    const top = document.querySelector("#stage video.on-top");
    samples.total += 1;
    if (!document.getElementById("standby").hidden) samples.standby += 1;
    if (!top || !top.currentSrc || top.readyState < 2) samples.blank += 1;
    const moved = top && samples.lastTime !== null && top.currentTime !== samples.lastTime;
    if (moved) samples.progress += 1;
    samples.lastTime = top ? top.currentTime : null;
  }, 100);
}
"""


@pytest.fixture
def player_server(start_player_server):
    return start_player_server()


@pytest.fixture
def start_player_server(tmp_path, production_build):
    """gunicorn with the demo content and a screen of the test's own; `extra` is Python run
    after the screen's playlist is made."""
    servers = []

    def start(extra: str = "") -> Server:
        server = make_player_server(tmp_path, production_build, extra)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def make_player_server(tmp_path, production_build, extra: str) -> Server:
    server = Server({}, tmp_path, database=production_build.database)
    server.env.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_ROOT": str(production_build.static_root),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "SERVE_MEDIA": "true",
            "BASE_URL": server.url,
            "SCREEN_PLAYER_FLUSH_SECONDS": "2",
            "SCREEN_PLAYER_STATUS_SECONDS": "3",
            "SCREEN_STATUS_FLUSH_SECONDS": "0",
        }
    )
    result = subprocess.run(
        [
            *(sys.executable, "manage.py", "shell", "-v0", "-c"),
            f"CAPTION = {CAPTION!r}\nEXTRA = {extra!r}\n{SETUP}",
        ],
        cwd=PROJECT_DIR,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    server.setup = json.loads(result.stdout.strip().splitlines()[-1])
    server.database = tmp_path / "db.sqlite3"
    return server


def plays_in_database(server, since: float = 0) -> int:
    with sqlite3.connect(server.database) as connection:
        return connection.execute(
            "SELECT count(*) FROM campaigns_playevent WHERE video_id = ? AND screen_id = ?",
            (server.setup["video"], server.setup["screen"]),
        ).fetchone()[0]


def reported_status(server) -> tuple | None:
    with sqlite3.connect(server.database) as connection:
        return connection.execute(
            "SELECT playlist_etag, playing, cached_items, player_version"
            " FROM campaigns_screenstatus WHERE screen_id = ?",
            (server.setup["screen"],),
        ).fetchone()


def test_the_player_keeps_playing_from_its_cache_while_the_server_is_down(page, player_server):
    server = player_server
    screen = server.setup["screen"]
    page.goto(f"{server.url}/screens/{screen}/player/#token={server.setup['token']}")

    # The token left the address bar at once; the player plays the video with its captions.
    wait_until(page, "document.body.dataset.state === 'playing'", timeout=30_000)
    assert "token" not in page.url
    wait_until(
        page,
        """() => {
          const top = document.querySelector('#stage video.on-top');
          const track = top && top.textTracks[0];
          return track && track.mode === 'showing' && track.activeCues && track.activeCues.length
            && track.activeCues[0].text.length > 0;
        }""",
        timeout=30_000,
    )
    cue = page.evaluate(
        "document.querySelector('#stage video.on-top').textTracks[0].activeCues[0].text"
    )
    assert cue == CAPTION  # the screen's language (Bulgarian)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    assert int(page.evaluate("document.body.dataset.cached")) == 3  # the video, two captions

    # While the server is up, plays arrive.
    wait_until(
        page,
        "document.body.dataset.queued === '0' && document.body.dataset.online === 'yes'",
        timeout=30_000,
    )
    page.wait_for_timeout(6_000)
    wait_until(page, "document.body.dataset.queued === '0'", timeout=15_000)
    before_outage = plays_in_database(server)
    assert before_outage >= 1
    # It reports what it holds and plays (at start, then every few seconds here).
    deadline = time.monotonic() + 15
    while not ((status := reported_status(server)) and status[1]) and time.monotonic() < deadline:
        time.sleep(0.5)
    etag, playing, cached_items, version = status
    assert etag == page.evaluate(f"localStorage.getItem('screen:{screen}:etag')")
    assert playing.startswith(
        str(
            page.evaluate(
                f"JSON.parse(localStorage.getItem('screen:{screen}:playlist')).items[0].id"
            )
        )
    )
    assert cached_items == 3 and version.startswith("open-doors-player/")

    server.stop()
    page.evaluate(SAMPLER)
    started = time.monotonic()
    page.wait_for_timeout(62_000)
    samples = page.evaluate("window.__samples")
    queued = int(page.evaluate("document.body.dataset.queued"))
    outage = time.monotonic() - started

    assert outage >= 60
    assert samples["total"] >= 500
    assert samples["blank"] == 0, samples
    assert samples["standby"] == 0, samples
    assert samples["progress"] >= samples["total"] * 0.8, samples  # moving, not frozen
    assert queued >= 10  # a 5-second clip, over a minute

    server.start()
    wait_until(page, "document.body.dataset.queued === '0'", timeout=30_000)
    assert plays_in_database(server) >= before_outage + queued


LATER = """
from datetime import timedelta
from django.utils import timezone
Playlist.objects.filter(is_fallback=True).update(is_fallback=False)
playlist.starts_at = timezone.now() + timedelta(hours=1)
playlist.save()
"""


def test_the_player_waits_for_the_validity_window_by_its_own_clock(page, start_player_server):
    server = start_player_server(LATER)
    page.clock.install()
    page.goto(f"{server.url}/screens/{server.setup['screen']}/player/#token=x")

    # Nothing is scheduled now: the standby card, once the video is in the cache.
    wait_until(page, "document.body.dataset.cached === '3'", timeout=30_000)
    page.wait_for_timeout(2_000)
    assert page.evaluate("document.body.dataset.state") == "standby"
    assert page.is_visible("#standby")
    assert not page.evaluate("document.querySelector('#stage video.on-top').currentSrc")

    # An hour later by the screen's clock, the playlist's window has begun.
    page.clock.fast_forward("01:01:00")
    wait_until(page, "document.body.dataset.state === 'playing'", timeout=30_000)
    assert not page.is_visible("#standby")
