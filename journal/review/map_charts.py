"""Charts drawn as maps: the body figures shaded by region, and the calendar of a year of days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from journal.core.vocabulary import REGION_LABELS, Region
from journal.entries.bodymap import FIGURES, OUTLINES, VIEW_LABELS, VIEWBOX


def body_map(
    *, chart_id: str, title: str, tone: str, levels: dict[str, tuple[int, str]]
) -> SafeString:
    """Back and front figures; a region with data gets class `{tone}-{level}` and a title."""
    whole = levels.get(Region.WHOLE_BODY.value)
    views: list[SafeString] = []
    for view, shapes in FIGURES.items():
        outline_class = f"outline {tone}-{whole[0]}" if whole else "outline"
        outlines = format_html_join(
            "", '<path class="{}" d="{}"></path>', ((outline_class, o["d"]) for o in OUTLINES[view])
        )
        regions: list[SafeString] = []
        for region, attrs in shapes:
            level = levels.get(region)
            css = f"region {tone}-{level[0]}" if level else "region"
            name = level[1] if level else f"{REGION_LABELS.get(region, region)}: nothing noted"
            regions.append(
                format_html(
                    '<path class="{}" d="{}"><title>{}</title></path>', css, attrs["d"], name
                )
            )
        views.append(
            format_html(
                '<figure class="body-view"><svg class="body-map" viewBox="{}" role="img" '
                'aria-label="{}, {}">{}{}</svg><figcaption>{}</figcaption></figure>',
                VIEWBOX,
                title,
                VIEW_LABELS[view].lower(),
                outlines,
                mark_safe("".join(regions)),  # noqa: S308 - built with format_html
                view.capitalize(),
            )
        )
    return format_html(
        '<div class="body-maps" id="{}">{}</div>', chart_id, mark_safe("".join(views))
    )  # noqa: S308


def heat_class(pain: float | None, logged: bool) -> str:
    if not logged:
        return "cal-empty"
    if pain is None:
        return "cal-logged"
    return f"cal-pain-{min(3, int(pain // 2.5))}"


def calendar_heatmap(
    *,
    title: str,
    start: date,
    days: Sequence[tuple[date, str, str, str]],
) -> SafeString:
    """Columns are weeks from `start`, rows are weekdays; each day (date, css, label, href)."""
    cell, gap = 13, 3
    left, top = 30, 20
    columns = (days[-1][0] - start).days // 7 + 1 if days else 0
    width = left + columns * (cell + gap)
    height = top + 7 * (cell + gap)
    parts: list[SafeString] = []
    month_seen: set[tuple[int, int]] = set()
    for day, css, label, href in days:
        offset = (day - start).days
        column, row = offset // 7, offset % 7
        x, y = left + column * (cell + gap), top + row * (cell + gap)
        if (day.year, day.month) not in month_seen and day.day <= 7:
            month_seen.add((day.year, day.month))
            parts.append(
                format_html('<text class="axis small" x="{}" y="12">{}</text>', x, f"{day:%b}")
            )
        rect = format_html(
            '<rect class="cal {}" x="{}" y="{}" width="{}" height="{}" rx="2"></rect>',
            css,
            x,
            y,
            cell,
            cell,
        )
        if href:
            parts.append(
                format_html(
                    '<a href="{}" aria-label="{}"><title>{}</title>{}</a>', href, label, label, rect
                )
            )
        else:
            parts.append(format_html("<g><title>{}</title>{}</g>", label, rect))
    for row in (0, 2, 4, 6):
        parts.append(
            format_html(
                '<text class="axis small" x="0" y="{}">{}</text>',
                top + row * (cell + gap) + cell - 2,
                f"{start + timedelta(days=row):%a}",
            )
        )
    return format_html(
        '<svg class="calendar" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="group" '
        'aria-label="{title}">{parts}</svg>',
        w=width,
        h=height,
        title=title,
        parts=mark_safe("".join(parts)),  # noqa: S308 - built with format_html
    )
