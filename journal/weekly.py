"""The figures behind the weekly review and the trends page.

Everything is read with a fixed number of queries per page: small value lists
of a bounded window (at most the 12 weeks ending with the reviewed week),
bucketed into local days here, and database aggregates for sensations and for
the longer trends. Views only render what these functions return.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db.models import Avg, Count, Sum
from django.db.models.functions import TruncDate

from journal.insights import DayRecord, Finding, findings
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation
from journal.vocabulary import Emotion, EntryKind, Feel, Quality, RedFlag, Region
from journal.weeks import Week, local_day, local_midnight
from practices.models import RATINGS, PracticeSession, SessionState

HISTORY_WEEKS = 12
MIN_SESSIONS = 3
QUIET_DAYS = 2  # fewer days with anything logged: the week gets a gentle invitation instead
EXCERPT = 180
SMALL_PAIN_CHANGE = 0.5  # a smaller change in mean weekly pain is "about the same"

ENTRY_FIELDS = (
    "id",
    "uuid",
    "kind",
    "occurred_at",
    "pain",
    "tension",
    "stress",
    "sleep_hours",
    "sleep_quality",
    "body",
    "belief",
    "reframe",
    "belief_strength_before",
    "belief_strength_after",
    *RED_FLAG_FIELDS.values(),
)
SESSION_FIELDS = (
    "started_at",
    "ended_at",
    "state",
    "duration_seconds",
    "practice_id",
    "practice__name",
    *(f"{when}_{rating}" for when in ("before", "after") for rating in RATINGS),
)


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def signed(value: float | None) -> str:
    """A change with its sign, for tables: +1.5, −2, 0; a dash when unknown."""
    if value is None:
        return "–"
    text = f"{abs(value):.1f}".removesuffix(".0")
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return "0"


def session_minutes(row: dict[str, Any]) -> int:
    if row["duration_seconds"] is not None:
        return round(row["duration_seconds"] / 60)
    if row["ended_at"] is not None:
        return round((row["ended_at"] - row["started_at"]).total_seconds() / 60)
    return 0


@dataclass
class DayFigures:
    day: date
    pain: float | None = None
    tension: float | None = None
    stress: float | None = None
    sleep_hours: float | None = None
    sleep_quality: float | None = None
    sensation_intensity: float | None = None  # mean of unpleasant sensations
    minutes: int = 0
    sessions: int = 0
    entries: int = 0
    checked_in: bool = False

    @property
    def logged(self) -> bool:
        return bool(self.entries or self.sessions)


@dataclass(frozen=True)
class Comparison:
    label: str
    this: int
    last: int

    @property
    def delta(self) -> int:
        return self.this - self.last

    @property
    def words(self) -> str:
        if self.delta == 0:
            return f"the same as the week before ({self.last})"
        direction = "up" if self.delta > 0 else "down"
        return f"{direction} {abs(self.delta)} from {self.last} the week before"


@dataclass
class PracticeEffect:
    practice_id: int
    name: str
    week_sessions: int = 0
    week_changes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    changes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @property
    def sessions(self) -> int:
        return len(self.changes["pain"])

    @property
    def enough(self) -> bool:
        return self.sessions >= MIN_SESSIONS

    def median(self, rating: str) -> float | None:
        return _median(self.changes[rating])

    def week_median(self, rating: str) -> float | None:
        return _median(self.week_changes[rating])

    @property
    def medians(self) -> list[float | None]:
        return [self.median(rating) for rating in RATINGS]

    @property
    def median_labels(self) -> list[str]:
        return [signed(value) for value in self.medians]

    @property
    def week_pain_label(self) -> str:
        return signed(self.week_median("pain"))


@dataclass(frozen=True)
class RegionFigure:
    region: str
    label: str
    count: int
    mean_intensity: float
    level: int  # 1-4, for shading


@dataclass(frozen=True)
class Discovery:
    uuid: str
    kind: str
    kind_label: str
    day: date
    excerpt: str
    belief: str = ""
    reframe: str = ""
    strength_before: int | None = None
    strength_after: int | None = None


@dataclass(frozen=True)
class RedFlagReport:
    day: date
    uuid: str
    labels: list[str]


@dataclass
class WeekReview:
    week: Week
    days: list[DayFigures]
    comparisons: list[Comparison]
    practices: list[PracticeEffect]
    too_few: list[PracticeEffect]
    unpleasant: list[RegionFigure]
    ease: list[RegionFigure]
    qualities: list[tuple[str, str, int]]  # label, feel, count
    findings: list[Finding]
    findings_window: tuple[date, date]
    discoveries: list[Discovery]
    red_flags: list[RedFlagReport]
    days_logged: int
    pain: float | None = None  # mean of the days' morning pain
    previous_pain: float | None = None

    @property
    def pain_words(self) -> str:
        """This week's mean pain against last week's, in words, or "" when either is unknown."""
        if self.pain is None or self.previous_pain is None:
            return ""
        this, last = round(self.pain, 1), round(self.previous_pain, 1)
        if abs(this - last) < SMALL_PAIN_CHANGE:
            return f"about the same as the week before ({last:.1f})"
        direction = "lower" if this < last else "higher"
        return f"{direction} than {last:.1f} the week before"

    @property
    def is_quiet(self) -> bool:
        return self.days_logged < QUIET_DAYS

    @property
    def has_practice(self) -> bool:
        return bool(self.practices or self.too_few)


def _excerpt(text: str) -> str:
    plain = re.sub(r"[#*_`>\[\]]+", "", text)
    plain = " ".join(plain.split())
    if len(plain) <= EXCERPT:
        return plain
    return plain[:EXCERPT].rsplit(" ", 1)[0] + "…"


def _levels(rows: list[tuple[str, int, float]]) -> list[RegionFigure]:
    labels = dict(Region.choices)
    top = max((count for _, count, _ in rows), default=0)
    figures = [
        RegionFigure(
            region=region,
            label=labels.get(region, region),
            count=count,
            mean_intensity=mean,
            level=max(1, min(4, -(-4 * count // top))),
        )
        for region, count, mean in rows
    ]
    return sorted(figures, key=lambda f: (-f.count, f.label))


def week_review(*, user: User, week: Week) -> WeekReview:
    zone = week.zone
    window = week.shifted(-(HISTORY_WEEKS - 1))
    since, until = window.start_at, week.end_at
    previous = week.previous

    entries = list(
        JournalEntry.objects.for_user(user)
        .filter(is_draft=False, occurred_at__gte=since, occurred_at__lt=until)
        .order_by("occurred_at")
        .values(*ENTRY_FIELDS)
    )
    sessions = list(
        PracticeSession.objects.for_user(user)
        .exclude(state=SessionState.IN_PROGRESS)
        .filter(started_at__gte=since, started_at__lt=until)
        .order_by("started_at")
        .values(*SESSION_FIELDS)
    )
    tags = JournalEntry.tags.through.objects.filter(
        journalentry__user=user,
        journalentry__occurred_at__gte=since,
        journalentry__occurred_at__lt=until,
    ).values_list("journalentry_id", "tag__name")
    emotions = EntryEmotion.objects.filter(
        entry__user=user, entry__occurred_at__gte=since, entry__occurred_at__lt=until
    ).values_list("entry_id", "emotion")
    week_sensations = Sensation.objects.for_user(user).filter(
        occurred_at__gte=week.start_at, occurred_at__lt=week.end_at
    )

    tags_by_entry: dict[int, set[str]] = defaultdict(set)
    for entry_id, name in tags:
        tags_by_entry[entry_id].add(name.lower())
    emotions_by_entry: dict[int, set[str]] = defaultdict(set)
    for entry_id, emotion in emotions:
        emotions_by_entry[entry_id].add(emotion)

    # Local days of the whole window, for the findings; the week's own days for the chart.
    records: dict[date, DayRecord] = {
        window.start + timedelta(days=i): DayRecord()
        for i in range((week.end - window.start).days + 1)
    }
    day_values: dict[date, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    figures = {day: DayFigures(day=day) for day in [*previous.days, *week.days]}
    discoveries: list[Discovery] = []
    red_flags: list[RedFlagReport] = []
    kind_labels = dict(EntryKind.choices)
    flag_labels = dict(RedFlag.choices)

    for row in entries:
        day = local_day(row["occurred_at"], zone)
        record = records[day]
        record.logged = True
        if day in figures:
            figures[day].entries += 1
        if row["kind"] == EntryKind.CHECK_IN:
            record.checked_in = True
            if day in figures:
                figures[day].checked_in = True
            for name in ("pain", "tension", "stress", "sleep_hours", "sleep_quality"):
                if row[name] is not None:
                    day_values[day][name].append(float(row[name]))
        record.tags |= tags_by_entry.get(row["id"], set())
        record.emotions |= emotions_by_entry.get(row["id"], set())
        if day not in week:
            continue
        flags = [flag_labels[flag] for flag, name in RED_FLAG_FIELDS.items() if row[name]]
        if flags:
            red_flags.append(RedFlagReport(day=day, uuid=str(row["uuid"]), labels=flags))
        if row["kind"] in (EntryKind.POST_PRACTICE, EntryKind.REFRAME):
            discoveries.append(
                Discovery(
                    uuid=str(row["uuid"]),
                    kind=row["kind"],
                    kind_label=kind_labels[row["kind"]],
                    day=day,
                    excerpt=_excerpt(row["body"]),
                    belief=_excerpt(row["belief"]),
                    reframe=_excerpt(row["reframe"]),
                    strength_before=row["belief_strength_before"],
                    strength_after=row["belief_strength_after"],
                )
            )

    for day, values in day_values.items():
        record = records[day]
        record.pain = _mean(values["pain"])
        record.tension = _mean(values["tension"])
        record.stress = _mean(values["stress"])
        record.sleep_hours = _mean(values["sleep_hours"])
        if day in figures:
            figure = figures[day]
            figure.pain, figure.tension = record.pain, record.tension
            figure.stress, figure.sleep_hours = record.stress, record.sleep_hours
            figure.sleep_quality = _mean(values["sleep_quality"])

    effects: dict[int, PracticeEffect] = {}
    for row in sessions:
        day = local_day(row["started_at"], zone)
        records[day].logged = True
        if day in figures:
            figures[day].sessions += 1
            figures[day].minutes += session_minutes(row)
        if row["state"] != SessionState.FINISHED:
            continue
        records[day].practised = True
        effect = effects.setdefault(
            row["practice_id"], PracticeEffect(row["practice_id"], row["practice__name"])
        )
        in_week = day in week
        effect.week_sessions += in_week
        for rating in RATINGS:
            before, after = row[f"before_{rating}"], row[f"after_{rating}"]
            if before is None or after is None:
                continue
            effect.changes[rating].append(after - before)
            if in_week:
                effect.week_changes[rating].append(after - before)

    for day, mean in (
        week_sensations.filter(feel=Feel.UNPLEASANT)
        .annotate(day=TruncDate("occurred_at", tzinfo=zone))
        .values("day")
        .annotate(mean=Avg("intensity"))
        .values_list("day", "mean")
    ):
        if day in figures:
            figures[day].sensation_intensity = mean

    unpleasant_rows: list[tuple[str, int, float]] = []
    ease_rows: list[tuple[str, int, float]] = []
    for region, feel, count, mean in (
        week_sensations.values("region", "feel")
        .annotate(n=Count("id"), mean=Avg("intensity"))
        .values_list("region", "feel", "n", "mean")
    ):
        if feel == Feel.UNPLEASANT:
            unpleasant_rows.append((region, count, mean))
        elif feel == Feel.PLEASANT:
            ease_rows.append((region, count, mean))
    quality_labels = dict(Quality.choices)
    qualities = [
        (quality_labels.get(quality, quality), feel, count)
        for quality, feel, count in week_sensations.values("quality", "feel")
        .annotate(n=Count("id"))
        .order_by("-n", "quality")
        .values_list("quality", "feel", "n")[:6]
    ]

    this_days = [figures[day] for day in week.days]
    last_days = [figures[day] for day in previous.days]

    def compare(label: str, pick: Any) -> Comparison:
        return Comparison(label, sum(map(pick, this_days)), sum(map(pick, last_days)))

    comparisons = [
        compare("Days with a check-in", lambda d: d.checked_in),
        compare("Practice sessions", lambda d: d.sessions),
        compare("Minutes of practice", lambda d: d.minutes),
    ]
    ranked = [e for e in effects.values() if e.week_sessions and e.enough]
    ranked.sort(key=lambda e: (e.median("pain") or 0, -e.sessions, e.name))
    too_few = sorted(
        (e for e in effects.values() if e.week_sessions and not e.enough), key=lambda e: e.name
    )
    return WeekReview(
        week=week,
        days=this_days,
        comparisons=comparisons,
        practices=ranked,
        too_few=too_few,
        unpleasant=_levels(unpleasant_rows),
        ease=_levels(ease_rows),
        qualities=qualities,
        findings=findings(records, emotion_labels=dict(Emotion.choices)),
        findings_window=(window.start, week.end),
        discoveries=discoveries,
        red_flags=red_flags,
        days_logged=sum(1 for d in this_days if d.logged),
        pain=_mean([d.pain for d in this_days if d.pain is not None]),
        previous_pain=_mean([d.pain for d in last_days if d.pain is not None]),
    )


# Trends ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekTrend:
    week: Week
    pain: float | None
    minutes: int
    days_logged: int


@dataclass(frozen=True)
class CalendarDay:
    day: date
    logged: bool
    pain: float | None


@dataclass
class Trends:
    weeks: list[WeekTrend]
    calendar: list[CalendarDay]  # from a week start a year ago to today
    first: date
    last: date


def _by_local_day(queryset: Any, field_name: str, zone: ZoneInfo, **aggregates: Any) -> Any:
    return (
        queryset.annotate(local=TruncDate(field_name, tzinfo=zone))
        .values("local")
        .annotate(**aggregates)
        .order_by("local")
    )


def trends(*, user: User, today: date, week_start: int, zone: ZoneInfo) -> Trends:
    """12 weeks ending with this one, and a year of days ending today."""
    this_week = Week.containing(today, week_start=week_start, zone=zone)
    calendar_start = Week.containing(
        today - timedelta(days=364), week_start=week_start, zone=zone
    ).start
    since: datetime = local_midnight(min(calendar_start, this_week.shifted(-11).start), zone)
    until = this_week.end_at

    entry_days = _by_local_day(
        JournalEntry.objects.for_user(user).filter(
            is_draft=False, occurred_at__gte=since, occurred_at__lt=until
        ),
        "occurred_at",
        zone,
        n=Count("id"),
        pain=Avg("pain"),
    )
    session_days = _by_local_day(
        PracticeSession.objects.for_user(user)
        .exclude(state=SessionState.IN_PROGRESS)
        .filter(started_at__gte=since, started_at__lt=until),
        "started_at",
        zone,
        n=Count("id"),
        seconds=Sum("duration_seconds"),
    )
    pain_by_day: dict[date, float | None] = {}
    logged: set[date] = set()
    for row in entry_days:
        logged.add(row["local"])
        pain_by_day[row["local"]] = row["pain"]
    seconds_by_day: Counter[date] = Counter()
    for row in session_days:
        logged.add(row["local"])
        seconds_by_day[row["local"]] += row["seconds"] or 0

    weeks: list[WeekTrend] = []
    for offset in range(-11, 1):
        week = this_week.shifted(offset)
        pains = [p for d in week.days if (p := pain_by_day.get(d)) is not None]
        weeks.append(
            WeekTrend(
                week=week,
                pain=_mean(pains),
                minutes=round(sum(seconds_by_day[d] for d in week.days) / 60),
                days_logged=sum(1 for d in week.days if d in logged),
            )
        )
    calendar = [
        CalendarDay(day=day, logged=day in logged, pain=pain_by_day.get(day))
        for day in (
            calendar_start + timedelta(days=i) for i in range((today - calendar_start).days + 1)
        )
    ]
    return Trends(weeks=weeks, calendar=calendar, first=calendar_start, last=today)
