"""Server-rendered SVG charts for the review pages and the clinician summary.

No inline styles (the Content-Security-Policy forbids them): every colour comes from a
class in `static/css/review.css` (the summary's: `export.css`), so the charts follow the
light and dark themes and print. Each chart carries a title and description for assistive
technology and is paired with a table of the same numbers in the template.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from journal.core.dates import weekday_name, weekday_short
from journal.core.numbers import decimal_words

WIDTH = 420
LEFT = 30
RIGHT = 6
TOP = 14
BOTTOM = 44


def _column_label(x: float, y: float, text: str, note: str = "") -> SafeString:
    """An x-axis label on two lines ("Mon" over "16"), so narrow screens stay readable; a
    `note` ("so far") goes on a third line."""
    first, _, second = text.partition(" ")
    extra = (
        format_html('<tspan class="axis-note" x="{}" dy="15">{}</tspan>', _fmt(x), note)
        if note
        else ""
    )
    return format_html(
        '<text class="axis" x="{}" y="{}" text-anchor="middle">{}<tspan x="{}" dy="15">{}</tspan>'
        "{}</text>",
        _fmt(x),
        _fmt(y),
        first,
        _fmt(x),
        second,
        extra,
    )


def _fmt(value: float) -> str:
    """A number for SVG: coordinates and sizes, never localised."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _words(value: float) -> str:
    """A value a person reads (titles, labels): "2.5", or "2,5" in German; "3", not "3.0"."""
    return decimal_words(value) if round(value, 1) % 1 else str(round(value))


@dataclass(frozen=True)
class Series:
    name: str
    css: str  # class suffix: series-pain, series-tension, ...
    values: Sequence[float | None]
    marker: str = "circle"  # circle | square | diamond
    short: str = ""  # the name printed at the line's end; the full name by default


def _svg(
    chart_id: str, height: float, title: str, description: str, parts: list[SafeString]
) -> SafeString:
    """The chart's outer <svg>, named by its title and description for screen readers."""
    return format_html(
        '<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{title}</title>'
        '<desc id="{id}-d">{description}</desc>{parts}</svg>',
        width=WIDTH,
        height=height,
        id=chart_id,
        title=title,
        description=description,
        parts=mark_safe("".join(parts)),  # noqa: S308 - every part was built with format_html
    )


def _x(index: int, count: int, right: float = RIGHT) -> float:
    step = (WIDTH - LEFT - right) / count
    return LEFT + step * (index + 0.5)


LABEL_SPACE = 98  # the line chart's right margin, where each line is named at its end
LABEL_GAP = 16  # the least distance between two of those names
DODGE = 11  # how far markers of one day sit apart, so equal values stay visible


def _dodge(series_index: int, series_count: int, step: float) -> float:
    """Markers of one day side by side, centred on the day: equal values never hide."""
    spread = min(DODGE, step / (series_count + 1))
    return (series_index - (series_count - 1) / 2) * spread


def _spread(wanted: list[tuple[float, int]], top: float, bottom: float) -> dict[int, float]:
    """Heights for the lines' end names: as wanted, pushed apart to LABEL_GAP, kept in view."""
    placed: dict[int, float] = {}
    last = top - LABEL_GAP
    for y, index in sorted(wanted):
        last = max(y, last + LABEL_GAP)
        placed[index] = last
    overflow = last - bottom
    if overflow > 0:
        placed = {index: y - overflow for index, y in placed.items()}
    return placed


_MARKERS = {
    "square": '<rect class="mark {css}" x="{left}" y="{top}" width="9" height="9"></rect>',
    "diamond": '<path class="mark {css}" d="M{x} {tip}l6 6l-6 6l-6 -6z"></path>',
    "circle": '<circle class="mark {css}" cx="{x}" cy="{y}" r="4.5"></circle>',
}


def _marker(kind: str, x: float, y: float, css: str, title: str) -> SafeString:
    shape = format_html(
        _MARKERS.get(kind, _MARKERS["circle"]),
        css=css,
        x=_fmt(x),
        y=_fmt(y),
        left=_fmt(x - 4.5),
        top=_fmt(y - 4.5),
        tip=_fmt(y - 6),
    )
    return format_html("<g>{}<title>{}</title></g>", shape, title)


