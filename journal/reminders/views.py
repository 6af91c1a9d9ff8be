"""Reminder settings, devices, the unsubscribe link, and the installable app's files."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journal.core.http import AnyHttpRequest, AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.reminders import services
from journal.reminders.forms import PauseForm, QuietHoursForm, ReminderForm, SubscriptionForm
from journal.reminders.mail import user_id_from_token
from journal.reminders.models import PushSubscription, Reminder
from journal.reminders.push import public_key
from journal.reminders.selectors import devices, reminder_rows
from journal.reminders.webapp import manifest, worker_script


def _settings_context(request: AuthedHttpRequest, **forms: Any) -> dict[str, Any]:
    preferences = services.preferences_for(request.user)
    context = {
        "rows": reminder_rows(request.user, preferences),
        "preferences": preferences,
        "devices": devices(request.user),
        "vapid_public_key": public_key(),
        "form": ReminderForm(user=request.user),
        "quiet_form": QuietHoursForm(instance=preferences),
        "pause_form": PauseForm(initial={"days": 7}),
        "now_utc": timezone.now(),
        "nav": "settings",
    }
    context.update(forms)
    return context


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedHttpRequest) -> HttpResponse:
    """The list of reminders, and the form to add one."""
    if request.method == "POST":
        form = ReminderForm(request.POST, user=request.user)
        if form.is_valid():
            _save_reminder(request.user, form)
            messages.success(request, _("Reminder added."))
            return redirect("reminders:settings")
        context = _settings_context(request, form=form)
        return render(request, "reminders/settings.html", context, status=400)
    return render(request, "reminders/settings.html", _settings_context(request))


def _save_reminder(user: User, form: ReminderForm) -> Reminder:
    reminder = form.save()
    if reminder.by_email:
        services.email_reminders_allow(user=user)
    return reminder


@login_required
@require_http_methods(["GET", "POST"])
def reminder_edit(request: AuthedHttpRequest, reminder_uuid: str) -> HttpResponse:
    reminder = get_owned_or_404(Reminder.objects.for_user(request.user), uuid=reminder_uuid)
    form = ReminderForm(request.POST or None, instance=reminder, user=request.user)
    if request.method == "POST" and form.is_valid():
        _save_reminder(request.user, form)
        messages.success(request, _("Reminder saved."))
        return redirect("reminders:settings")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "reminder": reminder, "nav": "settings"}
    return render(request, "reminders/edit.html", context, status=status)


@login_required
@require_POST
def reminder_delete(request: AuthedHttpRequest, reminder_uuid: str) -> HttpResponse:
    reminder = get_owned_or_404(Reminder.objects.for_user(request.user), uuid=reminder_uuid)
    services.reminder_delete(reminder=reminder)
    messages.success(request, _("Reminder removed."))
    return redirect("reminders:settings")


@login_required
@require_POST
def quiet_hours(request: AuthedHttpRequest) -> HttpResponse:
    preferences = services.preferences_for(request.user)
    form = QuietHoursForm(request.POST, instance=preferences)
    if not form.is_valid():
        context = _settings_context(request, quiet_form=form)
        return render(request, "reminders/settings.html", context, status=400)
    form.save()
    messages.success(request, _("Quiet hours saved."))
    return redirect("reminders:settings")


@login_required
@require_POST
def pause(request: AuthedHttpRequest) -> HttpResponse:
    form = PauseForm(request.POST)
    if not form.is_valid():
        context = _settings_context(request, pause_form=form)
        return render(request, "reminders/settings.html", context, status=400)
    days = form.cleaned_data["days"]
    services.reminders_pause(user=request.user, days=days)
    messages.success(request, _("Reminders paused.") if days else _("Reminders are back on."))
    return redirect("reminders:settings")


@login_required
@require_POST
def subscribe(request: AuthedHttpRequest) -> HttpResponse:
    """Called by push-subscribe.js once the browser has a push subscription."""
    form = SubscriptionForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"ok": False}, status=400)
    try:
        subscription = services.subscription_save(user=request.user, **form.cleaned_data)
    except services.TooManyDevices:
        return JsonResponse({"ok": False}, status=400)
    return JsonResponse({"ok": True, "id": str(subscription.uuid)}, status=201)


@login_required
@require_POST
def device_remove(request: AuthedHttpRequest, subscription_uuid: str) -> HttpResponse:
    subscription = get_owned_or_404(
        PushSubscription.objects.for_user(request.user), uuid=subscription_uuid
    )
    services.subscription_delete(subscription=subscription)
    messages.success(request, _("That device will get no more notifications."))
    return redirect("reminders:settings")


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token guards it.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: AnyHttpRequest, token: str) -> HttpResponse:
    user_id = user_id_from_token(token)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "reminders/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.email_reminders_stop(user=user)
        return render(request, "reminders/unsubscribe.html", {"done": True})
    return render(request, "reminders/unsubscribe.html", {"token": token})


@require_GET
@cache_control(max_age=3600)
def manifest_view(request: AnyHttpRequest) -> HttpResponse:
    return HttpResponse(json.dumps(manifest()), content_type="application/manifest+json")


@require_GET
def service_worker(request: AnyHttpRequest) -> HttpResponse:
    response = HttpResponse(worker_script(), content_type="text/javascript; charset=utf-8")
    # The worker lives at /sw.js and controls the whole site; browsers re-check it often.
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline(request: AnyHttpRequest) -> HttpResponse:
    """What the service worker shows for a page it cannot reach; it holds no one's data."""
    return render(request, "reminders/offline.html")
