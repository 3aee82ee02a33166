"""Password guessing is stopped (django-axes, docs/security.md): five failed logins for an
account from one address, or from one address across accounts, and logins from there are
refused for the cool-off time, the right password included."""

import logging
import uuid
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-right-password"
LOGIN = "/admin/login/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        username=f"editor-{uuid.uuid4().hex[:8]}", password=PASSWORD, is_superuser=True
    )


def an_address() -> str:
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


def log_in(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_right_password_is_refused_after_five_wrong_ones(editor, caplog):
    client, address = Client(), an_address()
    for _ in range(settings.ADMIN_LOGIN_FAILURE_LIMIT - 1):
        assert log_in(client, editor.username, "wrong", REMOTE_ADDR=address).status_code == 200
    assert log_in(client, editor.username, "wrong", REMOTE_ADDR=address).status_code == 429

    with caplog.at_level(logging.WARNING):
        refused = log_in(client, editor.username, PASSWORD, REMOTE_ADDR=address)

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == settings.ADMIN_LOGIN_COOLOFF_MINUTES * 60
    assert "15" in refused.content.decode() and not logged_in(client)
    assert any("locking out" in record.getMessage().lower() for record in caplog.records)
    # Another address may still log in to the same account.
    other = Client()
    assert log_in(other, editor.username, PASSWORD, REMOTE_ADDR=an_address()).status_code == 302
    assert logged_in(other)


def test_after_the_cool_off_the_right_password_works_again(editor):
    client, address = Client(), an_address()
    for _ in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        log_in(client, editor.username, "wrong", REMOTE_ADDR=address)
    cooled = timezone.now() - timedelta(minutes=settings.ADMIN_LOGIN_COOLOFF_MINUTES + 1)
    AccessAttempt.objects.update(attempt_time=cooled)

    assert log_in(client, editor.username, PASSWORD, REMOTE_ADDR=address).status_code == 302
    assert logged_in(client)
    # The failures are forgotten, and the login itself (address, browser) is not recorded.
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()


def test_one_address_guessing_across_accounts_is_locked_out(editor):
    client, address = Client(), an_address()
    for number in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        log_in(client, f"someone-{number}", "wrong", REMOTE_ADDR=address)

    assert log_in(client, editor.username, PASSWORD, REMOTE_ADDR=address).status_code == 429
    assert not logged_in(client)


def test_the_lockout_is_said_in_the_editors_language(editor):
    client, address = Client(), an_address()
    for _ in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        log_in(client, editor.username, "wrong", REMOTE_ADDR=address)

    refused = log_in(
        client, editor.username, PASSWORD, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="ar"
    )

    page = refused.content.decode()
    assert refused.status_code == 429
    assert 'dir="rtl"' in page and "Too many failed logins" not in page


def test_a_forged_forwarded_for_does_not_escape_the_lockout(editor):
    client, attacker = Client(), an_address()  # straight to gunicorn, not through the CDN
    for _ in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        log_in(
            client,
            editor.username,
            "wrong",
            REMOTE_ADDR=attacker,
            HTTP_X_FORWARDED_FOR=an_address(),
        )

    refused = log_in(
        client, editor.username, PASSWORD, REMOTE_ADDR=attacker, HTTP_X_FORWARDED_FOR=an_address()
    )

    assert refused.status_code == 429


def test_editors_behind_a_trusted_proxy_are_told_apart(editor, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy, guesser = an_address(), an_address()
    for _ in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        log_in(Client(), editor.username, "wrong", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=guesser)

    colleague = Client()
    answer = log_in(
        colleague, editor.username, PASSWORD, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=an_address()
    )

    assert answer.status_code == 302 and logged_in(colleague)