def _paint(attributes: Mapping[str, str]) -> SafeString:
    """SVG presentation attributes (not styles: the CSP allows them), for print colours."""
    return format_html_join("", ' {}="{}"', ((k, v) for k, v in attributes.items() if v))


def _grid(y: Callable[[float], float], paint: SafeString | None = None) -> list[SafeString]:
    """Grid lines and labels every 2 points of a 0-10 scale."""
    return [
        format_html(
            '<line class="grid" x1="{left}" x2="{right}" y1="{y}" y2="{y}"{paint}></line>'
            '<text class="axis" x="{label}" y="{text_y}" text-anchor="end">{level}</text>',
            left=LEFT,
            right=WIDTH - RIGHT,
            y=_fmt(y(level)),
            paint=paint or "",
            label=LEFT - 6,
            text_y=_fmt(y(level) + 4),
            level=level,
        )
        for level in (0, 2, 4, 6, 8, 10)
    ]


def _end_labels(
    series: Sequence[Series], ends: dict[int, float], plot_bottom: float
) -> list[SafeString]:
    """Each line named in its colour at its last value (direct labels, not only a legend)."""
    placed = _spread([(y, i) for i, y in ends.items()], TOP + 4, plot_bottom)
    return [
        format_html(
            '<text class="direct-label {}" x="{}" y="{}">{}</text>',
            series[index].css,
            WIDTH - LABEL_SPACE + 6,
            _fmt(y + 5),
            series[index].short or series[index].name,
        )
        for index, y in sorted(placed.items())
    ]


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    days: Sequence[date],
    series: Sequence[Series],
) -> SafeString:
    """Values 0-10 per day; a line joins days next to each other, gaps stay gaps.

    The markers of one day sit side by side and each line is named at its end, so two
    series with the same values are still two things to see.
    """
    height = 250
    plot_bottom = height - BOTTOM
    count = max(1, len(days))
    step = (WIDTH - LEFT - LABEL_SPACE) / count

    def y(value: float) -> float:
        return plot_bottom - (plot_bottom - TOP) * value / 10

    parts = _grid(y)
    for index, day in enumerate(days):
        label_x = _x(index, count, LABEL_SPACE)
        parts.append(_column_label(label_x, height - 24, f"{weekday_short(day)} {day.day}"))
    ends: dict[int, float] = {}
    marks: list[SafeString] = []  # drawn after every line, so no line crosses a marker
    for number, line in enumerate(series):
        shift = _dodge(number, len(series), step)

        def x(index: int, shift: float = shift) -> float:
            return _x(index, count, LABEL_SPACE) + shift

        segments: list[list[tuple[float, float]]] = [[]]
        for index, value in enumerate(line.values):
            if value is None:
                segments.append([])
                continue
            segments[-1].append((x(index), y(value)))
        for segment in segments:
            if len(segment) > 1:
                points = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in segment)
                parts.append(
                    format_html(
                        '<polyline class="line {}" fill="none" points="{}"></polyline>',
                        line.css,
                        points,
                    )
                )
        for index, value in enumerate(line.values):
            if value is not None:
                label = f"{line.name}, {weekday_name(days[index])}: {_words(value)}"
                marks.append(_marker(line.marker, x(index), y(value), line.css, label))
                ends[number] = y(value)
    parts.extend(marks)
    parts.extend(_end_labels(series, ends, plot_bottom))
    return _svg(chart_id, height, title, description, parts)


