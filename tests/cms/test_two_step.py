"""Two-step verification for the admin: after the password, a code from an authenticator app
(set up in the admin), or a recovery code that works once."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts import services

pytestmark = pytest.mark.django_db

PASSWORD = "Correct-horse-battery-9"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.TWO_FACTOR_GROUPS = None


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("two-step", "two@example.org", PASSWORD)


def code_now(device: TOTPDevice, *, step_offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + step_offset * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(client) -> tuple[TOTPDevice, list[str]]:
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user__username="two-step", confirmed=False)
    response = client.post(reverse("two_factor_enrol"), {"code": code_now(device)})
    codes = re.findall(
        r"<li><code>([0-9a-f]{5}-[0-9a-f]{5})</code></li>", response.content.decode()
    )
    device.refresh_from_db()
    return device, codes


def test_the_admin_sends_a_signed_in_editor_without_an_app_to_set_one_up(client, editor):
    client.force_login(editor)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/two-step/set-up/?next=%2Fadmin%2Fpages%2F"


def test_setting_up_shows_a_qr_code_and_a_key_then_turns_it_on(client, editor):
    client.force_login(editor)

    page = client.get(reverse("two_factor_enrol")).content.decode()
    device, codes = enrol(client)

    assert "<svg" in page and "data-two-step-key" in page
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200  # verified in this session


def test_a_wrong_code_does_not_turn_it_on(client, editor):
    client.force_login(editor)
    client.get(reverse("two_factor_enrol"))

    response = client.post(reverse("two_factor_enrol"), {"code": "000000"})

    assert response.status_code == 200
    assert "This code is not right" in response.content.decode() or response.context["form"].errors
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_the_next_login_asks_for_a_code_and_a_code_works_once(client, editor):
    client.force_login(editor)
    device, _ = enrol(client)
    client.logout()
    client.force_login(editor)

    asked = client.get("/admin/")
    code = code_now(device, step_offset=1)  # a new code: the one used to set up is spent
    right = client.post(reverse("two_factor_verify"), {"code": code, "next": "/admin/pages/"})

    assert asked["Location"].startswith("/admin/two-step/code/")
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    client.logout()
    client.force_login(editor)
    again = client.post(reverse("two_factor_verify"), {"code": code, "next": "/admin/"})
    assert again.status_code == 400  # the same code twice is refused
    assert client.get("/admin/").status_code == 302  # still not in


def test_a_recovery_code_works_once_and_is_not_stored_as_such(client, editor):
    client.force_login(editor)
    _, codes = enrol(client)
    client.logout()
    client.force_login(editor)

    used = client.post(reverse("two_factor_verify"), {"code": codes[0].upper(), "next": "/admin/"})
    client.logout()
    client.force_login(editor)
    reused = client.post(reverse("two_factor_verify"), {"code": codes[0], "next": "/admin/"})

    assert used.status_code == 302
    assert reused.status_code == 400
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 9 and not stored & {code.replace("-", "") for code in codes}


def test_a_password_alone_cannot_set_up_a_new_phone(client, editor):
    client.force_login(editor)
    enrol(client)
    client.logout()
    client.force_login(editor)  # the password only

    response = client.get(reverse("two_factor_enrol"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-step/code/")


def test_unverified_posts_and_background_requests_are_refused_with_a_message(client, editor):
    client.force_login(editor)

    response = client.post("/admin/pages/add/", {}, headers={"X-Requested-With": "XMLHttpRequest"})

    assert response.status_code == 403 and response.json()["detail"]


def test_with_groups_named_only_their_members_and_superusers_are_asked(client, settings):
    settings.TWO_FACTOR_GROUPS = ["Moderators"]
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    editors = Group.objects.get(name="Editors")
    member = get_user_model().objects.create_user("in-group", password=PASSWORD)
    member.groups.add(moderators, editors)
    other = get_user_model().objects.create_user("not-in-group", password=PASSWORD)
    other.groups.add(editors)

    client.force_login(other)
    assert client.get("/admin/").status_code == 200
    client.force_login(member)
    assert client.get("/admin/").status_code == 302


def test_the_account_page_links_to_it_and_renews_the_codes(client, editor):
    client.force_login(editor)
    _, first = enrol(client)

    account = client.get(reverse("wagtailadmin_account")).content.decode()
    renewed = client.post(reverse("two_factor_manage")).content.decode()

    assert reverse("two_factor_manage") in account
    second = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", renewed)
    assert len(second) == 10 and not set(second) & set(first)
    assert services.recovery_codes_left(editor) == 10


def test_an_administrator_resets_a_lost_phone(client, editor):
    client.force_login(editor)
    enrol(client)
    out = StringIO()

    call_command("reset_two_step", "two-step", stdout=out)

    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.logout()
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith("/admin/two-step/set-up/")


def test_off_unless_required(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
