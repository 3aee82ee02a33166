"""Reads of alerts: what is in force, for a screen (every language, the screen's first)
and for the website (the reader's language or the nearest of its fallback chain), each
version marked when it is a machine translation nobody has confirmed yet."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import DatabaseError
from django.db.models import Q, QuerySet
from django.utils import timezone

from campaigns.alerts.models import FULL_SCREEN, Alert
from campaigns.screens.models import Screen
from cms import languages
from cms.api.caching import ContentVersion, StoredAnswers
from cms.translation.status import MACHINE, translation_states

logger = logging.getLogger(__name__)

alert_version = ContentVersion("alerts:version")
stored_banners = StoredAnswers("alerts:banner", alert_version)


@dataclass(frozen=True)
class ShownAlert:
    """One alert in one language."""

    id: int  # the source language's alert: the same in every language
    severity: str
    title: str
    text: str
    language: str
    starts_at: datetime
    ends_at: datetime
    machine_translated: bool
    is_fallback: bool = False

    @property
    def full_screen(self) -> bool:
        return self.severity in FULL_SCREEN

    @property
    def direction(self) -> str:
        return languages.get(self.language).direction

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "severity": self.severity,
            "full_screen": self.full_screen,
            "title": self.title,
            "text": self.text,
            "language": self.language,
            "dir": self.direction,
            "machine_translated": self.machine_translated,
            "starts_at": utc(self.starts_at),
            "ends_at": utc(self.ends_at),
        }


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_alerts() -> QuerySet[Alert]:
    """Published alerts in the source language: their copy decides times and places."""
    return Alert.objects.filter(
        live=True, locale__language_code=languages.source_language_code()
    ).select_related("locale")


def alerts_between(start: datetime, end: datetime) -> list[Alert]:
    """Published source alerts in force at some moment of [start, end)."""
    return list(source_alerts().filter(starts_at__lt=end, ends_at__gt=start).order_by("starts_at"))


def _versions(sources: list[Alert]) -> dict:
    """translation key → {language code: (version, machine_translated)} of live versions."""
    keys = [alert.translation_key for alert in sources]
    versions = list(
        Alert.objects.filter(translation_key__in=keys, live=True).select_related("locale")
    )
    states = translation_states(versions)
    found: dict = {}
    for version in versions:
        code = version.locale.language_code
        state = states.get(version.translation_key, {}).get(code)
        machine = state is not None and state.status == MACHINE
        found.setdefault(version.translation_key, {})[code] = (version, machine)
    return found


def _shown(source: Alert, version: Alert, code: str, machine: bool, fallback=False):
    return ShownAlert(
        id=source.pk,
        severity=source.severity,
        title=version.title,
        text=version.text,
        language=code,
        starts_at=source.starts_at,
        ends_at=source.ends_at,
        machine_translated=machine,
        is_fallback=fallback,
    )


def alerts_for_screen(screen: Screen, *, start: datetime, end: datetime) -> list[ShownAlert]:
    """The alerts a screen shows within [start, end): each in every language it has, the
    screen's language first, then the platform's languages in their order."""
    sources = [
        alert
        for alert in alerts_between(start, end)
        if alert.all_screens or screen.group_id in {group.pk for group in alert.groups.all()}
    ]
    if not sources:
        return []
    versions = _versions(sources)
    order = [screen.language, *[code for code in languages.codes() if code != screen.language]]
    shown = []
    for source in sources:
        present = versions.get(source.translation_key, {})
        for code in order:
            if code in present:
                version, machine = present[code]
                shown.append(_shown(source, version, code, machine))
    return shown


def alerts_for_screen_languages(source: Alert) -> list[ShownAlert]:
    """Every published version of one source alert, in the platform's language order."""
    present = _versions([source]).get(source.translation_key, {})
    return [
        _shown(source, *present[code][:1], code, present[code][1])
        for code in languages.codes()
        if code in present
    ]


def banner_alerts(language_code: str, *, now: datetime | None = None) -> list[ShownAlert]:
    """The alerts a public page in `language_code` shows now, most severe first, each in the
    reader's language or the nearest of its fallback chain (marked as a fallback)."""
    now = now or timezone.now()
    moment = alerts_between(now, now + timedelta(microseconds=1))
    sources = [alert for alert in moment if alert.on_website]
    if not sources:
        return []
    versions = _versions(sources)
    chain = languages.reader_languages(language_code)
    severities = [value for value, _label in Alert._meta.get_field("severity").choices]
    shown = []
    for source in sorted(sources, key=lambda alert: severities.index(alert.severity)):
        present = versions.get(source.translation_key, {})
        for code in chain:
            if code in present:
                version, machine = present[code]
                shown.append(_shown(source, version, code, machine, fallback=code != chain[0]))
                break
    return shown


def next_change(after: datetime, *, on_website: bool | None = None, screen=None):
    """The first moment after `after` when the set of alerts in force changes by itself
    (one starts or ends), or None. Caches keep nothing past it."""
    alerts = source_alerts().filter(Q(starts_at__gt=after) | Q(ends_at__gt=after))
    if on_website is not None:
        alerts = alerts.filter(on_website=on_website)
    moments = []
    for starts_at, ends_at in alerts.values_list("starts_at", "ends_at"):
        moments += [moment for moment in (starts_at, ends_at) if moment > after]
    return min(moments, default=None)


def cached_banner(language_code: str) -> tuple[list[ShownAlert], datetime | None]:
    """The banner's alerts for a language and when they next change, kept in the shared
    cache until an alert is published, unpublished or edited, or the next change."""
    now = timezone.now()
    try:
        return _cached_banner(language_code, now)
    except DatabaseError as error:  # an error page must still render
        logger.warning("alerts banner unavailable: %s", error)
        return [], None


def _cached_banner(language_code: str, now: datetime):
    kept = stored_banners.find(language_code)
    if kept is not None and (kept[1] is None or kept[1] > now):
        return kept
    found = (banner_alerts(language_code, now=now), next_change(now, on_website=True))
    timeout = 3600 if found[1] is None else max(1, int((found[1] - now).total_seconds()))
    stored_banners.keep(language_code, found, timeout=min(timeout, 3600))
    return found
