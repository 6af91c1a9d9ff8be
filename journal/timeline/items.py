"""What the timeline and Today list: entries and sessions, each with its local time and card."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from journal.models import JournalEntry
from practices.models import PracticeSession

# Item sources in the page cursor; entries sort before sessions of the same time.
ENTRY, SESSION_SOURCE = "e", "s"


@dataclass
class Item:
    when: datetime
    entry: JournalEntry | None = None
    session: PracticeSession | None = None
    local: datetime = field(init=False)
    card: dict[str, Any] = field(init=False)

    @property
    def source(self) -> str:
        return ENTRY if self.entry is not None else SESSION_SOURCE

    @property
    def uuid(self) -> uuid.UUID:
        record = self.entry if self.entry is not None else self.session
        assert record is not None
        return record.uuid

    @property
    def sort_key(self) -> tuple[datetime, str, str]:
        """Newest first; items in the same minute keep one fixed order across pages."""
        return (self.when, self.source, self.uuid.hex)

    @property
    def cursor(self) -> str:
        return f"{self.source}-{self.uuid.hex}"

    def localise(self, zone: ZoneInfo) -> None:
        self.local = timezone.localtime(self.when, zone)


@dataclass
class Day:
    day: date
    items: list[Item]


@dataclass
class Page:
    days: list[Day]
    next_before: datetime | None
    next_last: str | None = None
