"""The figures a week review is made of, and how they are worded."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext

from journal.core.dates import Week, span_words, weekday_name
from journal.core.numbers import decimal_words
from journal.core.vocabulary import EntryKind
from journal.review.insights import Finding
from practices.models import RATINGS, Practice

MIN_SESSIONS = 3

QUIET_DAYS = 2  # fewer days with anything logged: the week gets a gentle invitation instead

SMALL_PAIN_CHANGE = 0.5  # a smaller change in mean weekly pain is "about the same"

MIN_TREND_DAYS = 3  # an average on fewer days is shown as such, never compared

# Short names for the ratings, to fit the columns of the practice table.
RATING_COLUMNS = {
    "pain": gettext_lazy("Pain"),
    "tension": gettext_lazy("Tension"),
    "safety": gettext_lazy("Safety"),
    "connection": gettext_lazy("Connection"),
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


def practice_display_name(row: dict[str, Any]) -> str:
    """The practice's name in the active language, from a session row's `practice__name` and
    `practice__translations` (a person's own practice keeps its own words)."""
    practice = Practice(name=row["practice__name"], translations=row["practice__translations"])
    return practice.display_name


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


def _noun(key: str, count: int) -> str:
    if key == "check_ins":
        return ngettext("day with a check-in", "days with a check-in", count)
    if key == "sessions":
        return ngettext("practice session", "practice sessions", count)
    return ngettext("minute of practice", "minutes of practice", count)


@dataclass(frozen=True)
class Comparison:
    """A count this week against the week before; in a week still under way, against the
    same days of the week before (`so_far` names them, "Monday–Tuesday")."""

    key: str  # check_ins | sessions | minutes
    this: int
    last: int
    so_far: str = ""

    @property
    def delta(self) -> int:
        return self.this - self.last

    @property
    def noun(self) -> str:
        return _noun(self.key, self.this)

    @property
    def words(self) -> str:
        if self.so_far:
            return gettext("so far, %(days)s; the same days last week: %(last)s") % {
                "days": self.so_far,
                "last": self.last,
            }
        if self.delta == 0:
            return gettext("the same as the week before (%(last)s)") % {"last": self.last}
        if self.delta > 0:
            return gettext("up %(change)s from %(last)s the week before") % {
                "change": self.delta,
                "last": self.last,
            }
        return gettext("down %(change)s from %(last)s the week before") % {
            "change": -self.delta,
            "last": self.last,
        }


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
    def cells(self) -> list[tuple[Any, str]]:
        """The practice table's rating cells: (column name, median change with its sign)."""
        return [(RATING_COLUMNS[rating], signed(self.median(rating))) for rating in RATINGS]

    @property
    def week_pain_label(self) -> str:
        return signed(self.week_median("pain"))

    @property
    def rated_sessions_words(self) -> str:
        return ngettext(
            "%(count)s session with ratings in 12 weeks",
            "%(count)s sessions with ratings in 12 weeks",
            self.sessions,
        ) % {"count": self.sessions}


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


def span_label(first: date, last: date) -> str:
    """ "1 to 7 December 2026"; the days of a range, no further than they have happened."""
    return span_words(first, last)


def weekday_span(first: date, last: date) -> str:
    if first == last:
        return weekday_name(first)
    return pgettext("a span of weekdays", "%(first)s–%(last)s") % {
        "first": weekday_name(first),
        "last": weekday_name(last),
    }


@dataclass
class WeekReview:
    week: Week
    days: list[DayFigures]  # the days that have begun: all 7 once the week is over
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
    previous_pain: float | None = None  # the same days of the week before
    pain_days: int = 0
    previous_pain_days: int = 0

    @property
    def in_progress(self) -> bool:
        return 0 < len(self.days) < len(self.week.days)

    @property
    def last_day(self) -> date:
        return self.days[-1].day if self.days else self.week.start

    @property
    def label(self) -> str:
        """The week's days, no further than today."""
        return span_label(self.week.start, self.last_day)

    @property
    def pain_days_words(self) -> str:
        return ngettext(
            "on %(count)s day with a pain rating",
            "on %(count)s days with a pain rating",
            self.pain_days,
        ) % {"count": self.pain_days}

    @property
    def pain_words(self) -> str:
        """This week's mean pain against last week's (the same days while the week is under
        way), in words; "" when either is unknown, and a plain count when either rests on
        fewer than MIN_TREND_DAYS days."""
        if self.pain is None or self.previous_pain is None:
            return ""
        if min(self.pain_days, self.previous_pain_days) < MIN_TREND_DAYS:
            return gettext("%(days)s: too few days to compare with the week before") % {
                "days": self.pain_days_words
            }
        this, last = round(self.pain, 1), round(self.previous_pain, 1)
        if self.in_progress:
            if abs(this - last) < SMALL_PAIN_CHANGE:
                return gettext("about the same as on the same days last week (%(last)s)") % {
                    "last": decimal_words(last)
                }
            if this < last:
                return gettext("lower than %(last)s on the same days last week") % {
                    "last": decimal_words(last)
                }
            return gettext("higher than %(last)s on the same days last week") % {
                "last": decimal_words(last)
            }
        if abs(this - last) < SMALL_PAIN_CHANGE:
            return gettext("about the same as the week before (%(last)s)") % {
                "last": decimal_words(last)
            }
        if this < last:
            return gettext("lower than %(last)s the week before") % {"last": decimal_words(last)}
        return gettext("higher than %(last)s the week before") % {"last": decimal_words(last)}

    @property
    def is_quiet(self) -> bool:
        return self.days_logged < QUIET_DAYS

    @property
    def days_logged_words(self) -> str:
        return ngettext(
            "something on %(count)s day", "something on %(count)s days", self.days_logged
        ) % {"count": self.days_logged}

    @property
    def has_practice(self) -> bool:
        return bool(self.practices or self.too_few)

    @property
    def has_sensations(self) -> bool:
        return bool(self.unpleasant or self.ease)

    @property
    def too_few_list(self) -> str:
        """The practices with too few rated sessions, each with its count, comma-separated."""
        return ", ".join(f"{e.name} ({e.rated_sessions_words})" for e in self.too_few)

    @property
    def too_few_sentence(self) -> str:
        """The practices with too few rated sessions to say whether they help, in one sentence."""
        values = {"practices": self.too_few_list}
        one = len(self.too_few) == 1
        if self.practices and one:
            # Translators: %(practices)s is one practice's name with its count of rated sessions.
            text = gettext(
                "Also this week: %(practices)s. That is too few sessions to say how it tends"
                " to help; a few more will tell."
            )
        elif self.practices:
            # Translators: %(practices)s lists practices, each with its count of rated sessions.
            text = gettext(
                "Also this week: %(practices)s. That is too few sessions to say how they tend"
                " to help; a few more will tell."
            )
        elif one:
            text = gettext(
                "This week you practised: %(practices)s. That is too few sessions to say how it"
                " tends to help; a few more will tell."
            )
        else:
            text = gettext(
                "This week you practised: %(practices)s. That is too few sessions to say how"
                " they tend to help; a few more will tell."
            )
        return text % values

    @property
    def findings_from(self) -> date:
        return self.findings_window[0]

    @property
    def findings_to(self) -> date:
        return self.findings_window[1]
