"""The review's charts, assembled from its figures with the chart toolkit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from journal.core.dates import date_words
from journal.core.numbers import decimal_words
from journal.review.charts import BarRow, Series, _fmt, bar_rows, day_columns, line_chart
from journal.review.map_charts import body_map, calendar_heatmap, heat_class

if TYPE_CHECKING:
    from journal.review.figures import RegionFigure, WeekReview
    from journal.review.trends import CalendarDay, Trends, WeekTrend


def region_levels(figures: Sequence[RegionFigure]) -> dict[str, tuple[int, str]]:
    return {
        f.region: (
            f.level,
            (
                ngettext(
                    "%(place)s: noted once, strength %(strength)s",
                    "%(place)s: noted %(count)s times, average strength %(strength)s",
                    f.count,
                )
                % {"place": f.label, "count": f.count, "strength": _fmt(f.mean_intensity)}
                if f.mean_intensity is not None
                else ngettext(
                    "%(place)s: noted once",
                    "%(place)s: noted %(count)s times",
                    f.count,
                )
                % {"place": f.label, "count": f.count}
            ),
        )
        for f in figures
    }


def _day_lines(review: WeekReview, days: list[Any]) -> SafeString:
    return line_chart(
        chart_id="pain-chart",
        title=gettext("Pain and tension by day"),
        description=gettext(
            "Check-in pain and tension, and the average strength of unpleasant "
            "sensations noted that day, each from 0 to 10. The table below has the numbers."
        ),
        days=days,
        series=[
            Series(gettext("Pain"), "series-pain", [d.pain for d in review.days]),
            Series(
                gettext("Tension"), "series-tension", [d.tension for d in review.days], "square"
            ),
            Series(
                gettext("Unpleasant sensations"),
                "series-sensation",
                [d.sensation_intensity for d in review.days],
                "diamond",
                gettext("Sensations"),
            ),
        ],
    )


def _day_bars(review: WeekReview, days: list[Any]) -> SafeString:
    columns, names = day_columns(days)
    return bar_rows(
        chart_id="context-chart",
        title=gettext("Stress, sleep and practice by day"),
        description=gettext(
            "Stress from 0 to 10, hours of sleep, and minutes of practice each day."
        ),
        columns=columns,
        names=names,
        rows=[
            BarRow(gettext("Stress"), "series-stress", [d.stress for d in review.days], 10),
            BarRow(
                gettext("Sleep (hours)"),
                "series-sleep",
                [d.sleep_hours for d in review.days],
                10,
                " h",
            ),
            BarRow(
                gettext("Practice (minutes)"),
                "series-minutes",
                [d.minutes or None for d in review.days],
                max([30, *(d.minutes for d in review.days)]),
                " min",
            ),
        ],
    )


def week_charts(review: WeekReview) -> dict[str, SafeString]:
    days = [d.day for d in review.days]
    return {
        "pain": _day_lines(review, days),
        "context": _day_bars(review, days),
        "unpleasant": body_map(
            chart_id="map-unpleasant",
            title=gettext("Where unpleasant sensations were felt"),
            tone="heat",
            levels=region_levels(review.unpleasant),
        ),
        "ease": body_map(
            chart_id="map-ease",
            title=gettext("Where ease and pleasant sensations were felt"),
            tone="ease",
            levels=region_levels(review.ease),
        ),
    }


def trend_chart(weeks: Sequence[WeekTrend]) -> SafeString:
    day_month = gettext("j F")
    return bar_rows(
        chart_id="trend-chart",
        title=gettext("The last 12 weeks"),
        description=gettext(
            "Average morning pain (0 to 10), minutes of practice and days with anything logged, "
            "week by week; the week under way is outlined and marked so far. The table below "
            "has the numbers."
        ),
        columns=[date_words(w.week.start, gettext("j M")) for w in weeks],
        names=[
            gettext("week of %(day)s") % {"day": date_words(w.week.start, day_month)} for w in weeks
        ],
        rows=[
            BarRow(gettext("Pain"), "series-pain", [w.pain for w in weeks], 10),
            BarRow(
                gettext("Practice (minutes)"),
                "series-minutes",
                [w.minutes or None for w in weeks],
                max([60, *(w.minutes for w in weeks)]),
                " min",
            ),
            BarRow(gettext("Days logged"), "series-days", [w.days_logged for w in weeks], 7),
        ],
        partial=[w.partial for w in weeks],
        partial_note=gettext("so far"),
    )


def _calendar_label(cell: CalendarDay) -> str:
    day = date_words(cell.day, gettext("l j F Y"))
    if cell.pain is not None:
        return gettext("%(day)s: pain %(pain)s") % {"day": day, "pain": decimal_words(cell.pain)}
    if cell.logged:
        return gettext("%(day)s: logged, no pain rating") % {"day": day}
    return gettext("%(day)s: nothing logged") % {"day": day}


def year_calendar(data: Trends, timeline: str, week_start: int = 0) -> SafeString:
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
        title=gettext("A year of days, the latest month first"),
        start=data.first,
        days=days,
        week_start=week_start,
    )
