"""Is every screen showing the latest? Each screen's state from its status reports and its
polls, against the playlist the platform has for it now (docs/screens.md):

- **current**: it holds the playlist the platform has for it now;
- **behind** since T: the platform's playlist changed at T (SCREEN_BEHIND_AFTER_SECONDS ago
  or more) and the screen still holds an older one;
- **silent** since T: nothing heard (poll or report) since T, SCREEN_SILENT_AFTER_MINUTES
  ago or more;
- **no report**: it polls, but its player never sent a status (an older player);
- **off**: switched off in the admin."""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from campaigns.screens.api.playlists import playlist_responses
from campaigns.screens.models import Screen, ScreenStatus

CURRENT, BEHIND, SILENT, NO_REPORT, OFF = "current", "behind", "silent", "no_report", "off"
STATES = {
    CURRENT: _("On the current playlist"),
    BEHIND: _("Behind"),
    SILENT: _("Silent"),
    NO_REPORT: _("No status report yet"),
    OFF: _("Switched off"),
}


@dataclass(frozen=True)
class Health:
    state: str
    since: datetime | None  # behind or silent since
    report: ScreenStatus | None

    @property
    def label(self) -> str:
        return str(STATES[self.state])


def _current_playlist(screen_id: int) -> tuple[str, datetime | None]:
    """The ETag of the playlist the platform has for the screen now, and when it was made."""
    prepared = playlist_responses.get(screen_id)
    if prepared.status != 200:
        return "", None
    made = json.loads(prepared.body).get("generated_at")
    return prepared.etag, parse_datetime(made) if made else None


def _report(screen: Screen) -> ScreenStatus | None:
    try:
        return screen.status  # loaded with the screen by select_related("status")
    except ScreenStatus.DoesNotExist:
        return None


def health_of(screen: Screen, *, now: datetime | None = None) -> Health:
    now = now or timezone.now()
    report = _report(screen)
    if not screen.active:
        return Health(OFF, None, report)
    heard = [moment for moment in (screen.last_seen_at, report and report.reported_at) if moment]
    last_heard = max(heard) if heard else None
    if last_heard is None or now - last_heard > timedelta(
        minutes=settings.SCREEN_SILENT_AFTER_MINUTES
    ):
        return Health(SILENT, last_heard, report)
    if report is None:
        return Health(NO_REPORT, None, None)
    etag, changed_at = _current_playlist(screen.pk)
    if etag and report.playlist_etag != etag:
        since = changed_at or report.reported_at
        if now - since >= timedelta(seconds=settings.SCREEN_BEHIND_AFTER_SECONDS):
            return Health(BEHIND, since, report)
    return Health(CURRENT, None, report)


def fleet(*, now: datetime | None = None) -> list[dict]:
    """Screens per group and state, with the screens that need someone."""
    now = now or timezone.now()
    groups: dict[str, dict] = {}
    screens = Screen.objects.select_related("group", "status").order_by("group__name", "name")
    for screen in screens:
        health = health_of(screen, now=now)
        group = groups.setdefault(
            screen.group.name, {"group": screen.group, "counts": Counter(), "attention": []}
        )
        group["counts"][health.state] += 1
        if health.state in (BEHIND, SILENT):
            group["attention"].append((screen, health))
    return list(groups.values())
