"""An alert reaches a playing screen: published in the admin while the player plays, it
shows within the playlist's refresh_seconds + 1 s in the screen's language, stays through a
network outage and goes at its end time by the screen's own clock (docs/screens.md). A
screenshot asked for in the admin arrives, and shows the alert over the video."""

import io
import subprocess
import sys
import time

import pytest
from PIL import Image

from tests.browser.conftest import wait_until
from tests.browser.test_screen_player import make_player_server
from tests.conftest import PROJECT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REFRESH_SECONDS = 4
PASSWORD = "a-long-password-for-alerts"

# In the server's database, after its screen and playlist: the screen reads Arabic; an
# editor; an alert written in Bulgarian (a draft) with its Arabic translation.
ALERT = f"""
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale
from campaigns.alerts.models import Alert
from cms.translation.services import translate_from_catalog
Screen.objects.filter(pk=screen.pk).update(language="ar")
get_user_model().objects.create_superuser("alerts", "a@example.org", {PASSWORD!r})
alert = Alert.objects.create(
    title="Наводнение", text="Не слизайте в метрото.", severity="severe",
    ends_at=timezone.now() + timedelta(minutes=10), machine_drafts=False, live=False,
    locale=Locale.objects.get(language_code="bg"),
)
alert.save_revision()
translate_from_catalog(
    instance=alert, language_code="ar",
    catalog={{"Наводнение": "فيضان", "Не слизайте в метрото.": "لا تنزلوا إلى المترو."}},
)
"""


@pytest.fixture
def alert_server(tmp_path, production_build, monkeypatch):
    """The player's server, polled every REFRESH_SECONDS, with an editor and a draft alert."""
    monkeypatch.setenv("SCREEN_PLAYLIST_REFRESH_SECONDS", str(REFRESH_SECONDS))
    monkeypatch.setenv("TWO_FACTOR_REQUIRED", "false")
    server = make_player_server(tmp_path, production_build, ALERT)
    yield server.start()
    server.stop()


def alert_id(server) -> int:
    result = subprocess.run(
        [
            *(sys.executable, "manage.py", "shell", "-v0", "-c"),
            "from campaigns.alerts.models import Alert; "
            "print(Alert.objects.get(locale__language_code='bg').pk)",
        ],
        cwd=PROJECT_DIR,
        env=server.env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip())


def test_an_alert_published_while_the_player_plays_reaches_it_and_ends_by_its_clock(
    page, context, alert_server
):
    server = alert_server
    page.clock.install()
    page.goto(
        f"{server.url}/screens/{server.setup['screen']}/player/#token={server.setup['token']}"
    )
    wait_until(page, "document.body.dataset.state === 'playing'", timeout=30_000)
    assert page.is_hidden("#alert")

    editor = context.new_page()
    editor.goto(f"{server.url}/admin/login/")
    editor.fill("#id_username", "alerts")
    editor.fill("#id_password", PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_url("**/admin/")
    editor.goto(f"{server.url}/admin/snippets/campaigns/alert/edit/{alert_id(server)}/")
    with editor.expect_navigation():
        editor.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    published = time.monotonic()

    wait_until(page, "!document.getElementById('alert').hidden", timeout=15_000)
    arrived = time.monotonic() - published
    assert arrived <= REFRESH_SECONDS + 1, f"the alert took {arrived:.1f} s"
    shown = page.locator("#alert")
    assert (shown.get_attribute("lang"), shown.get_attribute("dir")) == ("ar", "rtl")
    assert shown.locator(".alert-title").inner_text() == "فيضان"
    assert page.evaluate("document.body.dataset.alert") == "full"
    # Then the other languages in turn.
    page.clock.fast_forward(9_000)
    wait_until(page, "document.getElementById('alert').lang === 'bg'", timeout=5_000)

    # An operator asks for a screenshot; the player sends it after its next status report.
    editor.goto(f"{server.url}/admin/screen_status/{server.setup['screen']}/")
    with editor.expect_navigation():
        editor.click("main form[method=post] button[type=submit]")
    deadline = time.monotonic() + 20
    while not editor.locator(".screen-screenshot img").count() and time.monotonic() < deadline:
        editor.wait_for_timeout(1_000)
        editor.reload()
    image = editor.locator(".screen-screenshot img")
    assert image.count() == 1, "no screenshot arrived"
    answer = editor.request.get(server.url + image.get_attribute("src"))
    with Image.open(io.BytesIO(answer.body())) as picture:
        assert picture.format == "JPEG"
        red, green, blue = picture.convert("RGB").getpixel((5, 5))
        assert red > 120 and green < 80 and blue < 80  # the full-screen alert, drawn over

    # The network goes: the alert stays until its end time, by the screen's clock.
    server.stop()
    page.clock.fast_forward("05:00")
    page.wait_for_timeout(1_500)
    assert page.is_visible("#alert")
    page.clock.fast_forward("06:00")
    wait_until(page, "document.getElementById('alert').hidden", timeout=5_000)
    assert page.evaluate("document.body.dataset.alert") is None
