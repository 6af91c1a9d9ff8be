"""Plain-language findings: what often came together with a harder or easier day.

Each finding compares the mean of an outcome (morning pain or tension) on days
when something was true against days when it was not, on the same day or the
day before. A finding is only made when both groups have enough days and the
difference is worth mentioning; otherwise the data cannot carry it and the
page says nothing rather than something shaky. Findings describe what went
together, never what caused what.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext, gettext_lazy, ngettext

from journal.core.numbers import decimal_words
from journal.core.vocabulary import mid_sentence

MIN_DAYS = 3
MIN_DIFFERENCE = 1.0
HIGH_STRESS = 6
SHORT_SLEEP = 6.0
LIMIT = 6

OUTCOMES = {"pain": gettext_lazy("pain"), "tension": gettext_lazy("tension")}


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
    def days_words(self) -> str:
        """The two groups' sizes, spelled out: "8 days like this, 62 other days"."""
        like = ngettext("%(count)s day like this", "%(count)s days like this", self.with_days)
        other = ngettext("%(count)s other day", "%(count)s other days", self.without_days)
        return gettext("%(these)s, %(others)s") % {
            "these": like % {"count": self.with_days},
            "others": other % {"count": self.without_days},
        }

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
    # What the days are, as a heading ("Days with stress of 6 or more"), for the same day and
    # for the day after; None: not asked at that lag.
    same: str | None
    previous: str | None


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


def factors(days: Iterable[DayRecord], emotion_labels: Mapping[str, str]) -> list[Factor]:
    days = list(days)
    result = [
        Factor(
            "stress",
            _stress_high,
            same=gettext("Days with stress of %(level)s or more") % {"level": HIGH_STRESS},
            previous=gettext("The day after a day with stress of %(level)s or more")
            % {"level": HIGH_STRESS},
        ),
        Factor(
            "sleep",
            _short_sleep,
            same=gettext("Mornings after under %(hours)s hours of sleep")
            % {"hours": f"{SHORT_SLEEP:g}"},
            previous=gettext("The day after a morning with under %(hours)s hours of sleep")
            % {"hours": f"{SHORT_SLEEP:g}"},
        ),
        Factor(
            "practice",
            _practised,
            same=None,
            previous=gettext("The day after a day with a practice"),
        ),
    ]
    for tag in sorted({tag for day in days for tag in day.tags}):
        result.append(
            Factor(
                f"tag:{tag}",
                _has_tag(tag),
                same=gettext("Days tagged “%(tag)s”") % {"tag": tag},
                previous=gettext("The day after a day tagged “%(tag)s”") % {"tag": tag},
            )
        )
    for emotion in sorted({emotion for day in days for emotion in day.emotions}):
        label = mid_sentence(str(emotion_labels.get(emotion, emotion)))
        result.append(
            Factor(
                f"emotion:{emotion}",
                _felt(emotion),
                same=gettext("Days you felt %(emotion)s") % {"emotion": label},
                previous=None,
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
    emotion_labels: Mapping[str, str] | None = None,
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
                    text=gettext(
                        "%(days)s: your %(outcome)s averaged %(with)s; on other days, %(without)s."
                    )
                    % {
                        "days": phrase,
                        "outcome": OUTCOMES[outcome],
                        "with": decimal_words(with_mean),
                        "without": decimal_words(without_mean),
                    },
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
