"""A shared summary, as the clinician opens it: no log-in, read-only, only what was chosen.

Every answer, refusals included, is kept out of caches, search engines and Referer headers.
Requests are counted per address (`REQUESTS`) and wrong passcodes per link (`PASSCODES`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from journal.accounts.profiles import profile_for
from journal.accounts.security_log import client_ip
from journal.core.dates import long_date
from journal.models import ShareLink
from journal.portability import pdf_format
from journal.portability.reader import JournalReader
from journal.portability.summary import build_summary
from journal.sharing.forms import PasscodeForm
from journal.sharing.services import (
    PASSCODES,
    REQUESTS,
    passcode_matches,
    rate_count,
    rate_peek,
    share_find,
    share_options,
    share_view_record,
)

UNLOCK_COOKIE = "share_unlocked"
UNLOCK_SALT = "journal.sharing.unlocked"
UNLOCK_SECONDS = 8 * 3600

View = Callable[..., HttpResponse]


def private_headers(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
        response["Cache-Control"] = "no-store, private"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped


def _refusal(request: HttpRequest, status: int, heading: str, text: str) -> HttpResponse:
    context = {"heading": heading, "text": text}
    return render(request, "sharing/refused.html", context, status=status)


def _checked(request: HttpRequest, share_token: str) -> ShareLink | HttpResponse:
    """The open link for this token, or the plain-worded refusal to send instead."""
    if not rate_count(limit=REQUESTS, who=client_ip(request)):
        return _refusal(
            request,
            429,
            gettext("Too many requests"),
            gettext("This address has opened shared links many times in a few minutes. "
                    "Please wait ten minutes and try again."),
        )  # fmt: skip
    link = share_find(share_token)
    if link is None:
        return _refusal(
            request,
            404,
            gettext("There is no such link"),
            gettext("Please check that the whole link was copied."),
        )
    if link.is_revoked:
        return _refusal(
            request,
            410,
            gettext("This link was withdrawn"),
            gettext("The person who shared it has withdrawn it. They can make a new one."),
        )
    if link.is_expired:
        ended = timezone.localtime(link.expires_at, profile_for(link.user).zone)
        return _refusal(
            request,
            410,
            gettext("This link has expired"),
            gettext("It ended on %(day)s. The person who shared it can make a new one.")
            % {"day": long_date(ended)},
        )
    return link


def _unlocked(request: HttpRequest, link: ShareLink) -> bool:
    if not link.has_passcode:
        return True
    try:
        value = request.get_signed_cookie(UNLOCK_COOKIE, salt=UNLOCK_SALT, max_age=UNLOCK_SECONDS)
    except (KeyError, signing.BadSignature):
        return False
    return value == str(link.uuid)


def _passcode(request: HttpRequest, link: ShareLink) -> HttpResponse:
    """The passcode form; a right passcode unlocks this link in this browser for a while."""
    form = PasscodeForm(request.POST or None)
    key = str(link.uuid)
    if request.method == "POST":
        if not rate_peek(limit=PASSCODES, who=key):
            return _refusal(
                request,
                429,
                gettext("Too many wrong passcodes"),
                gettext("Please wait a quarter of an hour and try again."),
            )
        if form.is_valid() and passcode_matches(link, form.cleaned_data["passcode"]):
            response = redirect(request.path)
            response.set_signed_cookie(
                UNLOCK_COOKIE,
                key,
                salt=UNLOCK_SALT,
                max_age=UNLOCK_SECONDS,
                path=request.path,
                secure=request.is_secure(),
                httponly=True,
                samesite="Strict",
            )
            return response
        rate_count(limit=PASSCODES, who=key)
        form.add_error("passcode", gettext("That passcode is not right."))
    status = 400 if request.method == "POST" else 200
    return render(request, "sharing/passcode.html", {"form": form}, status=status)


@login_not_required
@require_http_methods(["GET", "POST"])
@private_headers
def open_link(request: HttpRequest, share_token: str) -> HttpResponse:
    checked = _checked(request, share_token)
    if isinstance(checked, HttpResponse):
        return checked
    link = checked
    if not _unlocked(request, link):
        return _passcode(request, link)
    if request.method == "POST":
        return redirect(request.path)
    options = share_options(link)
    reader = JournalReader(link.user, options.date_range)
    # The owner's days and times, whoever opens it (a signed-in viewer has their own zone),
    # in the language chosen when the link was made.
    with timezone.override(reader.zone), translation.override(options.in_language):
        summary = build_summary(reader, options)
        share_view_record(link=link)
        context = {"summary": summary, "link": link, "pdf_url": f"{request.path}pdf/"}
        return render(request, "sharing/shared.html", context)


@login_not_required
@require_GET
@private_headers
def open_pdf(request: HttpRequest, share_token: str) -> HttpResponse:
    checked = _checked(request, share_token)
    if isinstance(checked, HttpResponse):
        return checked
    link = checked
    if not _unlocked(request, link):
        return redirect(request.path.removesuffix("pdf/"))
    options = share_options(link)
    reader = JournalReader(link.user, options.date_range)
    with timezone.override(reader.zone):
        data = pdf_format.export_pdf(reader, options)
    share_view_record(link=link)
    response = HttpResponse(data, content_type=pdf_format.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="journal-summary.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
