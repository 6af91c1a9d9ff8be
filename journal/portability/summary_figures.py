"""The clinician summary's figures: daily check-in values, their trend over the period, and what
each practice changed, worked out with the same statistics as the weekly review (the mean of
daily means for levels, the median of before-to-after changes with n for practices)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy, ngettext

from journal.core.dates import local_day
from journal.core.numbers import decimal_words
from journal.review.figures import MIN_SESSIONS, PracticeEffect, practice_display_name, signed
from practices.models import RATING_LABELS, RATINGS, PracticeSession, SessionState

# A chart point, or a trend's end, rests on at least this many days with a value.
MIN_POINT_DAYS = 3
MEASURES = {
    "pain": gettext_lazy("Pain (0–10)"),
    "tension": gettext_lazy("Tension (0–10)"),
    "stress": gettext_lazy("Stress (0–10)"),
    "sleep_hours": gettext_lazy("Sleep (hours)"),
}
HELPED_LIMIT = 3


@dataclass
class Daily:
    """Check-in values by local day: each day's mean, then each measure on its own."""

    values: dict[str, dict[date, float]]
    logged: set[date]


def daily_values(entries: QuerySet[Any], sessions: QuerySet[Any], zone: Any) -> Daily:
    """Two queries: the entries' check-in values and times, and the sessions' times."""
    found: dict[str, dict[date, list[float]]] = {m: defaultdict(list) for m in MEASURES}
    logged: set[date] = set()
    for moment, *values in entries.values_list("occurred_at", *MEASURES):
        day = local_day(moment, zone)
        logged.add(day)
        for name, value in zip(MEASURES, values, strict=True):
            if value is not None:
                found[name][day].append(float(value))
    logged.update(local_day(m, zone) for m in sessions.values_list("started_at", flat=True))
    return Daily(
        values={m: {d: statistics.fmean(v) for d, v in days.items()} for m, days in found.items()},
        logged=logged,
    )


@dataclass(frozen=True)
class PeriodValue:
    value: float | None  # None when fewer than MIN_POINT_DAYS days have a value
    days: int


def period_values(by_day: dict[date, float], periods: Any) -> list[PeriodValue]:
    grouped: dict[date, list[float]] = defaultdict(list)
    for day, value in by_day.items():
        grouped[periods.of_day(day)].append(value)
    result = []
    for start in periods.starts:
        values = grouped.get(start, [])
        enough = len(values) >= MIN_POINT_DAYS
        result.append(PeriodValue(statistics.fmean(values) if enough else None, len(values)))
    return result


@dataclass(frozen=True)
class MeasureTrend:
    key: str
    label: str
    days: int  # days with a value in the whole period
    mean: float | None
    first: PeriodValue | None  # the first period with enough days
    last: PeriodValue | None  # and the last, when it is another one
    first_label: str = ""
    last_label: str = ""

    @property
    def words(self) -> str:
        if self.days < MIN_POINT_DAYS:
            return ngettext(
                "rated on %(count)s day: too few to show a trend",
                "rated on %(count)s days: too few to show a trend",
                self.days,
            ) % {"count": self.days}
        if self.first is None or self.last is None or self.first.value is None:
            return gettext("%(mean)s on average over %(count)s days") % {
                "mean": decimal_words(self.mean),
                "count": self.days,
            }
        return gettext(
            "%(first)s in %(first_when)s (%(first_days)s days), %(last)s in %(last_when)s "
            "(%(last_days)s days); %(mean)s on average over %(count)s days"
        ) % {
            "first": decimal_words(self.first.value),
            "first_when": self.first_label,
            "first_days": self.first.days,
            "last": decimal_words(self.last.value),
            "last_when": self.last_label,
            "last_days": self.last.days,
            "mean": decimal_words(self.mean),
            "count": self.days,
        }


def measure_trend(
    key: str, by_day: dict[date, float], points: list[PeriodValue], labels: list[str]
) -> MeasureTrend:
    enough = [(i, p) for i, p in enumerate(points) if p.value is not None]
    first = enough[0] if len(enough) > 1 else None
    last = enough[-1] if len(enough) > 1 else None
    return MeasureTrend(
        key=key,
        label=str(MEASURES[key]),
        days=len(by_day),
        mean=statistics.fmean(by_day.values()) if by_day else None,
        first=first[1] if first else None,
        last=last[1] if last else None,
        first_label=labels[first[0]] if first else "",
        last_label=labels[last[0]] if last else "",
    )


@dataclass(frozen=True)
class PracticeRow:
    name: str
    sessions: int  # finished sessions
    minutes: int
    rated: int  # sessions rated before and after (the n of the medians)
    changes: list[tuple[str, str]]  # rating label, median change with its sign
    pain_median: float | None
    safety_median: float | None

    @property
    def helped(self) -> bool:
        if self.rated < MIN_SESSIONS:
            return False
        return (self.pain_median or 0) < 0 or (self.safety_median or 0) > 0

    @property
    def helped_words(self) -> str:
        return ngettext(
            "pain %(pain)s, safety %(safety)s (medians of %(count)s rated session)",
            "pain %(pain)s, safety %(safety)s (medians of %(count)s rated sessions)",
            self.rated,
        ) % {
            "pain": signed(self.pain_median),
            "safety": signed(self.safety_median),
            "count": self.rated,
        }


_SESSION_FIELDS = (
    "practice_id",
    "practice__name",
    "practice__translations",
    "duration_seconds",
    "started_at",
    "ended_at",
    "state",
    *(f"{when}_{rating}" for when in ("before", "after") for rating in RATINGS),
)


def practice_rows(sessions: QuerySet[PracticeSession]) -> list[PracticeRow]:
    """Finished sessions per practice, with the review's median changes (one query)."""
    effects: dict[int, PracticeEffect] = {}
    seconds: dict[int, int] = defaultdict(int)
    counts: dict[int, int] = defaultdict(int)
    rows = sessions.filter(state=SessionState.FINISHED).order_by("started_at")
    for row in rows.values(*_SESSION_FIELDS):
        practice = row["practice_id"]
        effect = effects.get(practice) or effects.setdefault(
            practice, PracticeEffect(practice, practice_display_name(row))
        )
        counts[practice] += 1
        seconds[practice] += row["duration_seconds"] or 0
        for rating in RATINGS:
            before, after = row[f"before_{rating}"], row[f"after_{rating}"]
            if before is not None and after is not None:
                effect.changes[rating].append(after - before)
    result = [
        PracticeRow(
            name=effect.name,
            sessions=counts[practice],
            minutes=round(seconds[practice] / 60),
            rated=effect.sessions,
            changes=[(str(RATING_LABELS[r]), signed(effect.median(r))) for r in RATINGS],
            pain_median=effect.median("pain"),
            safety_median=effect.median("safety"),
        )
        for practice, effect in effects.items()
    ]
    return sorted(result, key=lambda r: (-r.sessions, r.name))


def helped(rows: list[PracticeRow]) -> list[PracticeRow]:
    """Practices with enough rated sessions whose median eased pain or raised safety."""
    found = [r for r in rows if r.helped]
    found.sort(key=lambda r: (r.pain_median or 0, -(r.safety_median or 0), -r.rated, r.name))
    return found[:HELPED_LIMIT]
