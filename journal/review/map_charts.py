"""Charts drawn as maps: the body figures shaded by region, and the calendar of a year of days."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from journal.core.dates import date_words, weekday_name, weekday_short
from journal.core.vocabulary import REGION_LABELS, Region
from journal.entries.bodymap import FIGURES, OUTLINES, VIEW_LABELS, VIEW_NAMES, VIEWBOX


def _paint(css: str, paint: Mapping[str, Mapping[str, str]] | None) -> SafeString:
    """SVG presentation attributes for a shape's classes (the PDF reads no page CSS)."""
    if not paint:
        return mark_safe("")  # noqa: S308 - empty
    attributes: dict[str, str] = {}
    for name in css.split():
        attributes.update(paint.get(name, {}))
    return format_html_join("", ' {}="{}"', attributes.items())


def _off_figure(levels: dict[str, tuple[int, str]], tone: str) -> SafeString:
    """Regions with data but no shape on the figures (a region the vocabulary gained before
    the figures did): listed under them, so nothing noted is left off the map."""
    drawn = {region for shapes in FIGURES.values() for region, _ in shapes}
    extra = [
        (f"off-figure {tone}-{level}", text)
        for region, (level, text) in levels.items()
        if region not in drawn and region != Region.WHOLE_BODY.value
    ]
    if not extra:
        return mark_safe("")  # noqa: S308 - empty
    items = format_html_join("", '<li class="{}">{}</li>', extra)
    return format_html(
        '<p class="off-figure-intro">{}</p><ul class="off-figure-list">{}</ul>',
        gettext("Also noted, away from the figures:"),
        items,
    )


def body_map(
    *,
    chart_id: str,
    title: str,
    tone: str,
    levels: dict[str, tuple[int, str]],
    paint: Mapping[str, Mapping[str, str]] | None = None,
) -> SafeString:
    """Back and front figures; a region with data gets class `{tone}-{level}` and a title.

    `paint` gives each class its SVG attributes for the PDF, where page CSS does not reach.
    """
    whole = levels.get(Region.WHOLE_BODY.value)
    views: list[SafeString] = []
    for view, shapes in FIGURES.items():
        outline_class = f"outline {tone}-{whole[0]}" if whole else "outline"
        outlines = format_html_join(
            "",
            '<path class="{}" d="{}"{}></path>',
            ((outline_class, o["d"], _paint(outline_class, paint)) for o in OUTLINES[view]),
        )
        regions: list[SafeString] = []
        for region, attrs in shapes:
            level = levels.get(region)
            css = f"region {tone}-{level[0]}" if level else "region"
            label = REGION_LABELS.get(region, region)
            name = level[1] if level else gettext("%(region)s: nothing noted") % {"region": label}
            regions.append(
                format_html(
                    '<path class="{}" d="{}"{}><title>{}</title></path>',
                    css,
                    attrs["d"],
                    _paint(css, paint),
                    name,
                )
            )
        views.append(
            format_html(
                '<figure class="body-view"><svg class="body-map" viewBox="{}" role="img" '
                'aria-label="{}, {}">{}{}</svg><figcaption>{}</figcaption></figure>',
                VIEWBOX,
                title,
                VIEW_LABELS[view],
                outlines,
                mark_safe("".join(regions)),  # noqa: S308 - built with format_html
                VIEW_NAMES[view],
            )
        )
    return format_html(
        '<div class="body-maps" id="{}">{}</div>{}',
        chart_id,
        mark_safe("".join(views)),  # noqa: S308 - built with format_html
        _off_figure(levels, tone),
    )


def heat_class(pain: float | None, logged: bool) -> str:
    if not logged:
        return "cal-empty"
    if pain is None:
        return "cal-logged"
    return f"cal-pain-{min(3, int(pain // 2.5))}"


def _month_starts(first: date, last: date) -> list[date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return months


def _cell(day: date, cell: tuple[str, str, str] | None) -> SafeString:
    if cell is None:
        return mark_safe('<td class="cal-out"></td>')  # noqa: S308 (a constant)
    css, label, href = cell
    if href:
        return format_html(
            '<td><a class="cal-day {}" href="{}" aria-label="{}" title="{}">{}</a></td>',
            css,
            href,
            label,
            label,
            day.day,
        )
    return format_html(
        '<td><span class="cal-day {}" title="{}">{}<span class="visually-hidden">, {}</span>'
        "</span></td>",
        css,
        label,
        day.day,
        label,
    )


def _month_table(
    month: date, week_start: int, cells: dict[date, tuple[str, str, str]], span: tuple[date, date]
) -> str:
    first = month - timedelta(days=(month.weekday() - week_start) % 7)
    end = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    heads = format_html_join(
        "",
        '<th scope="col"><abbr title="{}">{}</abbr></th>',
        (
            (weekday_name(first + timedelta(days=i)), weekday_short(first + timedelta(days=i))[:2])
            for i in range(7)
        ),
    )
    rows: list[str] = []
    day = first
    # Weeks wholly before the first day shown or after the last are left out, not drawn empty.
    while day + timedelta(days=6) < span[0]:
        day += timedelta(days=7)
    end = min(end, span[1] + timedelta(days=1))
    while day < end:
        row = [
            _cell(d, cells.get(d) if d.month == month.month else None)
            for d in (day + timedelta(days=i) for i in range(7))
        ]
        rows.append(format_html("<tr>{}</tr>", mark_safe("".join(row))))  # noqa: S308
        day += timedelta(days=7)
    return format_html(
        '<table class="cal-month"><caption>{}</caption><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>",
        date_words(month, gettext("F Y")),
        heads,
        mark_safe("".join(rows)),  # noqa: S308 - built with format_html
    )


def calendar_heatmap(
    *,
    title: str,
    start: date,
    days: Sequence[tuple[date, str, str, str]],
    week_start: int = 0,
) -> SafeString:
    """A year of days as month grids, the latest month first; each day (date, css, label,
    href), a link when it has an href. On a phone one month fills a row, with cells a thumb
    can hit; wider screens show several months a row."""
    cells = {day: (css, label, href) for day, css, label, href in days}
    if not days:
        return format_html('<div class="cal-year" role="group" aria-label="{}"></div>', title)
    months = _month_starts(days[0][0], days[-1][0])
    span = (days[0][0], days[-1][0])
    tables = [_month_table(month, week_start, cells, span) for month in reversed(months)]
    return format_html(
        '<div class="cal-year" role="group" aria-label="{}">{}</div>',
        title,
        mark_safe("".join(tables)),  # noqa: S308 - built with format_html
    )
