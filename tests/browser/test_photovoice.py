"""The photovoice form in a real Chromium, in Arabic on a small phone, without help from
JavaScript: the page reads right to left, the photo is sent and waits for moderation."""

import io

import pytest
from PIL import Image

from campaigns.photovoice.models import PhotoSubmission
from tests.browser.conftest import serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = "/ar/photovoice/"
CAPTION = "محطة الترام قرب مدرستنا في الصباح"


def a_photo() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (800, 600), "#2e86de").save(output, "JPEG")
    return output.getvalue()


def test_a_photo_sent_in_arabic_waits_for_moderation(site, phone):
    phone.goto(site + PAGE)

    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.locator("html").get_attribute("lang") == "ar"
    phone.set_input_files(
        "#id_photo", files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": a_photo()}]
    )
    phone.fill("#id_caption", CAPTION)
    phone.check("input[name=theme][value=education]")
    phone.check("#id_for_web")
    phone.check("#id_confirm")
    phone.wait_for_timeout(3500)  # a person takes longer than the form's minimum time
    phone.click("main form[enctype] button[type=submit]")  # not the header's search
    phone.wait_for_load_state()

    assert "?sent=1" in phone.url
    thanks = phone.locator("#thanks")
    assert thanks.is_visible()
    assert thanks.get_attribute("role") == "status"
    assert phone.locator("html").get_attribute("dir") == "rtl"
    submission = PhotoSubmission.objects.get(caption=CAPTION)
    assert submission.status == PhotoSubmission.Status.PENDING
    assert submission.language == "ar"
    assert submission.for_web and not submission.for_partners
    assert submission.image is None
    assert CAPTION not in phone.content()  # not in the gallery before an editor approves it


def test_the_photovoice_page_has_no_serious_accessibility_violations(site, phone):
    phone.goto(site + PAGE)

    assert serious_accessibility_violations(phone) == []
