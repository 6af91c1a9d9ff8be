"""Passwords typed inside a log-in (deleting the account, changing the password or the email
address): a wrong one counts as a failed log-in for the lock-out, and a few of them end the
log-in, so an open screen cannot be used to guess the password."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils.translation import gettext as _

from journal.accounts import security_log as security
from journal.accounts.session_keys import PASSWORD_FAILURES


def password_check_failed(request: HttpRequest) -> bool:
    """Count one wrong password; True if the log-in was ended because of it."""
    user = request.user
    # The lock-out (django-axes) and the security log count it like a failed log-in.
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username()},
        request=request,
    )
    failures = int(request.session.get(PASSWORD_FAILURES, 0)) + 1
    request.session[PASSWORD_FAILURES] = failures
    if failures < settings.IN_SESSION_PASSWORD_FAILURES:
        return False
    security.logger.info(
        "session ended reason=password_failures user_id=%s ip=%s",
        user.pk,
        security.client_ip(request),
    )
    logout(request)
    messages.info(
        request,
        _("You were logged out after several wrong passwords. Log in again to carry on."),
    )
    return True
