"""The timeline: entries and practice sessions, newest first, grouped by day."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from journal.cards import Links, card
from journal.entry_forms import day_bounds
from journal.markdown import render_markdown
from journal.models import JournalEntry
from practices.models import PracticeSession

PAGE_SIZE = 30
SESSION = "session"
# Item sources in the page cursor; entries sort before sessions of the same time.
ENTRY, SESSION_SOURCE = "e", "s"


def optional_url(name: str, **kwargs: Any) -> str | None:
    """A link to a page another part of the app may not have yet."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


@dataclass
class Item:
    when: datetime
    entry: JournalEntry | None = None
    session: PracticeSession | None = None
    local: datetime = field(init=False)
    card: dict[str, Any] = field(init=False)

    @property
    def source(self) -> str:
        return ENTRY if self.entry is not None else SESSION_SOURCE

    @property
    def uuid(self) -> uuid.UUID:
        record = self.entry if self.entry is not None else self.session
        assert record is not None
        return record.uuid

    @property
    def sort_key(self) -> tuple[datetime, str, str]:
        """Newest first; items in the same minute keep one fixed order across pages."""
        return (self.when, self.source, self.uuid.hex)

    @property
    def cursor(self) -> str:
        return f"{self.source}-{self.uuid.hex}"

    def localise(self, zone: ZoneInfo) -> None:
        self.local = timezone.localtime(self.when, zone)


@dataclass
class Day:
    day: date
    items: list[Item]


@dataclass
class Page:
    days: list[Day]
    next_before: datetime | None
    next_last: str | None = None


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
            item.entry.body_html = render_markdown(body) if body else ""  # type: ignore[attr-defined]
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
