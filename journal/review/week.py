"""The figures behind the weekly review.

Everything is read with a fixed number of queries per page: small value lists
of a bounded window (at most the 12 weeks ending with the reviewed week, see
`journal.review.window`), bucketed into local days here, and database
aggregates for the week's sensations (`journal.review.sensations`). Views only
render what these functions return.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User

from journal.core.dates import Week, local_day
from journal.core.vocabulary import EMOTION_LABELS, ENTRY_KIND_LABELS, RED_FLAG_LABELS, EntryKind
from journal.models import RED_FLAG_FIELDS
from journal.review.figures import (
    Comparison,
    DayFigures,
    Discovery,
    PracticeEffect,
    RedFlagReport,
    WeekReview,
    _mean,
    practice_display_name,
    session_minutes,
    weekday_span,
)
from journal.review.insights import DayRecord, findings
from journal.review.sensations import sensation_figures
from journal.review.window import WindowRows, read_window
from practices.models import RATINGS, SessionState

EXCERPT = 180

CHECK_IN_VALUES = ("pain", "tension", "stress", "sleep_hours", "sleep_quality")


@dataclass
class _Days:
    """Local days: records of the whole window for the findings, figures of the two weeks."""

    records: dict[date, DayRecord]
    figures: dict[date, DayFigures]
    # Check-in values by day and name, averaged once every entry is in.
    values: dict[date, dict[str, list[float]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )


def _empty_days(first_week: Week, week: Week) -> _Days:
    return _Days(
        records={
            first_week.start + timedelta(days=i): DayRecord()
            for i in range((week.end - first_week.start).days + 1)
        },
        figures={day: DayFigures(day=day) for day in [*week.previous.days, *week.days]},
    )


def _add_entries(days: _Days, rows: WindowRows, zone: ZoneInfo) -> None:
    for row in rows.entries:
        day = local_day(row["occurred_at"], zone)
        record = days.records[day]
        figure = days.figures.get(day)
        record.logged = True
        if figure is not None:
            figure.entries += 1
        if row["kind"] == EntryKind.CHECK_IN:
            record.checked_in = True
            if figure is not None:
                figure.checked_in = True
            for name in CHECK_IN_VALUES:
                if row[name] is not None:
                    days.values[day][name].append(float(row[name]))
        record.tags |= rows.tags.get(row["id"], set())
        record.emotions |= rows.emotions.get(row["id"], set())


def _add_means(days: _Days) -> None:
    for day, values in days.values.items():
        record = days.records[day]
        record.pain = _mean(values["pain"])
        record.tension = _mean(values["tension"])
        record.stress = _mean(values["stress"])
        record.sleep_hours = _mean(values["sleep_hours"])
        figure = days.figures.get(day)
        if figure is not None:
            figure.pain, figure.tension = record.pain, record.tension
            figure.stress, figure.sleep_hours = record.stress, record.sleep_hours
            figure.sleep_quality = _mean(values["sleep_quality"])


def _add_sessions(days: _Days, sessions: list[dict[str, Any]], zone: ZoneInfo) -> None:
    for row in sessions:
        day = local_day(row["started_at"], zone)
        days.records[day].logged = True
        figure = days.figures.get(day)
        if figure is not None:
            figure.sessions += 1
            figure.minutes += session_minutes(row)
        if row["state"] == SessionState.FINISHED:
            days.records[day].practised = True


def _excerpt(text: str) -> str:
    plain = re.sub(r"[#*_`>\[\]]+", "", text)
    plain = " ".join(plain.split())
    if len(plain) <= EXCERPT:
        return plain
    return plain[:EXCERPT].rsplit(" ", 1)[0] + "…"


def _discovery(row: dict[str, Any], day: date) -> Discovery:
    return Discovery(
        uuid=str(row["uuid"]),
        kind=row["kind"],
        kind_label=ENTRY_KIND_LABELS[row["kind"]],
        day=day,
        excerpt=_excerpt(row["body"]),
        belief=_excerpt(row["belief"]),
        reframe=_excerpt(row["reframe"]),
        strength_before=row["belief_strength_before"],
        strength_after=row["belief_strength_after"],
    )


def _week_notes(
    entries: list[dict[str, Any]], week: Week
) -> tuple[list[Discovery], list[RedFlagReport]]:
    """The week's reflections and reframes, and the warning signs noted in it."""
    discoveries: list[Discovery] = []
    red_flags: list[RedFlagReport] = []
    for row in entries:
        day = local_day(row["occurred_at"], week.zone)
        if day not in week:
            continue
        flags = [RED_FLAG_LABELS[flag] for flag, name in RED_FLAG_FIELDS.items() if row[name]]
        if flags:
            red_flags.append(RedFlagReport(day=day, uuid=str(row["uuid"]), labels=flags))
        if row["kind"] in (EntryKind.POST_PRACTICE, EntryKind.REFRAME):
            discoveries.append(_discovery(row, day))
    return discoveries, red_flags


