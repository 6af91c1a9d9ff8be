from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.utils import ErrorDict, ErrorList
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from journal.core.http import AuthedHttpRequest
from journal.core.links import optional_url
from journal.core.markdown import render_markdown
from journal.core.ownership import get_owned_or_404
from journal.core.vocabulary import REGION_LABELS, EntryKind
from journal.entries import bodymap
from journal.entries.forms import SENSATION_KINDS, EntryForm
from journal.entries.sensation_forms import (
    BaseSensationFormSet,
    row_form,
    sensation_formset,
    with_one_more_row,
)
from journal.entries.services import entry_create, entry_delete, entry_draft_save, entry_update
from journal.models import JournalEntry
from practices.models import PracticeSession

REFLECTION_PROMPTS = [
    "What did your breath do?",
    "Where did you feel ease, even a little?",
    "What changed, and what stayed the same?",
    "Was there a moment of safety or calm?",
]
TITLES = {
    EntryKind.CHECK_IN: "Check-in",
    EntryKind.FREE: "Free reflection",
    EntryKind.POST_PRACTICE: "After your practice",
    EntryKind.EXPRESSIVE: "Expressive writing",
    EntryKind.REFRAME: "Belief reframe",
}
INTROS = {
    EntryKind.FREE: "Write whatever you notice: in your body, your day, your thoughts.",
    EntryKind.EXPRESSIVE: (
        "Write without stopping or censoring for a while, for your eyes only. "
        "Spelling and sense do not matter. What you type is kept as a draft as you go."
    ),
    EntryKind.REFRAME: (
        "Take one belief about your pain and look at it gently. "
        "Is there a kinder, more accurate way to see it?"
    ),
}


def sensation_row(request: AuthedHttpRequest) -> HttpResponse | None:
    """The htmx fragment: a new sensation row for a region chosen on the body map."""
    if not (request.htmx and "_add_row" in request.POST):
        return None
    try:
        index = int(request.POST.get("_index", "0"))
    except ValueError:
        index = 0
    form = row_form(index, request.POST["_add_row"])
    return render(request, "entries/_sensations.html#sensation_row", {"row": form, "index": index})


def _unjudged(form: forms.Form) -> None:
    form._errors = ErrorDict()  # type: ignore[attr-defined]


def handle_entry_form(
    request: AuthedHttpRequest,
    *,
    kind: str,
    entry: JournalEntry | None = None,
    session: PracticeSession | None = None,
) -> tuple[EntryForm, BaseSensationFormSet | None, JournalEntry | None]:
    """Validate and save an entry POST; returns (form, rows, saved entry or None)."""
    data = request.POST if request.method == "POST" else None
    with_rows = kind in SENSATION_KINDS
    initial: dict[str, Any] = EntryForm.initial_for(entry) if entry else {}
    form = EntryForm(data, user=request.user, kind=kind, initial=initial)
    if entry is not None and "occurred_at" in form.fields and data is None:
        form.initial["occurred_at"] = timezone.localtime(entry.occurred_at, form.zone).replace(
            tzinfo=None
        )
    rows: BaseSensationFormSet | None = None
    if with_rows:
        if data is None:
            existing = (
                [
                    {f: getattr(s, f) for f in ("region", "quality", "intensity", "feel", "note")}
                    for s in entry.sensations.all()
                ]
                if entry
                else []
            )
            rows = sensation_formset(initial=existing)
        elif "add_row" in data:
            # Only a new row was asked for: show what was typed, without judging it yet.
            rows = with_one_more_row(data)
            _unjudged(form)
            rows._non_form_errors = ErrorList()  # type: ignore[attr-defined]
            for row in rows.forms:
                _unjudged(row)
            return form, rows, None
        else:
            rows = sensation_formset(data)
    if data is None:
        return form, rows, None
    rows_valid = rows.is_valid() if rows is not None else True
    if rows is not None and rows_valid:
        form.has_sensations = bool(rows.inputs())
    if not (form.is_valid() and rows_valid):
        return form, rows, None
    kwargs = form.service_kwargs()
    if rows is not None:
        kwargs["sensations"] = rows.inputs()
    if entry is None:
        saved = entry_create(
            user=request.user,
            kind=kind,
            session=session,
            token=form.cleaned_data["token"],
            **kwargs,
        )
        if saved.is_draft:  # an autosaved draft being finished
            saved = entry_update(entry=saved, is_draft=False, **kwargs)
    else:
        saved = entry_update(entry=entry, is_draft=False, **kwargs)
    return form, rows, saved


def after_save(request: AuthedHttpRequest, entry: JournalEntry) -> HttpResponse:
    if entry.red_flags:
        # The detail page shows the notice to seek care at once, as an alert.
        return redirect("entries:detail", entry_uuid=entry.uuid)
    messages.success(request, f"{TITLES[EntryKind(entry.kind)]} saved.")
    return redirect("web:home")


