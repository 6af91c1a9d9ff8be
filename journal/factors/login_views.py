"""The log-in's second step, and log-in with a passkey (with or without a password)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from journal.core.http import AnyHttpRequest
from journal.factors.forms import SecondStepForm
from journal.factors.models import Passkey
from journal.factors.pending import pending_read
from journal.factors.services import (
    Step,
    log_passkey_refused,
    passkey_login,
    second_step_code,
    second_step_passkey,
)
from journal.factors.totp import totp_confirmed
from journal.factors.webauthn_ceremonies import (
    CeremonyFailed,
    authentication_options,
    parse_body,
)


def _step_messages() -> dict[Step, str]:
    return {
        Step.WRONG: _("That code did not match. Check the app shows this site, and try again."),
        Step.WAIT: _("Please wait a few seconds before the next try."),
        Step.ENDED: _("That was too many wrong codes. Please log in again from the start."),
        Step.PAUSED: _(
            "There were too many wrong codes for this account. Please wait 15 minutes, "
            "then log in again."
        ),
    }


@require_http_methods(["GET", "POST"])
def verify(request: AnyHttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    pending = pending_read(request.session)
    if pending is None:
        messages.info(request, _("Please log in again; the second step waits five minutes."))
        return redirect("accounts:login")
    form = SecondStepForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        step = second_step_code(request=request, pending=pending, code=form.cleaned_data["code"])
        if step is Step.OK:
            return HttpResponseRedirect(pending.next_url)
        if step in (Step.ENDED, Step.PAUSED):
            messages.error(request, _step_messages()[step])
            return redirect("accounts:login")
        form.add_error("code", _step_messages()[step])
    has_totp = totp_confirmed(user=pending.user) is not None
    if not has_totp:
        form.fields["code"].label = _("Or a recovery code")
        form.fields["code"].help_text = _("One of the ten codes you kept when you set this up.")
    context = {
        "form": form,
        "has_totp": has_totp,
        "has_passkey": Passkey.objects.filter(user=pending.user).exists(),
    }
    status = 400 if form.errors else 200
    return render(request, "factors/verify.html", context, status=status)


@require_POST
def passkey_options(request: AnyHttpRequest) -> HttpResponse:
    pending = pending_read(request.session)
    options = authentication_options(request, user=pending.user if pending else None)
    return HttpResponse(options, content_type="application/json")


def _safe_next(request: AnyHttpRequest, value: object) -> str:
    if isinstance(value, str) and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@require_POST
def passkey_finish(request: AnyHttpRequest) -> HttpResponse:
    pending = pending_read(request.session)
    try:
        body, data = parse_body(request.body)
        if pending is not None:
            second_step_passkey(request=request, pending=pending, body=body)
            target = pending.next_url
        else:
            passkey_login(request=request, body=body)
            target = _safe_next(request, data.get("next"))
    except CeremonyFailed as exc:
        log_passkey_refused(request, "passkey refused", exc)
        return JsonResponse(
            {"error": _("That passkey was not accepted. Try again, or use your password.")},
            status=400,
        )
    return JsonResponse({"redirect": target})
