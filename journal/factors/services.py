"""Second-factor workflows: the log-in's second step, and turning factors on and off.

Every change and every second-step outcome goes to the `journal.security` log with the
account's id and the client address, never a code, a secret or a credential.
"""

from __future__ import annotations

import enum
import logging

from axes.helpers import get_client_ip_address
from django.contrib.auth import login
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from journal.factors import pending as pending_login
from journal.factors.limits import second_step_failed, second_step_paused, second_step_succeeded
from journal.factors.models import Passkey, RecoveryCode
from journal.factors.recovery import (
    looks_like_recovery_code,
    recovery_code_use,
    recovery_codes_replace,
)
from journal.factors.totp import totp_check, totp_confirmed, totp_enable, totp_waiting
from journal.factors.webauthn_ceremonies import (
    authentication_verify,
    registration_verify,
)

logger = logging.getLogger("journal.security")

PASSKEY_BACKEND = "django.contrib.auth.backends.ModelBackend"
# Fresh recovery codes wait here for the one page that shows them, then are removed.
FRESH_CODES_KEY = "_factors_fresh_codes"


class Step(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    WAIT = "wait"
    ENDED = "ended"
    PAUSED = "paused"


def _log(
    request: HttpRequest, message: str, user: User, level: int = logging.INFO, **fields: str
) -> None:
    extra = "".join(f" {key}={value}" for key, value in fields.items())
    ip = get_client_ip_address(request) or "-"
    logger.log(level, "%s%s user_id=%s ip=%s", message, extra, user.pk, ip)


def log_passkey_refused(request: HttpRequest, what: str, reason: object) -> None:
    """A passkey that did not check out: the step and the library's reason, nothing else."""
    user = getattr(request, "user", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    ip = get_client_ip_address(request) or "-"
    why = str(reason).replace(" ", "_")[:60]
    logger.warning("%s reason=%s user_id=%s ip=%s", what, why, user_id, ip)


def has_factor(*, user: User) -> bool:
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or Passkey.objects.filter(user=user).exists()
    )


def login_pending_begin(*, request: HttpRequest, user: User, next_url: str) -> bool:
    """The log-in view's hook after a correct password: True when the account has a second
    factor, so the log-in waits for it instead of happening now."""
    if not has_factor(user=user):
        return False
    backend = getattr(user, "backend", None) or PASSKEY_BACKEND
    pending_login.pending_begin(request.session, user=user, backend=backend, next_url=next_url)
    _log(request, "second step asked", user)
    return True


def _finish_login(request: HttpRequest, pending: pending_login.Pending, kind: str) -> None:
    pending_login.pending_end(request.session)
    second_step_succeeded(user=pending.user)
    _log(request, "second step ok", pending.user, kind=kind)
    login(request, pending.user, backend=pending.backend)


def code_matches(*, user: User, code: str) -> tuple[str | None, bool]:
    """Which factor the code belongs to ("totp", "recovery" or None), and whether the
    authenticator app asked for a pause after recent wrong codes."""
    if looks_like_recovery_code(code):
        return ("recovery" if recovery_code_use(user=user, typed=code) else None), False
    device = totp_confirmed(user=user)
    if device is None:
        return None, False
    if totp_waiting(device):
        return None, True
    return ("totp" if totp_check(device, code) else None), False


def second_step_code(*, request: HttpRequest, pending: pending_login.Pending, code: str) -> Step:
    user = pending.user
    if second_step_paused(user=user):
        return Step.PAUSED
    kind, waiting = code_matches(user=user, code=code)
    if waiting:
        return Step.WAIT
    if kind is not None:
        _finish_login(request, pending, kind)
        return Step.OK
    _log(request, "second step failed", user, logging.WARNING)
    if second_step_failed(user=user):
        pending_login.pending_end(request.session)
        _log(request, "second step paused", user, logging.WARNING)
        return Step.PAUSED
    if pending_login.pending_fail(request.session):
        _log(request, "second step ended", user, logging.WARNING, reason="too_many_codes")
        return Step.ENDED
    return Step.WRONG


def second_step_passkey(*, request: HttpRequest, pending: pending_login.Pending, body: str) -> None:
    """Raises CeremonyFailed when the passkey does not check out."""
    authentication_verify(request, user=pending.user, body=body)
    _finish_login(request, pending, "passkey")


def passkey_login(*, request: HttpRequest, body: str) -> None:
    """A log-in with a passkey alone (it verified the person by PIN or biometrics)."""
    passkey = authentication_verify(request, user=None, body=body)
    pending_login.pending_end(request.session)
    _log(request, "passkey login", passkey.user)
    login(request, passkey.user, backend=PASSKEY_BACKEND)


def _codes_for_first_factor(request: HttpRequest, user: User) -> None:
    if not RecoveryCode.objects.filter(user=user).exists():
        request.session[FRESH_CODES_KEY] = recovery_codes_replace(user=user)
        _log(request, "recovery codes made", user)


@transaction.atomic
def factor_totp_on(*, request: HttpRequest, user: User, code: str) -> bool:
    device = totp_enable(request.session, user=user, code=code)
    if device is None:
        return False
    _log(request, "factor added", user, kind="totp")
    _codes_for_first_factor(request, user)
    return True


def _codes_if_last_factor_gone(request: HttpRequest, user: User) -> None:
    if not has_factor(user=user):
        RecoveryCode.objects.filter(user=user).delete()
        _log(request, "recovery codes removed", user, reason="no_factor_left")


@transaction.atomic
def factor_totp_off(*, request: HttpRequest, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    _log(request, "factor removed", user, kind="totp")
    _codes_if_last_factor_gone(request, user)


@transaction.atomic
def factor_passkey_add(*, request: HttpRequest, user: User, body: str, name: str) -> Passkey:
    """Raises CeremonyFailed when the new passkey does not check out."""
    passkey = registration_verify(request, user=user, body=body, name=name)
    _log(request, "factor added", user, kind="passkey")
    _codes_for_first_factor(request, user)
    return passkey


@transaction.atomic
def factor_passkey_remove(*, request: HttpRequest, passkey: Passkey) -> None:
    user = passkey.user
    passkey.delete()
    _log(request, "factor removed", user, kind="passkey")
    _codes_if_last_factor_gone(request, user)


def recovery_codes_renew(*, request: HttpRequest, user: User) -> None:
    request.session[FRESH_CODES_KEY] = recovery_codes_replace(user=user)
    _log(request, "recovery codes replaced", user)


def identity_confirmed_by_code(*, user: User, code: str) -> bool:
    """A code from the app or a recovery code, instead of the password, before a change;
    wrong ones count towards the account's limit."""
    if second_step_paused(user=user):
        return False
    kind, _ = code_matches(user=user, code=code)
    if kind is None:
        second_step_failed(user=user)
        return False
    return True


@transaction.atomic
def factors_all_off(*, user: User) -> int:
    """The host's way back in for a person who lost every factor (`manage.py factors_off`)."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += Passkey.objects.filter(user=user).delete()[0]
    RecoveryCode.objects.filter(user=user).delete()
    logger.info("factor removed kind=all by=host user_id=%s", user.pk)
    return removed
