"""Writes for narration: asked for on publish, made by the `narration` task worker, replaced
by a person's recording, and taken down with the page."""

import json
import logging
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms import cdn
from cms.api.addresses import absolute
from cms.api.caching import content_version
from cms.api.purge import purge_after_commit, purge_api_urls
from cms.narration import speech, tasks, text
from cms.narration.models import Narration, NarrationSource, NarrationStatus

logger = logging.getLogger(__name__)


def narrated_sentences(page: Page) -> list[str] | None:
    """The sentences the page reads aloud, or None for a page type that is not narrated."""
    paragraphs = getattr(page, "narrated_paragraphs", None)
    if paragraphs is None:
        return None
    return text.sentences(paragraphs(), page.locale.language_code)


def voice_for(language: str) -> str | None:
    if not settings.NARRATION_ENABLED:
        return None
    return settings.NARRATION_VOICES.get(language)


def _encoder_settings() -> dict:
    return {
        "words_per_minute": settings.NARRATION_WORDS_PER_MINUTE,
        "pause_seconds": settings.NARRATION_SENTENCE_PAUSE_SECONDS,
        "bitrate": settings.NARRATION_BITRATE,
    }


def _fingerprint(page: Page, narration: Narration | None) -> tuple[str, str]:
    """(voice, hash) of what the narration would be made from now."""
    if narration is not None and narration.recording:
        return "", text.fingerprint([narration.recording.name], voice="", settings_used={})
    voice = voice_for(page.locale.language_code) or ""
    sentences = narrated_sentences(page) or []
    return voice, text.fingerprint(sentences, voice=voice, settings_used=_encoder_settings())


@transaction.atomic
def request_narration(*, page: Page) -> Narration | None:
    """Queue the making of the page's narration unless what it reads is unchanged.

    Called when a page is published (every language's publish, a translation's included)."""
    page = page.specific
    sentences = narrated_sentences(page)
    if sentences is None:
        return None
    narration = Narration.objects.select_for_update().filter(page=page).first()
    voice, text_hash = _fingerprint(page, narration)
    if (
        narration is not None
        and narration.text_hash == text_hash
        and narration.status == NarrationStatus.READY
    ):
        return narration
    if narration is None:
        narration = Narration(page=page)
    narration.text_hash, narration.voice = text_hash, voice
    narration.status, narration.error = NarrationStatus.PENDING, ""
    narration.save()
    page_id = page.pk
    transaction.on_commit(lambda: tasks.make_narration.enqueue(page_id, text_hash))
    return narration


def make_narration(*, page_id: int, text_hash: str) -> Narration | None:
    """Make the audio and timings (the task's work; outside a transaction, as espeak-ng and
    ffmpeg take seconds). None when the page is gone, unpublished, or a newer publish
    changed the text since this was queued (its own task makes it)."""
    narration = Narration.objects.filter(page_id=page_id).select_related("page").first()
    if narration is None or narration.text_hash != text_hash:
        return None
    if narration.status == NarrationStatus.READY:
        return narration  # a task queued twice for the same text
    page = narration.page.specific
    if not page.live:
        return None
    sentences = narrated_sentences(page) or []
    voice, current_hash = _fingerprint(page, narration)
    if current_hash != text_hash:
        return None
    try:
        if narration.recording:
            made = _from_recording(narration)
        elif not voice or not speech.espeak_available(settings.NARRATION_ESPEAK):
            return _finish(
                narration, text_hash, status=NarrationStatus.NO_VOICE, error=_no_voice(page)
            )
        elif not sentences:
            return _finish(
                narration,
                text_hash,
                status=NarrationStatus.FAILED,
                error="the page has no text to read",
            )
        else:
            made = speech.speak(
                sentences, program=settings.NARRATION_ESPEAK, voice=voice, **_encoder_settings()
            )
    except speech.SpeechError as error:
        logger.warning("Narration of page %s failed: %s", page_id, error)
        return _finish(narration, text_hash, status=NarrationStatus.FAILED, error=str(error))
    return _finish(narration, text_hash, status=NarrationStatus.READY, made=made)


