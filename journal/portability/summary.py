"""The clinician summary: ratings over time, what practices changed, where sensations sit,
warning signs and a few reflections, for a range of days.

The same data feeds the printable HTML page and the PDF; the charts are in
`journal.portability.summary_charts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from django.db.models import Avg, Count, F, Max, Min, Q, QuerySet, Sum

from journal.core.dates import local_day
from journal.core.vocabulary import (
    ENTRY_KIND_LABELS,
    RED_FLAG_LABELS,
    REGION_LABELS,
    EntryKind,
    Feel,
)
from journal.models import JournalEntry, JournalEntryQuerySet, Sensation
from journal.portability.reader import JournalReader
from journal.portability.summary_charts import Periods, SummaryChart, rating_charts
from practices.models import RATING_LABELS, RATINGS, PracticeSession, SessionState

REFLECTION_COUNT = 8
REFRAME_COUNT = 3
REFLECTION_CHARS = 700


@dataclass
class PracticeRow:
    name: str
    sessions: int
    minutes: int
    changes: list[tuple[str, float | None]]


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
    first_day: date | None
    last_day: date | None
    time_zone: str
    entry_count: int
    session_count: int
    charts: list[SummaryChart]
    practices: list[PracticeRow]
    rating_labels: list[str]
    regions: list[RegionRow]
    red_flags: list[tuple[datetime, list[str]]]
    reflections: list[Reflection]

    @property
    def is_empty(self) -> bool:
        return self.entry_count == 0 and self.session_count == 0


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
        last_day=reader.range.until or (local_day(max(lasts), reader.zone) if lasts else None),
        has_records=bool(firsts),
    )


def _charts(reader: JournalReader, scope: Scope, span: Span) -> list[SummaryChart]:
    if not (span.first_day and span.last_day and span.has_records):
        return []
    periods = Periods.spanning(
        span.first_day, span.last_day, week_start=reader.profile.week_start, zone=reader.zone
    )
    return rating_charts(scope.entries, scope.sessions, periods)


def _fmt_change(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def _practice_rows(sessions: QuerySet[PracticeSession]) -> list[PracticeRow]:
    rows = (
        sessions.filter(state=SessionState.FINISHED)
        .values("practice__name")
        .annotate(
            n=Count("id"),
            seconds=Sum("duration_seconds"),
            **{f"change_{r}": Avg(F(f"after_{r}") - F(f"before_{r}")) for r in RATINGS},
        )
        .order_by("-n", "practice__name")
    )
    return [
        PracticeRow(
            name=row["practice__name"],
            sessions=row["n"],
            minutes=round((row["seconds"] or 0) / 60),
            changes=[(RATING_LABELS[r], _fmt_change(row[f"change_{r}"])) for r in RATINGS],
        )
        for row in rows
    ]


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


def _reflections(reader: JournalReader, entries: JournalEntryQuerySet) -> list[Reflection]:
    # Belief reframes are few and telling, so they get their own places.
    reframes = list(
        entries.filter(kind=EntryKind.REFRAME)
        .exclude(reframe="", belief="")
        .order_by("-occurred_at")[:REFRAME_COUNT]
    )
    others = list(
        entries.filter(kind__in=[EntryKind.POST_PRACTICE, EntryKind.FREE])
        .exclude(body="")
        .order_by("-occurred_at")[: REFLECTION_COUNT - len(reframes)]
    )
    chosen = sorted(reframes + others, key=lambda e: e.occurred_at, reverse=True)
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
        for entry in chosen
    ]


def build_summary(reader: JournalReader) -> ClinicianSummary:
    scope = _scope(reader)
    span = _span(reader, scope)
    return ClinicianSummary(
        first_day=span.first_day,
        last_day=span.last_day,
        time_zone=reader.profile.time_zone,
        entry_count=span.entry_count,
        session_count=span.session_count,
        charts=_charts(reader, scope, span),
        practices=_practice_rows(scope.sessions),
        rating_labels=[RATING_LABELS[r] for r in RATINGS],
        regions=_regions(scope.sensations),
        red_flags=_red_flags(reader, scope.entries),
        reflections=_reflections(reader, scope.entries),
    )


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= REFLECTION_CHARS:
        return text
    return text[: REFLECTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
