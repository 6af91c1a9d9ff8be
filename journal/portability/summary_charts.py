"""The clinician summary's charts: check-in values and practice ratings per week, or per
month over a long span, each point the mean of daily means on at least MIN_POINT_DAYS days.

They are drawn with the review's chart toolkit (`journal.review.charts`); each series also
gets a line of text (its first and last point), which is the charts' text alternative.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from journal.core.dates import Week, date_words, local_day, long_date
from journal.portability.summary_figures import (
    MIN_POINT_DAYS,
    Daily,
    PeriodValue,
    period_values,
)
from journal.review.charts import Series, period_chart
from practices.models import SessionState

# More weeks than this and the columns become months.
MAX_WEEKS = 30
# About this many labels fit under a chart.
LABELS = 6
_SESSION_RATINGS = ("before_pain", "after_pain", "before_safety", "after_safety")
_CHECK_IN = ("pain", "tension", "stress")
# The charts' print look, as SVG presentation attributes: WeasyPrint reads no page stylesheet
# into an inline SVG (and the PDF carries no <style>), and a browser printing the page uses
# them too. On screen the classes in static/css/export.css override them with the theme's.
# Dashes tell the series apart without colour.
_LINE = {"stroke-width": "2.5", "stroke-linejoin": "round"}
PRINT_PAINT = {
    "chart": {"font-size": "12", "font-family": "DejaVu Sans, sans-serif", "fill": "#4f5d62"},
    "grid": {"stroke": "#cfc9bb", "stroke-width": "1"},
    "series-day": {"stroke": "#4f5d62", "stroke-dasharray": "2 3", **_LINE},
    "series-before": {"stroke": "#c2410c", **_LINE},
    "series-after": {"stroke": "#2f6b5e", "stroke-dasharray": "6 3", **_LINE},
    "series-pain": {"stroke": "#b4380a", **_LINE},
    "series-tension": {"stroke": "#1f5fa8", "stroke-dasharray": "7 4", **_LINE},
    "series-stress": {"stroke": "#8a5a00", "stroke-dasharray": "2 3", **_LINE},
    "series-sleep": {"stroke": "#3a5f8f", **_LINE},
}


def _next_month(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Periods:
    """The charts' columns: the person's own weeks, or calendar months."""

    starts: list[date]
    monthly: bool
    week_start: int
    zone: ZoneInfo

    @classmethod
    def spanning(cls, first: date, last: date, *, week_start: int, zone: ZoneInfo) -> Periods:
        monthly = (last - first).days > MAX_WEEKS * 7
        starts: list[date] = []
        if monthly:
            current = first.replace(day=1)
            while current <= last:
                starts.append(current)
                current = _next_month(current)
        else:
            week = Week.containing(first, week_start=week_start, zone=zone)
            while week.start <= last:
                starts.append(week.start)
                week = week.next
        return cls(starts=starts, monthly=monthly, week_start=week_start, zone=zone)

    def of(self, moment: datetime) -> date:
        return self.of_day(local_day(moment, self.zone))

    def of_day(self, day: date) -> date:
        if self.monthly:
            return day.replace(day=1)
        return Week.containing(day, week_start=self.week_start, zone=self.zone).start

    @property
    def labels(self) -> list[str]:
        return [
            date_words(d, gettext("M Y") if self.monthly else gettext("j M")) for d in self.starts
        ]

    @property
    def names(self) -> list[str]:
        """The periods in words, for the overview: "the week of 5 October", "March 2026"."""
        if self.monthly:
            return [date_words(d, gettext("F Y")) for d in self.starts]
        return [gettext("the week of %(day)s") % {"day": long_date(d)} for d in self.starts]


@dataclass(frozen=True)
class LegendLine:
    label: str
    css: str
    first: float | None
    last: float | None


@dataclass(frozen=True)
class SummaryChart:
    title: str
    description: str
    svg: SafeString
    legend: list[LegendLine]

    @property
    def has_data(self) -> bool:
        return any(line.first is not None for line in self.legend)


def _legend_line(series: Series) -> LegendLine:
    known = [round(value, 1) for value in series.values if value is not None]
    return LegendLine(
        label=series.name,
        css=series.css,
        first=known[0] if known else None,
        last=known[-1] if known else None,
    )


def _chart(
    chart_id: str, title: str, description: str, periods: Periods, series: Sequence[Series]
) -> SummaryChart:
    svg = period_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        labels=periods.labels,
        series=series,
        label_every=max(1, len(periods.starts) // LABELS),
        paint=PRINT_PAINT,
    )
    return SummaryChart(title, description, svg, [_legend_line(s) for s in series])


def _points(values: list[PeriodValue]) -> list[float | None]:
    return [None if p.value is None else min(10.0, p.value) for p in values]


def session_daily(sessions: QuerySet[Any], zone: ZoneInfo) -> dict[str, dict[date, float]]:
    """Finished sessions' ratings before and after, as means by local day (one query)."""
    found: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
    rows = sessions.filter(state=SessionState.FINISHED).values_list("started_at", *_SESSION_RATINGS)
    for moment, *ratings in rows:
        day = local_day(moment, zone)
        for name, value in zip(_SESSION_RATINGS, ratings, strict=True):
            if value is not None:
                found[name][day].append(value)
    return {
        name: {day: statistics.fmean(values) for day, values in days.items()}
        for name, days in found.items()
    }


def _every(periods: Periods) -> str:
    return gettext(
        "Each point is the mean of the daily values of one %(period)s with at least "
        "%(days)s days rated; a %(period)s with fewer is left out."
    ) % {
        "period": gettext("month") if periods.monthly else gettext("week"),
        "days": MIN_POINT_DAYS,
    }


def _series(
    name: str, css: str, by_day: dict[date, float], periods: Periods, marker: str = "circle"
) -> Series:
    return Series(name, css, _points(period_values(by_day, periods)), marker)


def _around(kind: str, sessions: dict[str, dict[date, float]], periods: Periods) -> list[Series]:
    before = sessions.get(f"before_{kind}", {})
    after = sessions.get(f"after_{kind}", {})
    return [
        _series(gettext("Before practice"), "series-before", before, periods),
        _series(gettext("After practice"), "series-after", after, periods, "square"),
    ]


def rating_charts(
    daily: Daily, sessions: dict[str, dict[date, float]], periods: Periods
) -> list[SummaryChart]:
    """Check-in pain, tension and stress; sleep; and pain and safety around practice."""
    every = _every(periods)
    values = daily.values
    return [
        _chart(
            "summary-check-ins",
            gettext("Pain, tension and stress day to day"),
            gettext("From the morning check-ins, 0 to 10.") + " " + every,
            periods,
            [
                _series(gettext("Pain"), "series-pain", values["pain"], periods),
                _series(gettext("Tension"), "series-tension", values["tension"], periods, "square"),
                _series(gettext("Stress"), "series-stress", values["stress"], periods, "diamond"),
            ],
        ),
        _chart(
            "summary-sleep",
            gettext("Sleep"),
            gettext("Hours of sleep reported in the check-ins (shown up to 10).") + " " + every,
            periods,
            [_series(gettext("Sleep (hours)"), "series-sleep", values["sleep_hours"], periods)],
        ),
        _chart(
            "summary-pain",
            gettext("Pain around practice"),
            gettext("Pain (0-10) before and after practice sessions.") + " " + every,
            periods,
            _around("pain", sessions, periods),
        ),
        _chart(
            "summary-safety",
            gettext("Sense of safety and calm around practice"),
            gettext("Safety and calm (0-10) before and after practice sessions.") + " " + every,
            periods,
            _around("safety", sessions, periods),
        ),
    ]
