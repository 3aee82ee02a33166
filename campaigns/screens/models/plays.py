"""What screens report having played (proof of play) and the counts the plays report reads:
per day (DailyPlays, the CSV), per month (MonthlyPlays, a period's totals) and per day and
group (GroupDailyPlays, the chart), each added to as plays arrive
(campaigns.screens.services.record_plays), so no report reads a year of raw events."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.screens.models import Screen, ScreenGroup


class PlayEvent(models.Model):
    """A screen's report that it played a video (proof of play)."""

    event_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    screen = models.ForeignKey(Screen, null=True, on_delete=models.SET_NULL, related_name="plays")
    # The screen's group when the play was reported: screens move, the count stays.
    group = models.ForeignKey(ScreenGroup, null=True, on_delete=models.SET_NULL, related_name="+")
    # Indexed with the time below; each index is written at every play (a fleet sends
    # thousands a second) and the report reads DailyPlays, so the events have few.
    video = models.ForeignKey(
        "campaigns.Video",
        null=True,
        on_delete=models.SET_NULL,
        related_name="plays",
        db_index=False,
    )
    started_at = models.DateTimeField()
    duration_seconds = models.FloatField()
    language = models.CharField(max_length=12)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("play")
        verbose_name_plural = _("plays")
        indexes = [models.Index(fields=["video", "started_at"])]

    def __str__(self):
        return f"{self.video_id} on {self.screen_id} at {self.started_at:%Y-%m-%d %H:%M}"


class PlayCount(models.Model):
    """How many plays, and how many seconds they lasted: what every rollup row counts."""

    plays = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0.0)

    class Meta:
        abstract = True


class PlayCountOfKind(PlayCount):
    """A count of one video's plays in one screen group and caption language."""

    video = models.ForeignKey(
        "campaigns.Video", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    group = models.ForeignKey(ScreenGroup, null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(max_length=12)

    class Meta:
        abstract = True


class DailyPlays(PlayCountOfKind):
    """Plays per local day, video, screen group and language, kept up to date as screens
    report them (campaigns.screens.services.record_plays): the plays report reads these few
    rows, never a year of raw events."""

    day = models.DateField()

    class Meta:
        verbose_name = _("plays per day")
        verbose_name_plural = _("plays per day")
        indexes = [models.Index(fields=["day", "group"])]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "video", "group", "language"], name="one_count_per_day_and_kind"
            )
        ]

    def __str__(self):
        return f"{self.plays} plays of {self.video_id} on {self.day}"


class MonthlyPlays(PlayCountOfKind):
    """DailyPlays summed per calendar month: a year's totals read 12 rows per kind, not 365."""

    month = models.DateField()  # its first day

    class Meta:
        verbose_name = _("plays per month")
        verbose_name_plural = _("plays per month")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "video", "group", "language"], name="one_count_per_month_and_kind"
            )
        ]

    def __str__(self):
        return f"{self.plays} plays of {self.video_id} in {self.month:%Y-%m}"


class GroupDailyPlays(PlayCount):
    """Plays per local day and screen group, every video and language together: the
    report's chart reads one row per day (and group), not one per video and language."""

    day = models.DateField()
    group = models.ForeignKey(ScreenGroup, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("plays per day and group")
        verbose_name_plural = _("plays per day and group")
        constraints = [
            models.UniqueConstraint(fields=["group", "day"], name="one_count_per_group_and_day")
        ]

    def __str__(self):
        return f"{self.plays} plays in group {self.group_id} on {self.day}"


class QrScans(models.Model):
    """How often a screen's QR code was followed, per screen group, page and local day: a
    count only, nothing about the reader (docs/screens.md, "QR codes")."""

    day = models.DateField()
    group = models.ForeignKey(ScreenGroup, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    scans = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("QR code scans")
        verbose_name_plural = _("QR code scans")
        constraints = [
            models.UniqueConstraint(fields=["day", "group", "page"], name="one_qr_count_a_day")
        ]

    def __str__(self):
        return f"{self.day} {self.group_id} {self.page_id}: {self.scans}"
