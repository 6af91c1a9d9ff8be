"""The trends page: 12 weeks of figures and a year of days."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db.models import Avg, Count, Sum
from django.db.models.functions import TruncDate

from journal.core.dates import Week, local_midnight
from journal.models import JournalEntry
from journal.review.figures import _mean
from practices.models import PracticeSession, SessionState


@dataclass(frozen=True)
class WeekTrend:
    week: Week
    pain: float | None
    minutes: int
    days_logged: int


@dataclass(frozen=True)
class CalendarDay:
    day: date
    logged: bool
    pain: float | None


@dataclass
class Trends:
    weeks: list[WeekTrend]
    calendar: list[CalendarDay]  # from a week start a year ago to today
    first: date
    last: date


def _by_local_day(queryset: Any, field_name: str, zone: ZoneInfo, **aggregates: Any) -> Any:
    return (
        queryset.annotate(local=TruncDate(field_name, tzinfo=zone))
        .values("local")
        .annotate(**aggregates)
        .order_by("local")
    )


def trends(*, user: User, today: date, week_start: int, zone: ZoneInfo) -> Trends:
    """12 weeks ending with this one, and a year of days ending today."""
    this_week = Week.containing(today, week_start=week_start, zone=zone)
    calendar_start = Week.containing(
        today - timedelta(days=364), week_start=week_start, zone=zone
    ).start
    since: datetime = local_midnight(min(calendar_start, this_week.shifted(-11).start), zone)
    until = this_week.end_at

    entry_days = _by_local_day(
        JournalEntry.objects.for_user(user).filter(
            is_draft=False, occurred_at__gte=since, occurred_at__lt=until
        ),
        "occurred_at",
        zone,
        n=Count("id"),
        pain=Avg("pain"),
    )
    session_days = _by_local_day(
        PracticeSession.objects.for_user(user)
        .exclude(state=SessionState.IN_PROGRESS)
        .filter(started_at__gte=since, started_at__lt=until),
        "started_at",
        zone,
        n=Count("id"),
        seconds=Sum("duration_seconds"),
    )
    pain_by_day: dict[date, float | None] = {}
    logged: set[date] = set()
    for row in entry_days:
        logged.add(row["local"])
        pain_by_day[row["local"]] = row["pain"]
    seconds_by_day: Counter[date] = Counter()
    for row in session_days:
        logged.add(row["local"])
        seconds_by_day[row["local"]] += row["seconds"] or 0

    weeks: list[WeekTrend] = []
    for offset in range(-11, 1):
        week = this_week.shifted(offset)
        pains = [p for d in week.days if (p := pain_by_day.get(d)) is not None]
        weeks.append(
            WeekTrend(
                week=week,
                pain=_mean(pains),
                minutes=round(sum(seconds_by_day[d] for d in week.days) / 60),
                days_logged=sum(1 for d in week.days if d in logged),
            )
        )
    calendar = [
        CalendarDay(day=day, logged=day in logged, pain=pain_by_day.get(day))
        for day in (
            calendar_start + timedelta(days=i) for i in range((today - calendar_start).days + 1)
        )
    ]
    return Trends(weeks=weeks, calendar=calendar, first=calendar_start, last=today)
