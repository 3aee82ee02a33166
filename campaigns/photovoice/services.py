"""Writes for photovoice: a submission, its moderation and its withdrawal."""

import io
import logging
import secrets
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from campaigns.partners import services as partners
from campaigns.photovoice.models import AuditTheme, PhotoSubmission, PhotovoicePage
from campaigns.photovoice.selectors import token_hash
from campaigns.screens.models import PlaylistItem
from cms.api.purge import purge_api_object
from cms.cdn import purge_showing
from cms.services import root_collection
from cms.uploads import CleanPhoto

logger = logging.getLogger(__name__)

Status = PhotoSubmission.Status
COLLECTION_NAME = "Photovoice"


class NotPending(Exception):
    """The submission was moderated or withdrawn meanwhile (another editor, the sender)."""


@dataclass(frozen=True)
class Submitted:
    submission: PhotoSubmission
    withdrawal_token: str  # given once, in the email; only its hash is stored


@transaction.atomic
def submit_photo(
    *,
    photo: CleanPhoto,
    caption: str,
    theme: AuditTheme,
    language: str,
    for_web: bool,
    for_screens: bool,
    for_partners: bool,
    author_name: str = "",
    email: str = "",
) -> Submitted:
    """Keep a cleaned photo in private storage until an editor decides; mail the sender
    the link that withdraws it, if they gave an address."""
    token = secrets.token_urlsafe(32)
    submission = PhotoSubmission(
        caption=caption.strip(),
        theme=theme,
        language=language,
        author_name=author_name.strip(),
        for_web=for_web,
        for_screens=for_screens,
        for_partners=for_partners,
        email=email.strip(),
        withdrawal_token_hash=token_hash(token),
    )
    # A random name: the sender's file name may say who or where they are.
    submission.pending_file.save(
        f"{secrets.token_hex(16)}.{photo.extension}", ContentFile(photo.content), save=False
    )
    submission.save()
    if submission.email:
        transaction.on_commit(lambda: send_withdrawal_link(submission=submission, token=token))
    return Submitted(submission=submission, withdrawal_token=token)


