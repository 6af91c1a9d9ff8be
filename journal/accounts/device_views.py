"""Settings pages: your devices (the live log-ins) and, for people the host allows,
invitations to sign up."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journal.accounts.devices import device_end, device_id, devices_for
from journal.accounts.invitations import invitation_create, invitation_path, may_invite
from journal.accounts.services import sessions_end_all
from journal.core.http import AuthedHttpRequest
from journal.models import Invitation


class DeviceForm(forms.Form):
    device = forms.CharField(max_length=64)


class InvitationForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("For whom"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("A reminder for you; the person you invite does not see it."),
    )


@login_required
@require_GET
def devices_page(request: AuthedHttpRequest) -> HttpResponse:
    devices = devices_for(request.user, current_key=request.session.session_key)
    context = {"devices": devices, "others": len(devices) > 1, "nav": "settings"}
    return render(request, "accounts/devices.html", context)


@login_required
@require_POST
def device_end_view(request: AuthedHttpRequest) -> HttpResponse:
    form = DeviceForm(request.POST)
    if not form.is_valid():
        return redirect("accounts:devices")
    key = request.session.session_key or ""
    this_one = device_id(key) == form.cleaned_data["device"]
    if this_one:
        logout(request)
        return redirect("accounts:login")
    if device_end(user=request.user, device=form.cleaned_data["device"]):
        messages.success(request, _("That device is logged out."))
    return redirect("accounts:devices")


@login_required
@require_POST
def devices_end_others(request: AuthedHttpRequest) -> HttpResponse:
    ended = sessions_end_all(user=request.user, keep_session_key=request.session.session_key)
    if ended:
        messages.success(request, _("Every other device is logged out."))
    return redirect("accounts:devices")


@login_required
@require_http_methods(["GET", "POST"])
def invitations_page(request: AuthedHttpRequest) -> HttpResponse:
    allowed = may_invite(request.user)
    form = InvitationForm(request.POST or None)
    link = ""
    if allowed and request.method == "POST" and form.is_valid():
        _invitation, token = invitation_create(
            created_by=request.user, note=form.cleaned_data["note"]
        )
        link = request.build_absolute_uri(invitation_path(token))
        form = InvitationForm()
    invitations = (
        Invitation.objects.filter(created_by=request.user).select_related("used_by")[:50]
        if allowed
        else []
    )
    context = {
        "allowed": allowed,
        "form": form,
        "link": link,
        "invitations": invitations,
        "nav": "settings",
    }
    return render(request, "accounts/invitations.html", context)
