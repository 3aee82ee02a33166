"""Residents' photos on screens (approved, with consent for screens, resized, with their
checksum, gone at the next poll once withdrawn) and QR codes to the story or campaign an
item tells, in the screen's language, counted per screen group and day."""

import hashlib

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from campaigns.photovoice import services as photovoice
from campaigns.screens.factories import (
    PlaylistAssignmentFactory,
    PlaylistFactory,
    PlaylistItemFactory,
    ScreenFactory,
)
from campaigns.screens.models import PlaylistItem, QrScans
from campaigns.stories.selectors import stories_for_screens
from tests.campaigns.photovoice.test_photovoice import submit
from tests.campaigns.screens.test_api import fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(django_user_model):
    """A photo of its own: withdrawing deletes its files, which the demo's must keep."""
    moderator = django_user_model.objects.create_superuser("photos", "m@example.org", "x")
    submission, _token = submit()
    found = photovoice.approve_photo(submission=submission, moderator=moderator, alt_text="Tea.")
    found.for_screens = True
    found.author_name = "Мариам"
    found.save()
    return found


def only_items(document) -> list[dict]:
    return [item for item in document["items"] if item["playlist"]["name"] == "Снимки"]


def test_an_approved_photo_plays_resized_with_its_caption_name_and_checksum(client, screen, photo):
    playlist = PlaylistFactory(name="Снимки")
    item = PlaylistItem.objects.create(playlist=playlist, photo=photo)
    PlaylistAssignmentFactory(playlist=playlist, group=screen.group, priority=5)

    _response, document = fetch(client, screen)
    (shown,) = only_items(document)
    assert (shown["id"], shown["kind"], shown["video"]) == (item.pk, "photo", None)
    assert shown["duration_seconds"] == 10
    picture = shown["photo"]
    assert picture["caption"] == photo.caption and picture["author"] == "Мариам"
    assert picture["language"] == photo.language and picture["dir"] in ("ltr", "rtl")
    assert picture["width"] <= 1920 and picture["height"] <= 1080
    assert picture["url"].startswith("http") and picture["mime_type"] == "image/jpeg"
    rendition = photo.image.renditions.get(file__endswith=picture["url"].rsplit("/", 1)[1])
    with rendition.file.open("rb") as handle:
        data = handle.read()
    assert picture["sha256"] == hashlib.sha256(data).hexdigest()
    assert picture["size_bytes"] == len(data)


def test_a_photo_without_consent_for_screens_is_left_out(client, screen, photo):
    photo.for_screens = False
    photo.save()
    playlist = PlaylistFactory(name="Снимки")
    PlaylistItem.objects.create(playlist=playlist, photo=photo)
    PlaylistAssignmentFactory(playlist=playlist, group=screen.group, priority=5)
    _response, document = fetch(client, screen)
    assert only_items(document) == []


def test_withdrawing_the_photo_takes_it_off_every_playlist_at_the_next_poll(
    client, screen, photo, django_capture_on_commit_callbacks
):
    playlist = PlaylistFactory(name="Снимки")
    PlaylistItem.objects.create(playlist=playlist, photo=photo, duration_seconds=6)
    other = PlaylistFactory(name="Друг")
    PlaylistItem.objects.create(playlist=other, photo=photo)
    PlaylistAssignmentFactory(playlist=playlist, group=screen.group, priority=5)
    before, document = fetch(client, screen)
    assert only_items(document)[0]["duration_seconds"] == 6

    with django_capture_on_commit_callbacks(execute=True):
        photovoice.withdraw_photo(submission=photo)

    assert not PlaylistItem.objects.filter(photo=photo).exists()
    after, document = fetch(client, screen)
    assert after["ETag"] != before["ETag"]
    assert only_items(document) == []


def test_an_item_is_a_video_or_a_photo(photo, video):
    playlist = PlaylistFactory()
    with pytest.raises(ValidationError):
        PlaylistItem(playlist=playlist, video=video, photo=photo).full_clean()
    with pytest.raises(ValidationError):
        PlaylistItem(playlist=playlist).full_clean()


def screens_with_a_qr_code(video):
    """Two screens reading Arabic, each in its own group, with an item that tells a story
    and shows its QR code, and one that does not."""
    story = stories_for_screens().filter(locale__language_code="bg").order_by("pk").first()
    arabic = story.get_translations().filter(locale__language_code="ar").first()
    screen = ScreenFactory(language="ar")
    other = ScreenFactory(language="ar")
    playlist = PlaylistFactory(name="Снимки")
    PlaylistItemFactory(playlist=playlist, video=video, story=story, show_qr=True)
    PlaylistItemFactory(playlist=playlist, video=video)
    PlaylistAssignmentFactory(playlist=playlist, group=screen.group, priority=5)
    PlaylistAssignmentFactory(playlist=playlist, group=other.group, priority=5)
    return screen, other, arabic or story


def test_a_qr_code_leads_to_the_story_in_the_screens_language_and_is_counted(client, video):
    screen, other, target = screens_with_a_qr_code(video)

    _response, document = fetch(client, screen)
    with_qr, without = only_items(document)
    assert without["qr"] is None
    assert with_qr["qr"]["url"].endswith(f"/screens/qr/{screen.group_id}/{target.pk}/")
    assert with_qr["qr"]["svg"].startswith("data:image/svg+xml")

    address = with_qr["qr"]["url"].split("://", 1)[1].split("/", 1)[1]
    for _ in range(2):
        scanned = client.get(f"/{address}")
        assert scanned.status_code == 302 and scanned["Location"] == target.url
        assert scanned["Cache-Control"] == "no-store" and not scanned.cookies
    client.get(f"/screens/qr/{other.group_id}/{target.pk}/")
    counts = {
        row.group_id: row.scans
        for row in QrScans.objects.filter(page_id=target.pk, day=timezone.localdate())
    }
    assert counts == {screen.group_id: 2, other.group_id: 1}


def test_the_plays_report_shows_the_qr_scans(english_editor, video):
    screen, _other, target = screens_with_a_qr_code(video)
    reader = Client()
    for _ in range(2):
        reader.get(f"/screens/qr/{screen.group_id}/{target.pk}/")
    report = BeautifulSoup(english_editor.get("/admin/screen_plays/").content, "html.parser")
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in report.select("[data-qr-scans] tbody tr")
    ]
    assert [screen.group.name, target.title, "2"] in rows


def test_a_qr_code_to_nothing_public_is_a_404(client, screen):
    story = stories_for_screens().order_by("pk").first()
    assert client.get(f"/screens/qr/{screen.group_id}/999999999/").status_code == 404
    assert client.get(f"/screens/qr/999999/{story.pk}/").status_code == 404
    story.unpublish()
    assert client.get(f"/screens/qr/{screen.group_id}/{story.pk}/").status_code == 404
    assert not QrScans.objects.exists()
