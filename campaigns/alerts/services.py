"""Writes for alerts: machine translations of a published alert into every language, and
telling partners when an alert is published and when it ends (docs/screens.md, "Alerts").

Publishing is Wagtail's own (the snippet's Publish button); campaigns.alerts.signals calls
`alert_published` and `alert_unpublished` from its signals, and `manage.py every_minute`
calls `announce_ended` for alerts whose end time has passed."""

import logging
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from campaigns.alerts import selectors
from campaigns.alerts.models import Alert
from campaigns.partners import services as partners
from campaigns.partners.models import WebhookEvent
from cms import languages
from cms.api.addresses import absolute
from cms.api.purge import purge_after_commit
from cms.cdn import every_page_changed

logger = logging.getLogger(__name__)


def _is_source(alert: Alert) -> bool:
    return alert.locale.language_code == languages.source_language_code()


def draft_translations(*, alert: Alert) -> list[Alert]:
    """Machine-translate the strings of `alert` (the source) that no language has yet, and
    publish each language's version. A translator's strings are kept; a version stays
    marked as machine-made until a person has confirmed every machine string. Nothing
    happens without a configured machine translator; a failing one is logged and the
    alert stays in the languages it has."""
    translator = get_machine_translator()
    if translator is None:
        return []
    source, _created = TranslationSource.update_or_create_from_instance(alert)
    segments = list(source.stringsegment_set.select_related("string", "context"))
    published = []
    for locale in Locale.objects.exclude(pk=alert.locale_id).filter(
        language_code__in=languages.codes()
    ):
        if not translator.can_translate(source.locale, locale):
            continue
        try:
            with transaction.atomic():
                published.append(_draft(source, segments, locale, translator))
        except Exception as error:  # a machine translator is another server: never fatal
            logger.warning("alert %s: no machine translation into %s: %s", alert.pk, locale, error)
    return published


def _draft(source, segments, locale, translator) -> Alert:
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    known = set(
        StringTranslation.objects.filter(
            locale=locale, context__in=[segment.context for segment in segments]
        ).values_list("translation_of_id", "context_id")
    )
    missing: dict[StringValue, list[StringSegment]] = {}
    for segment in segments:
        if (segment.string_id, segment.context_id) not in known:
            missing.setdefault(segment.string.as_value(), []).append(segment)
    if missing:
        translated = translator.translate(source.locale, locale, list(missing))
        for value, for_segments in missing.items():
            result = translated.get(value)
            if result is None or result.data is None:
                continue
            for segment in for_segments:
                StringTranslation.objects.update_or_create(
                    translation_of_id=segment.string_id,
                    locale=locale,
                    context_id=segment.context_id,
                    defaults={
                        "data": result.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": translator.display_name,
                        "has_error": False,
                        "field_error": "",
                    },
                )
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    target.refresh_from_db()
    return target


def payload(alert: Alert) -> dict:
    """The webhook's `object`: the alert with its versions in every language."""
    versions = selectors.alerts_for_screen_languages(alert)
    return {
        "type": "alert",
        "id": alert.pk,
        "severity": alert.severity,
        "starts_at": selectors.utc(alert.starts_at),
        "ends_at": selectors.utc(alert.ends_at),
        "on_website": alert.on_website,
        "screens": "all" if alert.all_screens else [group.name for group in alert.groups.all()],
        "versions": [version.as_json() for version in versions],
        "cap": absolute(f"/api/v1/alerts/{alert.pk}.cap"),
    }


def _shown_everywhere(alert: Alert) -> None:
    """Pages, the banner, the CAP feed (screens: campaigns.screens.signals) change now."""
    every_page_changed()
    selectors.alert_version.changed()
    if settings.WAGTAILFRONTENDCACHE:
        source = (
            Alert.objects.filter(
                translation_key=alert.translation_key,
                locale__language_code=languages.source_language_code(),
            ).first()
            or alert
        )
        purge_after_commit(
            [absolute("/api/v1/alerts.cap"), absolute(f"/api/v1/alerts/{source.pk}.cap")]
        )


def alert_published(*, alert: Alert) -> None:
    """A version was published: pages and screens show it at once; for the source, the
    other languages are machine-drafted (when asked) and partners told."""
    _shown_everywhere(alert)
    if not _is_source(alert):
        return
    now = timezone.now()
    Alert.objects.filter(pk=alert.pk).update(
        ended_announced_at=None, started_announced_at=now if alert.starts_at <= now else None
    )
    if alert.machine_drafts:
        draft_translations(alert=alert)
    partners.announce(event=WebhookEvent.ALERT_PUBLISHED, subject=payload(alert))


def alert_unpublished(*, alert: Alert) -> None:
    """Taken down before its end: gone from pages and screens, and partners told it ended."""
    _shown_everywhere(alert)
    if _is_source(alert):
        _announce_end(alert, at=timezone.now())


@transaction.atomic
def _announce_end(alert: Alert, *, at: datetime) -> bool:
    # The update is the lock: of two watchers, one announces.
    if not Alert.objects.filter(pk=alert.pk, ended_announced_at__isnull=True).update(
        ended_announced_at=at
    ):
        return False
    partners.announce(event=WebhookEvent.ALERT_ENDED, subject=payload(alert))
    return True


def announce_started(*, now: datetime | None = None) -> list[Alert]:
    """Every page built afresh when a scheduled alert comes into force, once each: their
    caches stop at its start, but a CDN may serve a page a little past it while it fetches
    the new one (stale-while-revalidate)."""
    now = now or timezone.now()
    starting = selectors.source_alerts().filter(
        starts_at__lte=now, ends_at__gt=now, started_announced_at__isnull=True
    )
    started = []
    for alert in starting:
        # The update is the lock: of two watchers, one purges.
        if Alert.objects.filter(pk=alert.pk, started_announced_at__isnull=True).update(
            started_announced_at=now
        ):
            _shown_everywhere(alert)
            started.append(alert)
    return started


def announce_ended(*, now: datetime | None = None) -> list[Alert]:
    """`alert.ended` for every published alert whose end time has passed, once each; pages
    (whose caches expired at that time already) are built afresh."""
    now = now or timezone.now()
    ended = list(
        selectors.source_alerts().filter(ends_at__lte=now, ended_announced_at__isnull=True)
    )
    told = [alert for alert in ended if _announce_end(alert, at=now)]
    for alert in told:
        _shown_everywhere(alert)
    return told
