from __future__ import annotations

import math
import uuid
from datetime import timedelta
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from journal.core.http import AnyHttpRequest, AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.entries.selectors import red_flags_today, writing_of_session
from practices import guidance, services
from practices.forms import (
    ArchiveForm,
    OwnPracticeForm,
    SessionEditForm,
    SessionFinishForm,
    SessionLogForm,
    SessionStartForm,
)
from practices.guidance_forms import SoundModeForm
from practices.models import CATEGORY_LABELS, Practice, PracticeSession, SessionState

RECENT_SESSIONS = 10


def _practice_by_slug(user: User | AnonymousUser, slug: str) -> Practice:
    # Own slugs never collide with built-in ones; the ordering only breaks an old tie.
    practice = Practice.objects.for_user(user).filter(slug=slug).order_by("-user_id").first()
    if practice is None:
        raise Http404
    return practice


def _owned_session(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> PracticeSession:
    return get_owned_or_404(
        PracticeSession.objects.with_practice().for_user(request.user), uuid=session_uuid
    )


def _owned_practice(request: AuthedHttpRequest, practice_uuid: uuid.UUID) -> Practice:
    return get_owned_or_404(Practice.objects.owned_by(request.user), uuid=practice_uuid)


def reflection_url(session: PracticeSession) -> str | None:
    """The journal's post-practice reflection page, offered once a session is finished."""
    if session.state != SessionState.FINISHED:
        return None
    return reverse("entries:reflect", kwargs={"session_uuid": session.uuid})


@require_GET
def catalog(request: AnyHttpRequest) -> HttpResponse:
    practices = list(Practice.objects.for_user(request.user).order_by("category", "name"))
    active = [p for p in practices if not p.is_archived]
    groups = [
        (CATEGORY_LABELS.get(category, category), sorted(items, key=lambda p: p.display_name))
        for category, items in groupby(active, key=lambda p: p.category)
    ]
    archived = [p for p in practices if p.is_archived]
    return render(
        request,
        "practices/catalog.html",
        {"groups": groups, "archived": archived, "nav": "practices"},
    )


@require_GET
def practice_detail(request: AnyHttpRequest, slug: str) -> HttpResponse:
    practice = _practice_by_slug(request.user, slug)
    context: dict[str, Any] = {"practice": practice, "nav": "practices"}
    if not request.user.is_authenticated:
        return render(request, "practices/detail.html", context)
    sessions = PracticeSession.objects.of_practice(practice).for_user(request.user)
    context["sessions"] = list(sessions[:RECENT_SESSIONS])
    context["in_progress"] = [s for s in context["sessions"] if s.is_in_progress]
    return render(request, "practices/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def start(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    practice = _practice_by_slug(request.user, slug)
    form = SessionStartForm(
        request.POST or None,
        initial={"planned_minutes": practice.default_minutes, "token": uuid.uuid4()},
    )
    if request.method == "POST" and form.is_valid():
        session = services.session_start(
            user=request.user,
            practice=practice,
            planned_minutes=form.cleaned_data["planned_minutes"],
            before=form.ratings("before"),
            token=form.cleaned_data["token"],
        )
        if practice.is_expressive_writing:
            return redirect(_writing_url(session))
        return redirect("practices:session_run", session_uuid=session.uuid)
    return render(
        request,
        "practices/start.html",
        {
            "practice": practice,
            "form": form,
            "red_flags": red_flags_today(request.user),
            "nav": "practices",
        },
    )


def _writing_url(session: PracticeSession) -> str:
    # The expressive-writing practice is written in the journal's text box.
    return reverse("entries:write", kwargs={"session_uuid": session.uuid})


@login_required
@require_GET
def session_run(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    session = _owned_session(request, session_uuid)
    if not session.is_in_progress:
        return redirect("practices:session_detail", session_uuid=session.uuid)
    if session.practice.is_expressive_writing:
        return redirect(_writing_url(session))
    chosen = guidance.settings_for(request.user)
    timer_url = reverse("practices:session_timer", kwargs={"session_uuid": session.uuid})
    config = guidance.run_config(
        session=session,
        chosen=chosen,
        timer_url=timer_url,
        language=get_language() or "en",
    )
    state = guidance.timer_state(session)
    steps = config["steps"]
    return render(
        request,
        "practices/run.html",
        {
            "session": session,
            "practice": session.practice,
            "config": config,
            "state": state,
            "remaining_words": _clock(state.remaining),
            "first_cue": steps[0]["cues"][0]["text"] if steps and steps[0]["cues"] else "",
            # Back after closing the tab or from another device: the page says so.
            "returning": timezone.now() - session.started_at > timedelta(minutes=1),
            "form": SessionFinishForm(),
            "sound_form": SoundModeForm(initial={"sound": chosen.sound}),
            "nav": "practices",
        },
    )


def _clock(seconds: float) -> str:
    whole = math.ceil(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


@login_required
@require_http_methods(["GET", "POST"])
def session_finish(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    session = _owned_session(request, session_uuid)
    if not session.is_in_progress:
        # A second click on Finish, or an old tab: the session is already closed.
        return redirect("practices:session_detail", session_uuid=session.uuid)
    form = SessionFinishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.session_finish(
            session=session,
            after=form.ratings("after"),
            notes=form.cleaned_data["notes"],
        )
        messages.success(request, _("Session saved. Thank you for taking this time."))
        return redirect("practices:session_detail", session_uuid=session.uuid)
    return render(
        request,
        "practices/finish.html",
        {"session": session, "practice": session.practice, "form": form, "nav": "practices"},
    )


@login_required
@require_POST
def session_abandon(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    session = _owned_session(request, session_uuid)
    if session.is_in_progress:
        services.session_abandon(session=session)
        messages.info(request, _("Marked as set aside. That is fine; it stays in your journal."))
    return redirect("practices:session_detail", session_uuid=session.uuid)


@login_required
@require_GET
def session_detail(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    session = _owned_session(request, session_uuid)
    return render(
        request,
        "practices/session_detail.html",
        {
            "session": session,
            "practice": session.practice,
            "reflection_url": reflection_url(session),
            "writing": (
                writing_of_session(request.user, session.pk)
                if session.practice.is_expressive_writing
                else None
            ),
            "nav": "practices",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    session = _owned_session(request, session_uuid)
    form = SessionEditForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        services.session_update(
            session=session,
            started_at=form.cleaned_data["started_at"],
            minutes=form.cleaned_data["minutes"],
            before=form.ratings("before"),
            after=form.ratings("after"),
            notes=form.cleaned_data["notes"],
        )
        messages.success(request, _("Changes saved."))
        return redirect("practices:session_detail", session_uuid=session.uuid)
    return render(
        request,
        "practices/session_edit.html",
        {"session": session, "practice": session.practice, "form": form, "nav": "practices"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request: AuthedHttpRequest, session_uuid: uuid.UUID) -> HttpResponse:
    session = _owned_session(request, session_uuid)
    if request.method == "POST":
        practice = session.practice
        services.session_delete(session=session)
        messages.success(request, _("The session was deleted."))
        return redirect("practices:detail", slug=practice.slug)
    return render(
        request,
        "practices/session_delete.html",
        {"session": session, "practice": session.practice, "nav": "practices"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_log(request: AuthedHttpRequest) -> HttpResponse:
    # A starting point to adjust: ten minutes that ended just now.
    ten_minutes_ago = timezone.now().replace(second=0, microsecond=0) - timedelta(minutes=10)
    form = SessionLogForm(
        request.POST or None,
        user=request.user,
        initial={"started_at": ten_minutes_ago, "minutes": 10},
    )
    if request.method == "POST" and form.is_valid():
        session = services.session_log_past(
            user=request.user,
            practice=form.cleaned_data["practice"],
            started_at=form.cleaned_data["started_at"],
            minutes=form.cleaned_data["minutes"],
            before=form.ratings("before"),
            after=form.ratings("after"),
            notes=form.cleaned_data["notes"],
        )
        messages.success(request, _("Session added to your journal."))
        return redirect("practices:session_detail", session_uuid=session.uuid)
    return render(request, "practices/session_log.html", {"form": form, "nav": "practices"})


@login_required
@require_http_methods(["GET", "POST"])
def own_new(request: AuthedHttpRequest) -> HttpResponse:
    form = OwnPracticeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("%(name)s is now in your practices.") % {"name": practice.name})
        return redirect("practices:detail", slug=practice.slug)
    return render(request, "practices/own_form.html", {"form": form, "nav": "practices"})


@login_required
@require_http_methods(["GET", "POST"])
def own_edit(request: AuthedHttpRequest, practice_uuid: uuid.UUID) -> HttpResponse:
    practice = _owned_practice(request, practice_uuid)
    form = OwnPracticeForm(request.POST or None, user=request.user, instance=practice)
    if request.method == "POST" and form.is_valid():
        services.practice_update(practice=practice, **form.cleaned_data)
        messages.success(request, _("Changes saved."))
        return redirect("practices:detail", slug=practice.slug)
    return render(
        request,
        "practices/own_form.html",
        {"form": form, "practice": practice, "nav": "practices"},
    )


@login_required
@require_POST
def own_archive(request: AuthedHttpRequest, practice_uuid: uuid.UUID) -> HttpResponse:
    practice = _owned_practice(request, practice_uuid)
    form = ArchiveForm(request.POST)
    restore = form.is_valid() and form.cleaned_data["restore"]
    services.practice_archive(practice=practice, archived=not restore)
    if restore:
        messages.success(
            request, _("%(name)s is back in your practices.") % {"name": practice.name}
        )
        return redirect("practices:detail", slug=practice.slug)
    messages.info(
        request,
        _("%(name)s is archived. Its sessions stay; you can bring it back.")
        % {"name": practice.name},
    )
    return redirect("practices:catalog")
