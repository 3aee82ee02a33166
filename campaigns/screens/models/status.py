"""What a screen's player last said about itself (POST /api/v1/screens/{id}/status/): the
playlist it holds, what it plays, its cache, its clock and its recent errors. One row per
screen, replaced by each report (docs/screens.md, "Is every screen showing the latest?")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
