from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET

from journal.accounts.profiles import profile_for
from journal.core.http import AuthedHttpRequest
from journal.timeline.forms import PAGE_CURSOR, TimelineFilterForm
from journal.timeline.selectors import timeline_page


@login_required
@require_GET
def timeline(request: AuthedHttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    zone = profile_for(request.user).zone
    page = timeline_page(request.user, filters, zone)
    more_query = ""
    if page.next_before is not None:
        params: QueryDict = request.GET.copy()
        params["before"] = page.next_before.isoformat()
        if page.next_last:
            params["last"] = page.next_last
        more_query = params.urlencode()
    context = {
        "form": form,
        "page": page,
        "more_query": more_query,
        "is_filtered": any(v for k, v in filters.items() if k not in PAGE_CURSOR),
        "is_later_page": bool(filters.get("before")),
        "nav": "timeline",
    }
    template = "timeline/timeline.html"
    if request.htmx and not request.htmx.boosted and request.GET.get("before"):
        template += "#timeline_page"
    elif request.htmx and not request.htmx.boosted:
        template += "#timeline_results"
    response = render(request, template, context)
    # The filter form is a GET form: the URL holds the person's own words, which a
    # same-origin referrer would still hand to every page and asset this one loads.
    response["Referrer-Policy"] = "no-referrer"
    return response