def autosave(request: AuthedHttpRequest, kind: str, entry: JournalEntry | None) -> HttpResponse:
    """Keep the text typed so far; answers with a short status for the page."""
    form = EntryForm(request.POST, user=request.user, kind=kind)
    body = request.POST.get("body", "")[:50_000]
    if entry is None:
        try:
            token = uuid.UUID(request.POST.get("token", ""))
        except ValueError:
            return HttpResponse("This page is out of date; reload it.", status=400)
        entry = entry_draft_save(user=request.user, kind=kind, token=token, body=body)
    elif entry.is_draft:
        entry = entry_update(entry=entry, body=body)
    return render(
        request,
        "entries/entry_form.html#autosave_status",
        {"saved_at": timezone.localtime(entry.updated_at, form.zone), "entry": entry},
    )


def sensation_context(rows: BaseSensationFormSet | None) -> dict[str, Any]:
    marked = rows.marked_regions() if rows is not None else set()
    labels = REGION_LABELS
    return {
        "bodymap": bodymap.figure_context(marked),
        "bodymap_off_figure": [(r, labels[r]) for r in bodymap.OFF_FIGURE],
        "marked_regions": marked,
    }


def render_entry_page(
    request: AuthedHttpRequest,
    *,
    kind: str,
    form: EntryForm,
    rows: BaseSensationFormSet | None,
    entry: JournalEntry | None = None,
    session: PracticeSession | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context: dict[str, Any] = {
        "kind": kind,
        "title": TITLES[EntryKind(kind)] if entry is None else f"Edit: {TITLES[EntryKind(kind)]}",
        "intro": INTROS.get(EntryKind(kind), ""),
        "form": form,
        "zone": form.zone,
        "rows": rows,
        "entry": entry,
        "session": session,
        "prompts": REFLECTION_PROMPTS if kind == EntryKind.POST_PRACTICE else [],
        "nav": "practices" if session else "today",
        **sensation_context(rows),
        **(extra or {}),
    }
    return render(request, "entries/entry_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: AuthedHttpRequest, kind: str) -> HttpResponse:
    if kind not in EntryKind.values or kind == EntryKind.POST_PRACTICE:
        raise Http404
    if kind == EntryKind.CHECK_IN:
        return redirect(reverse("web:home") + "#check-in")
    if (fragment := sensation_row(request)) is not None:
        return fragment
    if request.method == "POST" and "autosave" in request.POST and kind == EntryKind.EXPRESSIVE:
        return autosave(request, kind, None)
    form, rows, saved = handle_entry_form(request, kind=kind)
    if saved is not None:
        return after_save(request, saved)
    drafts = []
    if kind == EntryKind.EXPRESSIVE:
        drafts = list(
            JournalEntry.objects.for_user(request.user)
            .drafts()
            .filter(kind=kind)
            .order_by("-updated_at")[:5]
        )
    return render_entry_page(request, kind=kind, form=form, rows=rows, extra={"drafts": drafts})


@login_required
@require_http_methods(["GET", "POST"])
def reflection_new(request: AuthedHttpRequest, session_uuid: str) -> HttpResponse:
    session = get_owned_or_404(
        PracticeSession.objects.for_user(request.user).select_related("practice"),
        uuid=session_uuid,
    )
    if (fragment := sensation_row(request)) is not None:
        return fragment
    kind = EntryKind.POST_PRACTICE
    form, rows, saved = handle_entry_form(request, kind=kind, session=session)
    if saved is not None:
        return after_save(request, saved)
    return render_entry_page(request, kind=kind, form=form, rows=rows, session=session)


def _entry(request: AuthedHttpRequest, entry_uuid: str) -> JournalEntry:
    return get_owned_or_404(
        JournalEntry.objects.for_user(request.user).with_details(), uuid=entry_uuid
    )


@login_required
@require_http_methods(["GET"])
def entry_detail(request: AuthedHttpRequest, entry_uuid: str) -> HttpResponse:
    entry = _entry(request, entry_uuid)
    from journal.accounts.profiles import profile_for

    zone = profile_for(request.user).zone
    context = {
        "entry": entry,
        "title": TITLES[EntryKind(entry.kind)],
        "body_html": render_markdown(entry.body),
        "local": timezone.localtime(entry.occurred_at, zone),
        "session_url": (
            optional_url("practices:session_detail", session_uuid=entry.session.uuid)
            if entry.session
            else None
        ),
        "nav": "timeline",
    }
    return render(request, "entries/entry_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthedHttpRequest, entry_uuid: str) -> HttpResponse:
    entry = _entry(request, entry_uuid)
    if (fragment := sensation_row(request)) is not None:
        return fragment
    if request.method == "POST" and "autosave" in request.POST:
        return autosave(request, entry.kind, entry)
    form, rows, saved = handle_entry_form(request, kind=entry.kind, entry=entry)
    if saved is not None:
        if saved.red_flags:
            return redirect("entries:detail", entry_uuid=saved.uuid)
        messages.success(request, "Changes saved.")
        return redirect("entries:detail", entry_uuid=saved.uuid)
    return render_entry_page(
        request, kind=entry.kind, form=form, rows=rows, entry=entry, session=entry.session
    )


@login_required
@require_POST
def entry_delete_view(request: AuthedHttpRequest, entry_uuid: str) -> HttpResponse:
    entry = _entry(request, entry_uuid)
    entry_delete(entry=entry)
    messages.success(request, "The entry is deleted.")
    if request.htmx:
        # Deleted from the timeline: the item simply disappears.
        return HttpResponse("")
    return redirect("timeline:index")
