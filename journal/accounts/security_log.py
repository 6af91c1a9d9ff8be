"""The `journal.security` log: log-ins, failed log-ins, log-outs, lock-outs and refused access.

Lines carry a user id or the username typed (only when it names an account), the client
address and a path, never a password, a query string or anything written in the journal.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.views.csrf import csrf_failure as django_csrf_failure

logger = logging.getLogger("journal.security")

_MAX_USERNAME = 150


def client_ip_from_meta(request: HttpRequest) -> str | None:
    """The client's address: the socket's peer, or with `TRUSTED_PROXY_COUNT` proxies in
    front, the address the outermost trusted proxy saw. Entries a client adds to
    X-Forwarded-For itself sit further left and are ignored."""
    remote: str | None = request.META.get("REMOTE_ADDR")
    count: int = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_ip(request: HttpRequest | None) -> str:
    """The address axes locks on (REMOTE_ADDR unless trusted proxies are configured)."""
    if request is None:
        return "-"
    return get_client_ip_address(request) or "-"


def clean_for_log(value: object) -> str:
    """One line, bounded: a typed username cannot forge log lines or flood the log."""
    text = str(value)[:_MAX_USERNAME]
    return text.encode("unicode_escape").decode("ascii")


UNKNOWN_USERNAME = "(unknown)"


def username_for_log(typed: object) -> str:
    """The typed username if it names an account, else `(unknown)`.

    What is typed into the username field is often a password typed in the wrong box;
    it must not be written to the log unless it is somebody's username.
    """
    text = str(typed or "")
    model = get_user_model()
    exists = text and model._default_manager.filter(**{model.USERNAME_FIELD: text}).exists()
    return clean_for_log(text) if exists else UNKNOWN_USERNAME


@receiver(user_logged_in, dispatch_uid="journal.security.logged_in")
def log_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    logger.info("login ok user_id=%s ip=%s", user.pk, client_ip(request))


@receiver(user_login_failed, dispatch_uid="journal.security.login_failed")
def log_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Django already masks the password in `credentials`; only the username is logged.
    username = username_for_log(credentials.get("username", ""))
    logger.warning("login failed username=%s ip=%s", username, client_ip(request))


@receiver(user_logged_out, dispatch_uid="journal.security.logged_out")
def log_logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    user_id = getattr(user, "pk", None)
    logger.info("logout user_id=%s ip=%s", user_id, client_ip(request))


@receiver(user_locked_out, dispatch_uid="journal.security.locked_out")
def log_locked_out(
    sender: Any, request: HttpRequest | None, username: str, ip_address: str, **kwargs: Any
) -> None:
    logger.warning("lockout username=%s ip=%s", username_for_log(username), ip_address or "-")


def log_refused(request: HttpRequest, status: int, reason: str) -> None:
    user = getattr(request, "user", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    # The path only: filter forms put the person's own words in the query string.
    logger.warning(
        "refused status=%s reason=%s method=%s path=%s user_id=%s ip=%s",
        status,
        reason,
        request.method,
        clean_for_log(request.path),
        user_id,
        client_ip(request),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF failure page, with a line in the security log."""
    log_refused(request, 403, "csrf")
    request._journal_refusal_logged = True  # type: ignore[attr-defined]
    return django_csrf_failure(request, reason=reason)
