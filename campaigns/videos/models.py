"""The video library: uploaded videos with captions, a poster and a data-saver rendition."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from campaigns.videos.captions import validate_webvtt
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.forms import VideoForm
from cms import languages


class Video(index.Indexed, ClusterableModel):
    """An uploaded video with its captions, poster and data-saver rendition.

    Editors give the file, a title and captions; everything else is measured from the file
    by the processing task (campaigns.tasks.process_video) and shown in the admin."""

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("video file"),
        upload_to="videos/%Y/%m/",
        help_text=_("An MP4 or WebM video file."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays. Leave empty to take a frame of the video."),
    )
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_(
            "Unpublished videos leave every page, screen and partner site at once; "
            "the file is kept."
        ),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    # Measured from the file.
    mime_type = models.CharField(_("type"), max_length=30, blank=True, editable=False)
    duration_seconds = models.FloatField(_("duration (seconds)"), null=True, editable=False)
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    size_bytes = models.BigIntegerField(_("size (bytes)"), null=True, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False)
    data_saver = models.FileField(
        _("data-saver rendition"), upload_to="videos/data-saver/", blank=True, editable=False
    )
    data_saver_size_bytes = models.BigIntegerField(null=True, editable=False)
    data_saver_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    processing_status = models.CharField(
        _("processing"),
        max_length=12,
        choices=ProcessingStatus.choices,
        default=ProcessingStatus.PENDING,
        editable=False,
        db_index=True,
    )
    processing_error = models.TextField(_("processing error"), blank=True, editable=False)
    processed_at = models.DateTimeField(_("processed at"), null=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldPanel("poster"),
        FieldPanel("published"),
        MultiFieldPanel(
            [
                HelpPanel(
                    template="campaigns/admin/video_processing_panel.html",
                    heading=_("What was measured"),
                )
            ],
            heading=_("Processing"),
        ),
        InlinePanel("captions", heading=_("Captions"), label=_("Captions in a language")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    base_form_class = VideoForm

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title

    @property
    def is_ready(self) -> bool:
        return self.processing_status == ProcessingStatus.READY

    @property
    def is_public(self) -> bool:
        """Shown to readers, screens and partners."""
        return self.published and self.is_ready

    def captions_for(self, preferred: list[str]) -> list["Caption"]:
        """Captions in the order of `preferred` languages (a reader's language and its
        fallback chain), then the others as the editor ordered them."""
        rank = {code: position for position, code in enumerate(preferred)}
        captions = list(self.captions.all())
        return sorted(captions, key=lambda caption: rank.get(caption.language, len(rank)))


def caption_upload_to(caption: "Caption", filename: str) -> str:
    return f"captions/{caption.video_id or 'new'}-{caption.language}.vtt"


class Caption(Orderable):
    video = ParentalKey(Video, related_name="captions", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=12, choices=languages.choices)
    file = models.FileField(
        _("WebVTT file"),
        upload_to=caption_upload_to,
        help_text=_("A .vtt caption file in this language (UTF-8)."),
    )

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("captions")
        verbose_name_plural = _("captions")
        constraints = [
            models.UniqueConstraint(fields=["video", "language"], name="one_caption_per_language")
        ]

    def __str__(self):
        return f"{self.video} ({self.language})"

    def clean(self):
        super().clean()
        upload = self.file
        if not upload or getattr(upload, "_committed", True):
            return  # nothing new was uploaded
        if not upload.name.lower().endswith(".vtt"):
            raise ValidationError({"file": _("Choose a WebVTT caption file (ending in .vtt).")})
        limit = settings.CAPTION_MAX_UPLOAD_KB * 1024
        if upload.size > limit:
            raise ValidationError(
                {
                    "file": _("Caption files can be at most %(limit)d KB.")
                    % {"limit": settings.CAPTION_MAX_UPLOAD_KB}
                }
            )
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        try:
            validate_webvtt(data)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
