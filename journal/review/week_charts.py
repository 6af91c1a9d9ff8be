"""The review's charts, assembled from its figures with the chart toolkit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString

from journal.review.charts import BarRow, Series, _fmt, bar_rows, day_columns, line_chart
from journal.review.map_charts import body_map, calendar_heatmap, heat_class

if TYPE_CHECKING:
    from journal.review.figures import RegionFigure, WeekReview
    from journal.review.trends import CalendarDay, Trends, WeekTrend


def region_levels(figures: Sequence[RegionFigure], noun: str) -> dict[str, tuple[int, str]]:
    return {
        f.region: (
            f.level,
            f"{f.label}: {noun} {f.count} time{'s' if f.count != 1 else ''}"
            + ("" if f.mean_intensity is None else f", mean intensity {_fmt(f.mean_intensity)}"),
        )
        for f in figures
    }


def week_charts(review: WeekReview) -> dict[str, SafeString]:
    days = [d.day for d in review.days]
    columns, names = day_columns(days)
    return {
        "pain": line_chart(
            chart_id="pain-chart",
            title="Pain and tension by day",
            description=(
                "Morning check-in pain and tension, and the mean intensity of unpleasant "
                "sensations noted that day, each from 0 to 10. The table below has the numbers."
            ),
            days=days,
            series=[
                Series("Pain", "series-pain", [d.pain for d in review.days]),
                Series("Tension", "series-tension", [d.tension for d in review.days], "square"),
                Series(
                    "Unpleasant sensations",
                    "series-sensation",
                    [d.sensation_intensity for d in review.days],
                    "diamond",
                ),
            ],
        ),
        "context": bar_rows(
            chart_id="context-chart",
            title="Stress, sleep and practice by day",
            description="Stress from 0 to 10, hours of sleep, and minutes of practice each day.",
            columns=columns,
            names=names,
            rows=[
                BarRow("Stress", "series-stress", [d.stress for d in review.days], 10),
                BarRow(
                    "Sleep (hours)", "series-sleep", [d.sleep_hours for d in review.days], 10, " h"
                ),
                BarRow(
                    "Practice (minutes)",
                    "series-minutes",
                    [d.minutes or None for d in review.days],
                    max([30, *(d.minutes for d in review.days)]),
                    " min",
                ),
            ],
        ),
        "unpleasant": body_map(
            chart_id="map-unpleasant",
            title="Where unpleasant sensations were felt",
            tone="heat",
            levels=region_levels(review.unpleasant, "noted"),
        ),
        "ease": body_map(
            chart_id="map-ease",
            title="Where ease and pleasant sensations were felt",
            tone="ease",
            levels=region_levels(review.ease, "noted"),
        ),
    }


def trend_chart(weeks: Sequence[WeekTrend]) -> SafeString:
    return bar_rows(
        chart_id="trend-chart",
        title="The last 12 weeks",
        description=(
            "Mean morning pain (0 to 10), minutes of practice and days with anything logged, "
            "week by week. The table below has the numbers."
        ),
        columns=[f"{w.week.start:%-d %b}" for w in weeks],
        names=[f"week of {w.week.start:%-d %B}" for w in weeks],
        rows=[
            BarRow("Pain", "series-pain", [w.pain for w in weeks], 10),
            BarRow(
                "Practice (minutes)",
                "series-minutes",
                [w.minutes or None for w in weeks],
                max([60, *(w.minutes for w in weeks)]),
                " min",
            ),
            BarRow("Days logged", "series-days", [w.days_logged for w in weeks], 7),
        ],
    )


def _calendar_label(cell: CalendarDay) -> str:
    if cell.pain is not None:
        return f"{cell.day:%A %-d %B %Y}: pain {cell.pain:.1f}"
    if cell.logged:
        return f"{cell.day:%A %-d %B %Y}: logged, no pain rating"
    return f"{cell.day:%A %-d %B %Y}: nothing logged"


def year_calendar(data: Trends, timeline: str) -> SafeString:
    """The year of days; each logged one links to its day on the timeline page at `timeline`.

    `timeline` is "" when there is no timeline page, and then no day links anywhere.
    """
    days = [
        (
            cell.day,
            heat_class(cell.pain, cell.logged),
            _calendar_label(cell),
            f"{timeline}?start={cell.day:%Y-%m-%d}&end={cell.day:%Y-%m-%d}"
            if cell.logged and timeline
            else "",
        )
        for cell in data.calendar
    ]
    return calendar_heatmap(
        title="A year of days: each square is a day, a stronger colour when pain was higher",
        start=data.first,
        days=days,
    )