def _no_voice(page: Page) -> str:
    """Why there is no machine voice, for the log (the admin words it for editors:
    selectors.problem_of)."""
    if not settings.NARRATION_ENABLED:
        return "NARRATION_ENABLED is false"
    if voice_for(page.locale.language_code) is None:
        return f"NARRATION_VOICES has no voice for {page.locale.language_code}"
    return f"{settings.NARRATION_ESPEAK} is not installed"


def _from_recording(narration: Narration) -> speech.Spoken:
    with narration.recording.open("rb") as stored:
        audio = speech.encode(stored.read(), bitrate=settings.NARRATION_RECORDING_BITRATE)
    return speech.Spoken(audio=audio, duration_seconds=speech.duration_of(audio), timings=[])


@transaction.atomic
def _finish(
    narration: Narration,
    text_hash: str,
    *,
    status: str,
    error: str = "",
    made: speech.Spoken | None = None,
) -> Narration | None:
    narration = Narration.objects.select_for_update().filter(pk=narration.pk).first()
    if narration is None or narration.text_hash != text_hash:
        return None  # changed while the audio was being made
    old_files = _public_files(narration)
    narration.status, narration.error, narration.made_at = status, error, timezone.now()
    narration.audio, narration.timings, narration.sentences = None, None, []
    narration.duration_seconds = narration.size_bytes = 0
    narration.source = ""
    if made is not None:
        base = f"{narration.page_id}-{text_hash[:12]}"
        narration.source = NarrationSource.HUMAN if narration.recording else NarrationSource.MACHINE
        narration.sentences = [timing.as_dict() for timing in made.timings]
        narration.duration_seconds = round(made.duration_seconds, 2)
        narration.size_bytes = len(made.audio)
        narration.audio.save(f"{base}.opus", ContentFile(made.audio), save=False)
        timings = {"source": narration.source, "sentences": narration.sentences}
        narration.timings.save(
            f"{base}.json",
            ContentFile(json.dumps(timings, ensure_ascii=False).encode()),
            save=False,
        )
    narration.save()
    _delete_after_commit(old_files)
    _shown_again(narration.page)
    return narration


def _public_files(narration: Narration) -> list:
    return [file for file in (narration.audio, narration.timings) if file]


def _delete_after_commit(files: list) -> None:
    purge_after_commit([absolute(file.url) for file in files])
    for file in files:
        transaction.on_commit(partial(file.storage.delete, file.name))


def _shown_again(page: Page) -> None:
    """The page and its API answers show the player (or stop showing it)."""
    content_version.changed()
    cdn.page_version.changed()
    cdn.purge_showing([page])
    purge_api_urls(page=page)


@transaction.atomic
def attach_recording(*, narration: Narration, upload) -> Narration:
    """A person's recording replaces the machine voice for this page in this language; it
    is encoded like the machine's by the task worker."""
    old = narration.recording.name if narration.recording else None
    narration.recording.save(upload.name, upload, save=False)
    narration.save()
    if old:
        transaction.on_commit(partial(narration.recording.storage.delete, old))
    return request_narration(page=narration.page) or narration


@transaction.atomic
def remove_recording(*, narration: Narration) -> Narration:
    """Back to the machine voice."""
    if narration.recording:
        name, storage = narration.recording.name, narration.recording.storage
        narration.recording = None
        narration.save()
        transaction.on_commit(partial(storage.delete, name))
    return request_narration(page=narration.page) or narration


@transaction.atomic
def take_down_narration(*, page: Page) -> None:
    """The page left the public site: its audio and timings go (from storage and the CDN).
    A person's recording stays in private storage for when the page is published again."""
    narration = Narration.objects.select_for_update().filter(page_id=page.pk).first()
    if narration is None:
        return
    _delete_after_commit(_public_files(narration))
    narration.audio, narration.timings, narration.sentences = None, None, []
    narration.status, narration.text_hash = NarrationStatus.PENDING, ""
    narration.save()


def delete_files(*, narration: Narration) -> None:
    """A deleted page's narration leaves nothing behind, the recording included."""
    _delete_after_commit(_public_files(narration))
    if narration.recording:
        transaction.on_commit(partial(narration.recording.storage.delete, narration.recording.name))
