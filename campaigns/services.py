"""Writes for videos, stories, consent, screens and partner keys (webhooks: webhooks.py)."""

import hashlib
import logging
import secrets
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import DateTimeField, F, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from campaigns import media
from campaigns.models import (
    PARTNERS,
    WEB,
    ConsentRecord,
    Organisation,
    PartnerKey,
    PlayEvent,
    ProcessingStatus,
    Screen,
    StoryPage,
    Video,
)

logger = logging.getLogger(__name__)


def request_processing(*, video: Video) -> None:
    """Queue the slow work on a freshly uploaded video; it runs in `manage.py db_worker`."""
    from campaigns.tasks import process_video

    file_name = video.file.name
    transaction.on_commit(lambda: process_video.enqueue(video.pk, file_name))


def process_video(*, video_id: int, file_name: str) -> Video | None:
    """Measure the video, make its poster (unless one was given) and its data-saver
    rendition. Runs outside a transaction: ffmpeg may take minutes on a long video.

    Returns None when the video is gone or a newer upload replaced `file_name`."""
    video = Video.objects.filter(pk=video_id).first()
    if video is None or video.file.name != file_name:
        return None
    _set_status(video, ProcessingStatus.PROCESSING)
    try:
        with media.local_path(video.file) as path:
            info = media.probe(path)
            video.duration_seconds = info.duration_seconds
            video.width, video.height = info.width, info.height
            video.size_bytes = video.file.size
            with video.file.open("rb") as stored:
                video.sha256 = media.sha256_of(stored.chunks())
            if video.poster_id is None:
                video.poster = _poster_image(video, path, info)
            _make_data_saver(video, path, info)
    except media.UnreadableVideo as error:
        logger.warning("Video %s could not be processed: %s", video.pk, error)
        video.processing_status = ProcessingStatus.FAILED
        video.processing_error = str(error)
    else:
        video.processing_status = ProcessingStatus.READY
        video.processing_error = ""
    video.processed_at = timezone.now()
    video.save()
    return video


def _set_status(video: Video, status: str) -> None:
    video.processing_status = status
    Video.objects.filter(pk=video.pk).update(processing_status=status)


def _poster_image(video: Video, path: str, info: media.VideoInfo):
    jpeg = media.poster_frame(path, at_seconds=min(1.0, info.duration_seconds / 2))
    return get_image_model().objects.create(
        title=f"{video.title} (poster)",
        file=ContentFile(jpeg, name=f"video-{video.pk}-poster.jpg"),
        collection=root_collection(),
    )


def root_collection() -> Collection:
    # Wagtail's migrations create it, but `manage.py flush` (and every transactional
    # test) empties the table.
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _make_data_saver(video: Video, path: str, info: media.VideoInfo) -> None:
    height = min(settings.VIDEO_DATA_SAVER_HEIGHT, info.height - info.height % 2)
    with tempfile.TemporaryDirectory(prefix="video-") as folder:
        target = Path(folder) / f"{Path(video.file.name).stem}-{height}p.mp4"
        media.data_saver(path, target, height=height, bitrate=settings.VIDEO_DATA_SAVER_BITRATE)
        if video.data_saver:
            video.data_saver.delete(save=False)
        with target.open("rb") as rendition:
            video.data_saver.save(target.name, File(rendition), save=False)
            rendition.seek(0)
            video.data_saver_sha256 = media.sha256_of(iter(lambda: rendition.read(1 << 20), b""))
        video.data_saver_size_bytes = target.stat().st_size


@transaction.atomic
def withdraw_consent(*, record: ConsentRecord, user=None) -> list[StoryPage]:
    """Withdraw consent today (unless a date is set) and unpublish the story everywhere.
    The record is kept. Returns the pages that were unpublished."""
    from campaigns.selectors import has_consent

    shared = record.story is not None and has_consent(story=record.story, scope=PARTNERS)
    if record.withdrawn_on is None:
        record.withdrawn_on = timezone.localdate()
        record.save(update_fields=["withdrawn_on"])
    return enforce_consent(story=record.story, user=user, shared_with_partners_before=shared)


@transaction.atomic
def enforce_consent(
    *, story: StoryPage | None, user=None, shared_with_partners_before: bool = False
) -> list[StoryPage]:
    """Unpublish the story in every language when no consent for the web remains (after a
    withdrawal, or after the web was taken out of its scope). Returns what was unpublished.

    A story that stays on the web but may no longer be shared with partners leaves the API
    (it lists only stories with consent for partners): partners are told `unpublished`
    and the CDN forgets its API answers, as when a page is unpublished."""
    from campaigns import publication, webhooks
    from campaigns.selectors import has_consent

    if story is None:
        return []
    if has_consent(story=story, scope=WEB):
        if shared_with_partners_before and not has_consent(story=story, scope=PARTNERS):
            for page in story.get_translations(inclusive=True).live().specific():
                publication.purge_api_urls(page=page)
                webhooks.announce_unpublished(page=page, shared_with_partners=True)
        return []
    unpublished = []
    for page in story.get_translations(inclusive=True).live().specific():
        page.unpublish(user=user, log_action=True)
        unpublished.append(page)
    return unpublished


