"""The clinician summary: ratings over time, what practices changed, where sensations sit,
warning signs and a few reflections, for a range of days.

The same data feeds the printable HTML page and the PDF. Charts are drawn as SVG
by the template from the points computed here (no inline styles: CSP).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from django.db.models import Avg, Count, F, Max, Min, Q, Sum

from journal.core.vocabulary import (
    ENTRY_KIND_LABELS,
    RED_FLAG_LABELS,
    REGION_LABELS,
    EntryKind,
    Feel,
)
from journal.models import JournalEntry, JournalEntryQuerySet, Sensation
from journal.portability.reader import DateRange, JournalReader
from practices.models import RATING_LABELS, RATINGS, PracticeSession, SessionState

CHART_WIDTH = 640
CHART_HEIGHT = 200
_PAD_LEFT = 34
_PAD_RIGHT = 28
_PAD_TOP = 10
_PAD_BOTTOM = 26
# More buckets than this and weeks become months.
_MAX_WEEKS = 30
REFLECTION_COUNT = 8
REFRAME_COUNT = 3
REFLECTION_CHARS = 700


@dataclass
class Series:
    label: str
    css: str
    colour: str
    dash: str
    segments: list[str] = field(default_factory=list)
    dots: list[tuple[float, float]] = field(default_factory=list)
    first: float | None = None
    last: float | None = None


@dataclass
class Chart:
    title: str
    description: str
    series: list[Series]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    plot_left: int = _PAD_LEFT
    plot_right: int = CHART_WIDTH - _PAD_RIGHT
    plot_bottom: int = CHART_HEIGHT - _PAD_BOTTOM

    @property
    def has_data(self) -> bool:
        return any(s.first is not None for s in self.series)


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
    charts: list[Chart]
    practices: list[PracticeRow]
    rating_labels: list[str]
    regions: list[RegionRow]
    red_flags: list[tuple[datetime, list[str]]]
    reflections: list[Reflection]

    @property
    def is_empty(self) -> bool:
        return self.entry_count == 0 and self.session_count == 0


def _bucket_start(day: date, *, monthly: bool, week_start: int) -> date:
    if monthly:
        return day.replace(day=1)
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def _buckets(first: date, last: date, *, monthly: bool, week_start: int) -> list[date]:
    found = []
    current = _bucket_start(first, monthly=monthly, week_start=week_start)
    while current <= last:
        found.append(current)
        if monthly:
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            current += timedelta(days=7)
    return found


def _y(value: float) -> float:
    plot = CHART_HEIGHT - _PAD_TOP - _PAD_BOTTOM
    return round(_PAD_TOP + plot * (1 - value / 10), 1)


def _chart(
    title: str,
    description: str,
    buckets: list[date],
    monthly: bool,
    series_values: list[tuple[str, str, str, str, dict[date, list[int]]]],
) -> Chart:
    width = CHART_WIDTH - _PAD_LEFT - _PAD_RIGHT
    step = width / max(1, len(buckets) - 1)
    xs = {bucket: round(_PAD_LEFT + i * step, 1) for i, bucket in enumerate(buckets)}
    if len(buckets) == 1:
        xs = {buckets[0]: _PAD_LEFT + width / 2}
    all_series = []
    for label, css, colour, dash, values in series_values:
        series = Series(label=label, css=css, colour=colour, dash=dash)
        runs: list[list[tuple[float, float]]] = [[]]
        for bucket in buckets:
            points = values.get(bucket)
            if not points:
                runs.append([])
                continue
            average = sum(points) / len(points)
            if series.first is None:
                series.first = round(average, 1)
            series.last = round(average, 1)
            runs[-1].append((xs[bucket], _y(average)))
        for run in runs:
            # A lone point has no line to sit on, so it is drawn as a dot.
            if len(run) == 1:
                series.dots.append(run[0])
            elif run:
                series.segments.append(" ".join(f"{x},{y}" for x, y in run))
        all_series.append(series)
    label_every = max(1, len(buckets) // 6)
    fmt = "%b %Y" if monthly else "%d %b"
    x_labels = [
        (xs[bucket], bucket.strftime(fmt))
        for i, bucket in enumerate(buckets)
        if i % label_every == 0
    ]
    return Chart(
        title=title,
        description=description,
        series=all_series,
        x_labels=x_labels,
        y_ticks=[(_y(v), v) for v in (0, 5, 10)],
    )


def _local_day(moment: datetime, reader: JournalReader) -> date:
    return moment.astimezone(reader.zone).date()


def _fmt_change(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def build_summary(reader: JournalReader) -> ClinicianSummary:
    user = reader.user
    entries = cast(JournalEntryQuerySet, JournalEntry.objects.for_user(user)).published()
    sessions = PracticeSession.objects.for_user(user)
    sensations = Sensation.objects.for_user(user)
    if reader.start is not None:
        entries = entries.filter(occurred_at__gte=reader.start)
        sessions = sessions.filter(started_at__gte=reader.start)
        sensations = sensations.filter(occurred_at__gte=reader.start)
    if reader.end is not None:
        entries = entries.filter(occurred_at__lt=reader.end)
        sessions = sessions.filter(started_at__lt=reader.end)
        sensations = sensations.filter(occurred_at__lt=reader.end)

    entry_span = entries.aggregate(n=Count("id"), first=Min("occurred_at"), last=Max("occurred_at"))
    session_span = sessions.aggregate(
        n=Count("id"), first=Min("started_at"), last=Max("started_at")
    )
    firsts = [m for m in (entry_span["first"], session_span["first"]) if m]
    lasts = [m for m in (entry_span["last"], session_span["last"]) if m]
    first_day = reader.range.since or (_local_day(min(firsts), reader) if firsts else None)
    last_day = reader.range.until or (_local_day(max(lasts), reader) if lasts else None)

    charts: list[Chart] = []
    if first_day and last_day and firsts:
        week_start = reader.profile.week_start
        monthly = (last_day - first_day).days > _MAX_WEEKS * 7
        buckets = _buckets(first_day, last_day, monthly=monthly, week_start=week_start)

        def bucket_of(moment: datetime) -> date:
            return _bucket_start(_local_day(moment, reader), monthly=monthly, week_start=week_start)

        check_in_pain: dict[date, list[int]] = defaultdict(list)
        for moment, pain in entries.filter(pain__isnull=False).values_list("occurred_at", "pain"):
            check_in_pain[bucket_of(moment)].append(int(pain or 0))
        values: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
        rows = sessions.filter(state=SessionState.FINISHED).values_list(
            "started_at", "before_pain", "after_pain", "before_safety", "after_safety"
        )
        for moment, *ratings in rows:
            bucket = bucket_of(moment)
            for name, value in zip(
                ("before_pain", "after_pain", "before_safety", "after_safety"), ratings, strict=True
            ):
                if value is not None:
                    values[name][bucket].append(value)
        period = "month" if monthly else "week"
        charts.append(
            _chart(
                "Pain over time",
                f"Average pain (0-10) each {period}: in journal entries and check-ins, "
                "and before and after practice sessions.",
                buckets,
                monthly,
                [
                    ("Day to day", "series-day", "#4f5d62", "2 3", check_in_pain),
                    ("Before practice", "series-before", "#c2410c", "", values["before_pain"]),
                    ("After practice", "series-after", "#2f6b5e", "6 3", values["after_pain"]),
                ],
            )
        )
        charts.append(
            _chart(
                "Sense of safety and calm",
                f"Average sense of safety and calm (0-10) each {period}, "
                "before and after practice sessions.",
                buckets,
                monthly,
                [
                    ("Before practice", "series-before", "#c2410c", "", values["before_safety"]),
                    ("After practice", "series-after", "#2f6b5e", "6 3", values["after_safety"]),
                ],
            )
        )

    practice_rows = (
        sessions.filter(state=SessionState.FINISHED)
        .values("practice__name")
        .annotate(
            n=Count("id"),
            seconds=Sum("duration_seconds"),
            **{f"change_{r}": Avg(F(f"after_{r}") - F(f"before_{r}")) for r in RATINGS},
        )
        .order_by("-n", "practice__name")
    )
    practices = [
        PracticeRow(
            name=row["practice__name"],
            sessions=row["n"],
            minutes=round((row["seconds"] or 0) / 60),
            changes=[(RATING_LABELS[r], _fmt_change(row[f"change_{r}"])) for r in RATINGS],
        )
        for row in practice_rows
    ]

    region_labels = REGION_LABELS
    region_rows = list(
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
    most = max((row["n"] for row in region_rows), default=1)
    regions = [
        RegionRow(
            label=str(region_labels.get(row["region"], row["region"])),
            count=row["n"],
            average_intensity=round(float(row["intensity"] or 0), 1),
            unpleasant=row["unpleasant"],
            neutral=row["neutral"],
            pleasant=row["pleasant"],
            bar=max(2, round(100 * row["n"] / most)),
        )
        for row in region_rows
    ]

    flag_labels = RED_FLAG_LABELS
    red_flags = [
        (entry.occurred_at.astimezone(reader.zone), [str(flag_labels[f]) for f in entry.red_flags])
        for entry in entries.with_red_flags().order_by("occurred_at")
    ]

    kinds = ENTRY_KIND_LABELS
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
    reflections = [
        Reflection(
            when=entry.occurred_at.astimezone(reader.zone),
            kind=str(kinds.get(entry.kind, entry.kind)),
            text=_shorten(entry.body),
            belief=_shorten(entry.belief),
            reframe=_shorten(entry.reframe),
            strength_before=entry.belief_strength_before,
            strength_after=entry.belief_strength_after,
        )
        for entry in chosen
    ]

    return ClinicianSummary(
        first_day=first_day,
        last_day=last_day,
        time_zone=reader.profile.time_zone,
        entry_count=entry_span["n"],
        session_count=session_span["n"],
        charts=charts,
        practices=practices,
        rating_labels=[RATING_LABELS[r] for r in RATINGS],
        regions=regions,
        red_flags=red_flags,
        reflections=reflections,
    )


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= REFLECTION_CHARS:
        return text
    return text[: REFLECTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def summary_for(user: Any, date_range: DateRange | None = None) -> ClinicianSummary:
    return build_summary(JournalReader(user, date_range))
