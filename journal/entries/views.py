from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from journal.accounts.profiles import profile_for
from journal.core.http import AuthedHttpRequest
from journal.core.links import optional_url
from journal.core.markdown import render_markdown
from journal.core.ownership import get_owned_or_404
from journal.core.vocabulary import EntryKind, mid_sentence
from journal.entries import presenters, writing_views
from journal.entries.forms import SENSATION_KINDS, EntryForm, body_too_long_message, posted_version
from journal.entries.sensation_forms import BaseSensationFormSet, sensation_formset
from journal.entries.services import (
    BodyTooLong,
    StaleEntry,
    entry_delete,
    entry_draft_save,
)
from journal.entries.submission import (
    TITLES,
    after_save,
    form_context,
    handle_entry_form,
    sensation_row,
)
from journal.models import JournalEntry
from practices.models import PracticeSession

REFLECTION_PROMPTS = [
    _("What did your breath do?"),
    _("Where did you feel ease, even a little?"),
    _("What changed, and what stayed the same?"),
    _("Was there a moment of safety or calm?"),
]
INTROS = {
    EntryKind.FREE: _("Write whatever you notice: in your body, your day, your thoughts."),
    EntryKind.EXPRESSIVE: _(
        "Write without stopping or censoring for a while, for your eyes only. "
        "Spelling and sense do not matter. What you type is kept as a draft as you go."
    ),
    EntryKind.REFRAME: _(
        "Take one belief about your pain and look at it gently. "
        "Is there a kinder, more accurate way to see it?"
    ),
}


def autosave(request: AuthedHttpRequest, kind: str, entry: JournalEntry | None) -> HttpResponse:
    """Keep the text typed so far; answers with a short status for the page.

    Nothing is cut or overwritten: a text over the limit, or a draft changed in another tab
    since this page opened, is refused with a status that says so.
    """
    form = EntryForm(request.POST, user=request.user, kind=kind)
    body = request.POST.get("body", "")
    token = None
    if entry is None:
        try:
            token = uuid.UUID(request.POST.get("token", ""))
        except ValueError:
            return HttpResponse(gettext("This page is out of date; reload it."), status=400)
    template = "entries/_autosave_reply.html"
    try:
        entry = entry_draft_save(
            user=request.user,
            kind=kind,
            token=token,
            entry=entry,
            body=body,
            expected_version=posted_version(request),
        )
    except BodyTooLong as error:
        refused = {"too_long": body_too_long_message(error.length)}
        return render(request, template, refused, status=422)
    except StaleEntry as error:
        return render(request, template, {"stale": error.current}, status=409)
    context: dict[str, Any] = {
        "saved_at": timezone.localtime(entry.updated_at, form.zone),
        "version": entry.version,
    }
    return render(request, template, context)


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
        "title": (
            TITLES[EntryKind(kind)]
            if entry is None
            else gettext("Edit: %(title)s") % {"title": TITLES[EntryKind(kind)]}
        ),
        "intro": INTROS.get(EntryKind(kind), ""),
        "form": form,
        "zone": form.zone,
        "rows": rows,
        "entry": entry,
        "session": session,
        # The practice's name as it reads inside a sentence ("After body scan, 10 minutes").
        "session_practice": mid_sentence(session.practice.display_name) if session else "",
        "prompts": REFLECTION_PROMPTS if kind == EntryKind.POST_PRACTICE else [],
        "nav": "practices" if session else "today",
        **form_context(form, rows),
        **(extra or {}),
    }
    return render(request, "entries/entry_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: AuthedHttpRequest, kind: str) -> HttpResponse:
    if kind not in EntryKind.values or kind == EntryKind.POST_PRACTICE:
        raise Http404
    if kind == EntryKind.CHECK_IN:
        return redirect(reverse("today:home") + "#check-in")
    if (fragment := sensation_row(request)) is not None:
        return fragment
    if request.method == "POST" and "autosave" in request.POST and kind == EntryKind.EXPRESSIVE:
        return autosave(request, kind, None)
    if request.method == "GET" and kind == EntryKind.EXPRESSIVE:
        # One expressive writing: the practice (ratings, timer) unless a draft is waiting.
        return writing_views.draft_waiting(request)
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
    zone = profile_for(request.user).zone
    emotions, tags = presenters.entry_pills(entry)
    session = entry.session
    context = {
        "entry": entry,
        "title": TITLES[EntryKind(entry.kind)],
        "body_html": render_markdown(entry.body) if entry.body else "",
        "local": timezone.localtime(entry.occurred_at, zone),
        "after_practice": mid_sentence(session.practice.display_name) if session else "",
        "session_url": (
            optional_url("practices:session_detail", session_uuid=session.uuid) if session else None
        ),
        "facts": presenters.entry_facts(entry),
        "sensations": presenters.sensation_lines(entry),
        "emotions": emotions,
        "tags": tags,
        "red_flags": presenters.red_flag_labels(entry),
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
    try:
        form, rows, saved = handle_entry_form(request, kind=entry.kind, entry=entry)
    except StaleEntry as error:
        return stale_edit(request, entry, error.current)
    if saved is not None:
        if saved.red_flags:
            return redirect("entries:detail", entry_uuid=saved.uuid)
        messages.success(request, gettext("Changes saved."))
        return redirect("entries:detail", entry_uuid=saved.uuid)
    return render_entry_page(
        request, kind=entry.kind, form=form, rows=rows, entry=entry, session=entry.session
    )


def stale_edit(
    request: AuthedHttpRequest, entry: JournalEntry, current: JournalEntry
) -> HttpResponse:
    """Another tab saved this entry after this page opened: show both texts, save neither.

    The form keeps what the person sent, now carrying the saved version, so saving it again
    is a deliberate choice to replace the other tab's text.
    """
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = EntryForm(data, user=request.user, kind=entry.kind)
    form.is_valid()
    rows = sensation_formset(data) if entry.kind in SENSATION_KINDS else None
    response = render_entry_page(
        request,
        kind=entry.kind,
        form=form,
        rows=rows,
        entry=current,
        session=entry.session,
        extra={"stale": current, "stale_html": render_markdown(current.body)},
    )
    response.status_code = 409
    return response


@login_required
@require_POST
def entry_delete_view(request: AuthedHttpRequest, entry_uuid: str) -> HttpResponse:
    entry = _entry(request, entry_uuid)
    entry_delete(entry=entry)
    messages.success(request, gettext("The entry is deleted."))
    if request.htmx:
        # Deleted from the timeline: the item simply disappears.
        return HttpResponse("")
    return redirect("timeline:index")
