"""Views for guided practice: the session timer kept on the server, and sound settings."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from journal.core.http import AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from practices import guidance, services
from practices.guidance_forms import GuidanceSettingsForm, SoundModeForm, TimerActionForm
from practices.models import PracticeSession


def _owned_session(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> PracticeSession:
    return get_owned_or_404(PracticeSession.objects.for_user(request.user), uuid=session_uuid)


@login_required
@require_http_methods(["GET", "POST"])
def session_timer(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    """The timer as the server knows it (GET), or after Begin, Pause, Resume, Add (POST)."""
    session = _owned_session(request, session_uuid)
    if request.method == "POST":
        form = TimerActionForm(request.POST)
        if not form.is_valid():
            return JsonResponse({"error": _("Unknown timer action.")}, status=400)
        session = services.session_timer(session=session, action=form.cleaned_data["action"])
    body = guidance.timer_state(session).as_json()
    body["open"] = session.is_in_progress
    return JsonResponse(body)


@login_required
@require_http_methods(["GET", "POST"])
def sound_settings(request: AuthedHttpRequest) -> HttpResponse:
    chosen = guidance.settings_for(request.user)
    form = GuidanceSettingsForm(request.POST or None, chosen=chosen)
    if request.method == "POST" and form.is_valid():
        services.guidance_settings_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your guidance settings are saved, for every device."))
        return redirect("practices:sound_settings")
    return render(
        request,
        "practices/sound_settings.html",
        {"form": form, "chosen": chosen, "nav": "settings"},
    )


@login_required
@require_POST
def session_sound(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    """Switch between speech, chimes only and silence from the run page."""
    session = _owned_session(request, session_uuid)
    form = SoundModeForm(request.POST)
    if form.is_valid():
        chosen = services.guidance_settings_save(
            user=request.user, sound=form.cleaned_data["sound"]
        )
    else:
        chosen = guidance.settings_for(request.user)
    if not request.htmx:
        return redirect("practices:session_run", session_uuid=session.uuid)
    return render(
        request,
        "practices/run.html#sound_switch",
        {"session": session, "sound_form": SoundModeForm(initial={"sound": chosen.sound})},
        status=200 if form.is_valid() else 400,
    )
