"""Hostile uploads to the photovoice form, all generated here: none is kept, or it is kept only
as a clean JPEG re-encoded from its pixels, with no EXIF, GPS, XMP, ICC profile, comment or
text and nothing that was appended to the file."""

import io
import os
import random
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from campaigns.photovoice.forms import started_token
from campaigns.photovoice.models import PhotoSubmission
from cms.uploads import RefusedUpload, clean_photo
from tests.campaigns.photovoice.test_photovoice import form_on

PAGE = "/en/photovoice/"


def clean(data: bytes, **limits):
    """The photo as the form cleans it, with the project's limits."""
    return clean_photo(
        data,
        max_bytes=limits.get("max_bytes", settings.PHOTOVOICE_MAX_UPLOAD_MB * 1024 * 1024),
        max_pixels=settings.PHOTOVOICE_MAX_MEGAPIXELS * 1_000_000,
        max_side=settings.PHOTOVOICE_MAX_SIDE,
    )


# --- Building hostile files ---------------------------------------------------------------


def encoded(image: Image.Image, format_: str, **options) -> bytes:
    output = io.BytesIO()
    image.save(output, format_, **options)
    return output.getvalue()


def noise(size=(256, 192), mode="RGB") -> Image.Image:
    """Random pixels: they do not compress, so a cut file really lacks image data."""
    rng = random.Random(7)
    return Image.frombytes(
        mode, size, bytes(rng.randrange(256) for _ in range(size[0] * size[1] * 3))
    )


def photo(size=(64, 48), colour="#3a7bd5") -> Image.Image:
    return Image.new("RGB", size, colour)


def jpeg(**options) -> bytes:
    return encoded(photo(), "JPEG", **options)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims an enormous image."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small JPEG whose frame header (SOF0) claims an enormous image: a pixel flood."""
    data = bytearray(jpeg())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def gif_bomb() -> bytes:
    """A GIF whose logical screen is 65535 × 65535."""
    data = bytearray(encoded(Image.new("P", (4, 4)), "GIF"))
    data[6:10] = struct.pack("<HH", 65535, 65535)
    return bytes(data)


def zlib_bomb_png() -> bytes:
    """A real image of 144 megapixels that compresses to a few kilobytes."""
    return encoded(Image.new("1", (12000, 12000)), "PNG", optimize=True)


def exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif[0x010E] = "<?php system($_GET['c']); ?>"  # ImageDescription
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update(
        {1: "N", 2: (42.0, 41.0, 51.0), 3: "E", 4: (23.0, 19.0, 21.0)}  # a flat in Sofia
    )
    return exif


XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description exif:GPSLatitude="42,41.85N" exif:GPSLongitude="23,19.35E"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "taken at home, Mladost 4")
    info.add_text("Author", "Real Name", zip=True)  # zTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), lang="en")
    info.add_itxt("Description", "<script>alert(1)</script>", lang="bg", tkey="Описание")
    return encoded(photo(), "PNG", pnginfo=info)


def animated(format_: str) -> bytes:
    frames = [photo(colour=colour) for colour in ("red", "green", "blue")]
    return encoded(frames[0], format_, save_all=True, append_images=frames[1:], duration=100)


