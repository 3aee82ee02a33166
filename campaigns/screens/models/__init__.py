"""Screens in public transport, the playlists they play and (plays.py) what they report
having played, with its counts (docs/screens.md)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from campaigns.screens.schedule import WEEKDAYS, Rule
from cms import languages
from cms.translatable import in_source_language

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def every_weekday() -> list[int]:
    return list(WEEKDAYS)


def validate_email_lines(value: str) -> None:
    wrong = []
    for line in value.splitlines():
        try:
            if line.strip():
                validate_email(line.strip())
        except ValidationError:
            wrong.append(line.strip())
    if wrong:
        raise ValidationError(
            _("Not an email address: %(lines)s. Write one address per line."),
            params={"lines": ", ".join(wrong)},
        )


class ScreenGroup(models.Model):
    """Screens scheduled together: the metro, a tram line, the screens of one station."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    contacts = models.TextField(
        _("contacts"),
        blank=True,
        validators=[validate_email_lines],
        help_text=_(
            "Email addresses, one per line: they are told when a screen of this group stays "
            "behind or silent, and when it recovers."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("contacts")]

    class Meta:
        verbose_name = _("screen group")
        verbose_name_plural = _("screen groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def contact_emails(self) -> list[str]:
        return [line.strip() for line in self.contacts.splitlines() if line.strip()]


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", pgettext_lazy("screen orientation", "landscape")
    PORTRAIT = "portrait", pgettext_lazy("screen orientation", "portrait")


class Screen(models.Model):
    name = models.CharField(_("name"), max_length=120)
    group = models.ForeignKey(
        ScreenGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="screens"
    )
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("e.g. Serdika station, platform 2")
    )
    language = models.CharField(
        _("language"),
        max_length=12,
        choices=languages.choices,
        default=languages.source_language_code,
        help_text=_("Captions in this language come first."),
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("A switched-off screen is told so (410) and plays nothing new."),
    )
    # Only the SHA-256 of the token is kept; the token itself is shown once.
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_issued_at = models.DateTimeField(_("token issued at"), null=True, editable=False)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("orientation")]),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("screen")
        verbose_name_plural = _("screens")
        ordering = ["group__name", "name"]

    def __str__(self):
        return self.name

    def is_silent(self, *, minutes: int | None = None, now=None) -> bool:
        """Not heard from in the last `minutes` (SCREEN_SILENT_AFTER_MINUTES)."""
        minutes = settings.SCREEN_SILENT_AFTER_MINUTES if minutes is None else minutes
        now = now or timezone.now()
        return self.last_seen_at is None or (now - self.last_seen_at).total_seconds() > 60 * minutes


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


class PlaylistItem(Orderable):
    playlist = ParentalKey(Playlist, related_name="items", on_delete=models.CASCADE)
    video = models.ForeignKey(
        "campaigns.Video",
        verbose_name=_("video"),
        on_delete=models.CASCADE,
        related_name="playlist_items",
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
        help_text=_("Leave empty to play the whole video."),
    )

    panels = [FieldPanel("video"), FieldPanel("story"), FieldPanel("duration_seconds")]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist video")

    def __str__(self):
        return str(self.video)


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


# Imported last: the plays point at the models above.
from campaigns.screens.models.plays import (  # noqa: E402
    DailyPlays,
    GroupDailyPlays,
    MonthlyPlays,
    PlayEvent,
)
from campaigns.screens.models.status import (  # noqa: E402
    ScreenIncident,
    ScreenScreenshot,
    ScreenStatus,
)

__all__ = [
    "DailyPlays",
    "GroupDailyPlays",
    "MonthlyPlays",
    "PlayEvent",
    "Playlist",
    "PlaylistAssignment",
    "PlaylistItem",
    "PlaylistTimeWindow",
    "Screen",
    "ScreenGroup",
    "ScreenIncident",
    "ScreenScreenshot",
    "ScreenStatus",
]
