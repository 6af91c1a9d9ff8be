from __future__ import annotations

from itertools import groupby

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from journal.http import AnyHttpRequest
from practices.models import Category, Practice


@require_GET
def catalog(request: AnyHttpRequest) -> HttpResponse:
    practices = Practice.objects.for_user(request.user).active().order_by("category", "name")
    labels = dict(Category.choices)
    groups = [
        (labels.get(category, category), list(items))
        for category, items in groupby(practices, key=lambda p: p.category)
    ]
    return render(request, "practices/catalog.html", {"groups": groups, "nav": "practices"})


@require_GET
def practice_detail(request: AnyHttpRequest, slug: str) -> HttpResponse:
    # A person's own practice wins over a built-in one of the same slug.
    practice = (
        Practice.objects.for_user(request.user).filter(slug=slug).order_by("-user_id").first()
    )
    if practice is None:
        raise Http404
    return render(request, "practices/detail.html", {"practice": practice, "nav": "practices"})