def zip_polyglot() -> bytes:
    """A JPEG that is also a ZIP archive (with a PHP file in it)."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("shell.php", "<?php system($_GET['c']); ?>")
    return jpeg() + archive.getvalue()


def html_polyglot() -> bytes:
    """A JPEG whose comment is an HTML page with a script: a browser sniffing it as HTML
    would run it."""
    return jpeg(comment=b"<html><body><script>alert(document.cookie)</script></body></html>")


REFUSED = {
    "png declaring 50000 x 50000 pixels": (png_declaring(50_000, 50_000), "too_many_pixels"),
    "png just over the pixel limit": (png_declaring(8_000, 7_000), "too_many_pixels"),
    "png zlib bomb (144 megapixels)": (zlib_bomb_png(), "too_many_pixels"),
    "jpeg pixel flood 65535 x 65535": (jpeg_declaring(65_535, 65_535), "too_many_pixels"),
    "gif bomb": (gif_bomb(), "not_a_photo"),
    "svg with a script": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "not_a_photo",
    ),
    "svg with an xml declaration": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "not_a_photo",
    ),
    "html named .jpg": (b"<!doctype html><script>alert(1)</script>", "not_a_photo"),
    "php named .jpg": (b"<?php system($_GET['c']); ?>", "not_a_photo"),
    "php after a jpeg signature": (b"\xff\xd8\xff\xe0<?php system($_GET['c']); ?>", "damaged"),
    "truncated jpeg": (encoded(noise(), "JPEG", quality=95)[:3000], "damaged"),
    "truncated png": (encoded(noise(), "PNG")[:20000], "damaged"),
    "zero bytes": (b"", "empty"),
    "tiff": (encoded(photo(), "TIFF"), "not_a_photo"),
    "bmp": (encoded(photo(), "BMP"), "not_a_photo"),
    "gif": (encoded(photo().convert("P"), "GIF"), "not_a_photo"),
    "animated gif": (animated("GIF"), "not_a_photo"),
    "animated webp": (animated("WEBP"), "animated"),
    "animated png (apng)": (animated("PNG"), "animated"),
    "ico": (encoded(photo(size=(32, 32)), "ICO"), "not_a_photo"),
    "pdf": (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        "not_a_photo",
    ),
    "elf executable": (b"\x7fELF\x02\x01\x01" + bytes(100), "not_a_photo"),
}


@pytest.mark.parametrize(("data", "code"), list(REFUSED.values()), ids=list(REFUSED))
def test_hostile_files_are_refused_with_a_reason(data, code):
    with pytest.raises(RefusedUpload) as refused:
        clean(data)

    assert refused.value.code == code


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded():
    with pytest.raises(RefusedUpload) as refused:
        clean(jpeg(), max_bytes=100)

    assert refused.value.code == "too_big"


def test_pillows_limits_are_restored_after_a_refusal():
    before = Image.MAX_IMAGE_PIXELS

    with pytest.raises(RefusedUpload):
        clean(jpeg_declaring(65_535, 65_535))

    assert before == Image.MAX_IMAGE_PIXELS


# --- Accepted only as a clean re-encode ---------------------------------------------------


def assert_clean(content: bytes) -> Image.Image:
    """A JPEG with no metadata at all: only the JFIF header, tables and pixels."""
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG"
    exif = image.getexif()
    assert len(exif) == 0
    assert len(exif.get_ifd(0x8825)) == 0  # GPS
    for key in ("exif", "xmp", "icc_profile", "comment", "photoshop", "adobe", "mp"):
        assert key not in image.info, key
    position = 2
    while content[position] == 0xFF and content[position + 1] != 0xDA:  # up to the scan
        marker = content[position + 1]
        assert not (0xE1 <= marker <= 0xEF), f"APP{marker - 0xE0} segment kept"
        assert marker != 0xFE, "comment kept"
        position += 2 + struct.unpack(">H", content[position + 2 : position + 4])[0]
    for needle in (b"<script", b"<?php", b"PK\x03\x04", b"adobe:ns:meta", b"Mladost", b"Phone"):
        assert needle not in content
    image.load()
    return image


def with_trailer(data: bytes, trailer: bytes) -> bytes:
    return data + trailer


ACCEPTED = {
    "jpeg with exif and gps": encoded(photo(), "JPEG", exif=exif_with_gps()),
    "jpeg with an xmp packet": encoded(photo(), "JPEG", xmp=XMP),
    "jpeg with an icc profile": encoded(photo(), "JPEG", icc_profile=ICC),
    "jpeg with a script appended": with_trailer(jpeg(), b"<script>alert(1)</script>"),
    "jpeg with php appended": with_trailer(jpeg(), b"<?php system($_GET['c']); ?>"),
    "jpeg and zip polyglot": zip_polyglot(),
    "jpeg and html polyglot": html_polyglot(),
    "png with text, ztxt and itxt chunks": png_with_text(),
    "png with exif": encoded(photo(), "PNG", exif=exif_with_gps()),
    "png with an icc profile": encoded(photo(), "PNG", icc_profile=ICC),
    "webp with exif, xmp and icc": encoded(
        photo(), "WEBP", exif=exif_with_gps(), xmp=XMP, icc_profile=ICC
    ),
    "cmyk jpeg": encoded(Image.new("CMYK", (64, 48), (0, 255, 255, 0)), "JPEG"),
    "16-bit grey png": encoded(Image.new("I;16", (64, 48), 32768), "PNG"),
    "png with transparency": encoded(Image.new("RGBA", (64, 48), (255, 0, 0, 0)), "PNG"),
    "palette png": encoded(photo().convert("P"), "PNG"),
    "multi-picture jpeg (mpo)": encoded(
        photo(), "MPO", save_all=True, append_images=[photo(colour="red")]
    ),
}


@pytest.mark.parametrize("data", list(ACCEPTED.values()), ids=list(ACCEPTED))
def test_accepted_photos_are_clean_re_encodes(data):
    result = clean(data)

    image = assert_clean(result.content)
    assert image.mode == "RGB"
    assert (image.width, image.height) == (result.width, result.height) == (64, 48)
    assert result.content != data


def test_the_hostile_inputs_did_carry_what_the_cleaning_removes():
    """The accepted files above are not clean already: Pillow reads their metadata."""
    with_gps = Image.open(io.BytesIO(ACCEPTED["jpeg with exif and gps"]))
    assert with_gps.getexif().get_ifd(0x8825)[2] == (42.0, 41.0, 51.0)
    assert "xmp" in Image.open(io.BytesIO(ACCEPTED["jpeg with an xmp packet"])).info
    assert "icc_profile" in Image.open(io.BytesIO(ACCEPTED["jpeg with an icc profile"])).info
    assert Image.open(io.BytesIO(ACCEPTED["png with text, ztxt and itxt chunks"])).text
    assert b"PK\x03\x04" in ACCEPTED["jpeg and zip polyglot"]


def test_the_photo_is_turned_upright_by_its_exif_orientation():
    sideways = encoded(photo(size=(80, 40)), "JPEG", exif=exif_with_gps(orientation=6))

    result = clean(sideways)

    assert (result.width, result.height) == (40, 80)


def test_sixteen_bit_grey_is_scaled_not_clipped_to_white():
    result = clean(ACCEPTED["16-bit grey png"])

    red, green, blue = Image.open(io.BytesIO(result.content)).getpixel((10, 10))
    assert 120 <= red <= 136 and red == green == blue


def test_transparency_is_laid_on_white():
    result = clean(ACCEPTED["png with transparency"])

    assert Image.open(io.BytesIO(result.content)).getpixel((10, 10)) >= (250, 250, 250)


def test_cmyk_becomes_rgb_with_its_colour():
    red, green, blue = Image.open(io.BytesIO(clean(ACCEPTED["cmyk jpeg"]).content)).getpixel(
        (10, 10)
    )
    assert red > 200 and green < 60 and blue < 60


def test_large_photos_are_scaled_down():
    big = encoded(photo(size=(settings.PHOTOVOICE_MAX_SIDE * 2, 100)), "PNG")

    result = clean(big)

    assert result.width == settings.PHOTOVOICE_MAX_SIDE


# --- Through the public form: the reason is shown, nothing is stored -----------------------


def private_files() -> list[Path]:
    return [
        Path(root) / name
        for root, _, names in os.walk(settings.PRIVATE_MEDIA_ROOT)
        for name in names
    ]


def submission(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> dict:
    return {
        "photo": SimpleUploadedFile(name, data, content_type=content_type),
        "caption": "Our street",
        "theme": "housing",
        "for_web": "on",
        "confirm": "on",
        "started": started_token(at=time.time() - 60),  # a person took a minute
        "website": "",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.jpg", REFUSED["php named .jpg"][0], "This file is not a photo we can take."),
        ("photo.jpg", REFUSED["svg with a script"][0], "This file is not a photo we can take."),
        ("photo.png", REFUSED["png declaring 50000 x 50000 pixels"][0], "The photo is too large."),
        ("photo.jpg", REFUSED["truncated jpeg"][0], "The photo is damaged or incomplete."),
        ("photo.webp", REFUSED["animated webp"][0], "Send a still photo, not an animation."),
    ],
)
def test_the_form_shows_why_a_file_was_refused_and_keeps_nothing(client, name, data, message):
    before = set(private_files())

    response = client.post(form_on(client, PAGE)[0], submission(data, name=name))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PhotoSubmission.objects.filter(caption="Our street").exists()
    assert set(private_files()) == before


@pytest.mark.django_db
def test_the_form_refuses_a_file_over_its_size_limit(client, settings):
    settings.PHOTOVOICE_MAX_UPLOAD_MB = 1
    padded = jpeg() + os.urandom(1024 * 1024)

    response = client.post(form_on(client, PAGE)[0], submission(padded))

    assert response.status_code == 400
    assert "The file is too big. Send a photo of at most 1 MB." in response.content.decode()
    assert not PhotoSubmission.objects.filter(caption="Our street").exists()


@pytest.mark.django_db
def test_an_accepted_hostile_file_is_stored_only_as_its_clean_re_encode(client):
    response = client.post(form_on(client, PAGE)[0], submission(ACCEPTED["jpeg and zip polyglot"]))

    assert response.status_code == 303
    stored = PhotoSubmission.objects.get(caption="Our street")
    with stored.pending_file.open("rb") as kept:
        assert_clean(kept.read())
    assert stored.pending_file.name.endswith(".jpg")
    assert "photo" not in Path(stored.pending_file.name).name
