"""The clinician summary: a one-page overview (the period, days logged, how pain, tension,
stress and sleep went, the practices that helped, warning signs with their dates), then the
sections the person chose: charts over time, practices, the body map, warning signs and the
reflections they ticked.

The same data feeds the printable page, the PDF and a shared link; the figures are worked
out in `summary_figures` with the review's statistics, the charts in `summary_charts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from django.db.models import Avg, Count, Max, Min, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from journal.core.dates import local_day
from journal.core.vocabulary import (
    ENTRY_KIND_LABELS,
    RED_FLAG_LABELS,
    REGION_LABELS,
    Feel,
)
from journal.models import JournalEntry, JournalEntryQuerySet, Sensation
from journal.portability.reader import JournalReader
from journal.portability.summary_charts import Periods, SummaryChart, rating_charts, session_daily
from journal.portability.summary_figures import (
    MEASURES,
    Daily,
    MeasureTrend,
    PracticeRow,
    daily_values,
    helped,
    measure_trend,
    period_values,
    practice_rows,
)
from journal.portability.summary_options import SummaryOptions, reflection_candidates
from journal.review.map_charts import body_map
from journal.review.sensations import region_figures
from journal.review.week_charts import region_levels
from practices.models import RATING_LABELS, RATINGS, PracticeSession

REFLECTION_CHARS = 700
# The body map's print colours (the PDF reads no page CSS into an SVG).
MAP_PAINT: dict[str, dict[str, str]] = {
    "outline": {"fill": "#efece4", "stroke": "#8a9599", "stroke-width": "1.5"},
    "region": {"fill": "#ffffff", "stroke": "#8a9599", "stroke-width": "1"},
    **{f"heat-{n}": {"fill": "#c2410c", "fill-opacity": str(n / 4)} for n in range(1, 5)},
    **{f"ease-{n}": {"fill": "#15803d", "fill-opacity": str(n / 4)} for n in range(1, 5)},
}


@dataclass
class RegionRow:
    label: str
    count: int
    average_intensity: float
    unpleasant: int
    neutral: int
    pleasant: int
    bar: int  # Share of the most-noted region, in percent, for the bar width.


@dataclass
class Reflection:
    when: datetime
    kind: str
    text: str
    belief: str = ""
    reframe: str = ""
    strength_before: int | None = None
    strength_after: int | None = None


@dataclass
class ClinicianSummary:
    options: SummaryOptions
    first_day: date | None
    last_day: date | None
    time_zone: str
    entry_count: int
    session_count: int
    days_logged: int
    trends: list[MeasureTrend]
    charts: list[SummaryChart]
    practices: list[PracticeRow]
    helped: list[PracticeRow]
    rating_labels: list[str]
    regions: list[RegionRow]
    maps: dict[str, SafeString]
    red_flags: list[tuple[datetime, list[str]]]
    reflections: list[Reflection]

    @property
    def is_empty(self) -> bool:
        return self.entry_count == 0 and self.session_count == 0

    @property
    def sections(self) -> frozenset[str]:
        return self.options.sections


@dataclass(frozen=True)
class Scope:
    """What the summary reads: published entries, sessions and sensations in the range."""

    entries: JournalEntryQuerySet
    sessions: QuerySet[PracticeSession]
    sensations: QuerySet[Sensation]


@dataclass(frozen=True)
class Span:
    entry_count: int
    session_count: int
    first_day: date | None
    last_day: date | None
    has_records: bool


def _scope(reader: JournalReader) -> Scope:
    entries = cast(JournalEntryQuerySet, JournalEntry.objects.for_user(reader.user)).published()
    sessions = PracticeSession.objects.for_user(reader.user)
    sensations = Sensation.objects.for_user(reader.user)
    if reader.start is not None:
        entries = entries.filter(occurred_at__gte=reader.start)
        sessions = sessions.filter(started_at__gte=reader.start)
        sensations = sensations.filter(occurred_at__gte=reader.start)
    if reader.end is not None:
        entries = entries.filter(occurred_at__lt=reader.end)
        sessions = sessions.filter(started_at__lt=reader.end)
        sensations = sensations.filter(occurred_at__lt=reader.end)
    return Scope(entries=entries, sessions=sessions, sensations=sensations)


def _span(reader: JournalReader, scope: Scope) -> Span:
    """The days covered: the range asked for, else the first and last thing written."""
    entry_span = scope.entries.aggregate(
        n=Count("id"), first=Min("occurred_at"), last=Max("occurred_at")
    )
    session_span = scope.sessions.aggregate(
        n=Count("id"), first=Min("started_at"), last=Max("started_at")
    )
    firsts = [m for m in (entry_span["first"], session_span["first"]) if m]
    lasts = [m for m in (entry_span["last"], session_span["last"]) if m]
    return Span(
        entry_count=entry_span["n"],
        session_count=session_span["n"],
        first_day=reader.range.since or (local_day(min(firsts), reader.zone) if firsts else None),
        last_day=_until_today(
            reader.range.until or (local_day(max(lasts), reader.zone) if lasts else None),
            reader,
        ),
        has_records=bool(firsts),
    )


def _until_today(day: date | None, reader: JournalReader) -> date | None:
    """A summary covers no day that has not happened."""
    today = timezone.now().astimezone(reader.zone).date()
    return min(day, today) if day else None


def _periods(reader: JournalReader, span: Span) -> Periods | None:
    if not (span.first_day and span.last_day and span.has_records):
        return None
    return Periods.spanning(
        span.first_day, span.last_day, week_start=reader.profile.week_start, zone=reader.zone
    )


def _trends(daily: Daily, periods: Periods | None) -> list[MeasureTrend]:
    if periods is None:
        return []
    return [
        measure_trend(
            key, daily.values[key], period_values(daily.values[key], periods), periods.names
        )
        for key in MEASURES
    ]


def _maps(sensations: QuerySet[Sensation]) -> dict[str, SafeString]:
    """The body maps of the review, drawn from the period's unpleasant and pleasant sensations."""
    unpleasant: list[tuple[str, int, float | None]] = []
    pleasant: list[tuple[str, int, float | None]] = []
    for region, feel, count, mean in (
        sensations.exclude(feel=Feel.NEUTRAL)
        .values("region", "feel")
        .annotate(n=Count("id"), mean=Avg("intensity"))
        .values_list("region", "feel", "n", "mean")
    ):
        (unpleasant if feel == Feel.UNPLEASANT else pleasant).append((region, count, mean))
    return {
        "unpleasant": body_map(
            chart_id="summary-map-unpleasant",
            title=gettext("Where unpleasant sensations were felt"),
            tone="heat",
            levels=region_levels(region_figures(unpleasant)),
            paint=MAP_PAINT,
        ),
        "pleasant": body_map(
            chart_id="summary-map-pleasant",
            title=gettext("Where ease and pleasant sensations were felt"),
            tone="ease",
            levels=region_levels(region_figures(pleasant)),
            paint=MAP_PAINT,
        ),
    }


