"""Images editors upload are stored without metadata, like photovoice photos: whichever way
they arrive (the upload form, the multiple uploader, code), their originals, renditions and
the API's `original_url` carry no EXIF, GPS, XMP, ICC profile, comment or text."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms
from wagtail.images import get_image_model

from cms.services import root_collection
from tests.campaigns.photovoice.test_uploads import (
    XMP,
    assert_clean,
    encoded,
    exif_with_gps,
    noise,
    png_with_text,
)

pytestmark = pytest.mark.django_db

P3 = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()  # not sRGB
SECRETS = (b"Mladost", b"PhoneMaker", b"adobe:ns:meta", b"<script", b"<?php", b"at home")


def phone_photo(orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: wider than tall, to be turned upright by its EXIF, with
    GPS, an XMP packet, a comment and a colour profile."""
    return encoded(
        Image.new("RGB", (80, 40), "#3a7bd5"),
        "JPEG",
        exif=exif_with_gps(orientation=orientation).tobytes(),
        xmp=XMP,
        comment=b"taken at home, Mladost 4",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )


def stored(image) -> bytes:
    with image.file.open("rb") as file:
        return file.read()


def assert_no_secrets(content: bytes) -> None:
    for needle in SECRETS:
        assert needle not in content, needle
    info = Image.open(io.BytesIO(content)).info
    for key in ("exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp", "Comment"):
        assert key not in info, key


def upload(admin_client, content: bytes, name: str):
    return admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection().pk,
        },
    )


def test_an_editors_upload_is_stored_clean_upright_and_recorded_as_stored(admin_client):
    response = upload(admin_client, phone_photo(), "IMG_2041.jpg")

    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Upload")
    content = stored(image)
    assert_clean(content)
    assert (image.width, image.height) == (40, 80)  # turned upright by the orientation tag
    assert image.file_size == len(content)
    from wagtail.utils.file import hash_filelike

    assert image.file_hash == hash_filelike(io.BytesIO(content))


def test_renditions_and_the_original_in_the_api_carry_nothing(admin_client):
    upload(admin_client, phone_photo(orientation=1), "IMG_2042.jpg")
    image = get_image_model().objects.get(title="Upload")

    rendition = image.get_rendition("width-40")

    with rendition.file.open("rb") as file:
        assert_clean(file.read())
    assert_clean(stored(image))  # what `original_url` links


def test_a_png_keeps_its_transparency_and_loses_its_text(admin_client):
    source = Image.new("RGBA", (30, 20), (200, 0, 0, 0))
    source.putpixel((1, 1), (0, 0, 200, 255))
    info = Image.open(io.BytesIO(png_with_text())).info
    assert "Comment" in info  # the test file does carry text
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "taken at home, Mladost 4")
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())

    upload(admin_client, encoded(source, "PNG", pnginfo=text, icc_profile=P3), "logo.png")

    content = stored(get_image_model().objects.get(title="Upload"))
    assert_no_secrets(content)
    clean = Image.open(io.BytesIO(content))
    assert clean.format == "PNG" and clean.mode == "RGBA"
    assert clean.getpixel((0, 0))[3] == 0 and clean.getpixel((1, 1))[3] == 255


def test_an_animated_gif_stays_animated_without_its_comment(admin_client):
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "green", "blue")]
    gif = encoded(
        frames[0],
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=120,
        loop=0,
        comment=b"taken at home, Mladost 4",
    )

    upload(admin_client, gif, "wave.gif")

    content = stored(get_image_model().objects.get(title="Upload"))
    assert_no_secrets(content)
    clean = Image.open(io.BytesIO(content))
    assert clean.format == "GIF" and clean.n_frames == 3


def test_a_webp_is_kept_as_webp_without_exif_or_xmp(admin_client):
    webp = encoded(
        Image.new("RGB", (20, 20), "#0a0"), "WEBP", exif=exif_with_gps().tobytes(), xmp=XMP
    )

    upload(admin_client, webp, "tram.webp")

    image = get_image_model().objects.get(title="Upload")
    content = stored(image)
    assert_no_secrets(content)
    assert Image.open(io.BytesIO(content)).format == "WEBP"
    assert image.file.name.endswith(".webp")


def test_an_image_made_in_code_is_cleaned_too():
    image = get_image_model().objects.create(
        title="From code",
        file=ContentFile(phone_photo(), name="from-code.jpg"),
        collection=root_collection(),
    )

    image.refresh_from_db()
    assert_clean(stored(image))
    assert (image.width, image.height) == (40, 80)


def test_the_multiple_uploader_stores_clean_files(admin_client):
    sent = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("IMG_2043.jpg", phone_photo())},
    ).json()
    # The image needs fields the uploader does not send: Wagtail keeps the file aside until
    # the editor fills them in, then makes the image from it.
    [uploaded] = [value for key, value in sent.items() if key.endswith("_id")]
    form = dict(re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', sent["form"]))

    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[uploaded]),
        {
            **{key: value for key, value in form.items() if key != "csrfmiddlewaretoken"},
            f"uploaded-image-{uploaded}-title": "Uploaded in a batch",
            f"uploaded-image-{uploaded}-description": "A tram stop",
            f"uploaded-image-{uploaded}-collection": root_collection().pk,
        },
    )

    assert response.json()["success"], response.content[:800]
    image = get_image_model().objects.get(title="Uploaded in a batch")
    assert_clean(stored(image))


def test_replacing_the_file_on_edit_cleans_the_new_one(admin_client):
    image = get_image_model().objects.create(
        title="Replaced",
        file=ContentFile(encoded(Image.new("RGB", (10, 10)), "JPEG"), name="first.jpg"),
        collection=root_collection(),
    )

    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Replaced",
            "file": SimpleUploadedFile("second.jpg", phone_photo()),
            "collection": root_collection().pk,
        },
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert_clean(stored(image))


def test_a_file_the_cleaner_refuses_is_a_form_error_not_a_500(admin_client):
    whole = encoded(noise(), "JPEG", quality=95)
    cut = whole[: len(whole) * 2 // 3]  # the header reads, the pixels end early

    response = upload(admin_client, cut, "cut.jpg")

    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == "damaged"
    assert str(error.message) in response.content.decode()  # in the editor's language
    assert not get_image_model().objects.filter(title="Upload").exists()


def test_the_command_cleans_originals_stored_before_and_their_renditions(
    django_capture_on_commit_callbacks,
):
    from django.core.management import call_command
    from django.db.models.signals import pre_save

    from cms.images import clean_before_saving

    model = get_image_model()
    pre_save.disconnect(clean_before_saving, sender=model, dispatch_uid="clean-image-files")
    try:  # an image uploaded before this version
        old = model.objects.create(
            title="Old",
            file=ContentFile(phone_photo(), name="old.jpg"),
            collection=root_collection(),
        )
    finally:
        pre_save.connect(clean_before_saving, sender=model, dispatch_uid="clean-image-files")
    old_name = old.file.name
    old.get_rendition("width-20")
    assert b"Mladost" in stored(old)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_image_metadata", stdout=out)
    call_command("clean_image_metadata", stdout=out)

    old.refresh_from_db()
    assert_clean(stored(old))
    assert not old.renditions.exists()
    assert not old.file.storage.exists(old_name)
    first, second = out.getvalue().splitlines()
    assert first.startswith("Cleaned 1 of ") and second.startswith("Cleaned 0 of ")
