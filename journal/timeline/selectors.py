"""The timeline: entries and practice sessions, newest first, grouped by day."""

from __future__ import annotations

import uuid
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from journal.core.dates import day_bounds
from journal.core.links import Links
from journal.core.markdown import render_excerpt
from journal.models import JournalEntry
from journal.timeline.cards import card
from journal.timeline.items import ENTRY, SESSION_SOURCE, Day, Item, Page
from practices.models import PracticeSession

PAGE_SIZE = 30
SESSION = "session"


def after_cursor(filters: dict[str, Any], time_field: str, source: str) -> Q | None:
    """Rows that come after the previous page's last item, in newest-first order.

    The order is (time, source, uuid), all descending; `last` names the item the
    previous page ended on. Without `last` (an older link), the cut is by time alone.
    """
    before = filters.get("before")
    if not before:
        return None
    older = Q(**{f"{time_field}__lt": before})
    last = filters.get("last")
    if not last:
        return older
    last_source, last_hex = last.split("-", 1)
    if source < last_source:
        return Q(**{f"{time_field}__lte": before})
    if source == last_source:
        # The outer `lte` lets the database walk the (user, time) index from the cut.
        same_time = Q(**{time_field: before}) & Q(uuid__lt=uuid.UUID(last_hex))
        return Q(**{f"{time_field}__lte": before}) & (older | same_time)
    return older


def entries_query(user: User, filters: dict[str, Any], zone: ZoneInfo) -> QuerySet[JournalEntry]:
    qs = JournalEntry.objects.for_user(user).with_details()
    kind = filters.get("kind")
    if kind == SESSION:
        return qs.none()
    if kind:
        qs = qs.filter(kind=kind)
    if filters.get("practice"):
        qs = qs.filter(session__practice__uuid=filters["practice"])
    if filters.get("tag"):
        qs = qs.filter(tags__uuid=filters["tag"])
    if filters.get("emotion"):
        qs = qs.filter(emotions__emotion=filters["emotion"])
    if filters.get("region"):
        qs = qs.filter(sensations__region=filters["region"])
    if filters.get("start"):
        qs = qs.filter(occurred_at__gte=day_bounds(filters["start"], zone)[0])
    if filters.get("end"):
        qs = qs.filter(occurred_at__lt=day_bounds(filters["end"], zone)[1])
    if filters.get("q"):
        text = filters["q"]
        qs = qs.filter(
            Q(body__icontains=text) | Q(belief__icontains=text) | Q(reframe__icontains=text)
        )
    cut = after_cursor(filters, "occurred_at", ENTRY)
    if cut is not None:
        qs = qs.filter(cut)
    return qs.distinct()


def sessions_query(
    user: User, filters: dict[str, Any], zone: ZoneInfo
) -> QuerySet[PracticeSession]:
    qs = (
        PracticeSession.objects.for_user(user)
        .select_related("practice")
        .prefetch_related("sensations")
    )
    kind = filters.get("kind")
    if (kind and kind != SESSION) or filters.get("tag") or filters.get("emotion"):
        return qs.none()
    if filters.get("practice"):
        qs = qs.filter(practice__uuid=filters["practice"])
    if filters.get("region"):
        qs = qs.filter(sensations__region=filters["region"])
    if filters.get("start"):
        qs = qs.filter(started_at__gte=day_bounds(filters["start"], zone)[0])
    if filters.get("end"):
        qs = qs.filter(started_at__lt=day_bounds(filters["end"], zone)[1])
    if filters.get("q"):
        text = filters["q"]
        qs = qs.filter(Q(notes__icontains=text) | Q(practice__name__icontains=text))
    cut = after_cursor(filters, "started_at", SESSION_SOURCE)
    if cut is not None:
        qs = qs.filter(cut)
    return qs.distinct()


def group_by_day(items: list[Item], zone: ZoneInfo) -> list[Day]:
    """Items grouped by local day, each with the card the page prints."""
    links = Links()
    for item in items:
        item.localise(zone)
        if item.entry is not None:
            body = item.entry.body
            item.entry.body_html = render_excerpt(body) if body else ""  # type: ignore[attr-defined]
        item.card = card(item, links)
    return [Day(day, list(group)) for day, group in groupby(items, key=lambda i: i.local.date())]


def timeline_page(
    user: User, filters: dict[str, Any], zone: ZoneInfo, size: int = PAGE_SIZE
) -> Page:
    """One page of the merged timeline, cut at `filters["before"]`."""
    entries = entries_query(user, filters, zone).order_by("-occurred_at", "-uuid")
    sessions = sessions_query(user, filters, zone).order_by("-started_at", "-uuid")
    items = [Item(when=e.occurred_at, entry=e) for e in entries[: size + 1]]
    items += [Item(when=s.started_at, session=s) for s in sessions[: size + 1]]
    items.sort(key=lambda i: i.sort_key, reverse=True)
    more = len(items) > size
    items = items[:size]
    if not (more and items):
        return Page(days=group_by_day(items, zone), next_before=None)
    last = items[-1]
    return Page(days=group_by_day(items, zone), next_before=last.when, next_last=last.cursor)