def withdrawal_url(*, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("photovoice_withdraw", kwargs={"token": token})
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def send_withdrawal_link(*, submission: PhotoSubmission, token: str) -> bool:
    """Mail the withdrawal link in the language the photo was sent in. A mail server
    failure is logged: the photo is kept, and an editor can withdraw it on request."""
    with translation.override(submission.language):
        subject = _("Your photo for the city integration audit")
        body = _(
            "Thank you for your photo “%(caption)s”.\n\n"
            "An editor looks at every photo before it is shown.\n\n"
            "You can withdraw your photo at any time, now or later. Open this link:\n"
            "%(url)s\n\n"
            "Withdrawing deletes the photo from this website, from screens and from partner "
            "websites. Keep this email: the link works only for you."
        ) % {
            "caption": submission.caption,
            "url": withdrawal_url(token=token, language=submission.language),
        }
    try:
        send_mail(subject, body, None, [submission.email])
    except (smtplib.SMTPException, OSError) as error:
        # Kept for PHOTOVOICE_EMAIL_DAYS, so an editor can tell the sender another way.
        logger.warning("Withdrawal link for photo %s not sent: %s", submission.pk, error)
        return False
    # The address had one use: sent, it is forgotten.
    PhotoSubmission.objects.filter(pk=submission.pk).update(email="")
    submission.email = ""
    return True


@dataclass(frozen=True)
class Erased:
    emails: int
    rejected: int


@transaction.atomic
def erase_expired_personal_data(*, now=None) -> Erased:
    """The daily retention step (`manage.py erase_photovoice_personal_data`): emails whose
    link could not be sent, kept PHOTOVOICE_EMAIL_DAYS at most, and the caption, name and
    reason of submissions rejected more than PHOTOVOICE_REJECTED_DAYS ago. The rows stay
    (status, theme, language, dates) for the audit's counts."""
    now = now or timezone.now()
    emails = (
        PhotoSubmission.objects.exclude(email="")
        .filter(submitted_at__lt=now - timedelta(days=settings.PHOTOVOICE_EMAIL_DAYS))
        .update(email="")
    )
    rejected = (
        PhotoSubmission.objects.filter(
            status=Status.REJECTED,
            moderated_at__lt=now - timedelta(days=settings.PHOTOVOICE_REJECTED_DAYS),
        )
        .exclude(caption="", alt_text="", author_name="", rejection_reason="")
        .update(caption="", alt_text="", author_name="", rejection_reason="", email="")
    )
    return Erased(emails=emails, rejected=rejected)


def photovoice_collection() -> Collection:
    root = root_collection()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _pending(submission: PhotoSubmission) -> PhotoSubmission:
    locked = PhotoSubmission.objects.select_for_update().get(pk=submission.pk)
    if locked.status != Status.PENDING:
        raise NotPending(locked.status)
    return locked


def _delete_pending_file(submission: PhotoSubmission) -> None:
    """Once committed: a rolled-back decision keeps the file it needs."""
    if not submission.pending_file:
        return
    storage, name = submission.pending_file.storage, submission.pending_file.name
    transaction.on_commit(lambda: storage.delete(name))
    submission.pending_file = ""


@transaction.atomic
def approve_photo(*, submission: PhotoSubmission, moderator, alt_text: str) -> PhotoSubmission:
    """Publish the photo: a Wagtail image (caption as title, alt text as description) in
    the Photovoice collection. The private file is deleted."""
    submission = _pending(submission)
    alt_text = alt_text.strip()
    if not alt_text:
        raise ValueError("An approved photo needs a description for people who cannot see it.")
    with submission.pending_file.open("rb") as pending:
        content = pending.read()
    submission.image = get_image_model().objects.create(
        title=submission.caption[:255],
        description=alt_text[:255],
        file=ContentFile(content, name=f"photovoice-{submission.pk}.jpg"),
        collection=photovoice_collection(),
        # What Wagtail's upload form records: the size for the library, the hash for its
        # duplicate check and rendition cache keys.
        file_size=len(content),
        file_hash=hash_filelike(io.BytesIO(content)),
    )
    _delete_pending_file(submission)
    submission.alt_text = alt_text
    submission.status = Status.APPROVED
    submission.moderated_by = moderator
    submission.moderated_at = timezone.now()
    submission.save()
    _purge_from_cdn(submission)
    return submission


@transaction.atomic
def reject_photo(*, submission: PhotoSubmission, moderator, reason: str) -> PhotoSubmission:
    """Refuse the photo with a reason; its file is deleted and its email forgotten."""
    submission = _pending(submission)
    reason = reason.strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    _delete_pending_file(submission)
    submission.status = Status.REJECTED
    submission.rejection_reason = reason
    submission.email = ""
    submission.moderated_by = moderator
    submission.moderated_at = timezone.now()
    submission.save()
    return submission


@transaction.atomic
def withdraw_photo(*, submission: PhotoSubmission) -> PhotoSubmission:
    """The sender takes the photo back: its Wagtail image, renditions and files are deleted
    (Wagtail deletes the files once committed) and the caption, name and email are erased.
    The record stays, empty, so the link can say the photo is gone."""
    submission = PhotoSubmission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == Status.WITHDRAWN:
        return submission
    image = submission.image
    partners_had_it = submission.for_partners and submission.is_public
    submission.image = None
    _delete_pending_file(submission)
    submission.status = Status.WITHDRAWN
    submission.withdrawn_at = timezone.now()
    submission.caption = submission.alt_text = submission.author_name = submission.email = ""
    submission.save()
    # Off every playlist: screens drop it at their next poll.
    PlaylistItem.objects.filter(photo=submission).delete()
    if image is not None:
        image.delete()
    _purge_from_cdn(submission)
    if partners_had_it:
        partners.announce_photo_withdrawn(photo_id=submission.pk)
    return submission


def _purge_from_cdn(submission: PhotoSubmission) -> None:
    """Galleries and API answers a CDN keeps would show a withdrawn photo (or miss a new
    one) until they expire."""
    purge_api_object(path=settings.API_OBJECT_PATHS["campaigns.photosubmission"], pk=submission.pk)
    purge_showing(PhotovoicePage.objects.live())