def period_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    label_every: int = 1,
    paint: Mapping[str, Mapping[str, str]] | None = None,
) -> SafeString:
    """Values 0-10 per period (a week, a month) over a span too long to label every column.

    A line joins periods next to each other and gaps stay gaps; a value with no neighbour is
    drawn as its marker. Every `label_every`-th label is printed. WeasyPrint reads no page CSS
    into inline SVG, so `paint` gives attributes to the whole "chart", the "grid" and each
    series' class (its stroke also fills its markers); page CSS overrides them on screen.
    """
    height = 220
    plot_bottom = height - BOTTOM
    count = len(labels)

    def y(value: float) -> float:
        return plot_bottom - (plot_bottom - TOP) * value / 10

    paint = paint or {}
    parts = _grid(y, _paint(paint.get("grid", {})))
    for index, label in enumerate(labels):
        if index % label_every == 0:
            parts.append(_column_label(_x(index, count), height - 24, label))
    for line in series:
        attributes = paint.get(line.css, {})
        runs: list[list[tuple[int, float]]] = [[]]
        for index, value in enumerate(line.values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append((index, value))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{_fmt(_x(i, count))},{_fmt(y(v))}" for i, v in run)
                polyline = '<polyline class="line {}" fill="none" points="{}"{}></polyline>'
                parts.append(format_html(polyline, line.css, points, _paint(attributes)))
            elif run:
                index, value = run[0]
                label = f"{line.name}, {labels[index]}: {_words(value)}"
                mark = _marker(line.marker, _x(index, count), y(value), line.css, label)
                fill = _paint({"fill": attributes.get("stroke", "")})
                parts.append(format_html("<g{}>{}</g>", fill, mark))
    inner = mark_safe("".join(parts))  # noqa: S308 - every part was built with format_html
    whole = format_html("<g{}>{}</g>", _paint(paint.get("chart", {})), inner)
    return _svg(chart_id, height, title, description, [whole])


@dataclass(frozen=True)
class BarRow:
    name: str
    css: str
    values: Sequence[float | None]
    maximum: float
    unit: str = ""


def day_columns(days: Sequence[date]) -> tuple[list[str], list[str]]:
    return [f"{weekday_short(d)} {d.day}" for d in days], [weekday_name(d) for d in days]


STRIP = 84  # the height of one measure's strip in `bar_rows`


def _strip(
    row: BarRow,
    top: float,
    count: int,
    names: Sequence[str],
    bar_width: float,
    partial: Sequence[bool],
) -> list[SafeString]:
    """One measure's strip: its name, base line, and a bar (or a dash) per value."""
    base = top + STRIP - 16
    parts = [
        format_html(
            '<text class="strip-label" x="8" y="{}">{}</text>'
            '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"></line>',
            top + 2,
            row.name,
            LEFT,
            WIDTH - RIGHT,
            base,
            base,
        )
    ]
    for index, value in enumerate(row.values):
        x = _x(index, count)
        if value is None:
            parts.append(
                format_html(
                    '<text class="axis" x="{}" y="{}" text-anchor="middle">–</text>',
                    _fmt(x),
                    base - 4,
                )
            )
            continue
        bar = (STRIP - 48) * min(value, row.maximum) / row.maximum if row.maximum else 0
        css = f"{row.css} partial" if partial[index] else row.css
        parts.append(
            format_html(
                '<g><rect class="bar {}" x="{}" y="{}" width="{}" height="{}"></rect>'
                "<title>{}, {}: {}{}</title></g>"
                '<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>',
                css,
                _fmt(x - bar_width / 2),
                _fmt(base - bar),
                _fmt(bar_width),
                _fmt(max(bar, 0)),
                row.name,
                names[index],
                _words(value),
                row.unit,
                _fmt(x),
                _fmt(base - bar - 4),
                _words(value),
            )
        )
    return parts


def bar_rows(
    *,
    chart_id: str,
    title: str,
    description: str,
    columns: Sequence[str],
    names: Sequence[str],
    rows: Sequence[BarRow],
    partial: Sequence[bool] = (),
    partial_note: str = "",
) -> SafeString:
    """Small bar strips stacked, one per measure, each on its own scale, values printed.

    `columns` label the x axis; `names` name each column in the hover titles. A column
    marked in `partial` (a week under way) has outlined bars and `partial_note` under it.
    """
    count = len(columns)
    partial = list(partial) or [False] * count
    height = TOP + STRIP * len(rows) + BOTTOM - 16 + (16 if any(partial) else 0)
    bar_width = (WIDTH - LEFT - RIGHT) / count * 0.5
    parts: list[SafeString] = []
    for row_index, row in enumerate(rows):
        parts.extend(_strip(row, TOP + STRIP * row_index, count, names, bar_width, partial))
    label_y = height - 24 - (16 if any(partial) else 0)
    for index, column in enumerate(columns):
        note = partial_note if partial[index] else ""
        parts.append(_column_label(_x(index, count), label_y, column, note))
    return _svg(chart_id, height, title, description, parts)
