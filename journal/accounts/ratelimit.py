"""Rate limits counted in the database, so every app server shares them.

A fixed window per scope ("import", "pdf_export", ...) and per account and per address:
`RATE_LIMITS[scope] = (allowed, seconds)`. Each count is one atomic UPDATE, so two servers
counting at once never lose a request (Django's database cache would be shared too, but its
increment is a read then a write, so django-ratelimit does not support it).
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from journal.accounts import security_log as security
from journal.models import RateLimitCounter

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def _window(scope: str) -> tuple[int, int]:
    allowed, seconds = settings.RATE_LIMITS[scope]
    return int(allowed), int(seconds)


def _count(keys: list[str], expires_at: datetime) -> list[int]:
    """Add one to each key's counter (made if missing) in one statement; the new counts.

    INSERT ... ON CONFLICT DO UPDATE ... RETURNING: SQLite 3.35+ and PostgreSQL alike."""
    quote = connection.ops.quote_name
    table, key_, count, expires = (
        quote(name) for name in (RateLimitCounter._meta.db_table, "key", "count", "expires_at")
    )
    rows = ", ".join(["(%s, 1, %s)"] * len(keys))
    params: list[str | datetime] = []
    for key in keys:
        params += [key, expires_at]
    # Only names and placeholders are formatted in; the values go as parameters.
    sql = (
        f"INSERT INTO {table} ({key_}, {count}, {expires}) VALUES {rows} "  # nosec B608
        f"ON CONFLICT ({key_}) DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = [int(row[0]) for row in cursor.fetchall()]
    if 1 in counts:
        # A new window has begun: clear the ones that are over.
        RateLimitCounter.objects.filter(expires_at__lt=timezone.now()).delete()
    return counts


def address_key(address: str) -> str:
    """An IPv4 address as it is; an IPv6 address by its /64, which one host usually holds
    whole (so stepping through its addresses does not escape the limit)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def keyed(kind: str, value: str) -> str:
    """An identity typed by the visitor (an email address), counted by a keyed digest: the
    counters never hold what was typed, and any byte in it is safe to store."""
    return f"{kind}:{salted_hmac('journal.ratelimit', value).hexdigest()[:32]}"


def identities(request: HttpRequest) -> list[str]:
    """Who a request is counted against: the address, and the account when signed in."""
    found = [f"ip:{address_key(security.client_ip(request))}"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        found.append(f"user:{user.pk}")
    return found


def hit(scope: str, request: HttpRequest, *, extra: list[str] | None = None) -> bool:
    """Count one request in `scope`; True when it is over the limit for any identity."""
    allowed, seconds = _window(scope)
    window = int(time.time()) // seconds
    expires_at = timezone.now() + timedelta(seconds=seconds)
    found = identities(request) + (extra or [])
    # One row each: PostgreSQL refuses an upsert that touches a row twice.
    keys = list(dict.fromkeys(f"{scope}:{identity}:{window}" for identity in found))
    over = any(count > allowed for count in _count(keys, expires_at))
    if over:
        security.logger.info(
            "rate limited scope=%s user_id=%s ip=%s",
            scope,
            getattr(getattr(request, "user", None), "pk", None),
            security.client_ip(request),
        )
    return over


def too_many(request: HttpRequest, scope: str) -> HttpResponse:
    """A calm page with HTTP 429 and a Retry-After of the window's rest."""
    _allowed, seconds = _window(scope)
    wait = seconds - int(time.time()) % seconds
    response = render(
        request,
        "accounts/rate_limited.html",
        {"minutes": max(1, round(wait / 60)), "scope": scope},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def rate_limited(
    scope: str,
    *,
    methods: tuple[str, ...] = ("POST",),
    when: Callable[[HttpRequest], bool] | None = None,
) -> Callable[[View], View]:
    """Refuse a view with 429 past its limit. Counts requests of `methods` for which
    `when(request)` holds (all of them without `when`)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            counted = request.method in methods and (when is None or when(request))
            if counted and hit(scope, request):
                return too_many(request, scope)
            return view(request, *args, **kwargs)

        return cast(View, wrapped)

    return decorate
