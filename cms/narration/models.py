"""One narration per published page (each translation is its own page): the audio readers
hear, where each sentence starts and ends, and whether a machine or a person reads it."""

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def private_storage():
    # A person's recording as uploaded stays where no URL reaches (only its encoded copy is
    # public, while the page is published); resolved when used, so tests decide where.
    return storages["private"]


class NarrationStatus(models.TextChoices):
    PENDING = "pending", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
    NO_VOICE = "no_voice", _("No voice for this language")


class NarrationSource(models.TextChoices):
    MACHINE = "machine", _("Machine voice")
    HUMAN = "human", _("Read by a person")


class Narration(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="narration", verbose_name=_("page")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=NarrationStatus.choices,
        default=NarrationStatus.PENDING,
        db_index=True,
    )
    source = models.CharField(
        _("read by"), max_length=8, choices=NarrationSource.choices, blank=True
    )
    # What the audio was made from (the sentences, the voice and the encoder settings): a
    # publish that changes none of them makes nothing again.
    text_hash = models.CharField(max_length=64, blank=True)
    voice = models.CharField(_("voice"), max_length=40, blank=True)
    audio = models.FileField(_("audio"), upload_to="narration/", blank=True)
    # The sentence timings as a small file beside the audio, fetched by the page's player
    # only when the reader presses play; the same list is in `sentences` for the API.
    timings = models.FileField(upload_to="narration/", blank=True)
    sentences = models.JSONField(default=list, blank=True)
    duration_seconds = models.FloatField(_("duration (seconds)"), default=0)
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), default=0)
    recording = models.FileField(
        _("recording by a person"),
        upload_to="narration/recordings/",
        storage=private_storage,
        blank=True,
        help_text=_("Replaces the machine voice for this page in this language."),
    )
    error = models.TextField(_("error"), blank=True)
    made_at = models.DateTimeField(_("made at"), null=True, blank=True)

    class Meta:
        verbose_name = _("narration")
        verbose_name_plural = _("narrations")

    def __str__(self):
        return str(self.page)

    @property
    def is_playable(self) -> bool:
        return self.status == NarrationStatus.READY and bool(self.audio)
