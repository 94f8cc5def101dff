"""Two-step sign-in: who needs it, enrolling an authenticator app, backup codes, verifying.

Built on django-otp: a TOTP device per user (an authenticator app) and a static device holding
single-use backup codes. See docs/adr/0007-two-factor-sign-in.md.
"""

from __future__ import annotations

import base64

import django_otp
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def two_factor_required(user: AbstractBaseUser) -> bool:
    """Staff with admin access always; office staff when the authority requires it or they
    turned it on themselves (a confirmed device is then always asked for)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    if settings.TWO_FACTOR_REQUIRED_FOR_OFFICE:
        return True
    return user_has_device(user, confirmed=True)


def has_confirmed_device(user: AbstractBaseUser) -> bool:
    return user_has_device(user, confirmed=True)


def totp_device_for_enrolment(*, user: AbstractBaseUser) -> TOTPDevice:
    """The user's unconfirmed authenticator device, made now if there is none yet."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


@transaction.atomic
def backup_codes_issue(*, user: AbstractBaseUser) -> list[str]:
    """Replace the user's backup codes with a fresh set; each works once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_CODES_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm an authenticator app with a code it shows; return the new backup codes, or None
    when the code is wrong."""
    if not device.verify_token(token.strip().replace(" ", "")):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return backup_codes_issue(user=device.user)


def second_factor_sign_in(*, request: HttpRequest, token: str) -> bool:
    """Check a code from the app or a backup code; on success mark the session verified and give
    it a new key, so a session id seen before the second step is worth nothing after it."""
    device = match_token(request.user, token.strip().replace(" ", ""))
    if device is None:
        return False
    request.session.cycle_key()
    django_otp.login(request, device)
    return True


def device_sign_in(*, request: HttpRequest, device: TOTPDevice) -> None:
    request.session.cycle_key()
    django_otp.login(request, device)


def backup_codes_left(*, user: AbstractBaseUser) -> int:
    return sum(
        device.token_set.count()
        for device in devices_for_user(user)
        if isinstance(device, StaticDevice)
    )


def authenticator_key(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def demo_second_factor(*, user: AbstractBaseUser) -> tuple[str, list[str]]:
    """Demo data only: a confirmed authenticator (kept across runs, so an app set up once goes
    on working) and fresh backup codes, for `make run` to print."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name=AUTHENTICATOR_NAME, confirmed=True)
        device.full_clean()
        device.save()
    return authenticator_key(device), backup_codes_issue(user=user)
