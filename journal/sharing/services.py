"""Making, finding, opening and withdrawing share links, and counting requests to them."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from journal.models import ShareLink, ShareRateCounter, ShareView
from journal.portability.reader import DateRange
from journal.portability.summary_options import SECTIONS, SummaryOptions, reflection_candidates

TOKEN_BYTES = 24  # 192 random bits
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32}")
MIN_DAYS, MAX_DAYS = 1, 30
# Requests to shared links from one address, and wrong passcodes for one link.
REQUEST_LIMIT, REQUEST_WINDOW = 60, timedelta(minutes=10)
PASSCODE_LIMIT, PASSCODE_WINDOW = 5, timedelta(minutes=15)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@transaction.atomic
def share_create(
    *, user: User, options: SummaryOptions, days: int, passcode: str = ""
) -> tuple[ShareLink, str]:
    """A new link for `days` days (1 to 30); returns it with its token, which is shown once."""
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"a link lasts {MIN_DAYS} to {MAX_DAYS} days, not {days}")
    reflections = options.reflections
    if reflections is None:  # the default choice, fixed now: the link never grows
        candidates = reflection_candidates(user, options.date_range)
        reflections = frozenset(c.uuid for c in candidates if c.default)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    # Old counters are no use to anyone; a new link is a quiet moment to clear them.
    ShareRateCounter.objects.filter(window_start__lt=now - timedelta(days=1)).delete()
    link = ShareLink.objects.create(
        user=user,
        token_hash=token_hash(token),
        since=options.date_range.since,
        until=options.date_range.until,
        sections=sorted(options.sections & set(SECTIONS)),
        reflections=sorted(reflections),
        name=options.name,
        birth_date=options.birth_date,
        language=options.language,
        passcode_hash=make_password(passcode) if passcode else "",
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return link, token


def share_revoke(*, link: ShareLink) -> None:
    """Withdrawn at once: the next request with its token is told so."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def share_find(token: str) -> ShareLink | None:
    """The link with this token, open or not; None for any token that was never made."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    return ShareLink.objects.select_related("user").filter(token_hash=token_hash(token)).first()


def share_options(link: ShareLink) -> SummaryOptions:
    """The summary exactly as chosen when the link was made."""
    return SummaryOptions(
        date_range=DateRange(since=link.since, until=link.until),
        sections=frozenset(link.sections) & frozenset(SECTIONS),
        reflections=frozenset(link.reflections),
        name=link.name,
        birth_date=link.birth_date,
        language=link.language,
    )


def passcode_matches(link: ShareLink, passcode: str) -> bool:
    return bool(link.passcode_hash) and check_password(passcode, link.passcode_hash)


def share_view_record(*, link: ShareLink) -> None:
    ShareView.objects.create(link=link)


@dataclass(frozen=True)
class Limit:
    scope: str
    limit: int
    window: timedelta


REQUESTS = Limit("request", REQUEST_LIMIT, REQUEST_WINDOW)
PASSCODES = Limit("passcode", PASSCODE_LIMIT, PASSCODE_WINDOW)


def _window_start(now: datetime, window: timedelta) -> datetime:
    seconds = int(window.total_seconds())
    return datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=now.tzinfo)


def _key(limit: Limit, who: str) -> str:
    # Keyed, so the table holds no address or token that could be read back.
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"{limit.scope}:{who}".encode(), hashlib.sha256).hexdigest()


def rate_count(*, limit: Limit, who: str) -> bool:
    """Counts one hit for `who`; True while within the limit of the current window."""
    now = timezone.now()
    start = _window_start(now, limit.window)
    key = _key(limit, who)
    with transaction.atomic():
        updated = ShareRateCounter.objects.filter(key=key, window_start=start).update(
            hits=F("hits") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    ShareRateCounter.objects.create(key=key, window_start=start, hits=1)
            except IntegrityError:  # another request made the row first
                ShareRateCounter.objects.filter(key=key, window_start=start).update(
                    hits=F("hits") + 1
                )
        hits = ShareRateCounter.objects.filter(key=key, window_start=start).values_list(
            "hits", flat=True
        )
        return (hits.first() or 0) <= limit.limit


def rate_peek(*, limit: Limit, who: str) -> bool:
    """True while `who` is within the limit, without counting a hit."""
    start = _window_start(timezone.now(), limit.window)
    row = ShareRateCounter.objects.filter(key=_key(limit, who), window_start=start)
    return (row.values_list("hits", flat=True).first() or 0) < limit.limit
