"""One demo year's rows, written in bulk, and the small helpers that draw them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User

from journal.demo.texts import (
    TAG_NAMES,
)
from journal.models import EntryEmotion, JournalEntry, Sensation, Tag
from practices.models import PracticeSession

BATCH = 1000


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    choices, weights = zip(*weighted, strict=True)
    return rng.choices(choices, weights=weights)[0]


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def _at(day: date, hour: float, zone: ZoneInfo) -> datetime:
    minutes = int(hour * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)


def _tags_for(user: User) -> dict[str, Tag]:
    tags: dict[str, Tag] = {}
    for name in TAG_NAMES:
        tag = Tag.objects.filter(user=user, name__iexact=name).first()
        tags[name] = tag or Tag.objects.create(user=user, name=name)
    return tags


class _Year:
    """Rows for one year, written together."""

    def __init__(self) -> None:
        self.sessions: list[PracticeSession] = []
        self.entries: list[JournalEntry] = []
        # Index into entries / sessions, or None.
        self.entry_sessions: list[int | None] = []
        self.entry_tags: list[tuple[int, Tag]] = []
        self.entry_emotions: list[tuple[int, str]] = []
        self.sensations: list[tuple[Sensation, str, int]] = []  # ("entry"|"session", index)

    def save(self) -> None:
        PracticeSession.objects.bulk_create(self.sessions, batch_size=BATCH)
        for entry, session_index in zip(self.entries, self.entry_sessions, strict=True):
            if session_index is not None:
                entry.session = self.sessions[session_index]
        JournalEntry.objects.bulk_create(self.entries, batch_size=BATCH)
        Through = JournalEntry.tags.through
        Through.objects.bulk_create(
            [Through(journalentry=self.entries[i], tag=tag) for i, tag in self.entry_tags],
            batch_size=BATCH,
        )
        EntryEmotion.objects.bulk_create(
            [EntryEmotion(entry=self.entries[i], emotion=e) for i, e in self.entry_emotions],
            batch_size=BATCH,
        )
        rows = []
        for sensation, parent, index in self.sensations:
            if parent == "entry":
                sensation.entry = self.entries[index]
            else:
                sensation.session = self.sessions[index]
            rows.append(sensation)
        Sensation.objects.bulk_create(rows, batch_size=BATCH)
