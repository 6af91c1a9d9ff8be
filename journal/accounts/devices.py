"""Your devices: every live log-in of a person, ending one or all the others, and the email
sent when a new device logs in."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import ua_parser
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from journal.accounts.profiles import profile_for
from journal.accounts.session_keys import DEVICE, KEEP, LAST_SEEN, LOGIN_AT
from journal.models import AccountSession

logger = logging.getLogger("journal.security")

# A signed cookie naming the accounts that have logged in on this browser before; a log-in
# without it is a new device. It holds account numbers only, never a secret.
KNOWN_COOKIE = "journal_known"
KNOWN_SALT = "journal.accounts.devices.known"
KNOWN_MAX_AGE = 400 * 24 * 3600
_UA_LIMIT = 512


def device_label(user_agent: str) -> str:
    """ "Firefox 128 on Ubuntu", shortened from the user agent."""
    parsed = ua_parser.parse(user_agent[:_UA_LIMIT])
    browser = parsed.user_agent
    system = parsed.os
    browser_name = browser.family if browser and browser.family != "Other" else ""
    system_name = system.family if system and system.family != "Other" else ""
    if browser_name and browser and browser.major:
        browser_name = f"{browser_name} {browser.major}"
    if browser_name and system_name:
        return _("%(browser)s on %(system)s") % {"browser": browser_name, "system": system_name}
    return browser_name or system_name or _("An unknown browser")


def device_id(session_key: str) -> str:
    """How a page names a log-in: a digest, so the session key never leaves the server."""
    return hashlib.sha256(session_key.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Device:
    id: str
    label: str
    began: datetime | None
    last_used: datetime | None
    kept: bool
    this_device: bool


def _when(value: Any) -> datetime | None:
    return datetime.fromtimestamp(value, tz=UTC) if isinstance(value, int) else None


def _live(data: dict[str, Any], now: float) -> bool:
    login_at, last_seen = data.get(LOGIN_AT), data.get(LAST_SEEN)
    if not isinstance(login_at, int) or not isinstance(last_seen, int):
        return True
    idle = settings.SESSION_IDLE_SECONDS
    if data.get(KEEP):
        idle = settings.SESSION_REMEMBER_IDLE_SECONDS
    return now - login_at <= settings.SESSION_ABSOLUTE_SECONDS and now - last_seen <= idle


def devices_for(user: AbstractBaseUser, *, current_key: str | None) -> list[Device]:
    """The person's live log-ins, most recently used first (one query)."""
    rows = AccountSession.objects.filter(user_id=user.pk, expire_date__gt=timezone.now())
    now = timezone.now().timestamp()
    found = []
    for row in rows.only("session_key", "session_data"):
        data = row.get_decoded()
        if not _live(data, now):
            continue
        found.append(
            Device(
                id=device_id(row.session_key),
                label=str(data.get(DEVICE) or _("An unknown browser")),
                began=_when(data.get(LOGIN_AT)),
                last_used=_when(data.get(LAST_SEEN)),
                kept=bool(data.get(KEEP)),
                this_device=row.session_key == current_key,
            )
        )
    epoch = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda d: (not d.this_device, -(d.last_used or epoch).timestamp()))
    return found


def device_end(*, user: AbstractBaseUser, device: str) -> bool:
    """End the log-in named `device` (a `device_id`); False if it is not one of theirs."""
    for key in AccountSession.objects.filter(user_id=user.pk).values_list("session_key", flat=True):
        if device_id(key) == device:
            AccountSession.objects.filter(user_id=user.pk, session_key=key).delete()
            return True
    return False


def known_accounts(request: HttpRequest) -> set[int]:
    try:
        value = signing.loads(
            request.COOKIES.get(KNOWN_COOKIE, ""), salt=KNOWN_SALT, max_age=KNOWN_MAX_AGE
        )
    except signing.BadSignature:
        return set()
    return {item for item in value if isinstance(item, int)} if isinstance(value, list) else set()


def remember_device(request: HttpRequest, response: HttpResponse, user_id: int) -> None:
    accounts = sorted(known_accounts(request) | {user_id})[-20:]
    response.set_cookie(
        KNOWN_COOKIE,
        signing.dumps(accounts, salt=KNOWN_SALT),
        max_age=KNOWN_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def new_device_notify(*, request: HttpRequest, user: AbstractBaseUser) -> bool:
    """Email the person about a log-in from a browser they have not used before, if they
    have an address, left the setting on, and the server can send mail. True if sent."""
    email = getattr(user, "email", "")
    if not email or not settings.EMAIL_CAN_SEND or not profile_for(user).notify_new_device:
        return False
    profile = profile_for(user)
    # In the person's language, not the log-in page's (which may be a stranger's browser).
    with translation.override(profile.language or translation.get_language()):
        context = {
            "device": request.session.get(DEVICE) or _("An unknown browser"),
            "when": timezone.now(),
            "zone": profile.zone,
            "username": user.get_username(),
            "site_name": settings.SITE_NAME,
        }
        subject = _("A new log-in to your journal")
        body = render_to_string("accounts/new_device_email.txt", context, request=request)
    try:
        send_mail(subject, body, None, [email])
    except OSError:
        logger.warning("new device email failed user_id=%s", user.pk)
        return False
    return True


def log_in_seen(*, request: HttpRequest, user: AbstractBaseUser) -> None:
    """At each log-in: email about a new device (not at sign-up, whose browser is the first),
    and have the response remember this browser (journal.web.middleware)."""
    if user.pk not in known_accounts(request) and not getattr(request, "journal_signup", False):
        new_device_notify(request=request, user=user)
    request.journal_known_user = user.pk  # type: ignore[attr-defined]
