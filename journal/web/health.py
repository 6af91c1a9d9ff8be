"""Liveness check for load balancers, monitors and the benchmark's reference target.

It answers for the process, not for a person: no database, no session, no template.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

HEALTHZ_PATH = "/healthz"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    # Response middleware that asks who is signed in (the no-store header) would load the
    # session and the user from the database; nobody is signed in to a health check.
    request.user = AnonymousUser()
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


class HealthzMiddleware:
    """Answers `/healthz` before the session, authentication and axes middleware run.

    Request middleware that checks the log-in (idle and absolute timeouts) would otherwise
    read the session and the user for any probe that carries a cookie. Listed first in
    `MIDDLEWARE`; without it the URL pattern still serves the same view.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only probes: anything else (a POST) meets the whole stack, CSRF check first.
        if request.path_info == HEALTHZ_PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
