from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext

from journal.accounts import security_log as security
from journal.accounts.devices import remember_device
from journal.accounts.profiles import profile_for
from journal.accounts.session_keys import (
    KEEP,
    LAST_SEEN,
    LAST_SEEN_STEP,
    LOGIN_AT,
    stamp_clocks,
)
from journal.web.i18n import CATALOG_PREFIX

# Features the app never uses, refused for every page (and anything a page might embed).
# Screen wake lock and speaker selection stay allowed: the practice timer may use them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")
)


class PermissionsPolicyMiddleware:
    """Sends `Permissions-Policy` on every page and static file (/healthz is plain text)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PrivateCacheMiddleware:
    """Pages for a signed-in person hold health data: no cache may keep them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(("/static/", CATALOG_PREFIX)):
            return response  # the app's own files and words, the same for everyone
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class SessionTimeoutMiddleware:
    """Ends a log-in after `SESSION_IDLE_SECONDS` without use (`SESSION_REMEMBER_IDLE_SECONDS`
    for "keep me logged in on this device"), and after `SESSION_ABSOLUTE_SECONDS` in any case.

    Django's own expiry counts from the session's last save, so it cannot give an absolute
    limit; the log-in time is kept in the session instead. The last-seen time moves on at most
    once a minute, so the session is not written on every request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        response = self.get_response(request)
        # A log-in starts the clocks (journal.accounts.session_store); this catches a log-in made
        # some other way during this request.
        if request.user.is_authenticated and LOGIN_AT not in request.session:
            self._stamp(request, int(time.time()))
        # A log-in during this request: this browser is now a known device of that person.
        known = getattr(request, "journal_known_user", None)
        if known is not None:
            remember_device(request, response, known)
        return response

    def _check(self, request: HttpRequest) -> None:
        now = int(time.time())
        session = request.session
        login_at = session.get(LOGIN_AT)
        last_seen = session.get(LAST_SEEN)
        if not isinstance(login_at, int) or not isinstance(last_seen, int):
            # A session from before these clocks existed: start them now.
            self._stamp(request, now)
            return
        idle = settings.SESSION_REMEMBER_IDLE_SECONDS if session.get(KEEP) else None
        if now - login_at > settings.SESSION_ABSOLUTE_SECONDS:
            self._end(request, "absolute")
        elif now - last_seen > (idle or settings.SESSION_IDLE_SECONDS):
            self._end(request, "idle")
        elif now - last_seen >= LAST_SEEN_STEP:
            # Measured from the stored time, not the wall-clock minute, so two requests a
            # moment apart never both save the session.
            session[LAST_SEEN] = now

    @staticmethod
    def _stamp(request: HttpRequest, now: int) -> None:
        stamp_clocks(request.session, now)

    @staticmethod
    def _end(request: HttpRequest, why: str) -> None:
        security.logger.info(
            "session expired reason=%s user_id=%s ip=%s",
            why,
            request.user.pk,
            security.client_ip(request),
        )
        logout(request)
        messages.info(request, gettext("You were signed out after a while away. Welcome back."))


class RefusedAccessLogMiddleware:
    """Logs refused requests (403, and 404 for signed-in people, which is how another
    person's object is refused) to the security log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        status = response.status_code
        if status == 403 and not getattr(request, "_journal_refusal_logged", False):
            security.log_refused(request, status, "forbidden")
        elif status == 404 and request.user.is_authenticated:
            security.log_refused(request, status, "not_found")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, PermissionDenied):
            security.log_refused(request, 403, "permission_denied")
            # The 403 response built from this exception is already logged.
            request._journal_refusal_logged = True  # type: ignore[attr-defined]


class HtmxLoginRedirectMiddleware:
    """An htmx request whose log-in has ended would swap the log-in page into a fragment;
    send the whole window there instead."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.headers.get("HX-Request") == "true"
            and response.status_code == 302
            and response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))
        ):
            redirect = HttpResponse(status=204)
            redirect["HX-Redirect"] = response["Location"]
            return redirect
        return response


class PersonTimeZoneMiddleware:
    """Shows and reads times in the signed-in person's own time zone, in their language.

    Forms parse typed times, and templates format datetimes, in the active zone; without
    this it would be the server's (UTC). Pages that compute days pass the zone explicitly
    as well, so their figures do not depend on this.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.get_response(request)
        profile = profile_for(request.user)
        if profile.language:
            # The person's own choice wins over the cookie and Accept-Language.
            translation.activate(profile.language)
            request.LANGUAGE_CODE = profile.language
        with timezone.override(profile.zone):
            return self.get_response(request)
