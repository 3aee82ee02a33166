"""Remote screenshots: an operator asks in the admin, the player learns it from its next
status answer and sends a picture; only an asked-for picture is kept, as a JPEG in private
storage, shown to signed-in operators only and deleted after SCREEN_SCREENSHOT_KEEP_HOURS."""

import io
from datetime import timedelta

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from campaigns.screens.models import ScreenScreenshot
from tests.campaigns.screens.test_screen_status import post_status, report

pytestmark = pytest.mark.django_db


def picture(kind="PNG", size=(1920, 1080), colour=(164, 22, 26)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def send(client, screen, data, token=None, content_type="image/png"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        f"/api/v1/screens/{screen.pk}/screenshot/",
        data=data,
        content_type=content_type,
        headers=headers,
    )


def test_a_screenshot_asked_for_in_the_admin_arrives_and_is_shown_to_operators_only(
    client, english_editor, screen, token, playlist, django_capture_on_commit_callbacks
):
    assert send(client, screen, picture(), token).status_code == 409  # nobody asked
    assert "screenshot" not in post_status(client, screen, report(), token).json()

    asked = english_editor.post(f"/admin/screen_status/{screen.pk}/")
    assert asked.status_code == 302
    assert post_status(client, screen, report(), token).json()["screenshot"] is True

    assert send(client, screen, picture(), token=None).status_code == 401
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, screen, picture(), token).status_code == 201
    shot = ScreenScreenshot.objects.get(screen=screen)
    assert shot.image.storage is storages["private"]
    with shot.image.open("rb") as kept, Image.open(kept) as image:
        assert image.format == "JPEG" and max(image.size) == 1280
    assert "screenshot" not in post_status(client, screen, report(), token).json()
    assert send(client, screen, picture(), token).status_code == 409  # one per request

    page = english_editor.get(f"/admin/screen_status/{screen.pk}/")
    assert f"/admin/screen_status/{screen.pk}/screenshot.jpg" in page.content.decode()
    image = english_editor.get(f"/admin/screen_status/{screen.pk}/screenshot.jpg")
    assert image["Content-Type"] == "image/jpeg" and "no-store" in image["Cache-Control"]
    assert b"".join(image.streaming_content)[:2] == b"\xff\xd8"
    english_editor.logout()
    outside = english_editor.get(f"/admin/screen_status/{screen.pk}/screenshot.jpg")
    assert outside.status_code == 302  # to the login page


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        (b"not a picture", "image/png", 400),
        (b"", "image/jpeg", 400),
        (b"GIF89a" + b"\x00" * 20, "image/gif", 400),
        (b'{"image": 1}', "application/json", 415),
    ],
)
def test_a_bad_picture_is_refused_plainly(
    client, english_editor, screen, token, data, content_type, status
):
    english_editor.post(f"/admin/screen_status/{screen.pk}/")
    response = send(client, screen, data, token, content_type=content_type)
    assert response.status_code == status
    assert response.json()["detail"]
    assert not ScreenScreenshot.objects.get(screen=screen).image


def test_a_picture_too_large_is_refused(client, english_editor, screen, token, settings):
    settings.SCREEN_SCREENSHOT_MAX_KB = 1
    english_editor.post(f"/admin/screen_status/{screen.pk}/")
    response = send(client, screen, picture(size=(400, 400), colour=(1, 2, 3)) + b"x" * 2048, token)
    assert response.status_code == 400 and "KB" in response.json()["detail"]


def test_old_screenshots_are_deleted(
    client, english_editor, screen, token, settings, django_capture_on_commit_callbacks
):
    english_editor.post(f"/admin/screen_status/{screen.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, screen, picture(), token)
    shot = ScreenScreenshot.objects.get(screen=screen)
    name = shot.image.name
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_screens")
    assert storages["private"].exists(name)  # still fresh

    ScreenScreenshot.objects.filter(pk=shot.pk).update(
        received_at=timezone.now()
        - timedelta(hours=settings.SCREEN_SCREENSHOT_KEEP_HOURS, minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_screens")
    assert not storages["private"].exists(name)
    assert not ScreenScreenshot.objects.get(pk=shot.pk).image


def test_only_operators_who_may_change_screens_may_ask(client, screen, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="x")
    client.force_login(viewer)
    assert client.post(f"/admin/screen_status/{screen.pk}/").status_code in (302, 403, 404)
    assert not ScreenScreenshot.objects.filter(screen=screen).exists()
