"""Operators are told when a screen needs someone (docs/screens.md, "Being told").

`watch_fleet` runs every minute (`manage.py check_screens`, from `manage.py every_minute`).
A screen that has been behind or silent for SCREEN_UNHEALTHY_AFTER_MINUTES opens an
incident: its group's contacts get an email and partners' webhooks that want it a
`screen.unhealthy`. While the incident is open nothing more is sent, even if the screen goes
from behind to silent; when the screen is on the current playlist again (or reports without
being behind) the incident closes with an email and a `screen.recovered`. One row per
incident, so a second watcher racing the first cannot open a second one (a unique
constraint on the open incident)."""

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaigns import tasks
from campaigns.partners import services as partners
from campaigns.partners.models import WebhookEvent
from campaigns.screens import health
from campaigns.screens.models import Screen, ScreenIncident

logger = logging.getLogger(__name__)

UNHEALTHY = {health.BEHIND, health.SILENT}


@dataclass
class WatchResult:
    opened: list[ScreenIncident] = field(default_factory=list)
    recovered: list[ScreenIncident] = field(default_factory=list)


def watch_fleet(*, now: datetime | None = None) -> WatchResult:
    """Open an incident for each screen unhealthy for long enough, close those that
    recovered, and tell (once each)."""
    now = now or timezone.now()
    wait = timedelta(minutes=settings.SCREEN_UNHEALTHY_AFTER_MINUTES)
    open_incidents = {
        incident.screen_id: incident
        for incident in ScreenIncident.objects.filter(recovered_at__isnull=True)
    }
    result = WatchResult()
    screens = Screen.objects.select_related("group", "status").order_by("pk")
    for screen in screens.iterator(chunk_size=500):
        found = health.health_of(screen, now=now)
        incident = open_incidents.get(screen.pk)
        if found.state in UNHEALTHY:
            since = found.since or screen.created_at
            if incident is None and now - since >= wait:
                opened = _open(screen, state=found.state, since=since, now=now)
                if opened is not None:
                    result.opened.append(opened)
            elif incident is not None and incident.state != found.state:
                ScreenIncident.objects.filter(pk=incident.pk).update(state=found.state)
        elif incident is not None:
            result.recovered.append(
                _close(incident, screen, now=now, tell=found.state != health.OFF)
            )
    return result


@transaction.atomic
def _open(screen: Screen, *, state: str, since: datetime, now: datetime) -> ScreenIncident | None:
    try:
        with transaction.atomic():
            incident = ScreenIncident.objects.create(
                screen=screen, state=state, since=since, opened_at=now
            )
    except IntegrityError:  # another watcher opened it meanwhile
        return None
    partners.announce(event=WebhookEvent.SCREEN_UNHEALTHY, subject=_subject(screen, incident))
    if screen.group.contact_emails:
        tasks.enqueue_incident_email(incident.pk)
    logger.warning("screen %s is %s since %s", screen.pk, state, since.isoformat())
    return incident


@transaction.atomic
def _close(incident: ScreenIncident, screen: Screen, *, now: datetime, tell: bool):
    incident.recovered_at = now
    incident.save(update_fields=["recovered_at"])
    if tell:
        partners.announce(event=WebhookEvent.SCREEN_RECOVERED, subject=_subject(screen, incident))
        if screen.group.contact_emails:
            tasks.enqueue_incident_email(incident.pk)
    logger.info("screen %s recovered", screen.pk)
    return incident


def _utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _subject(screen: Screen, incident: ScreenIncident) -> dict:
    return {
        "type": "screen",
        "id": screen.pk,
        "name": screen.name,
        "group": screen.group.name,
        "location": screen.location,
        "state": incident.state,
        "since": _utc(incident.since),
        "recovered_at": _utc(incident.recovered_at),
    }
