"""The clinician summary's charts: ratings averaged per week, or per month over a long span.

They are drawn with the review's chart toolkit (`journal.review.charts`); each series also
gets a line of text (its first and last average), which is the charts' text alternative.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from journal.core.dates import Week, local_day
from journal.review.charts import Series, period_chart
from practices.models import SessionState

# More weeks than this and the columns become months.
MAX_WEEKS = 30
# About this many labels fit under a chart.
LABELS = 6
_SESSION_RATINGS = ("before_pain", "after_pain", "before_safety", "after_safety")
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
        day = local_day(moment, self.zone)
        if self.monthly:
            return day.replace(day=1)
        return Week.containing(day, week_start=self.week_start, zone=self.zone).start

    @property
    def noun(self) -> str:
        return "month" if self.monthly else "week"

    @property
    def labels(self) -> list[str]:
        return [f"{d:%b %Y}" if self.monthly else f"{d.day} {d:%b}" for d in self.starts]

    def averages(self, values: dict[date, list[int]]) -> list[float | None]:
        return [sum(found) / len(found) if (found := values.get(s)) else None for s in self.starts]


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
    chart_id: str,
    title: str,
    description: str,
    periods: Periods,
    series: Sequence[Series],
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


def rating_charts(
    entries: QuerySet[Any], sessions: QuerySet[Any], periods: Periods
) -> list[SummaryChart]:
    """Pain, and the sense of safety and calm, per period: day to day and around practice."""
    check_in_pain: dict[date, list[int]] = defaultdict(list)
    for moment, pain in entries.filter(pain__isnull=False).values_list("occurred_at", "pain"):
        check_in_pain[periods.of(moment)].append(int(pain or 0))
    values: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
    rows = sessions.filter(state=SessionState.FINISHED).values_list("started_at", *_SESSION_RATINGS)
    for moment, *ratings in rows:
        period = periods.of(moment)
        for name, value in zip(_SESSION_RATINGS, ratings, strict=True):
            if value is not None:
                values[name][period].append(value)

    def before_after(kind: str) -> list[Series]:
        return [
            Series("Before practice", "series-before", periods.averages(values[f"before_{kind}"])),
            Series(
                "After practice",
                "series-after",
                periods.averages(values[f"after_{kind}"]),
                "square",
            ),
        ]

    day_to_day = Series("Day to day", "series-day", periods.averages(check_in_pain), "diamond")
    return [
        _chart(
            "summary-pain",
            "Pain over time",
            f"Average pain (0-10) each {periods.noun}: in journal entries and check-ins, "
            "and before and after practice sessions.",
            periods,
            [day_to_day, *before_after("pain")],
        ),
        _chart(
            "summary-safety",
            "Sense of safety and calm",
            f"Average sense of safety and calm (0-10) each {periods.noun}, "
            "before and after practice sessions.",
            periods,
            before_after("safety"),
        ),
    ]
