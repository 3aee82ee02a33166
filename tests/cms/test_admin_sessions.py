"""Editors' sessions end when they walk away, and the daily housekeeping forgets them; the
admin asks no outside service for avatars (docs/security.md)."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

pytestmark = pytest.mark.django_db


def the_session(client) -> Session:
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_the_admin_shows_no_avatar_from_an_outside_service(english_editor, admin_user):
    admin_user.email = "editor@example.org"
    admin_user.save()

    page = BeautifulSoup(english_editor.get("/admin/").content, "html.parser")

    fetched = [
        tag.get("src") or tag.get("href")
        for tag in page.select("img, script[src], link[href], iframe, source")
    ]
    assert fetched and not [url for url in fetched if "//" in url.split("?")[0][:8]]
    assert "gravatar" not in str(page)


def test_an_idle_editor_is_logged_out(english_editor):
    assert english_editor.get("/admin/").status_code == 200
    session = the_session(english_editor)
    # Idle longer than the setting allows: the session has expired.
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()

    response = english_editor.get("/admin/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_every_request_of_an_editor_moves_the_expiry_on(english_editor):
    english_editor.get("/admin/")
    session = the_session(english_editor)
    idle = timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    assert session.expire_date <= timezone.now() + idle
    session.expire_date = timezone.now() + timedelta(minutes=1)  # nearly idle too long
    session.save()

    english_editor.get("/admin/")

    assert the_session(english_editor).expire_date > timezone.now() + idle - timedelta(minutes=1)


def test_readers_get_no_session(client):
    response = client.get("/en/")

    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()


def test_housekeeping_deletes_expired_sessions_and_prunes_every_queue(english_editor):
    english_editor.get("/admin/")
    live = the_session(english_editor)
    Session.objects.create(
        session_key="expired" * 4, session_data="", expire_date=timezone.now() - timedelta(1)
    )
    out = io.StringIO()

    call_command("housekeeping", stdout=out)

    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    lines = out.getvalue()
    for step in [
        "clearsessions",
        "prune_db_task_results --backend videos",
        "prune_db_task_results --backend webhooks",
        "prune_webhook_deliveries",
    ]:
        assert f"housekeeping: {step} done" in lines


def test_a_failing_housekeeping_step_does_not_stop_the_others(settings):
    settings.HOUSEKEEPING_COMMANDS = [["no_such_command"], ["prune_webhook_deliveries"]]
    Session.objects.create(
        session_key="expired" * 4, session_data="", expire_date=timezone.now() - timedelta(1)
    )
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="no_such_command"):
        call_command("housekeeping", stdout=out, stderr=err)

    assert "housekeeping: no_such_command failed" in err.getvalue()
    assert "housekeeping: prune_webhook_deliveries done" in out.getvalue()
    assert not Session.objects.exists()
