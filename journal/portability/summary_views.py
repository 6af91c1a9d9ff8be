"""The clinician summary page and its PDF.

The page's choices are sent by POST: a typed name and date of birth must not end up in a
URL (browser history, server logs). They are stored only when the person ticks "remember".
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_POST

from journal.accounts.ratelimit import rate_limited
from journal.core.http import AuthedHttpRequest
from journal.portability import pdf_format
from journal.portability.reader import DateRange, JournalReader
from journal.portability.summary import build_summary
from journal.portability.summary_forms import SummaryForm
from journal.portability.summary_identity import identity_initial, identity_keep
from journal.portability.summary_options import SummaryOptions, reflection_candidates


def _form(request: AuthedHttpRequest) -> SummaryForm:
    """The choices: posted ones, or the days of a link from the export page, or defaults
    (with the name and date of birth the person asked to have remembered)."""
    data = request.POST if request.method == "POST" else (request.GET or None)
    probe = SummaryForm(data, candidates=[])
    date_range = probe.date_range() if data is not None and probe.is_valid() else DateRange()
    candidates = reflection_candidates(request.user, date_range)
    if data is None:
        return SummaryForm(candidates=candidates, initial=identity_initial(request.user))
    form = SummaryForm(data, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        identity_keep(user=request.user, cleaned=form.cleaned_data)
    return form


@login_required
@require_http_methods(["GET", "POST"])
def summary_page(request: AuthedHttpRequest) -> HttpResponse:
    form = _form(request)
    if not form.is_bound:
        defaults = frozenset(c.uuid for c in form.candidates if c.default)
        kept = form.initial
        options = SummaryOptions(
            reflections=defaults, name=kept.get("name", ""), birth_date=kept.get("birth_date")
        )
        reader = JournalReader(request.user)
    elif form.is_valid():
        options = form.options()
        reader = JournalReader(request.user, form.date_range())
    else:
        context = {"form": form, "summary": None, "nav": "export"}
        return render(request, "portability/summary.html", context, status=400)
    # The whole page in the summary's language: it is printed for the clinician as it is.
    with translation.override(options.in_language):
        summary = build_summary(reader, options)
        page: dict[str, object] = {"form": form, "summary": summary, "nav": "export"}
        return render(request, "portability/summary.html", page)


@login_required
@rate_limited("pdf_export")
@require_POST
def summary_pdf(request: AuthedHttpRequest) -> HttpResponse:
    form = _form(request)
    if not form.is_valid():
        context = {"form": form, "summary": None, "nav": "export"}
        return render(request, "portability/summary.html", context, status=400)
    reader = JournalReader(request.user, form.date_range())
    response = HttpResponse(
        pdf_format.export_pdf(reader, form.options()), content_type=pdf_format.CONTENT_TYPE
    )
    today = timezone.now().astimezone(reader.zone).date()
    response["Content-Disposition"] = f'attachment; filename="journal-summary-{today}.pdf"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
