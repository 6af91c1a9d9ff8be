"""Settings → Two-step log-in: the authenticator app, recovery codes and passkeys."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from journal.core.http import AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.factors.forms import ConfirmIdentityForm, PasskeyNameForm, TotpConfirmForm
from journal.factors.models import Passkey
from journal.factors.selectors import factors_overview
from journal.factors.services import (
    FRESH_CODES_KEY,
    factor_passkey_add,
    factor_passkey_remove,
    factor_totp_off,
    factor_totp_on,
    has_factor,
    log_passkey_refused,
    recovery_codes_renew,
)
from journal.factors.totp import qr_data_uri, secret_text, setup_device, setup_uri, totp_confirmed
from journal.factors.webauthn_ceremonies import CeremonyFailed, parse_body, registration_options

NAV = "settings"


def _after_change(request: AuthedHttpRequest) -> HttpResponse:
    """New recovery codes are shown once, straight away; otherwise back to the overview."""
    if FRESH_CODES_KEY in request.session:
        return redirect("factors:recovery_codes")
    return redirect("factors:index")


@login_required
@require_http_methods(["GET"])
def index(request: AuthedHttpRequest) -> HttpResponse:
    overview = factors_overview(user=request.user)
    name_form = PasskeyNameForm()
    context = {"overview": overview, "name_form": name_form, "nav": NAV}
    return render(request, "factors/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def totp_setup(request: AuthedHttpRequest) -> HttpResponse:
    if totp_confirmed(user=request.user) is not None:
        messages.info(request, _("Your authenticator app is already set up."))
        return redirect("factors:index")
    form = TotpConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if factor_totp_on(request=request, user=request.user, code=code):
            messages.success(request, _("Your authenticator app is on. Log-ins now ask for it."))
            return _after_change(request)
        form.add_error(
            "code", _("That code did not match. Check the time on your phone, and try again.")
        )
    device = setup_device(request.session, user=request.user)
    context = {
        "form": form,
        "qr": qr_data_uri(setup_uri(device)),
        "secret": secret_text(device),
        "nav": NAV,
    }
    status = 400 if form.errors else 200
    return render(request, "factors/totp_setup.html", context, status=status)


def _confirm_page(
    request: AuthedHttpRequest, *, title: str, action: str, template_context: dict[str, object]
) -> tuple[ConfirmIdentityForm, HttpResponse | None]:
    """The password-or-code form in front of a change; the response is None once confirmed."""
    form = ConfirmIdentityForm(
        request.POST if request.method == "POST" else None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        return form, None
    context = {"form": form, "title": title, "action": action, "nav": NAV, **template_context}
    status = 400 if form.errors else 200
    return form, render(request, "factors/confirm.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def totp_disable(request: AuthedHttpRequest) -> HttpResponse:
    if totp_confirmed(user=request.user) is None:
        return redirect("factors:index")
    _form, page = _confirm_page(
        request,
        title=_("Turn off the authenticator app"),
        action=_("Turn it off"),
        template_context={},
    )
    if page is not None:
        return page
    factor_totp_off(request=request, user=request.user)
    messages.success(request, _("The authenticator app is off."))
    return redirect("factors:index")


@login_required
@require_http_methods(["GET", "POST"])
def passkey_remove(request: AuthedHttpRequest, passkey_uuid: str) -> HttpResponse:
    passkey = get_owned_or_404(Passkey.objects.for_user(request.user), uuid=passkey_uuid)
    _form, page = _confirm_page(
        request,
        title=_("Remove the passkey “%(name)s”") % {"name": passkey.name},
        action=_("Remove it"),
        template_context={"passkey": passkey},
    )
    if page is not None:
        return page
    factor_passkey_remove(request=request, passkey=passkey)
    messages.success(request, _("The passkey is removed."))
    return redirect("factors:index")


@login_required
@require_http_methods(["GET", "POST"])
def recovery_renew(request: AuthedHttpRequest) -> HttpResponse:
    if not has_factor(user=request.user):
        # Recovery codes stand in for a factor; without one there is nothing to recover.
        return redirect("factors:index")
    _form, page = _confirm_page(
        request,
        title=_("New recovery codes"),
        action=_("Make new codes"),
        template_context={"renew": True},
    )
    if page is not None:
        return page
    recovery_codes_renew(request=request, user=request.user)
    return redirect("factors:recovery_codes")


@never_cache
@login_required
@require_http_methods(["GET"])
def recovery_codes(request: AuthedHttpRequest) -> HttpResponse:
    codes = request.session.pop(FRESH_CODES_KEY, None)
    if not codes:
        return redirect("factors:index")
    return render(request, "factors/recovery_codes.html", {"codes": codes, "nav": NAV})


@login_required
@require_POST
def passkey_register_options(request: AuthedHttpRequest) -> HttpResponse:
    options = registration_options(request, user=request.user)
    return HttpResponse(options, content_type="application/json")


@login_required
@require_POST
def passkey_register(request: AuthedHttpRequest) -> HttpResponse:
    try:
        body, data = parse_body(request.body)
        form = PasskeyNameForm({"name": data.get("name") or ""})
        if not form.is_valid():
            return JsonResponse({"error": form.errors["name"][0]}, status=400)
        factor_passkey_add(
            request=request, user=request.user, body=body, name=form.cleaned_data["name"]
        )
    except CeremonyFailed as exc:
        log_passkey_refused(request, "passkey not added", exc)
        return JsonResponse(
            {"error": _("The passkey could not be added. Please try again.")}, status=400
        )
    messages.success(request, _("Your passkey is added. You can log in with it now."))
    target = "factors:recovery_codes" if FRESH_CODES_KEY in request.session else "factors:index"
    return JsonResponse({"redirect": redirect(target).url})
