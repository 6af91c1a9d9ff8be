"""The figures a week review is made of, and how they are worded."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from journal.core.dates import Week
from journal.core.vocabulary import EntryKind
from journal.review.insights import Finding
from practices.models import RATINGS

MIN_SESSIONS = 3

QUIET_DAYS = 2  # fewer days with anything logged: the week gets a gentle invitation instead

SMALL_PAIN_CHANGE = 0.5  # a smaller change in mean weekly pain is "about the same"

# Short names for the ratings, to fit the columns of the practice table.
RATING_COLUMNS = {
    "pain": "Pain",
    "tension": "Tension",
    "safety": "Safety",
    "connection": "Connection",
}


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
    def cells(self) -> list[tuple[str, str]]:
        """The practice table's rating cells: (column name, median change with its sign)."""
        return [(RATING_COLUMNS[rating], signed(self.median(rating))) for rating in RATINGS]

    @property
    def week_pain_label(self) -> str:
        return signed(self.week_median("pain"))

    @property
    def rated_sessions_words(self) -> str:
        plural = "s" if self.sessions != 1 else ""
        return f"{self.sessions} session{plural} with ratings in 12 weeks"


@dataclass(frozen=True)
class RegionFigure:
    region: str
    label: str
    count: int
    mean_intensity: float | None  # None when none of them was rated
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

    @property
    def is_reframe(self) -> bool:
        return self.kind == EntryKind.REFRAME


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
    def days_logged_words(self) -> str:
        return f"something on {self.days_logged} day{'s' if self.days_logged != 1 else ''}"

    @property
    def has_practice(self) -> bool:
        return bool(self.practices or self.too_few)

    @property
    def has_sensations(self) -> bool:
        return bool(self.unpleasant or self.ease)

    @property
    def too_few_intro(self) -> str:
        return "Also this week" if self.practices else "This week you practised"

    @property
    def too_few_list(self) -> str:
        """The practices with too few rated sessions, each with its count, comma-separated."""
        return ", ".join(f"{e.name} ({e.rated_sessions_words})" for e in self.too_few)

    @property
    def too_few_pronoun(self) -> str:
        return "it tends" if len(self.too_few) == 1 else "they tend"

    @property
    def findings_from(self) -> date:
        return self.findings_window[0]

    @property
    def findings_to(self) -> date:
        return self.findings_window[1]
