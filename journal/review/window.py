"""The rows a week review reads: its window's entries, sessions, tags and emotions.

The window is the 12 weeks ending with the reviewed week, read as small value
lists in four queries however long the journal is; the review buckets them into
local days itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User

from journal.core.dates import Week
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry
from practices.models import RATINGS, PracticeSession, SessionState

HISTORY_WEEKS = 12

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
    "practice__translations",
    *(f"{when}_{rating}" for when in ("before", "after") for rating in RATINGS),
)


@dataclass(frozen=True)
class WindowRows:
    first_week: Week
    entries: list[dict[str, Any]]  # published entries, oldest first
    sessions: list[dict[str, Any]]  # sessions no longer in progress, oldest first
    tags: dict[int, set[str]]  # lower-cased tag names by entry id
    emotions: dict[int, set[str]]  # emotion values by entry id


def _entries(user: User, since: datetime, until: datetime) -> list[dict[str, Any]]:
    return list(
        JournalEntry.objects.for_user(user)
        .filter(is_draft=False, occurred_at__gte=since, occurred_at__lt=until)
        .order_by("occurred_at")
        .values(*ENTRY_FIELDS)
    )


def _sessions(user: User, since: datetime, until: datetime) -> list[dict[str, Any]]:
    return list(
        PracticeSession.objects.for_user(user)
        .exclude(state=SessionState.IN_PROGRESS)
        .filter(started_at__gte=since, started_at__lt=until)
        .order_by("started_at")
        .values(*SESSION_FIELDS)
    )


def _tags(user: User, since: datetime, until: datetime) -> dict[int, set[str]]:
    by_entry: dict[int, set[str]] = defaultdict(set)
    for entry_id, name in JournalEntry.tags.through.objects.filter(
        journalentry__user=user,
        journalentry__occurred_at__gte=since,
        journalentry__occurred_at__lt=until,
    ).values_list("journalentry_id", "tag__name"):
        by_entry[entry_id].add(name.lower())
    return by_entry


def _emotions(user: User, since: datetime, until: datetime) -> dict[int, set[str]]:
    by_entry: dict[int, set[str]] = defaultdict(set)
    for entry_id, emotion in EntryEmotion.objects.filter(
        entry__user=user, entry__occurred_at__gte=since, entry__occurred_at__lt=until
    ).values_list("entry_id", "emotion"):
        by_entry[entry_id].add(emotion)
    return by_entry


def read_window(*, user: User, week: Week) -> WindowRows:
    """The 12 weeks ending with `week`, in four queries: entries, sessions, tags, emotions."""
    first_week = week.shifted(-(HISTORY_WEEKS - 1))
    since, until = first_week.start_at, week.end_at
    return WindowRows(
        first_week=first_week,
        entries=_entries(user, since, until),
        sessions=_sessions(user, since, until),
        tags=_tags(user, since, until),
        emotions=_emotions(user, since, until),
    )
