from __future__ import annotations

import re
from datetime import date, timedelta

from journal.review.charts import BarRow, Series, bar_rows, day_columns, line_chart
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
