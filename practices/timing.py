"""The session timer kept on the server: when it ran, and the time that makes.

A session's `timer_intervals` is a list of `[start, end]` pairs (ISO 8601), `end`
empty while the timer runs. Everything here is a pure function of those pairs and
a moment, so a reload, another device or another tab all see the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

# A generous bound on pause/resume pairs, so a stuck button cannot grow the row without end.
MAX_INTERVALS = 500

Interval = tuple[datetime, datetime | None]


def now() -> datetime:
    """The server's clock; the browser tests drive it in step with the page's clock."""
    return timezone.now()


def parse(raw: Sequence[Any] | None) -> list[Interval]:
    intervals: list[Interval] = []
    for pair in raw or []:
        start = datetime.fromisoformat(pair[0])
        end = datetime.fromisoformat(pair[1]) if pair[1] else None
        intervals.append((start, end))
    return intervals


def dump(intervals: Sequence[Interval]) -> list[list[str | None]]:
    return [[start.isoformat(), end.isoformat() if end else None] for start, end in intervals]


def elapsed_seconds(intervals: Sequence[Interval], at: datetime) -> float:
    """Seconds the timer ran up to `at`, pauses left out."""
    total = 0.0
    for start, end in intervals:
        stop = at if end is None else min(end, at)
        total += max(0.0, (stop - start).total_seconds())
    return total


def is_running(intervals: Sequence[Interval]) -> bool:
    return bool(intervals) and intervals[-1][1] is None


def settle(intervals: list[Interval], total_seconds: int, at: datetime) -> list[Interval]:
    """Close a running timer at the moment it reached the planned time, if it has."""
    if not is_running(intervals):
        return intervals
    over = elapsed_seconds(intervals, at) - total_seconds
    if over < 0:
        return intervals
    start, _ = intervals[-1]
    return [*intervals[:-1], (start, max(start, at - timedelta(seconds=over)))]


def start(intervals: list[Interval], at: datetime) -> list[Interval]:
    if is_running(intervals) or len(intervals) >= MAX_INTERVALS:
        return intervals
    return [*intervals, (at, None)]


def stop(intervals: list[Interval], at: datetime) -> list[Interval]:
    if not is_running(intervals):
        return intervals
    begun, _ = intervals[-1]
    return [*intervals[:-1], (begun, max(begun, at))]


@dataclass(frozen=True)
class TimerState:
    elapsed: float
    total: int
    running: bool
    begun: bool

    @property
    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed)

    @property
    def done(self) -> bool:
        return self.begun and self.remaining <= 0

    def as_json(self) -> dict[str, Any]:
        return {
            "elapsed_ms": round(self.elapsed * 1000),
            "total_ms": self.total * 1000,
            "running": self.running,
            "begun": self.begun,
        }


def total_seconds(planned_minutes: int, added_minutes: int) -> int:
    return (planned_minutes + added_minutes) * 60


def timer_state(
    raw: Sequence[Any] | None, *, planned_minutes: int, added_minutes: int, at: datetime
) -> TimerState:
    total = total_seconds(planned_minutes, added_minutes)
    intervals = settle(parse(raw), total, at)
    return TimerState(
        elapsed=min(float(total), elapsed_seconds(intervals, at)),
        total=total,
        running=is_running(intervals),
        begun=bool(intervals),
    )


def credited_seconds(
    raw: Sequence[Any] | None,
    *,
    started_at: datetime,
    planned_minutes: int,
    added_minutes: int,
    at: datetime,
) -> int:
    """The time to credit when a session finishes: what the timer ran, capped at the plan.

    A timer never begun (no JavaScript) counts the time since the session started,
    with the same cap.
    """
    total = total_seconds(planned_minutes, added_minutes)
    intervals = parse(raw)
    ran = elapsed_seconds(intervals, at) if intervals else (at - started_at).total_seconds()
    return max(0, min(total, round(ran)))