# --- Screens --------------------------------------------------------------------------------


def issue_screen_token(*, screen: Screen) -> str:
    """A new secret for the screen's player; the old one stops working. Only its hash is
    stored: show the returned token once."""
    token = secrets.token_urlsafe(32)
    screen.token_hash = hashlib.sha256(token.encode()).hexdigest()
    screen.token_issued_at = timezone.now()
    screen.save(update_fields=["token_hash", "token_issued_at"])
    return token


@dataclass(frozen=True)
class PlayBatchResult:
    accepted: int
    duplicates: int


@transaction.atomic
def record_plays(*, screen: Screen, events: list[dict]) -> PlayBatchResult:
    """Store a screen's validated play events; events seen before (by event id, from any
    batch) are counted as duplicates and not stored again."""
    ids = [event["event_id"] for event in events]
    known = set(PlayEvent.objects.filter(event_id__in=ids).values_list("event_id", flat=True))
    new: dict = {}
    for event in events:
        if event["event_id"] not in known:
            new.setdefault(event["event_id"], event)
    PlayEvent.objects.bulk_create(
        [
            PlayEvent(
                event_id=event["event_id"],
                screen=screen,
                group_id=screen.group_id,
                video_id=event["video_id"],
                started_at=event["started_at"],
                duration_seconds=event["duration_seconds"],
                language=event["language"],
            )
            for event in new.values()
        ],
        # A retry racing its first attempt: the other request stored it.
        ignore_conflicts=True,
    )
    return PlayBatchResult(accepted=len(new), duplicates=len(events) - len(new))


def record_last_seen(*, screen_ids: Iterable[int], at: datetime) -> int:
    """These screens polled by `at`, in one UPDATE; never moves a time backwards."""
    screen_ids = list(screen_ids)
    if not screen_ids:
        return 0
    moment = Value(at, output_field=DateTimeField())
    return Screen.objects.filter(pk__in=screen_ids).update(
        last_seen_at=Greatest(Coalesce(F("last_seen_at"), moment), moment)
    )


# --- Partner keys (docs/partners.md) --------------------------------------------------------

PARTNER_KEY_PREFIX = "pk_"
# A key's "last used" time is written at most this often, whatever the number of requests.
PARTNER_KEY_USE_RESOLUTION_SECONDS = 60


def issue_partner_key(*, partner_key: PartnerKey) -> str:
    """Give the key its secret. Only the hash is stored: show the returned key once."""
    key = PARTNER_KEY_PREFIX + secrets.token_urlsafe(32)
    partner_key.key_hash = hashlib.sha256(key.encode()).hexdigest()
    partner_key.prefix = key[: len(PARTNER_KEY_PREFIX) + 6]
    partner_key.save(update_fields=["key_hash", "prefix"])
    return key


@transaction.atomic
def create_partner_key(
    *, organisation: Organisation, name: str, allowed_origins: str = ""
) -> tuple[PartnerKey, str]:
    """A new key for a partner site and its secret (shown once)."""
    partner_key = PartnerKey(organisation=organisation, name=name, allowed_origins=allowed_origins)
    partner_key.full_clean(exclude=["key_hash"])
    partner_key.save()
    return partner_key, issue_partner_key(partner_key=partner_key)


@transaction.atomic
def revoke_partner_key(*, partner_key: PartnerKey) -> None:
    """The key stops working at once (401) and its origins lose CORS. It cannot come back:
    the partner is given a new key."""
    if partner_key.revoked_at is None:
        partner_key.revoked_at = timezone.now()
        # save() so that the cached origins are forgotten (campaigns.signal_handlers).
        partner_key.save(update_fields=["revoked_at"])


def record_partner_key_use(*, partner_key: PartnerKey, at: datetime | None = None) -> None:
    """Note that the key was used, without a write per request: nothing happens when the
    stored time is recent, and racing requests find the row already updated."""
    at = at or timezone.now()
    stale = at - timedelta(seconds=PARTNER_KEY_USE_RESOLUTION_SECONDS)
    if partner_key.last_used_at is not None and partner_key.last_used_at > stale:
        return
    PartnerKey.objects.filter(pk=partner_key.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale)
    ).update(last_used_at=at)
    partner_key.last_used_at = at
