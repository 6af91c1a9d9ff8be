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
from journal.review.figures import _mean, span_label
from practices.models import PracticeSession, SessionState


@dataclass(frozen=True)
class WeekTrend:
    week: Week
    pain: float | None
    minutes: int
    days_logged: int
    days: int = 7  # the days that have begun: fewer in the week under way

    @property
    def partial(self) -> bool:
        return self.days < len(self.week.days)

    @property
    def label(self) -> str:
        return span_label(self.week.start, self.week.start + timedelta(days=self.days - 1))


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

    @property
    def logged_days(self) -> int:
        return sum(1 for c in self.calendar if c.logged)


def _by_local_day(queryset: Any, field_name: str, zone: ZoneInfo, **aggregates: Any) -> Any:
    return (
        queryset.annotate(local=TruncDate(field_name, tzinfo=zone))
        .values("local")
        .annotate(**aggregates)
        .order_by("local")
    )


@dataclass(frozen=True)
class _Daily:
    pain: dict[date, float | None]  # mean check-in pain by local day
    logged: set[date]  # local days with an entry or a session
    seconds: Counter[date]  # seconds of practice by local day


def _daily(user: User, since: datetime, until: datetime, zone: ZoneInfo) -> _Daily:
    """Entries and sessions summed up per local day, one query each."""
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
    daily = _Daily(pain={}, logged=set(), seconds=Counter())
    for row in entry_days:
        daily.logged.add(row["local"])
        daily.pain[row["local"]] = row["pain"]
    for row in session_days:
        daily.logged.add(row["local"])
        daily.seconds[row["local"]] += row["seconds"] or 0
    return daily


def _week_trend(week: Week, daily: _Daily, today: date) -> WeekTrend:
    days = [d for d in week.days if d <= today]
    pains = [p for d in days if (p := daily.pain.get(d)) is not None]
    return WeekTrend(
        week=week,
        pain=_mean(pains),
        minutes=round(sum(daily.seconds[d] for d in days) / 60),
        days_logged=sum(1 for d in days if d in daily.logged),
        days=len(days),
    )


def trends(*, user: User, today: date, week_start: int, zone: ZoneInfo) -> Trends:
    """12 weeks ending with this one, and a year of days ending today."""
    this_week = Week.containing(today, week_start=week_start, zone=zone)
    calendar_start = Week.containing(
        today - timedelta(days=364), week_start=week_start, zone=zone
    ).start
    since: datetime = local_midnight(min(calendar_start, this_week.shifted(-11).start), zone)
    daily = _daily(user, since, this_week.end_at, zone)
    calendar = [
        CalendarDay(day=day, logged=day in daily.logged, pain=daily.pain.get(day))
        for day in (
            calendar_start + timedelta(days=i) for i in range((today - calendar_start).days + 1)
        )
    ]
    return Trends(
        weeks=[_week_trend(this_week.shifted(offset), daily, today) for offset in range(-11, 1)],
        calendar=calendar,
        first=calendar_start,
        last=today,
    )
