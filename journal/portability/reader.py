"""One way of reading a person's journal for every export format.

Rows are streamed with `.iterator(chunk_size=...)` and their children prefetched a
chunk at a time, so memory stays bounded however many years are read. Each row is
turned into the plain record the JSON format writes; the other formats read the
same records.
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from typing import Any

from django.contrib.auth.models import User
from django.db.models import F

from journal.accounts.profiles import profile_for
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation, Tag
from practices.models import RATINGS, Practice, PracticeSession

SCHEMA_NAME = "soma-journal"
SCHEMA_VERSION = 1
CHUNK_SIZE = 1000

Record = dict[str, Any]


@dataclass(frozen=True)
class DateRange:
    """Days in the person's time zone, both ends included; None means unbounded."""

    since: date | None = None
    until: date | None = None

    @property
    def is_everything(self) -> bool:
        return self.since is None and self.until is None

    def bounds(self, zone: zoneinfo.ZoneInfo) -> tuple[datetime | None, datetime | None]:
        start = datetime.combine(self.since, time.min, zone) if self.since else None
        end = (
            datetime.combine(self.until + timedelta(days=1), time.min, zone) if self.until else None
        )
        return start, end

    def as_record(self) -> Record:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


def iso(value: datetime | None, zone: zoneinfo.ZoneInfo) -> str | None:
    """ISO 8601 with the offset of the person's time zone at that moment."""
    return value.astimezone(zone).isoformat() if value is not None else None


def decimal_number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


_SENSATION_FIELDS = (
    "uuid",
    "occurred_at",
    "region",
    "quality",
    "intensity",
    "feel",
    "note",
    "created_at",
)
_SESSION_FIELDS = (
    "id",
    "uuid",
    "practice_uuid",
    "practice_slug",
    "practice_owner",
    "practice_name",
    "state",
    "started_at",
    "ended_at",
    "planned_minutes",
    "duration_seconds",
    "added_minutes",
    "timer_intervals",
    *(f"{when}_{rating}" for when in ("before", "after") for rating in RATINGS),
    "notes",
    "created_at",
    "updated_at",
)
_ENTRY_FIELDS = (
    "id",
    "uuid",
    "kind",
    "occurred_at",
    "is_draft",
    "body",
    "pain",
    "tension",
    "stress",
    "sleep_hours",
    "sleep_quality",
    "session_uuid",
    "session_started_at",
    "belief",
    "belief_strength_before",
    "reframe",
    "belief_strength_after",
    *RED_FLAG_FIELDS.values(),
    "created_at",
    "updated_at",
)


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk


