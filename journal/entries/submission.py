"""An entry form's round trip, shared by the entry pages and the check-in on Today.

The form and its sensation rows are read from a request, saved through the services, and
followed by a redirect.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.forms.utils import ErrorDict, ErrorList
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journal.core.http import AuthedHttpRequest
from journal.core.vocabulary import REGION_LABELS, EntryKind, Quality, suggested_feel
from journal.entries import bodymap
from journal.entries.form_errors import error_summary
from journal.entries.forms import SENSATION_KINDS, EntryForm
from journal.entries.sensation_forms import (
    BaseSensationFormSet,
    row_form,
    sensation_formset,
    with_one_more_row,
)
from journal.entries.services import entry_create, entry_update
from journal.models import JournalEntry
from practices.models import PracticeSession

TITLES = {
    EntryKind.CHECK_IN: _("Check-in"),
    EntryKind.FREE: _("Free reflection"),
    EntryKind.POST_PRACTICE: _("After your practice"),
    EntryKind.EXPRESSIVE: _("Expressive writing"),
    EntryKind.REFRAME: _("Belief reframe"),
}
# What is said once an entry of each kind is saved.
SAVED = {
    EntryKind.CHECK_IN: _("Check-in saved."),
    EntryKind.FREE: _("Free reflection saved."),
    EntryKind.POST_PRACTICE: _("After your practice saved."),
    EntryKind.EXPRESSIVE: _("Expressive writing saved."),
    EntryKind.REFRAME: _("Belief reframe saved."),
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


def _sensation_rows(
    data: Any, form: EntryForm, entry: JournalEntry | None
) -> tuple[BaseSensationFormSet, bool]:
    """The sensation rows for a page or a POST; True when only a new empty row was asked for."""
    if data is None:
        fields = ("region", "quality", "intensity", "feel", "note")
        existing = (
            [{f: getattr(s, f) for f in fields} for s in entry.sensations.all()] if entry else []
        )
        return sensation_formset(initial=existing), False
    if "add_row" in data:
        # Only a new row was asked for: show what was typed, without judging it yet.
        rows = with_one_more_row(data)
        _unjudged(form)
        rows._non_form_errors = ErrorList()  # type: ignore[attr-defined]
        for row in rows.forms:
            _unjudged(row)
        return rows, True
    return sensation_formset(data), False


def _save(
    request: AuthedHttpRequest,
    form: EntryForm,
    rows: BaseSensationFormSet | None,
    *,
    kind: str,
    entry: JournalEntry | None,
    session: PracticeSession | None,
) -> JournalEntry:
    kwargs = form.service_kwargs()
    if rows is not None:
        kwargs["sensations"] = rows.inputs()
    if entry is not None:
        # A change saved from another tab meanwhile raises StaleEntry (see entry_edit).
        version = form.cleaned_data.get("version")
        return entry_update(entry=entry, is_draft=False, expected_version=version, **kwargs)
    saved = entry_create(
        user=request.user, kind=kind, session=session, token=form.cleaned_data["token"], **kwargs
    )
    if saved.is_draft:  # an autosaved draft being finished
        saved = entry_update(entry=saved, is_draft=False, **kwargs)
    return saved


def handle_entry_form(
    request: AuthedHttpRequest,
    *,
    kind: str,
    entry: JournalEntry | None = None,
    session: PracticeSession | None = None,
) -> tuple[EntryForm, BaseSensationFormSet | None, JournalEntry | None]:
    """Validate and save an entry POST; returns (form, rows, saved entry or None)."""
    data = request.POST if request.method == "POST" else None
    initial: dict[str, Any] = EntryForm.initial_for(entry) if entry else {}
    form = EntryForm(data, user=request.user, kind=kind, initial=initial)
    if entry is not None and "occurred_at" in form.fields and data is None:
        local = timezone.localtime(entry.occurred_at, form.zone)
        form.initial["occurred_at"] = local.replace(tzinfo=None)
    rows: BaseSensationFormSet | None = None
    if kind in SENSATION_KINDS:
        rows, only_a_new_row = _sensation_rows(data, form, entry)
        if only_a_new_row:
            return form, rows, None
    if data is None:
        return form, rows, None
    rows_valid = rows.is_valid() if rows is not None else True
    if rows is not None:
        # A half-filled sensation is something to save too: its row says what is missing.
        form.has_sensations = bool(rows.inputs()) if rows_valid else rows.any_filled()
    if not (form.is_valid() and rows_valid):
        return form, rows, None
    return form, rows, _save(request, form, rows, kind=kind, entry=entry, session=session)


def after_save(request: AuthedHttpRequest, entry: JournalEntry) -> HttpResponse:
    if entry.red_flags:
        # The detail page shows the notice to seek care at once, as an alert.
        return redirect("entries:detail", entry_uuid=entry.uuid)
    messages.success(request, str(SAVED[EntryKind(entry.kind)]))
    return redirect("today:home")


def form_context(form: EntryForm, rows: BaseSensationFormSet | None) -> dict[str, Any]:
    """What an entry form's template needs besides the form: the body map and the errors."""
    return {**sensation_context(rows), "error_summary": error_summary(form, rows)}


def sensation_context(rows: BaseSensationFormSet | None) -> dict[str, Any]:
    marked = rows.marked_regions() if rows is not None else set()
    return {
        "bodymap": bodymap.figure_context(marked),
        "bodymap_off_figure": [(r, REGION_LABELS[r]) for r in bodymap.OFF_FIGURE],
        "bodymap_regions": bodymap.region_list(),
        "marked_regions": marked,
        "marked_key": ",".join(sorted(marked)),  # part of the cached figure's key
        "feel_suggestions": FEEL_SUGGESTIONS,
    }


# "quality:feel" pairs for the page's script, which suggests a feel as a quality is chosen.
FEEL_SUGGESTIONS = ",".join(f"{q}:{suggested_feel(q)}" for q in Quality.values)
