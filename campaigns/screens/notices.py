"""The email a screen group's contacts get when one of its screens needs someone, and when
it recovers (sent by the webhooks worker: a mail server that is down never holds up the
watcher). In the platform's source language: the operators' language."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from campaigns.screens.models import ScreenIncident

logger = logging.getLogger(__name__)


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def email_incident(*, incident_id: int) -> bool:
    """Mail the incident (its start, or its end once recovered) to the group's contacts."""
    incident = ScreenIncident.objects.select_related("screen__group").filter(pk=incident_id).first()
    if incident is None or not incident.screen.group.contact_emails:
        return False
    screen = incident.screen
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "screen": screen.name,
            "group": screen.group.name,
            "location": screen.location or "—",
            "state": incident.get_state_display(),
            "since": _when(incident.since),
            "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("screen_fleet:index"),
        }
        if incident.recovered_at is None:
            subject = _("Screen “%(screen)s” needs someone: %(state)s since %(since)s") % names
            body = (
                _(
                    "The screen “%(screen)s” (%(group)s, %(location)s) is %(state)s since "
                    "%(since)s.\n\nThe fleet view shows what it last reported:\n%(url)s\n\n"
                    "You get one more email when it is back on the current playlist."
                )
                % names
            )
        else:
            names["recovered"] = _when(incident.recovered_at)
            subject = _("Screen “%(screen)s” is back on the current playlist") % names
            body = (
                _(
                    "The screen “%(screen)s” (%(group)s, %(location)s) was %(state)s from "
                    "%(since)s and is back since %(recovered)s.\n\n%(url)s"
                )
                % names
            )
    try:
        send_mail(subject, body, None, screen.group.contact_emails)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Email about screen %s not sent: %s", screen.pk, error)
        return False
    return True
