"""Images sent by the public, made safe to keep and to show, and a storage no URL reaches.

`clean_photo` accepts only what Pillow recognises from the bytes as JPEG, PNG or WebP
(never the file's name or the browser's content type), refuses anything too large in bytes
or pixels, damaged or animated, and returns a new JPEG drawn from the decoded pixels alone:
upright (EXIF orientation applied), in sRGB, without EXIF, GPS, XMP, ICC profile, comments,
text chunks or whatever was appended to the file. What a participant's phone wrote about
where and when the photo was taken never reaches our disk.
"""

import io
import struct
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

# The decoders Pillow may try, and what it may then call the result: MPO is the
# multi-picture JPEG of some phone cameras (its first picture is the photo).
DECODERS = ("JPEG", "PNG", "WEBP")
ACCEPTED_FORMATS = (*DECODERS, "MPO")
STILL_ONLY_FORMATS = ("PNG", "WEBP")  # an animated one is refused
JPEG_QUALITY = 85

MESSAGES = {
    "empty": _("The file is empty. Choose a photo."),
    "too_big": _("The file is too big. Send a photo of at most %(megabytes)d MB."),
    "not_a_photo": _("This file is not a photo we can take. Send a JPEG, PNG or WebP photo."),
    "too_many_pixels": _(
        "The photo is too large. Send a photo of at most %(megapixels)d megapixels."
    ),
    "damaged": _("The photo is damaged or incomplete. Try to send it again."),
    "animated": _("Send a still photo, not an animation."),
}

# Errors Pillow raises on malformed input, besides its own types.
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, KeyError)


class RefusedUpload(ValidationError):
    """A file we do not keep; `message` says why, in the reader's language."""

    def __init__(self, code: str, **params):
        super().__init__(MESSAGES[code], code=code, params=params or None)


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    width: int
    height: int
    extension = "jpg"
    content_type = "image/jpeg"


# Pillow's limits are module globals: one decode at a time sets and restores them.
_pillow_globals = threading.Lock()


def clean_photo(source, *, max_bytes: int, max_pixels: int, max_side: int) -> CleanPhoto:
    """A clean JPEG of the photo in `source` (bytes or a file), or RefusedUpload."""
    data = _read(source, max_bytes)
    image = _decode(data, max_pixels)
    image = _upright(image)
    image = _in_srgb(image)
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A new image holding only the pixels: nothing from the original's metadata can follow.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    output = io.BytesIO()
    clean.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return CleanPhoto(content=output.getvalue(), width=clean.width, height=clean.height)


def _read(source, max_bytes: int) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        if getattr(source, "size", None) is not None and source.size > max_bytes:
            raise RefusedUpload("too_big", megabytes=max_bytes // (1024 * 1024))
        source.seek(0)
        data = source.read(max_bytes + 1)
    if not data:
        raise RefusedUpload("empty")
    if len(data) > max_bytes:
        raise RefusedUpload("too_big", megabytes=max_bytes // (1024 * 1024))
    return data


def _decode(data: bytes, max_pixels: int) -> Image.Image:
    with _pillow_globals, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = max_pixels, False
        try:
            image = Image.open(io.BytesIO(data), formats=DECODERS)
            if image.format not in ACCEPTED_FORMATS:
                raise RefusedUpload("not_a_photo")
            width, height = image.size
            # The header's size, checked before a single pixel is decoded.
            if width < 1 or height < 1:
                raise RefusedUpload("damaged")
            if width * height > max_pixels:
                raise RefusedUpload("too_many_pixels", megapixels=max_pixels // 1_000_000)
            if image.format in STILL_ONLY_FORMATS and getattr(image, "n_frames", 1) > 1:
                raise RefusedUpload("animated")
            image.load()
            return image
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise RefusedUpload("too_many_pixels", megapixels=max_pixels // 1_000_000) from None
        except UnidentifiedImageError:
            raise RefusedUpload("not_a_photo") from None
        except DECODING_ERRORS:
            raise RefusedUpload("damaged") from None
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _upright(image: Image.Image) -> Image.Image:
    try:
        return ImageOps.exif_transpose(image)
    except DECODING_ERRORS:
        return image  # a broken EXIF block: it is dropped anyway, the photo stays as taken


def _in_srgb(image: Image.Image) -> Image.Image:
    """RGB pixels: colours converted from the photo's own profile (phones often use Display
    P3), 16-bit grey scaled down, transparency laid on white."""
    if image.mode.startswith("I;16"):
        image = image.convert("I")
    if image.mode == "I":
        image = image.point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "CMYK", "L"):
        try:
            return ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
        except (ImageCms.PyCMSError, *DECODING_ERRORS):
            pass  # an unusable profile: plain conversion below
    return image.convert("RGB")


class PrivateFileSystemStorage(FileSystemStorage):
    """Files kept outside MEDIA_ROOT that no URL serves (STORAGES["private"]): pending
    uploads that only a view with its own permission check may read."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location, base_url=None, **kwargs)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a permission check.")


@register()
def check_private_files_have_no_address(app_configs, **kwargs):
    """Pending uploads inside MEDIA_ROOT or STATIC_ROOT would be served by whatever serves
    those folders: refuse to start with such a setting."""
    location = settings.STORAGES.get("private", {}).get("OPTIONS", {}).get("location")
    if not location:
        return [Error('STORAGES["private"] needs a location (PRIVATE_MEDIA_ROOT).', id="cms.E010")]
    private = Path(location).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if not public:
            continue
        public = Path(public).resolve()
        if private == public or public in private.parents or private in public.parents:
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) overlaps {name} ({public}): pending "
                    "uploads would have public addresses.",
                    hint="Set PRIVATE_MEDIA_ROOT to a folder outside both.",
                    id="cms.E011",
                )
            )
    return errors
