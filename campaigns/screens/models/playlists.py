"""Playlists: videos and residents' photos that play in order on the screens they are
assigned to, when their schedule says so (docs/screens.md)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from campaigns.screens.models import WEEKDAY_CHOICES, Screen, ScreenGroup, every_weekday
from campaigns.screens.schedule import Rule
from cms.translatable import in_source_language


class PlaylistForm(WagtailAdminModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        initial=every_weekday,
        error_messages={"required": _("Choose at least one weekday.")},
    )

    def clean_weekdays(self):
        return sorted(set(self.cleaned_data["weekdays"]))


class Playlist(ClusterableModel):
    """Videos that play in order, in a loop, on the screens it is assigned to, when its
    schedule says so. The fallback playlist plays wherever nothing else is scheduled."""

    name = models.CharField(_("name"), max_length=150)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="playlists",
        limit_choices_to=in_source_language,
        help_text=_("The playlist plays only while this campaign is published."),
    )
    is_fallback = models.BooleanField(
        _("fallback playlist"),
        default=False,
        help_text=_(
            "Plays on every screen whenever nothing else is scheduled; its own dates, "
            "weekdays, hours and screens are not used. There is one fallback playlist."
        ),
    )
    starts_at = models.DateTimeField(_("from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    weekdays = models.JSONField(_("weekdays"), default=every_weekday)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("campaign"),
        InlinePanel(
            "items", heading=_("Videos, in the order they play"), label=_("Video"), min_num=1
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("weekdays"),
                InlinePanel(
                    "time_windows",
                    heading=_("Hours of the day (none: all day)"),
                    label=_("Hours"),
                ),
            ],
            heading=_("Schedule"),
        ),
        InlinePanel("assignments", heading=_("Where it plays"), label=_("Screens")),
        FieldPanel("is_fallback"),
    ]
    base_form_class = PlaylistForm

    class Meta:
        verbose_name = _("playlist")
        verbose_name_plural = _("playlists")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_fallback"],
                condition=models.Q(is_fallback=True),
                name="one_fallback_playlist",
                violation_error_message=_("There is already a fallback playlist."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A playlist must end after it starts.")})

    @cached_property
    def rule(self) -> Rule:
        return Rule(
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            weekdays=frozenset(self.weekdays),
            windows=tuple((w.starts_at, w.ends_at) for w in self.time_windows.all()),
        )


class PlaylistTimeWindow(Orderable):
    playlist = ParentalKey(Playlist, related_name="time_windows", on_delete=models.CASCADE)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"), help_text=_("Before “from”: runs past midnight."))

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("hours")

    def __str__(self):
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    def clean(self):
        super().clean()
        if self.starts_at == self.ends_at:
            raise ValidationError({"ends_at": _("The hours must not start and end together.")})


def photos_for_screens() -> dict:
    return {"status": "approved", "for_screens": True, "image__isnull": False}


# How long a photo shows when the editor does not say.
PHOTO_SECONDS = 10


class PlaylistItem(Orderable):
    """A video, or a resident's photovoice photo shown for a while (docs/screens.md)."""

    playlist = ParentalKey(Playlist, related_name="items", on_delete=models.CASCADE)
    video = models.ForeignKey(
        "campaigns.Video",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="playlist_items",
    )
    # Withdrawing the photo deletes the item (campaigns.photovoice.services.withdraw_photo).
    photo = models.ForeignKey(
        "campaigns.PhotoSubmission",
        verbose_name=_("resident's photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="playlist_items",
        limit_choices_to=photos_for_screens,
        help_text=_(
            "Instead of a video: an approved photovoice photo whose sender agreed to screens, "
            "with its caption and the sender's chosen name."
        ),
    )
    story = models.ForeignKey(
        "campaigns.StoryPage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The story this video tells: it plays only while the story is published with "
            "consent for screens."
        ),
    )
    duration_seconds = models.PositiveIntegerField(
        _("play for (seconds)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to play the whole video; a photo shows for 10 seconds."),
    )
    show_qr = models.BooleanField(
        _("show a QR code"),
        default=False,
        help_text=_(
            "A small QR code to the story, or else the playlist's campaign, in the screen's "
            "language. Scans are counted per screen group and day, nothing more."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("video"), FieldPanel("photo")]),
        FieldPanel("story"),
        FieldRowPanel([FieldPanel("duration_seconds"), FieldPanel("show_qr")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist video")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(video__isnull=True) ^ models.Q(photo__isnull=True),
                name="playlist_item_video_or_photo",
            )
        ]

    def __str__(self):
        return str(self.video or self.photo)

    def clean(self):
        super().clean()
        if (self.video_id is None) == (self.photo_id is None):
            raise ValidationError(_("Choose either a video or a resident's photo."))

    @property
    def seconds(self) -> float | None:
        """How long it plays: as the editor said, else the whole video or PHOTO_SECONDS."""
        if self.duration_seconds:
            return self.duration_seconds
        return self.video.duration_seconds if self.video_id else PHOTO_SECONDS


class PlaylistAssignment(Orderable):
    playlist = ParentalKey(Playlist, related_name="assignments", on_delete=models.CASCADE)
    group = models.ForeignKey(
        ScreenGroup,
        verbose_name=_("screen group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    screen = models.ForeignKey(
        Screen,
        verbose_name=_("single screen"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    priority = models.SmallIntegerField(
        _("priority"), default=0, help_text=_("When schedules overlap, the highest plays.")
    )

    panels = [FieldRowPanel([FieldPanel("group"), FieldPanel("screen"), FieldPanel("priority")])]

    class Meta(Orderable.Meta):
        verbose_name = _("assignment")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(group__isnull=True) ^ models.Q(screen__isnull=True),
                name="assigned_to_group_or_screen",
            )
        ]

    def __str__(self):
        return f"{self.playlist} → {self.screen or self.group} ({self.priority})"

    def clean(self):
        super().clean()
        if (self.group_id is None) == (self.screen_id is None):
            raise ValidationError(_("Choose either a screen group or a single screen."))
