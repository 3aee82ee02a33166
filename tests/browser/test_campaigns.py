"""Campaign pages in a real Chromium: low data until the reader presses play, captions."""

import pytest

from tests.browser.conftest import serious_accessibility_violations, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CAMPAIGN = "/en/campaigns/world-refugee-month/"


def test_no_video_loads_before_the_reader_presses_play(site, phone):
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(site + CAMPAIGN)
    phone.wait_for_load_state("networkidle")

    assert not [url for url in requested if "/media/videos/" in url]
    assert [url for url in requested if "/media/images/" in url]  # the posters

    video = phone.locator("video").first
    video.evaluate("player => { player.muted = true; return player.play(); }")
    wait_until(phone, "document.querySelector('video').currentTime > 0.2")

    loaded = [url for url in requested if "/media/videos/" in url]
    assert loaded and all(url.endswith("-240p.mp4") for url in loaded)  # the small version


def test_captions_of_the_readers_language_are_on(site, phone):
    phone.goto(site + "/bg/kampanii/svetoven-mesets-na-bezhantsite/")

    wait_until(
        phone,
        "(() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length > 0; })()",
    )
    track = phone.evaluate(
        "(() => { const t = document.querySelector('video').textTracks[0];"
        " return [t.language, t.cues[0].text]; })()"
    )
    assert track[0] == "bg"
    assert track[1] in (
        "Мит: бежанците идват заради парите.",
        "Кожа учи дентална медицина в София.",
    )


@pytest.mark.parametrize("path", [CAMPAIGN, "/ar/stories/"])
def test_campaign_and_story_pages_have_no_serious_accessibility_violations(site, phone, path):
    phone.goto(site + path)

    assert serious_accessibility_violations(phone) == []
