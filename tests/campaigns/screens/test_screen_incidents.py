"""Operators are told: a screen behind or silent for SCREEN_UNHEALTHY_AFTER_MINUTES opens
one incident (an email to its group's contacts, a `screen.unhealthy` webhook), told once
however often the watcher runs, and closed with `screen.recovered` when it is back."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.partners.models import WebhookDelivery, WebhookEndpoint
from campaigns.screens import incidents
from campaigns.screens.models import Screen, ScreenIncident
from campaigns.stories.models import Organisation
from tests.campaigns.screens.test_api import fetch
from tests.campaigns.screens.test_screen_status import post_status, report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_this_screen(screen):
    """The demo's screens are switched off: the tests watch one screen."""
    Screen.objects.exclude(pk=screen.pk).update(active=False)


@pytest.fixture
def operator():
    organisation = Organisation.objects.filter(locale__language_code="bg").order_by("pk")[0]
    return WebhookEndpoint.objects.create(
        organisation=organisation,
        url="https://operator.example/hooks",
        events=["screen.unhealthy", "screen.recovered"],
    )


@pytest.fixture
def partner():
    organisation = Organisation.objects.filter(locale__language_code="bg").order_by("pk")[0]
    return WebhookEndpoint.objects.create(
        organisation=organisation, url="https://partner.example/hooks"
    )


def send_emails(capture) -> int:
    """What the webhooks worker does with the queued emails."""
    sent = 0
    while row := DBTaskResult.objects.ready().filter(backend_name="webhooks").first():
        row.claim("test-worker")
        if row.task_path.endswith("email_screen_incident"):
            with capture(execute=True):
                row.task.call(*row.task_result.args, **row.task_result.kwargs)
            sent += 1
        row.set_successful(None)
    return sent


def test_a_silent_screen_is_told_once_and_its_recovery_once(
    client, screen, token, playlist, operator, partner, settings, django_capture_on_commit_callbacks
):
    settings.SCREEN_UNHEALTHY_AFTER_MINUTES = 15
    screen.group.contacts = "depot@metro.example\nnight-shift@metro.example"
    screen.group.save()
    held, _ = fetch(client, screen)
    post_status(client, screen, report(playlist_etag=held["ETag"]), token)
    heard = Screen.objects.get(pk=screen.pk).last_seen_at

    # Silent, but not for long enough yet.
    soon = heard + timedelta(minutes=settings.SCREEN_SILENT_AFTER_MINUTES + 1)
    assert incidents.watch_fleet(now=soon).opened == []

    later = heard + timedelta(minutes=settings.SCREEN_UNHEALTHY_AFTER_MINUTES, seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        (incident,) = incidents.watch_fleet(now=later).opened
        assert incidents.watch_fleet(now=later + timedelta(minutes=5)).opened == []
    assert (incident.state, incident.since) == ("silent", heard)
    (told,) = WebhookDelivery.objects.filter(event="screen.unhealthy")
    assert told.endpoint == operator  # a partner's webhook is not sent screens' news
    assert told.payload["object"]["id"] == screen.pk
    assert told.payload["object"]["state"] == "silent"
    assert send_emails(django_capture_on_commit_callbacks) == 1
    (email,) = mail.outbox
    assert email.to == ["depot@metro.example", "night-shift@metro.example"]
    assert screen.name in email.subject and "/admin/screen_fleet/" in email.body

    # It comes back.
    post_status(client, screen, report(playlist_etag=held["ETag"]), token)
    back = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        (recovered,) = incidents.watch_fleet(now=back).recovered
        assert incidents.watch_fleet(now=back).recovered == []
    assert recovered.pk == incident.pk and recovered.recovered_at == back
    assert WebhookDelivery.objects.filter(event="screen.recovered").count() == 1
    assert send_emails(django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2


def test_a_screen_behind_opens_one_incident_that_follows_it_into_silence(
    client, screen, token, playlist, settings, django_capture_on_commit_callbacks
):
    settings.SCREEN_UNHEALTHY_AFTER_MINUTES = 15
    settings.SCREEN_SILENT_AFTER_MINUTES = 60
    fetch(client, screen)
    post_status(client, screen, report(playlist_etag='"an-old-one"'), token)
    changed = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        (incident,) = incidents.watch_fleet(now=changed + timedelta(minutes=16)).opened
        assert incident.state == "behind"
        result = incidents.watch_fleet(now=changed + timedelta(hours=2))
    assert result.opened == [] and result.recovered == []
    incident.refresh_from_db()
    assert incident.state == "silent" and incident.recovered_at is None
    assert ScreenIncident.objects.count() == 1
    assert mail.outbox == []  # the group has no contacts


def test_switching_a_screen_off_closes_its_incident_without_a_recovery(
    screen, operator, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        later = timezone.now() + timedelta(minutes=settings.SCREEN_UNHEALTHY_AFTER_MINUTES + 1)
        assert len(incidents.watch_fleet(now=later).opened) == 1  # never heard from
        Screen.objects.filter(pk=screen.pk).update(active=False)
        assert len(incidents.watch_fleet(now=later).recovered) == 1
    assert not WebhookDelivery.objects.filter(event="screen.recovered").exists()


def test_a_groups_contacts_must_be_email_addresses(screen):
    screen.group.contacts = "depot@metro.example\nnot an address"
    with pytest.raises(ValidationError, match="not an address"):
        screen.group.full_clean()
