from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from journal.review.charts import LABEL_GAP, BarRow, Series, bar_rows, day_columns, line_chart
from journal.review.map_charts import body_map, calendar_heatmap, heat_class

DAYS = [date(2026, 3, 2) + timedelta(days=i) for i in range(7)]


def _chart(values: list[float | None]) -> str:
    return str(
        line_chart(
            chart_id="c",
            title="Pain <by day>",
            description="Numbers below.",
            days=DAYS,
            series=[Series("Pain", "series-pain", values)],
        )
    )


def test_a_gap_breaks_the_line_instead_of_bridging_it() -> None:
    svg = _chart([5, 6, None, 4, 3, None, 2])
    assert svg.count("<polyline") == 2  # Mon-Tue and Thu-Fri; Sunday stands alone
    assert svg.count("<circle") == 5
    assert "Pain, Sunday: 2" in svg


def test_values_map_onto_the_zero_to_ten_scale() -> None:
    svg = _chart([0, 10, None, None, None, None, None])
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    assert ys[0] > ys[1]  # 0 at the bottom, 10 at the top
    assert ys[0] == 250 - 44  # the plot's bottom edge


def test_charts_have_names_escape_text_and_use_no_inline_style() -> None:
    svg = _chart([1, 2, 3, 4, 5, 6, 7])
    assert 'role="img"' in svg and 'aria-labelledby="c-t c-d"' in svg
    assert "Pain &lt;by day&gt;" in svg
    assert "style=" not in svg


def test_bar_rows_print_each_value_and_mark_missing_days() -> None:
    columns, names = day_columns(DAYS)
    svg = str(
        bar_rows(
            chart_id="b",
            title="Stress",
            description="d",
            columns=columns,
            names=names,
            rows=[BarRow("Stress", "series-stress", [3, None, 10, 0, 5, 5, 12], 10)],
        )
    )
    assert svg.count('<rect class="bar series-stress"') == 6
    assert "–</text>" in svg
    assert "Stress, Wednesday: 10" in svg
    # A value past the scale is drawn at full height, still labelled with its own number.
    heights = re.findall(r'class="bar series-stress"[^>]*height="([\d.]+)"', svg)
    assert heights[1] == heights[-1]
    assert ">12</text>" in svg


def test_body_map_shades_regions_with_data_and_names_them() -> None:
    html = str(
        body_map(
            chart_id="m",
            title="Unpleasant",
            tone="heat",
            levels={"lower_back": (4, "Lower back: 3 times"), "neck": (1, "Neck: once")},
        )
    )
    assert html.count('class="body-map"') == 2
    assert html.count('class="region heat-4"') == 1  # the lower back is on the back view only
    assert html.count('class="region heat-1"') == 2  # the neck shows front and back
    assert "<title>Lower back: 3 times</title>" in html
    assert "Jaw: nothing noted" in html


def test_calendar_days_are_links_only_when_logged() -> None:
    start = date(2026, 1, 5)
    svg = str(
        calendar_heatmap(
            title="Year",
            start=start,
            days=[
                (start, heat_class(None, False), "Mon: nothing logged", ""),
                (start + timedelta(days=1), heat_class(7.6, True), "Tue: pain 7.6", "/t/?a=1&b=2"),
            ],
        )
    )
    assert svg.count("<a ") == 1
    assert 'href="/t/?a=1&amp;b=2"' in svg
    assert "cal-pain-3" in svg and "cal-empty" in svg


def test_heat_classes_cover_the_scale() -> None:
    assert [heat_class(p, True) for p in (0, 2.4, 2.5, 5, 7.5, 10)] == [
        "cal-pain-0", "cal-pain-0", "cal-pain-1", "cal-pain-2", "cal-pain-3", "cal-pain-3",
    ]  # fmt: skip
    assert heat_class(None, True) == "cal-logged"


def test_equal_series_sit_side_by_side_and_are_named_apart() -> None:
    days = [date(2026, 3, 2) + timedelta(days=i) for i in range(7)]
    same = [4.0, 5, 5, 6, 4, 3, 4]
    svg = str(
        line_chart(
            chart_id="c",
            title="t",
            description="d",
            days=days,
            series=[
                Series("Pain", "series-pain", same),
                Series("Tension", "series-tension", same, "square"),
            ],
        )
    )
    circles = re.findall(r'<circle class="mark series-pain" cx="([\d.]+)" cy="([\d.]+)"', svg)
    squares = re.findall(r'<rect class="mark series-tension" x="([\d.]+)" y="([\d.]+)"', svg)
    assert len(circles) == len(squares) == 7
    for (cx, cy), (x, y) in zip(circles, squares, strict=True):
        assert float(x) + 4.5 - float(cx) >= 9  # a marker's width apart: both seen
        assert float(y) + 4.5 == pytest.approx(float(cy))
    labels = re.findall(
        r'<text class="direct-label [^"]+" x="[\d.]+" y="([\d.]+)">(\w+)</text>', svg
    )
    assert [name for _, name in labels] == ["Pain", "Tension"]
    assert abs(float(labels[0][0]) - float(labels[1][0])) >= LABEL_GAP
    # Markers come after every line, so no line is drawn over one.
    assert svg.rindex("<polyline") < svg.index("<circle")


def test_a_region_without_a_shape_is_listed_beside_the_figures() -> None:
    levels = {"lower_back": (4, "Lower back: 3"), "new_place": (1, "Elbows: 1")}
    html = str(body_map(chart_id="m", title="Where", tone="heat", levels=levels))
    assert "Also noted, away from the figures" in html
    assert '<li class="off-figure heat-1">Elbows: 1</li>' in html


def test_the_calendar_is_month_grids_latest_first_with_no_empty_weeks() -> None:
    start, last = date(2026, 1, 26), date(2026, 3, 4)
    days = [
        (start + timedelta(days=i), "cal-logged", f"day {i}", f"/t/?d={i}")
        for i in range((last - start).days + 1)
    ]
    html = str(calendar_heatmap(title="Year", start=start, days=days))
    captions = re.findall(r"<caption>([^<]+)</caption>", html)
    assert captions == ["March 2026", "February 2026", "January 2026"]
    march = html[: html.index("February 2026")]
    assert march.count("<tr>") == 3  # the header, the week with 1 March, the one to 4 March
    january = html[html.index("January 2026") :]
    assert january.count("<tr>") == 2  # the header and the week from 26 January
    assert html.count('<a class="cal-day') == len(days)