def _regions(sensations: QuerySet[Sensation]) -> list[RegionRow]:
    rows = list(
        sensations.values("region")
        .annotate(
            n=Count("id"),
            intensity=Avg("intensity"),
            unpleasant=Count("id", filter=Q(feel=Feel.UNPLEASANT)),
            neutral=Count("id", filter=Q(feel=Feel.NEUTRAL)),
            pleasant=Count("id", filter=Q(feel=Feel.PLEASANT)),
        )
        .order_by("-n", "region")
    )
    most = max((row["n"] for row in rows), default=1)
    return [
        RegionRow(
            label=str(REGION_LABELS.get(row["region"], row["region"])),
            count=row["n"],
            average_intensity=round(float(row["intensity"] or 0), 1),
            unpleasant=row["unpleasant"],
            neutral=row["neutral"],
            pleasant=row["pleasant"],
            bar=max(2, round(100 * row["n"] / most)),
        )
        for row in rows
    ]


def _red_flags(
    reader: JournalReader, entries: JournalEntryQuerySet
) -> list[tuple[datetime, list[str]]]:
    return [
        (
            entry.occurred_at.astimezone(reader.zone),
            [str(RED_FLAG_LABELS[f]) for f in entry.red_flags],
        )
        for entry in entries.with_red_flags().order_by("occurred_at")
    ]


def _reflections(
    reader: JournalReader, entries: JournalEntryQuerySet, options: SummaryOptions
) -> list[Reflection]:
    """The reflections the person ticked (by default the latest, no expressive writing), and
    only those inside the period: a uuid from elsewhere finds nothing."""
    chosen = options.reflections
    if chosen is None:
        candidates = reflection_candidates(reader.user, reader.range)
        chosen = frozenset(c.uuid for c in candidates if c.default)
    if not chosen:
        return []
    picked = entries.filter(uuid__in=list(chosen)).order_by("-occurred_at")
    return [
        Reflection(
            when=entry.occurred_at.astimezone(reader.zone),
            kind=str(ENTRY_KIND_LABELS.get(entry.kind, entry.kind)),
            text=_shorten(entry.body),
            belief=_shorten(entry.belief),
            reframe=_shorten(entry.reframe),
            strength_before=entry.belief_strength_before,
            strength_after=entry.belief_strength_after,
        )
        for entry in picked
    ]


def build_summary(reader: JournalReader, options: SummaryOptions | None = None) -> ClinicianSummary:
    options = options or SummaryOptions(date_range=reader.range)
    scope = _scope(reader)
    span = _span(reader, scope)
    periods = _periods(reader, span)
    daily = daily_values(scope.entries, scope.sessions, reader.zone)
    wanted = options.has("practices") and span.session_count > 0
    practices = practice_rows(scope.sessions) if wanted else []
    charts = []
    if periods is not None and options.has("charts"):
        charts = rating_charts(daily, session_daily(scope.sessions, reader.zone), periods)
    return ClinicianSummary(
        options=options,
        first_day=span.first_day,
        last_day=span.last_day,
        time_zone=reader.profile.time_zone,
        entry_count=span.entry_count,
        session_count=span.session_count,
        days_logged=len(daily.logged),
        trends=_trends(daily, periods),
        charts=charts,
        practices=practices,
        helped=helped(practices),
        rating_labels=[str(RATING_LABELS[r]) for r in RATINGS],
        regions=_regions(scope.sensations) if options.has("body_map") else [],
        maps=_maps(scope.sensations) if options.has("body_map") else {},
        red_flags=_red_flags(reader, scope.entries) if options.has("warning_signs") else [],
        reflections=_reflections(reader, scope.entries, options)
        if options.has("reflections")
        else [],
    )


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= REFLECTION_CHARS:
        return text
    return text[: REFLECTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
