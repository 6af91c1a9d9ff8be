"""The authenticator app: django-otp's TOTP device, its set-up link and its QR code."""

from __future__ import annotations

import time
from base64 import b32encode
from typing import Any
from urllib.parse import quote, urlencode

import segno
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

_SETUP_KEY = "_factors_totp_setup_key"


def totp_confirmed(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def setup_device(session: Any, *, user: User) -> TOTPDevice:
    """The device being set up, not saved: its secret waits in the (server-side) session,
    so reloading the page keeps it and nothing is written until a code confirms it."""
    key = session.get(_SETUP_KEY)
    if not isinstance(key, str):
        key = default_key()
        session[_SETUP_KEY] = key
    return TOTPDevice(user=user, key=key, name="Authenticator app", confirmed=True)


@transaction.atomic
def totp_enable(session: Any, *, user: User, code: str) -> TOTPDevice | None:
    """Save the device once the app shows the right code; None if it does not."""
    device = setup_device(session, user=user)
    digits = "".join(ch for ch in code if ch.isdigit())
    if len(digits) != device.digits:
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(digits), device.tolerance):
        return None
    # The code just typed cannot be used again to log in.
    device.last_t = totp.t()
    device.drift = totp.drift
    TOTPDevice.objects.filter(user=user).delete()
    device.save()
    session.pop(_SETUP_KEY, None)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base 32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def setup_uri(device: TOTPDevice) -> str:
    issuer = str(settings.SITE_NAME).replace(":", "")
    label = f"{issuer}:{device.user.get_username()}"
    params = {
        "secret": b32encode(device.bin_key).decode("ascii").rstrip("="),
        "issuer": issuer,
        "algorithm": "SHA1",
        "digits": device.digits,
        "period": device.step,
    }
    return f"otpauth://totp/{quote(label)}?{urlencode(params, quote_via=quote)}"


def qr_data_uri(text: str) -> str:
    """An SVG QR code as a data: URI (allowed for images by our CSP), dark on light so
    that cameras read it in dark mode too."""
    return str(
        segno.make(text, error="m").svg_data_uri(scale=5, border=4, dark="#000", light="#fff")
    )


def totp_check(device: TOTPDevice, code: str) -> bool:
    """django-otp refuses a code used before and slows down repeated wrong ones."""
    digits = "".join(ch for ch in code if ch.isdigit())
    if len(digits) != device.digits:
        return False
    return bool(device.verify_token(digits))


def totp_waiting(device: TOTPDevice) -> bool:
    allowed, _ = device.verify_is_allowed()
    return not allowed