def _practice_effects(sessions: list[dict[str, Any]], week: Week) -> list[PracticeEffect]:
    """Before-to-after changes of each practice finished in the window, in first-seen order."""
    effects: dict[int, PracticeEffect] = {}
    for row in sessions:
        if row["state"] != SessionState.FINISHED:
            continue
        effect = effects.get(row["practice_id"]) or effects.setdefault(
            row["practice_id"], PracticeEffect(row["practice_id"], practice_display_name(row))
        )
        in_week = local_day(row["started_at"], week.zone) in week
        effect.week_sessions += in_week
        for rating in RATINGS:
            before, after = row[f"before_{rating}"], row[f"after_{rating}"]
            if before is None or after is None:
                continue
            effect.changes[rating].append(after - before)
            if in_week:
                effect.week_changes[rating].append(after - before)
    return list(effects.values())


def _ranked(effects: list[PracticeEffect]) -> tuple[list[PracticeEffect], list[PracticeEffect]]:
    """The week's practices with enough rated sessions, easiest on pain first; then the rest."""
    ranked = [e for e in effects if e.week_sessions and e.enough]
    ranked.sort(key=lambda e: (e.median("pain") or 0, -e.sessions, e.name))
    too_few = sorted((e for e in effects if e.week_sessions and not e.enough), key=lambda e: e.name)
    return ranked, too_few


def _comparisons(
    this_days: list[DayFigures], last_days: list[DayFigures], so_far: str
) -> list[Comparison]:
    """This week's days against as many days of the week before (the same weekdays)."""
    last_days = last_days[: len(this_days)]

    def compare(key: str, pick: Any) -> Comparison:
        return Comparison(key, sum(map(pick, this_days)), sum(map(pick, last_days)), so_far)

    return [
        compare("check_ins", lambda d: d.checked_in),
        compare("sessions", lambda d: d.sessions),
        compare("minutes", lambda d: d.minutes),
    ]


def _pains(days: list[DayFigures]) -> list[float]:
    return [d.pain for d in days if d.pain is not None]


def elapsed_days(week: Week, today: date) -> int:
    """How many of the week's days have begun by `today`: 0 to 7."""
    return max(0, min(len(week.days), (today - week.start).days + 1))


def week_review(*, user: User, week: Week, today: date | None = None) -> WeekReview:
    """The review of `week`, as it stands on `today` (the person's local day; by default the
    week's last day, so a past week is whole): only days that have begun are shown, and a
    week under way is compared with the same days of the week before."""
    elapsed = elapsed_days(week, week.end if today is None else today)
    rows = read_window(user=user, week=week)
    days = _empty_days(rows.first_week, week)
    _add_entries(days, rows, week.zone)
    _add_means(days)
    _add_sessions(days, rows.sessions, week.zone)
    discoveries, red_flags = _week_notes(rows.entries, week)
    practices, too_few = _ranked(_practice_effects(rows.sessions, week))
    sensations = sensation_figures(user=user, week=week)
    for day, mean in sensations.daily_intensity.items():
        if day in days.figures:
            days.figures[day].sensation_intensity = mean
    this_days = [days.figures[day] for day in week.days[:elapsed]]
    last_days = [days.figures[day] for day in week.previous.days[:elapsed]]
    so_far = weekday_span(week.start, this_days[-1].day) if 0 < elapsed < len(week.days) else ""
    last_day = this_days[-1].day if this_days else week.start
    return WeekReview(
        week=week,
        days=this_days,
        comparisons=_comparisons(this_days, last_days, so_far),
        practices=practices,
        too_few=too_few,
        unpleasant=sensations.unpleasant,
        ease=sensations.ease,
        qualities=sensations.qualities,
        findings=findings(days.records, emotion_labels=EMOTION_LABELS),
        findings_window=(rows.first_week.start, last_day),
        discoveries=discoveries,
        red_flags=red_flags,
        days_logged=sum(1 for d in this_days if d.logged),
        pain=_mean(_pains(this_days)),
        previous_pain=_mean(_pains(last_days)),
        pain_days=len(_pains(this_days)),
        previous_pain_days=len(_pains(last_days)),
    )
