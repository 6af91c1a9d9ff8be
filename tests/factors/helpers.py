"""Turning factors on for tests, through the same services the pages use."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import pyotp
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice

from journal.factors.recovery import recovery_codes_replace


def app_for(device: TOTPDevice) -> pyotp.TOTP:
    """What the person's authenticator app computes from the secret they scanned."""
    return pyotp.TOTP(b32encode(device.bin_key).decode())


def totp_on(user: User) -> tuple[TOTPDevice, list[str]]:
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device, recovery_codes_replace(user=user)


def log_in(client: Any, user: str = "alice", password: str = "", **extra: Any) -> Any:
    from tests.factories import PASSWORD

    return client.post(
        "/accounts/login/",
        {"username": user, "password": password or PASSWORD},
        REMOTE_ADDR="203.0.113.7",
        **extra,
    )


def is_logged_in(client: Any) -> bool:
    return "_auth_user_id" in client.session
