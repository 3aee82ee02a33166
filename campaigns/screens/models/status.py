"""What a screen's player last said about itself (POST /api/v1/screens/{id}/status/): the
playlist it holds, what it plays, its cache, its clock and its recent errors. One row per
screen, replaced by each report (docs/screens.md, "Is every screen showing the latest?").
An incident is a stretch of time a screen stayed behind or silent, kept so that its
contacts and partners are told once when it starts and once when it ends."""

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


def private_storage():
    # Screenshots may show people at a station: never at a public address.
    return storages["private"]


class ScreenStatus(models.Model):
    screen = models.OneToOneField(
        "campaigns.Screen",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="status",
        verbose_name=_("screen"),
    )
    reported_at = models.DateTimeField(_("reported at"))
    playlist_etag = models.CharField(_("playlist held"), max_length=80, blank=True)
    playing = models.CharField(_("playing"), max_length=200, blank=True)
    cached_items = models.PositiveIntegerField(_("cached items"), default=0)
    cached_bytes = models.PositiveBigIntegerField(_("cached bytes"), default=0)
    free_bytes = models.PositiveBigIntegerField(_("free storage (bytes)"), null=True)
    player_version = models.CharField(_("player version"), max_length=40, blank=True)
    clock_skew_seconds = models.IntegerField(
        _("clock ahead by (seconds)"), null=True, help_text=_("Negative: the clock is behind.")
    )
    errors = models.JSONField(_("recent errors"), default=list, blank=True)

    class Meta:
        verbose_name = _("screen status")
        verbose_name_plural = _("screen statuses")

    def __str__(self):
        return f"{self.screen_id} @ {self.reported_at:%Y-%m-%d %H:%M}"


class IncidentState(models.TextChoices):
    BEHIND = "behind", _("Behind")
    SILENT = "silent", _("Silent")


class ScreenIncident(models.Model):
    screen = models.ForeignKey(
        "campaigns.Screen",
        on_delete=models.CASCADE,
        related_name="incidents",
        verbose_name=_("screen"),
    )
    state = models.CharField(_("state"), max_length=10, choices=IncidentState.choices)
    # When the screen's state began (its last word, or the change it lacks), not when the
    # watcher noticed.
    since = models.DateTimeField(_("since"))
    opened_at = models.DateTimeField(_("reported at"))
    recovered_at = models.DateTimeField(_("recovered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("screen incident")
        verbose_name_plural = _("screen incidents")
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["screen"],
                condition=models.Q(recovered_at__isnull=True),
                name="one_open_incident_per_screen",
            )
        ]

    def __str__(self):
        return f"{self.screen_id} {self.state} since {self.since:%Y-%m-%d %H:%M}"


class ScreenScreenshot(models.Model):
    """The latest picture a screen's player took of what it shows, when an operator asked for
    one (docs/screens.md, "Screenshots"). Kept in private storage, for a short time only."""

    screen = models.OneToOneField(
        "campaigns.Screen",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="screenshot",
        verbose_name=_("screen"),
    )
    requested_at = models.DateTimeField(_("asked for at"), null=True)
    image = models.FileField(
        _("screenshot"), storage=private_storage, upload_to="screenshots/", blank=True
    )
    taken_at = models.DateTimeField(_("taken at"), null=True)
    received_at = models.DateTimeField(_("received at"), null=True)

    class Meta:
        verbose_name = _("screenshot")
        verbose_name_plural = _("screenshots")

    def __str__(self):
        return f"{self.screen_id} @ {self.received_at}"

    @property
    def is_pending(self) -> bool:
        """Asked for, and nothing received since."""
        return self.requested_at is not None and (
            self.received_at is None or self.received_at < self.requested_at
        )