class JournalReader:
    def __init__(self, user: User, date_range: DateRange | None = None) -> None:
        self.user = user
        self.range = date_range or DateRange()
        self.profile = profile_for(user)
        self.zone = self.profile.zone
        self.start, self.end = self.range.bounds(self.zone)

    # Small tables, read whole.

    def profile_record(self) -> Record:
        return {
            "time_zone": self.profile.time_zone,
            "week_start": self.profile.week_start,
            "language": self.profile.language,
        }

    def tags(self) -> Iterator[Record]:
        for tag in Tag.objects.for_user(self.user).order_by("created_at", "id"):
            yield {
                "uuid": str(tag.uuid),
                "name": tag.name,
                "is_archived": tag.is_archived,
                "created_at": iso(tag.created_at, self.zone),
            }

    def practices(self) -> Iterator[Record]:
        """The person's own practices; built-in ones are referred to by slug."""
        for practice in Practice.objects.owned_by(self.user).order_by("created_at", "id"):
            yield {
                "uuid": str(practice.uuid),
                "name": practice.name,
                "slug": practice.slug,
                "category": practice.category,
                "summary": practice.summary,
                "steps": list(practice.steps),
                "default_minutes": practice.default_minutes,
                "is_archived": practice.is_archived,
                "created_at": iso(practice.created_at, self.zone),
            }

    # Large tables, streamed: plain values a chunk at a time, children fetched per chunk.

    def _children(self, parent_field: str, ids: list[int]) -> dict[int, list[Record]]:
        found: dict[int, list[Record]] = defaultdict(list)
        rows = (
            Sensation.objects.filter(**{f"{parent_field}__in": ids})
            .order_by("occurred_at", "id")
            .values_list(parent_field, *_SENSATION_FIELDS)
        )
        for parent_id, *values in rows:
            found[parent_id].append(
                self._sensation(dict(zip(_SENSATION_FIELDS, values, strict=True)))
            )
        return found

    def sessions(self, *, with_sensations: bool = True) -> Iterator[Record]:
        queryset = (
            PracticeSession.objects.for_user(self.user)
            .annotate(
                practice_uuid=F("practice__uuid"),
                practice_slug=F("practice__slug"),
                practice_owner=F("practice__user_id"),
                practice_name=F("practice__name"),
            )
            .order_by("started_at", "id")
        )
        if self.start is not None:
            queryset = queryset.filter(started_at__gte=self.start)
        if self.end is not None:
            queryset = queryset.filter(started_at__lt=self.end)
        rows = queryset.values(*_SESSION_FIELDS).iterator(chunk_size=CHUNK_SIZE)
        for chunk in _chunks(rows, CHUNK_SIZE):
            sensations = (
                self._children("session_id", [row["id"] for row in chunk])
                if with_sensations
                else {}
            )
            for row in chunk:
                yield self.session_record(row, sensations.get(row["id"], []))

    def session_record(self, row: dict[str, Any], sensations: list[Record]) -> Record:
        practice: Record = (
            {"slug": row["practice_slug"]}
            if row["practice_owner"] is None
            else {"uuid": str(row["practice_uuid"])}
        )
        zone = self.zone
        return {
            "uuid": str(row["uuid"]),
            "practice": practice,
            "practice_name": row["practice_name"],
            "state": row["state"],
            "started_at": iso(row["started_at"], zone),
            "ended_at": iso(row["ended_at"], zone),
            "planned_minutes": row["planned_minutes"],
            "duration_seconds": row["duration_seconds"],
            "added_minutes": row["added_minutes"],
            "timer_intervals": row["timer_intervals"],
            "before": {rating: row[f"before_{rating}"] for rating in RATINGS},
            "after": {rating: row[f"after_{rating}"] for rating in RATINGS},
            "notes": row["notes"],
            "created_at": iso(row["created_at"], zone),
            "updated_at": iso(row["updated_at"], zone),
            "sensations": sensations,
        }

    def entries(self, *, with_sensations: bool = True) -> Iterator[Record]:
        queryset = (
            JournalEntry.objects.for_user(self.user)
            .annotate(
                session_uuid=F("session__uuid"),
                session_started_at=F("session__started_at"),
            )
            .order_by("occurred_at", "id")
        )
        if self.start is not None:
            queryset = queryset.filter(occurred_at__gte=self.start)
        if self.end is not None:
            queryset = queryset.filter(occurred_at__lt=self.end)
        rows = queryset.values(*_ENTRY_FIELDS).iterator(chunk_size=CHUNK_SIZE)
        through = JournalEntry.tags.through
        for chunk in _chunks(rows, CHUNK_SIZE):
            ids = [row["id"] for row in chunk]
            emotions: dict[int, list[str]] = defaultdict(list)
            for entry_id, emotion in (
                EntryEmotion.objects.filter(entry_id__in=ids)
                .order_by("emotion")
                .values_list("entry_id", "emotion")
            ):
                emotions[entry_id].append(emotion)
            tags: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for entry_id, tag_uuid, tag_name in (
                through.objects.filter(journalentry_id__in=ids)
                .order_by("tag__name")
                .values_list("journalentry_id", "tag__uuid", "tag__name")
            ):
                tags[entry_id].append((str(tag_uuid), tag_name))
            sensations = self._children("entry_id", ids) if with_sensations else {}
            for row in chunk:
                yield self.entry_record(
                    row,
                    emotions=emotions.get(row["id"], []),
                    tags=tags.get(row["id"], []),
                    sensations=sensations.get(row["id"], []),
                )

    def _in_range(self, moment: datetime | None) -> bool:
        if moment is None:
            return False
        if self.start is not None and moment < self.start:
            return False
        return not (self.end is not None and moment >= self.end)

    def entry_record(
        self,
        row: dict[str, Any],
        *,
        emotions: list[str],
        tags: list[tuple[str, str]],
        sensations: list[Record],
    ) -> Record:
        # A link to a session outside the chosen dates is left out, so a partial
        # export still imports on its own.
        session = str(row["session_uuid"]) if self._in_range(row["session_started_at"]) else None
        zone = self.zone
        return {
            "uuid": str(row["uuid"]),
            "kind": row["kind"],
            "occurred_at": iso(row["occurred_at"], zone),
            "is_draft": row["is_draft"],
            "body": row["body"],
            "pain": row["pain"],
            "tension": row["tension"],
            "stress": row["stress"],
            "sleep_hours": decimal_number(row["sleep_hours"]),
            "sleep_quality": row["sleep_quality"],
            "emotions": emotions,
            "tags": [uuid for uuid, _ in tags],
            "tag_names": [name for _, name in tags],
            "session": session,
            "belief": row["belief"],
            "belief_strength_before": row["belief_strength_before"],
            "reframe": row["reframe"],
            "belief_strength_after": row["belief_strength_after"],
            "red_flags": [str(flag) for flag, field in RED_FLAG_FIELDS.items() if row[field]],
            "created_at": iso(row["created_at"], zone),
            "updated_at": iso(row["updated_at"], zone),
            "sensations": sensations,
        }

    def sensations(self) -> Iterator[tuple[str, str, Record]]:
        """Every sensation with its parent's kind and UUID, in time order."""
        queryset = (
            Sensation.objects.for_user(self.user)
            .annotate(entry_uuid=F("entry__uuid"), session_uuid=F("session__uuid"))
            .order_by("occurred_at", "id")
        )
        if self.start is not None:
            queryset = queryset.filter(occurred_at__gte=self.start)
        if self.end is not None:
            queryset = queryset.filter(occurred_at__lt=self.end)
        rows = queryset.values("entry_uuid", "session_uuid", *_SENSATION_FIELDS)
        for row in rows.iterator(chunk_size=CHUNK_SIZE):
            if row["entry_uuid"] is not None:
                yield "entry", str(row["entry_uuid"]), self._sensation(row)
            else:
                yield "session", str(row["session_uuid"]), self._sensation(row)

    def _sensation(self, row: dict[str, Any]) -> Record:
        return {
            "uuid": str(row["uuid"]),
            "occurred_at": iso(row["occurred_at"], self.zone),
            "region": row["region"],
            "quality": row["quality"],
            "intensity": row["intensity"],
            "feel": row["feel"],
            "note": row["note"],
            "created_at": iso(row["created_at"], self.zone),
        }
