"""Images made safe to keep and to show, and a storage no URL reaches.

`clean_photo` (photos sent by the public) accepts only what Pillow recognises from the bytes
as JPEG, PNG or WebP (never the file's name or the browser's content type), refuses anything
too large in bytes or pixels, damaged or animated, and returns a new JPEG drawn from the
decoded pixels alone: upright (EXIF orientation applied), in sRGB, without EXIF, GPS, XMP,
ICC profile, comments, text chunks or whatever was appended to the file. What a
participant's phone wrote about where and when the photo was taken never reaches our disk.

`clean_image` (images editors upload, cms/images.py) keeps the image's format, transparency
and animation, and drops the same metadata the same way: both redraw the decoded pixels onto
a new image (`_pixels_only`), so no metadata block of the original is ever written back.
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

# What editors may upload (WAGTAILIMAGES_EXTENSIONS), each written back in its own format.
EDITOR_DECODERS = ("JPEG", "PNG", "WEBP", "GIF", "AVIF")
EDITOR_FORMATS = {
    "JPEG": "jpg",
    "MPO": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "AVIF": "avif",
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


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    width: int
    height: int
    extension: str  # jpg, png, webp, gif or avif: the format it came in


# Pillow's limits are module globals: one decode at a time sets and restores them.
_pillow_globals = threading.Lock()


def clean_photo(source, *, max_bytes: int, max_pixels: int, max_side: int) -> CleanPhoto:
    """A clean JPEG of the photo in `source` (bytes or a file), or RefusedUpload."""
    data = _read(source, max_bytes)
    image = _decode(data, max_pixels)
    image = _upright(image)
    image = _in_srgb(image)
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    clean = _pixels_only(image, "RGB")
    output = io.BytesIO()
    clean.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return CleanPhoto(content=output.getvalue(), width=clean.width, height=clean.height)


def clean_image(source, *, max_bytes: int, max_pixels: int) -> CleanImage:
    """The image in `source` in its own format without EXIF, GPS, XMP, IPTC, comments or
    an ICC profile (colours converted to sRGB first), upright; or RefusedUpload."""
    data = _read(source, max_bytes)
    image = _decode(data, max_pixels, decoders=EDITOR_DECODERS, accepted=tuple(EDITOR_FORMATS))
    kind = image.format
    output = io.BytesIO()
    if getattr(image, "n_frames", 1) > 1 and kind in ("GIF", "WEBP", "PNG", "AVIF"):
        frames, durations = [], []
        for index in range(image.n_frames):
            image.seek(index)
            frames.append(_pixels_only(_in_srgb(image, keep_alpha=True), "RGBA"))
            durations.append(image.info.get("duration", 100))
        first = frames[0]
        first.save(
            output,
            kind if kind != "MPO" else "JPEG",
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=image.info.get("loop", 0),
            **({"disposal": 2} if kind == "GIF" else {}),
        )
        width, height = first.size
    else:
        image = _in_srgb(_upright(image), keep_alpha=kind != "JPEG" and kind != "MPO")
        clean = _pixels_only(image, image.mode)
        if kind in ("JPEG", "MPO"):
            clean.save(output, "JPEG", quality=90, optimize=True, progressive=True)
        elif kind == "PNG":
            clean.save(output, "PNG", optimize=True)
        elif kind == "GIF":
            clean.save(output, "GIF")
        else:
            clean.save(output, kind, quality=90)
        width, height = clean.size
    return CleanImage(
        content=output.getvalue(), width=width, height=height, extension=EDITOR_FORMATS[kind]
    )


# What a metadata block is called in Pillow's `info` once decoded (PNG text chunks are
# listed in `image.text` as well).
METADATA_KEYS = ("exif", "xmp", "icc_profile", "comment", "photoshop", "XML:com.adobe.xmp")


def carries_metadata(content: bytes) -> bool:
    """True when an image file holds EXIF, XMP, a colour profile, comments or text."""
    try:
        image = Image.open(io.BytesIO(content))
        texts = getattr(image, "text", {}) if image.format == "PNG" else {}
    except (UnidentifiedImageError, *DECODING_ERRORS):
        return False  # nothing Pillow reads: nothing it could clean either
    return bool(texts) or any(image.info.get(key) for key in METADATA_KEYS)


def _pixels_only(image: Image.Image, mode: str) -> Image.Image:
    """A new image holding only the pixels: nothing from the original's metadata can follow
    (Pillow writes back `info` entries such as EXIF, XMP, ICC and comments when saving)."""
    clean = Image.new(mode, image.size)
    clean.paste(image if image.mode == mode else image.convert(mode))
    return clean


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


def _decode(
    data: bytes,
    max_pixels: int,
    *,
    decoders: tuple[str, ...] = DECODERS,
    accepted: tuple[str, ...] = ACCEPTED_FORMATS,
) -> Image.Image:
    with _pillow_globals, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = max_pixels, False
        try:
            image = Image.open(io.BytesIO(data), formats=decoders)
            if image.format not in accepted:
                raise RefusedUpload("not_a_photo")
            width, height = image.size
            # The header's size, checked before a single pixel is decoded.
            if width < 1 or height < 1:
                raise RefusedUpload("damaged")
            if width * height > max_pixels:
                raise RefusedUpload("too_many_pixels", megapixels=max_pixels // 1_000_000)
            if (
                accepted is ACCEPTED_FORMATS
                and image.format in STILL_ONLY_FORMATS
                and getattr(image, "n_frames", 1) > 1
            ):
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


def _in_srgb(image: Image.Image, *, keep_alpha: bool = False) -> Image.Image:
    """RGB pixels (RGBA with `keep_alpha` when the image has transparency): colours
    converted from the photo's own profile (phones often use Display P3), 16-bit grey scaled
    down, transparency otherwise laid on white."""
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
        if keep_alpha:
            return _rgba_in_srgb(rgba, image.info.get("icc_profile"))
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


def _rgba_in_srgb(rgba: Image.Image, profile: bytes | None) -> Image.Image:
    if not profile:
        return rgba
    try:
        rgb = ImageCms.profileToProfile(
            rgba.convert("RGB"),
            ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            ImageCms.createProfile("sRGB"),
            outputMode="RGB",
        )
    except (ImageCms.PyCMSError, *DECODING_ERRORS):
        return rgba
    rgb.putalpha(rgba.getchannel("A"))
    return rgb


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
