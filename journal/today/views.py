from __future__ import annotations

from datetime import datetime
from typing import cast

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from journal.core.dates import day_bounds
from journal.core.http import AnyHttpRequest, AuthedHttpRequest
from journal.core.links import optional_url
from journal.core.vocabulary import EntryKind
from journal.entries.selectors import expressive_drafts
from journal.entries.submission import (
    after_save,
    form_context,
    handle_entry_form,
    sensation_row,
)
from journal.entries.writing import continue_url
from journal.models import JournalEntry
from journal.timeline.items import Item
from journal.timeline.selectors import group_by_day
from practices.models import PracticeSession, PracticeSessionQuerySet

WRITE_KINDS = [EntryKind.FREE, EntryKind.EXPRESSIVE, EntryKind.REFRAME]


def check_in_title(local_now: datetime, *, again: bool) -> str:
    """The check-in's heading: "Morning" or "Evening" only when it is, in the person's zone."""
    if again:
        return gettext("Check in again")
    if 4 <= local_now.hour < 12:
        return gettext("Morning check-in")
    if 17 <= local_now.hour < 23:
        return gettext("Evening check-in")
    return gettext("Check-in")


def today_page(request: AuthedHttpRequest) -> HttpResponse:
    """The signed-in home: check in, practise or write, and what was logged today."""
    if (fragment := sensation_row(request)) is not None:
        return fragment
    form, rows, saved = handle_entry_form(request, kind=EntryKind.CHECK_IN)
    if saved is not None:
        return after_save(request, saved)

    zone = form.zone
    now = timezone.localtime(timezone.now(), zone)
    start, end = day_bounds(now.date(), zone)
    entries = list(
        JournalEntry.objects.for_user(request.user)
        .with_details()
        .between(start, end)
        .order_by("-occurred_at")
    )
    own_sessions = cast(PracticeSessionQuerySet, PracticeSession.objects.for_user(request.user))
    sessions = list(
        own_sessions.select_related("practice")
        .prefetch_related("sensations")
        .between(start, end)
        .order_by("-started_at")
    )
    drafts = [(d, continue_url(d)) for d in expressive_drafts(request.user, limit=3)]
    # A writing session with its draft waiting is offered once, as the draft.
    drafting = {d.session_id for d, _ in drafts}
    in_progress = [
        (s, optional_url("practices:session_run", session_uuid=s.uuid))
        for s in own_sessions.in_progress().select_related("practice").order_by("-started_at")[:3]
        if s.pk not in drafting
    ]
    items = [Item(when=e.occurred_at, entry=e) for e in entries]
    items += [Item(when=s.started_at, session=s) for s in sessions]
    items.sort(key=lambda i: i.when, reverse=True)
    days = group_by_day(items, zone)
    red_flag_today = any(e.red_flags for e in entries)
    checked_in_at = next(
        (i.local for i in reversed(items) if i.entry and i.entry.kind == EntryKind.CHECK_IN),
        None,
    )
    context = {
        "form": form,
        "rows": rows,
        "kind": EntryKind.CHECK_IN,
        "now": now,
        "today_items": days[0].items if days else [],
        "in_progress": in_progress,
        "drafts": drafts,
        "red_flag_today": red_flag_today,
        "checked_in_at": checked_in_at,
        "check_in_title": check_in_title(now, again=checked_in_at is not None),
        "write_kinds": [(k.value, k.label) for k in WRITE_KINDS],
        "zone": zone,
        "nav": "today",
        **form_context(form, rows),
    }
    return render(request, "today/today.html", context)


@require_http_methods(["GET", "POST"])
def home(request: AnyHttpRequest) -> HttpResponse:
    """The landing page for visitors; the Today page once signed in."""
    if request.user.is_authenticated:
        return today_page(cast(AuthedHttpRequest, request))
    if request.method == "POST":
        return redirect_to_login(request.get_full_path())
    return render(request, "home.html")
