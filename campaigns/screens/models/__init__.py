"""Screens in public transport, the playlists they play and (plays.py) what they report
having played, with its counts (docs/screens.md)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from campaigns.screens.schedule import WEEKDAYS
from cms import languages

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


# Imported last: they point at the models above.
from campaigns.screens.models.playlists import (  # noqa: E402
    PHOTO_SECONDS,
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
)
from campaigns.screens.models.plays import (  # noqa: E402
    DailyPlays,
    GroupDailyPlays,
    MonthlyPlays,
    PlayEvent,
    QrScans,
)
from campaigns.screens.models.status import (  # noqa: E402
    ScreenIncident,
    ScreenScreenshot,
    ScreenStatus,
)

__all__ = [
    "PHOTO_SECONDS",
    "DailyPlays",
    "GroupDailyPlays",
    "MonthlyPlays",
    "PlayEvent",
    "Playlist",
    "PlaylistAssignment",
    "PlaylistItem",
    "PlaylistTimeWindow",
    "QrScans",
    "Screen",
    "ScreenGroup",
    "ScreenIncident",
    "ScreenScreenshot",
    "ScreenStatus",
]
