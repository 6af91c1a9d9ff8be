"""Passkeys through py_webauthn: the options sent to the browser and the checks of what
it sends back. The challenge waits in the session between the two requests."""

from __future__ import annotations

import json
import secrets
import time
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    base64url_to_bytes,
    bytes_to_base64url,
    parse_authentication_credential_json,
    parse_registration_credential_json,
)
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from journal.factors.models import Passkey

_REGISTER = "_factors_webauthn_register"
_AUTHENTICATE = "_factors_webauthn_authenticate"
TIMEOUT_MS = 120_000


class CeremonyFailed(Exception):
    """The browser's answer did not check out (or its challenge is gone)."""


def rp_id(request: HttpRequest) -> str:
    # The host was checked against ALLOWED_HOSTS; passkeys are bound to it.
    return urlsplit(f"//{request.get_host()}").hostname or ""


def origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _descriptors(passkeys: list[Passkey]) -> list[PublicKeyCredentialDescriptor]:
    known = {t.value for t in AuthenticatorTransport}
    return [
        PublicKeyCredentialDescriptor(
            id=bytes(p.credential_id),
            transports=[AuthenticatorTransport(t) for t in p.transports if t in known] or None,
        )
        for p in passkeys
    ]


def _take(request: HttpRequest, key: str) -> dict[str, Any]:
    state = request.session.pop(key, None)
    if not isinstance(state, dict) or time.time() - state.get("at", 0) > TIMEOUT_MS / 1000:
        raise CeremonyFailed("no challenge")
    return state


def registration_options(request: HttpRequest, *, user: User) -> str:
    passkeys = list(Passkey.objects.filter(user=user))
    handle = bytes(passkeys[0].user_handle) if passkeys else secrets.token_bytes(32)
    options = generate_registration_options(
        rp_id=rp_id(request),
        rp_name=str(settings.SITE_NAME),
        user_name=user.get_username(),
        user_id=handle,
        user_display_name=user.get_username(),
        timeout=TIMEOUT_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=_descriptors(passkeys),
    )
    request.session[_REGISTER] = {
        "challenge": bytes_to_base64url(options.challenge),
        "handle": bytes_to_base64url(handle),
        "uid": user.pk,
        "at": time.time(),
    }
    return str(options_to_json(options))


def registration_verify(request: HttpRequest, *, user: User, body: str, name: str) -> Passkey:
    state = _take(request, _REGISTER)
    if state.get("uid") != user.pk:
        raise CeremonyFailed("another account")
    try:
        credential = parse_registration_credential_json(body)
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(state["challenge"]),
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
        raise CeremonyFailed(type(exc).__name__) from None
    if Passkey.objects.filter(credential_id=verified.credential_id).exists():
        raise CeremonyFailed("already registered")
    transports = [t.value for t in (credential.response.transports or [])]
    return Passkey.objects.create(
        user=user,
        name=name,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        user_handle=base64url_to_bytes(state["handle"]),
        transports=transports,
    )


def authentication_options(request: HttpRequest, *, user: User | None) -> str:
    """For a pending log-in, that account's passkeys; without one, any passkey the
    authenticator holds for this site (a log-in without a password, so it must verify
    the person, by PIN or fingerprint)."""
    passkeys = list(Passkey.objects.filter(user=user)) if user is not None else []
    options = generate_authentication_options(
        rp_id=rp_id(request),
        timeout=TIMEOUT_MS,
        allow_credentials=_descriptors(passkeys),
        user_verification=(
            UserVerificationRequirement.PREFERRED
            if user is not None
            else UserVerificationRequirement.REQUIRED
        ),
    )
    request.session[_AUTHENTICATE] = {
        "challenge": bytes_to_base64url(options.challenge),
        "uid": user.pk if user is not None else None,
        "at": time.time(),
    }
    return str(options_to_json(options))


def authentication_verify(request: HttpRequest, *, user: User | None, body: str) -> Passkey:
    state = _take(request, _AUTHENTICATE)
    expected_uid = user.pk if user is not None else None
    if state.get("uid") != expected_uid:
        raise CeremonyFailed("another log-in")
    try:
        credential = parse_authentication_credential_json(body)
    except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
        raise CeremonyFailed(type(exc).__name__) from None
    passkey = (
        Passkey.objects.select_related("user")
        .filter(credential_id=credential.raw_id, user__is_active=True)
        .first()
    )
    if passkey is None or (user is not None and passkey.user_id != user.pk):
        raise CeremonyFailed("unknown passkey")
    handle = credential.response.user_handle
    if handle is not None and handle != bytes(passkey.user_handle):
        raise CeremonyFailed("another account's passkey")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(state["challenge"]),
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=user is None,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
        raise CeremonyFailed(type(exc).__name__) from None
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    return passkey


def parse_body(raw: bytes) -> tuple[str, dict[str, Any]]:
    """The credential as JSON text and the rest of the request's fields."""
    try:
        data = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise CeremonyFailed("not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("credential"), dict):
        raise CeremonyFailed("no credential")
    return json.dumps(data["credential"]), data
