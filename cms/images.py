"""Every image the platform stores is clean: what an editor uploads loses EXIF (GPS, camera,
time), XMP, IPTC, comments and its ICC profile before the original is written, as photovoice
photos do (`cms.uploads`, one cleaning for both). Wagtail copies an original's EXIF into its
JPEG renditions, so a clean original also means clean renditions and a clean `original_url`
in the API (docs/security.md).

The upload form (WAGTAILIMAGES_IMAGE_FORM_BASE) cleans and answers a refused file with a
message; a `pre_save` receiver cleans whatever reaches the model another way (multiple
upload, code, the demo loader) and fixes the size, dimensions and hash Wagtail records."""

import logging
import os
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

from cms.uploads import (
    DECODING_ERRORS,
    MESSAGES,
    CleanImage,
    RefusedUpload,
    carries_metadata,
    clean_image,
)

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "avif": "image/avif",
}


def _limits() -> dict:
    return {
        "max_bytes": settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        "max_pixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS,
    }


def _renamed(name: str, extension: str) -> str:
    stem = os.path.splitext(os.path.basename(name))[0] or "image"
    return f"{stem}.{extension}"


class CleanImageForm(BaseImageForm):
    """Wagtail's image form, with the uploaded file replaced by its clean copy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = _refusing_damaged(self.fields["file"].to_python)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return upload
        try:
            cleaned = clean_image(upload, **_limits())
        except RefusedUpload as refused:
            raise ValidationError(refused.messages[0], code=refused.code) from None
        replacement = SimpleUploadedFile(
            _renamed(upload.name, cleaned.extension),
            cleaned.content,
            content_type=CONTENT_TYPES[cleaned.extension],
        )
        replacement.cleaned_image = cleaned  # the model's receiver need not decode it again
        return replacement


def _refusing_damaged(to_python):
    """Wagtail's image field decodes a truncated JPEG to count its pixels and lets Pillow's
    error through (a 500): answer it as the damaged file it is."""

    def checked(data):
        try:
            return to_python(data)
        except DECODING_ERRORS:
            raise ValidationError(MESSAGES["damaged"], code="damaged") from None

    return checked


def clean_before_saving(sender, instance, raw: bool = False, **kwargs) -> None:
    """pre_save of the image model: a new or replaced file is cleaned before it is stored
    (or, when code stored it already, stored again clean and the first copy deleted)."""
    if raw or not instance.file or not _file_is_new(instance):
        return
    file = instance.file
    cleaned = getattr(getattr(file, "file", None), "cleaned_image", None)
    if cleaned is None:
        with file.open("rb") as source:
            cleaned = clean_image(source, **_limits())
    stored_already = file._committed
    previous = (file.storage, file.name) if stored_already else None
    _assign(instance, cleaned, _renamed(file.name, cleaned.extension))
    if previous is not None:
        storage, name = previous
        transaction.on_commit(lambda: storage.delete(name))


def clean_stored_images() -> tuple[int, int]:
    """Clean the originals stored before uploads were cleaned (`manage.py
    clean_image_metadata`); their renditions go too, made again from the clean file.
    Returns (cleaned, checked)."""
    cleaned = checked = 0
    for image in get_image_model().objects.order_by("pk").iterator():
        checked += 1
        try:
            with image.file.open("rb") as file:
                content = file.read()
        except OSError:
            logger.warning("Image %s: file %s missing, not checked", image.pk, image.file.name)
            continue
        if not carries_metadata(content):
            continue
        storage, old_name = image.file.storage, image.file.name
        with transaction.atomic():
            image.file = ContentFile(content, name=old_name)
            image.save()  # the pre_save receiver cleans it under a new name
            image.renditions.all().delete()  # their files go with them (Wagtail's receiver)
            transaction.on_commit(partial(storage.delete, old_name))
        cleaned += 1
    return cleaned, checked


def _file_is_new(instance) -> bool:
    if instance._state.adding or not instance.file._committed:
        return True
    stored = type(instance).objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    return stored != instance.file.name


def _assign(instance, cleaned: CleanImage, name: str) -> None:
    instance.file = ContentFile(cleaned.content, name=name)
    instance.file._committed = False
    instance.width, instance.height = cleaned.width, cleaned.height
    instance.file_size = len(cleaned.content)
    instance.file_hash = hash_filelike(ContentFile(cleaned.content))
    instance.file.file.cleaned_image = cleaned
