"""The person's own share links: make one, see who opened which when, withdraw one."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from journal.core.http import AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.models import ShareLink, ShareView
from journal.portability.reader import DateRange
from journal.portability.summary_forms import SummaryForm
from journal.portability.summary_options import reflection_candidates
from journal.sharing.forms import ShareForm
from journal.sharing.services import share_create, share_revoke

VIEWS_SHOWN = 50


def _links(request: AuthedHttpRequest) -> list[ShareLink]:
    """The person's links, newest first, each with its views (two queries)."""
    return list(
        ShareLink.objects.for_user(request.user).prefetch_related(
            Prefetch("views", queryset=ShareView.objects.order_by("-viewed_at"))
        )
    )


def _page(
    request: AuthedHttpRequest,
    summary_form: SummaryForm,
    share_form: ShareForm,
    *,
    new_url: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": summary_form,
        "share_form": share_form,
        "links": _links(request),
        "new_url": new_url,
        "views_shown": VIEWS_SHOWN,
        "nav": "export",
    }
    return render(request, "sharing/index.html", context, status=status)


@login_required
@require_GET
def index(request: AuthedHttpRequest) -> HttpResponse:
    candidates = reflection_candidates(request.user, DateRange())
    return _page(request, SummaryForm(candidates=candidates), ShareForm())


@login_required
@require_POST
def create(request: AuthedHttpRequest) -> HttpResponse:
    probe = SummaryForm(request.POST, candidates=[])
    date_range = probe.date_range() if probe.is_valid() else DateRange()
    summary_form = SummaryForm(
        request.POST, candidates=reflection_candidates(request.user, date_range)
    )
    share_form = ShareForm(request.POST)
    if not (summary_form.is_valid() and share_form.is_valid()):
        return _page(request, summary_form, share_form, status=400)
    _, token = share_create(
        user=request.user,
        options=summary_form.options(),
        days=share_form.cleaned_data["expires_in_days"],
        passcode=share_form.cleaned_data["passcode"] or "",
    )
    url = request.build_absolute_uri(reverse("sharing:open", kwargs={"share_token": token}))
    return _page(request, summary_form, ShareForm(), new_url=url)


@login_required
@require_POST
def revoke(request: AuthedHttpRequest, share_uuid: UUID) -> HttpResponse:
    link = get_owned_or_404(ShareLink.objects.for_user(request.user), uuid=share_uuid)
    share_revoke(link=link)
    return redirect("sharing:index")
