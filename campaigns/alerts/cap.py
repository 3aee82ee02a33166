"""Alerts as CAP 1.2 (OASIS Common Alerting Protocol), the format public-warning systems and
other signage read: one `<alert>` per alert with one `<info>` per language, and an Atom
index of the alerts in force and scheduled that embeds each (`/api/v1/alerts.cap`).
Checked against the OASIS schema by the tests (tests/data/CAP-v1.2.xsd)."""

from datetime import datetime
from xml.etree import ElementTree

from django.conf import settings
from django.utils import timezone

from campaigns.alerts import selectors
from campaigns.alerts.models import Alert
from cms.api.addresses import absolute

CAP = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM = "http://www.w3.org/2005/Atom"
ElementTree.register_namespace("", CAP)
ElementTree.register_namespace("atom", ATOM)

SEVERITIES = {"extreme": "Extreme", "severe": "Severe", "moderate": "Moderate", "minor": "Minor"}


def cap_time(moment: datetime) -> str:
    # CAP's dateTime has an explicit offset and no "Z".
    return moment.astimezone(timezone.get_default_timezone()).isoformat(timespec="seconds")


def sender() -> str:
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0]
    return host.split(":")[0] or "localhost"


def identifier(alert: Alert) -> str:
    return f"{sender()}-alert-{alert.pk}"


def _add(parent, name: str, text: str | None = None):
    element = ElementTree.SubElement(parent, f"{{{CAP}}}{name}")
    if text is not None:
        element.text = text
    return element


def cap_alert(alert: Alert, *, now: datetime | None = None) -> ElementTree.Element:
    """The CAP message of a source alert: `Alert` while published, `Cancel` once taken down
    before its end (referring to the first one)."""
    now = now or timezone.now()
    cancelled = not alert.live
    root = ElementTree.Element(f"{{{CAP}}}alert")
    _add(root, "identifier", identifier(alert) + ("-cancel" if cancelled else ""))
    _add(root, "sender", sender())
    sent = alert.last_published_at or alert.first_published_at or now
    _add(root, "sent", cap_time(now if cancelled else sent))
    _add(root, "status", "Actual")
    _add(root, "msgType", "Cancel" if cancelled else "Alert")
    _add(root, "scope", "Public")
    if cancelled:
        original = alert.first_published_at or now
        _add(root, "references", f"{sender()},{identifier(alert)},{cap_time(original)}")
    urgency = "Immediate" if alert.starts_at <= now else "Expected"
    if alert.ends_at <= now:
        urgency = "Past"
    for version in selectors.alerts_for_screen_languages(alert):
        info = _add(root, "info")
        _add(info, "language", version.language)
        _add(info, "category", alert.category)
        _add(info, "event", version.title)
        _add(info, "urgency", urgency)
        _add(info, "severity", SEVERITIES[alert.severity])
        _add(info, "certainty", "Observed")
        _add(info, "effective", cap_time(sent))
        _add(info, "onset", cap_time(alert.starts_at))
        _add(info, "expires", cap_time(alert.ends_at))
        _add(info, "senderName", settings.WAGTAIL_SITE_NAME)
        _add(info, "headline", version.title)
        _add(info, "description", version.text)
        _add(info, "web", absolute(f"/{version.language}/"))
        if version.machine_translated:
            # Nobody has checked this language's text yet: a receiver may say so.
            parameter = _add(info, "parameter")
            _add(parameter, "valueName", "machineTranslated")
            _add(parameter, "value", "true")
        if settings.ALERT_AREA:
            area = _add(info, "area")
            _add(area, "areaDesc", settings.ALERT_AREA)
    return root


def cap_document(alert: Alert) -> bytes:
    return ElementTree.tostring(cap_alert(alert), encoding="utf-8", xml_declaration=True)


def atom_index(*, now: datetime | None = None) -> bytes:
    """An Atom feed of the alerts in force or scheduled, each entry holding its CAP message."""
    now = now or timezone.now()
    alerts = list(selectors.source_alerts().filter(ends_at__gt=now).order_by("starts_at"))
    feed = ElementTree.Element(f"{{{ATOM}}}feed")

    def add(parent, name, text=None, **attributes):
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
        if text is not None:
            element.text = text
        return element

    add(feed, "id", absolute("/api/v1/alerts.cap"))
    add(feed, "title", f"{settings.WAGTAIL_SITE_NAME}: alerts")
    updated = max((alert.last_published_at or now for alert in alerts), default=now)
    add(feed, "updated", cap_time(updated))
    add(feed, "link", rel="self", href=absolute("/api/v1/alerts.cap"))
    author = add(feed, "author")
    add(author, "name", settings.WAGTAIL_SITE_NAME)
    for alert in alerts:
        entry = add(feed, "entry")
        add(entry, "id", f"urn:cap:{identifier(alert)}")
        add(entry, "title", alert.title)
        add(entry, "updated", cap_time(alert.last_published_at or now))
        address = absolute(f"/api/v1/alerts/{alert.pk}.cap")
        add(entry, "link", rel="alternate", type="application/cap+xml", href=address)
        content = add(entry, "content", type="application/cap+xml")
        content.append(cap_alert(alert, now=now))
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
