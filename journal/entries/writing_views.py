"""The expressive-writing practice's pages: a draft waiting, and the writing page itself."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from journal.accounts.profiles import profile_for
from journal.core.http import AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.entries import writing
from journal.entries.forms import body_too_long_message, posted_version
from journal.entries.selectors import expressive_drafts
from journal.entries.services import BodyTooLong, StaleEntry
from practices import timing
from practices.models import EXPRESSIVE_WRITING, PracticeSession


class WritingForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Write freely"),
        required=False,
        strip=False,  # kept exactly as typed, mid-sentence spaces included
        max_length=writing.MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text=gettext_lazy("For your eyes only. Spelling and sense do not matter."),
    )


def _autosave(request: AuthedHttpRequest, session: PracticeSession, body: str) -> HttpResponse:
    template = "entries/_autosave_reply.html"
    try:
        entry = writing.writing_draft_save(
            session=session, body=body, expected_version=posted_version(request)
        )
    except BodyTooLong as error:
        too_long = {"too_long": body_too_long_message(error.length)}
        return render(request, template, too_long, status=422)
    except StaleEntry as error:
        return render(request, template, {"stale": error.current}, status=409)
    saved_at = timezone.localtime(entry.updated_at, profile_for(request.user).zone)
    return render(request, template, {"saved_at": saved_at, "version": entry.version})


def draft_waiting(request: AuthedHttpRequest) -> HttpResponse:
    """Write → Expressive writing: a waiting draft is offered first, else the practice starts."""
    start_url = reverse("practices:start", kwargs={"slug": EXPRESSIVE_WRITING})
    drafts = expressive_drafts(request.user)
    if not drafts:
        return redirect(start_url)
    return render(
        request,
        "entries/draft_waiting.html",
        {
            "drafts": [(draft, writing.continue_url(draft)) for draft in drafts],
            "start_url": start_url,
            "zone": profile_for(request.user).zone,
            "nav": "today",
        },
    )


def _timer_config(session: PracticeSession) -> dict[str, object]:
    state = timing.timer_state(
        session.timer_intervals,
        planned_minutes=session.planned_minutes,
        added_minutes=session.added_minutes,
        at=timing.now(),
    )
    return {
        "timer_url": reverse("practices:session_timer", kwargs={"session_uuid": session.uuid}),
        "timer": state.as_json(),
        "words": {
            "start": _("Start the timer"),
            "pause": _("Pause the timer"),
            "resume": _("Resume the timer"),
            "running": _("Writing time has started. Keep the pen moving."),
            "paused": _("Paused. Take all the time you need."),
            "done": _("Time is up. Finish your sentence, or keep going if you want to."),
        },
    }


@login_required
@require_http_methods(["GET", "POST"])
def write(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    """The writing page of an expressive-writing session: text box, timer, autosave."""
    session = get_owned_or_404(
        PracticeSession.objects.for_user(request.user).select_related("practice"),
        uuid=session_uuid,
    )
    if not session.is_in_progress or not session.practice.is_expressive_writing:
        return redirect("practices:session_detail", session_uuid=session.uuid)
    entry = writing.writing_entry(session)
    form = WritingForm(request.POST or None, initial={"body": entry.body if entry else ""})
    if request.method == "POST" and "autosave" in request.POST and not form.is_valid():
        too_long = {"too_long": body_too_long_message(len(request.POST.get("body", "")))}
        return render(request, "entries/_autosave_reply.html", too_long, status=422)
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        if "autosave" in request.POST:
            return _autosave(request, session, body)
        writing.writing_finish(session=session, body=body)
        return redirect("practices:session_finish", session_uuid=session.uuid)
    return render(
        request,
        "entries/writing.html",
        {
            "session": session,
            "practice": session.practice,
            "form": form,
            "entry": entry,
            "steps": session.practice.steps,
            "config": _timer_config(session),
            "nav": "practices",
        },
    )
