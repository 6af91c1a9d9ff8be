from __future__ import annotations

from typing import cast

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from journal.core.http import AnyHttpRequest, AuthedHttpRequest
from journal.today.views import today_page


@require_http_methods(["GET", "POST"])
def home(request: AnyHttpRequest) -> HttpResponse:
    """The landing page for visitors; the Today page once signed in."""
    if request.user.is_authenticated:
        return today_page(cast(AuthedHttpRequest, request))
    if request.method == "POST":
        return redirect_to_login(request.get_full_path())
    return render(request, "home.html")
