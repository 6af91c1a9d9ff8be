"""The figures behind the weekly review and the trends page.

Everything is read with a fixed number of queries per page: small value lists
of a bounded window (at most the 12 weeks ending with the reviewed week),
bucketed into local days here, and database aggregates for sensations and for
the longer trends. Views only render what these functions return.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Avg, Count
from django.db.models.functions import TruncDate

from journal.core.dates import Week, local_day
from journal.core.vocabulary import (
    EMOTION_LABELS,
    ENTRY_KIND_LABELS,
    QUALITY_LABELS,
    RED_FLAG_LABELS,
    REGION_LABELS,
    EntryKind,
    Feel,
)
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation
from journal.review.figures import (
    Comparison,
    DayFigures,
    Discovery,
    PracticeEffect,
    RedFlagReport,
    RegionFigure,
    WeekReview,
    _mean,
    session_minutes,
)
from journal.review.insights import DayRecord, findings
from practices.models import RATINGS, PracticeSession, SessionState

HISTORY_WEEKS = 12
EXCERPT = 180

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


def _excerpt(text: str) -> str:
    plain = re.sub(r"[#*_`>\[\]]+", "", text)
    plain = " ".join(plain.split())
    if len(plain) <= EXCERPT:
        return plain
    return plain[:EXCERPT].rsplit(" ", 1)[0] + "…"


def _levels(rows: list[tuple[str, int, float]]) -> list[RegionFigure]:
    labels = REGION_LABELS
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
    kind_labels = ENTRY_KIND_LABELS
    flag_labels = RED_FLAG_LABELS

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
    quality_labels = QUALITY_LABELS
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
        findings=findings(records, emotion_labels=EMOTION_LABELS),
        findings_window=(window.start, week.end),
        discoveries=discoveries,
        red_flags=red_flags,
        days_logged=sum(1 for d in this_days if d.logged),
        pain=_mean([d.pain for d in this_days if d.pain is not None]),
        previous_pain=_mean([d.pain for d in last_days if d.pain is not None]),
    )


# Trends ---------------------------------------------------------------------------------------
