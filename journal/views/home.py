from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from journal.http import AnyHttpRequest


@require_GET
def home(request: AnyHttpRequest) -> HttpResponse:
    return render(request, "home.html")
