"""Writes and checks for the second factor, built on django-otp's devices: a TOTP device (the
authenticator app) and a static device holding the recovery codes.

django-otp stores static tokens as they are; ours hold a keyed hash of each code instead
(`recovery_token`), so a copy of the database reveals no usable code. A code is checked by
hashing what the editor typed and asking django-otp for that token, which also deletes it
(one use) and applies django-otp's throttling."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"


def needs_second_factor(user) -> bool:
    """Whether this admin user must give a second factor (TWO_FACTOR_REQUIRED, and either a
    superuser or, with TWO_FACTOR_GROUPS set, a member of one of those groups)."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    groups = settings.TWO_FACTOR_GROUPS
    if user.is_superuser or groups is None:
        return True
    return user.groups.filter(name__in=groups).exists()


def app_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-pk").first()


def recovery_token(code: str) -> str:
    """What is stored for a recovery code: 16 base32 characters of an HMAC of the code
    (django-otp's token column holds 16)."""
    normal = "".join(code.split()).replace("-", "").lower()
    digest = hmac.new(settings.SECRET_KEY.encode(), normal.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:16]


def _new_code() -> str:
    raw = secrets.token_hex(5)  # 40 bits, shown as two groups of five
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def start_enrolment(*, user) -> TOTPDevice:
    """An unconfirmed authenticator device for the editor to scan (kept until confirmed, so
    reloading the page shows the same code)."""
    existing = app_device(user, confirmed=False)
    if existing is not None:
        return existing
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def confirm_enrolment(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the device with a code from the app: it replaces any earlier one, and new
    recovery codes are made. Returns the codes (shown once), or None for a wrong code."""
    if not device.verify_token(code.strip()):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return new_recovery_codes(user=device.user)


@transaction.atomic
def new_recovery_codes(*, user) -> list[str]:
    """Replace the editor's recovery codes; returns the new ones (never stored as such)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    for code in codes:
        device.token_set.create(token=recovery_token(code))
    return codes


def check_second_factor(*, user, code: str):
    """The device a code from the app or a recovery code belongs to, or None. A recovery
    code works once."""
    code = code.strip()
    device = app_device(user)
    if device is not None and code.isdigit() and device.verify_token(code):
        return device
    for recovery in StaticDevice.objects.filter(user=user, confirmed=True):
        if recovery.verify_token(recovery_token(code)):
            return recovery
    return None


def recovery_codes_left(user) -> int:
    device = StaticDevice.objects.filter(user=user).first()
    return device.token_set.count() if device else 0


@transaction.atomic
def reset_second_factor(*, user) -> None:
    """An editor lost their phone and codes: an administrator removes both; the next login
    asks them to set up a new app."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
