"""Plain-language findings: what tends to come before a harder or easier day.

Each finding compares the mean of an outcome (morning pain or tension) on days
when something was true against days when it was not, on the same day or the
day before. A finding is only made when both groups have enough days and the
difference is worth mentioning; otherwise the data cannot carry it and the
page says nothing rather than something shaky. Findings describe what went
together, never what caused what.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

MIN_DAYS = 3
MIN_DIFFERENCE = 1.0
HIGH_STRESS = 6
SHORT_SLEEP = 6.0
LIMIT = 6

OUTCOMES = {"pain": "pain", "tension": "tension"}


@dataclass
class DayRecord:
    """What one local day held; None where nothing was recorded."""

    pain: float | None = None
    tension: float | None = None
    stress: float | None = None
    sleep_hours: float | None = None
    checked_in: bool = False
    logged: bool = False
    practised: bool = False
    emotions: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Finding:
    key: str
    outcome: str
    lag: int
    text: str
    with_mean: float
    without_mean: float
    with_days: int
    without_days: int

    @property
    def difference(self) -> float:
        return self.with_mean - self.without_mean

    @property
    def is_higher(self) -> bool:
        return self.difference > 0

    @property
    def direction(self) -> str:
        return "higher" if self.is_higher else "lower"


Test = Callable[[DayRecord], bool | None]


@dataclass(frozen=True)
class Factor:
    key: str
    test: Test
    # Phrases for "On {same} ..." and "On {previous} ..."; None: not asked at that lag.
    same: str | None
    previous: str | None
    other: str = "on other days"


def _stress_high(day: DayRecord) -> bool | None:
    return None if day.stress is None else day.stress >= HIGH_STRESS


def _short_sleep(day: DayRecord) -> bool | None:
    return None if day.sleep_hours is None else day.sleep_hours < SHORT_SLEEP


def _practised(day: DayRecord) -> bool | None:
    return day.practised if day.logged else None


def _has_tag(name: str) -> Test:
    return lambda day: (name in day.tags) if day.checked_in else None


def _felt(emotion: str) -> Test:
    return lambda day: (emotion in day.emotions) if day.checked_in else None


def factors(days: Iterable[DayRecord], emotion_labels: dict[str, str]) -> list[Factor]:
    days = list(days)
    result = [
        Factor(
            "stress",
            _stress_high,
            same=f"days your stress was {HIGH_STRESS} or more",
            previous=f"days after a day with stress of {HIGH_STRESS} or more",
        ),
        Factor(
            "sleep",
            _short_sleep,
            same=f"mornings after under {SHORT_SLEEP:g} hours of sleep",
            previous=f"days after you reported under {SHORT_SLEEP:g} hours of sleep",
            other="otherwise",
        ),
        Factor(
            "practice",
            _practised,
            same=None,
            previous="days after a day you practised",
            other="after days without a practice",
        ),
    ]
    for tag in sorted({tag for day in days for tag in day.tags}):
        result.append(
            Factor(
                f"tag:{tag}",
                _has_tag(tag),
                same=f"days tagged “{tag}”",
                previous=f"days after a day tagged “{tag}”",
            )
        )
    for emotion in sorted({emotion for day in days for emotion in day.emotions}):
        label = emotion_labels.get(emotion, emotion).lower()
        result.append(
            Factor(
                f"emotion:{emotion}", _felt(emotion), same=f"days you felt {label}", previous=None
            )
        )
    return result


def _compare(
    days: dict[date, DayRecord], factor: Factor, outcome: str, lag: int
) -> tuple[list[float], list[float]]:
    with_values: list[float] = []
    without_values: list[float] = []
    for day, record in days.items():
        value = getattr(record, outcome)
        if value is None:
            continue
        source = days.get(day - timedelta(days=lag))
        if source is None:
            continue
        present = factor.test(source)
        if present is None:
            continue
        (with_values if present else without_values).append(value)
    return with_values, without_values


def findings(
    days: dict[date, DayRecord],
    *,
    emotion_labels: dict[str, str] | None = None,
    min_days: int = MIN_DAYS,
    min_difference: float = MIN_DIFFERENCE,
    limit: int = LIMIT,
) -> list[Finding]:
    """The strongest comparison per factor, strongest first, only where the data carries it."""
    best: dict[str, Finding] = {}
    for factor in factors(days.values(), emotion_labels or {}):
        for lag, phrase in ((0, factor.same), (1, factor.previous)):
            if phrase is None:
                continue
            for outcome in OUTCOMES:
                with_values, without_values = _compare(days, factor, outcome, lag)
                if len(with_values) < min_days or len(without_values) < min_days:
                    continue
                with_mean = statistics.fmean(with_values)
                without_mean = statistics.fmean(without_values)
                if abs(with_mean - without_mean) < min_difference:
                    continue
                finding = Finding(
                    key=factor.key,
                    outcome=outcome,
                    lag=lag,
                    text=(
                        f"On {phrase}, your {OUTCOMES[outcome]} averaged {with_mean:.1f}, "
                        f"against {without_mean:.1f} {factor.other} "
                        f"({len(with_values)} and {len(without_values)} days)."
                    ),
                    with_mean=with_mean,
                    without_mean=without_mean,
                    with_days=len(with_values),
                    without_days=len(without_values),
                )
                current = best.get(factor.key)
                if current is None or abs(finding.difference) > abs(current.difference):
                    best[factor.key] = finding
    ranked = sorted(best.values(), key=lambda f: (-abs(f.difference), f.key))
    return ranked[:limit]
