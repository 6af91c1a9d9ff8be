"""One way of reading a person's journal for every export format.

Rows are streamed with `.iterator(chunk_size=...)` and their children prefetched a
chunk at a time, so memory stays bounded however many years are read. Each row is
turned into the plain record the JSON format writes; the other formats read the
same records.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db.models import F, Prefetch

from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation, Tag
from journal.services import profile_for
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


class JournalReader:
    def __init__(self, user: User, date_range: DateRange | None = None) -> None:
        self.user = user
        self.range = date_range or DateRange()
        self.profile = profile_for(user)
        self.zone = self.profile.zone
        self.start, self.end = self.range.bounds(self.zone)

    # Small tables, read whole.

    def profile_record(self) -> Record:
        return {"time_zone": self.profile.time_zone, "week_start": self.profile.week_start}

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

    # Large tables, streamed.

    def _sensations_prefetch(self) -> Prefetch:
        return Prefetch(
            "sensations",
            queryset=Sensation.objects.order_by("occurred_at", "id").only(
                "uuid",
                "entry_id",
                "session_id",
                "occurred_at",
                "region",
                "quality",
                "intensity",
                "feel",
                "note",
                "created_at",
            ),
        )

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
        if with_sensations:
            queryset = queryset.prefetch_related(self._sensations_prefetch())
        if self.start is not None:
            queryset = queryset.filter(started_at__gte=self.start)
        if self.end is not None:
            queryset = queryset.filter(started_at__lt=self.end)
        for session in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield self.session_record(session, with_sensations=with_sensations)

    def session_record(self, session: Any, *, with_sensations: bool = True) -> Record:
        practice: Record = (
            {"slug": session.practice_slug}
            if session.practice_owner is None
            else {"uuid": str(session.practice_uuid)}
        )
        return {
            "uuid": str(session.uuid),
            "practice": practice,
            "practice_name": session.practice_name,
            "state": session.state,
            "started_at": iso(session.started_at, self.zone),
            "ended_at": iso(session.ended_at, self.zone),
            "planned_minutes": session.planned_minutes,
            "duration_seconds": session.duration_seconds,
            "before": {rating: getattr(session, f"before_{rating}") for rating in RATINGS},
            "after": {rating: getattr(session, f"after_{rating}") for rating in RATINGS},
            "notes": session.notes,
            "created_at": iso(session.created_at, self.zone),
            "updated_at": iso(session.updated_at, self.zone),
            "sensations": (
                [self.sensation_record(s) for s in session.sensations.all()]
                if with_sensations
                else []
            ),
        }

    def entries(self, *, with_sensations: bool = True) -> Iterator[Record]:
        queryset = (
            JournalEntry.objects.for_user(self.user)
            .annotate(
                session_uuid=F("session__uuid"),
                session_started_at=F("session__started_at"),
            )
            .prefetch_related(
                Prefetch("emotions", queryset=EntryEmotion.objects.order_by("emotion")),
                Prefetch("tags", queryset=Tag.objects.order_by("name").only("uuid", "name")),
            )
            .order_by("occurred_at", "id")
        )
        if with_sensations:
            queryset = queryset.prefetch_related(self._sensations_prefetch())
        if self.start is not None:
            queryset = queryset.filter(occurred_at__gte=self.start)
        if self.end is not None:
            queryset = queryset.filter(occurred_at__lt=self.end)
        for entry in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield self.entry_record(entry, with_sensations=with_sensations)

    def _in_range(self, moment: datetime | None) -> bool:
        if moment is None:
            return False
        if self.start is not None and moment < self.start:
            return False
        return not (self.end is not None and moment >= self.end)

    def entry_record(self, entry: Any, *, with_sensations: bool = True) -> Record:
        # A link to a session outside the chosen dates is left out, so a partial
        # export still imports on its own.
        session = str(entry.session_uuid) if self._in_range(entry.session_started_at) else None
        return {
            "uuid": str(entry.uuid),
            "kind": entry.kind,
            "occurred_at": iso(entry.occurred_at, self.zone),
            "is_draft": entry.is_draft,
            "body": entry.body,
            "pain": entry.pain,
            "tension": entry.tension,
            "stress": entry.stress,
            "sleep_hours": decimal_number(entry.sleep_hours),
            "sleep_quality": entry.sleep_quality,
            "emotions": [e.emotion for e in entry.emotions.all()],
            "tags": [str(t.uuid) for t in entry.tags.all()],
            "tag_names": [t.name for t in entry.tags.all()],
            "session": session,
            "belief": entry.belief,
            "belief_strength_before": entry.belief_strength_before,
            "reframe": entry.reframe,
            "belief_strength_after": entry.belief_strength_after,
            "red_flags": [
                str(flag) for flag, field in RED_FLAG_FIELDS.items() if getattr(entry, field)
            ],
            "created_at": iso(entry.created_at, self.zone),
            "updated_at": iso(entry.updated_at, self.zone),
            "sensations": (
                [self.sensation_record(s) for s in entry.sensations.all()]
                if with_sensations
                else []
            ),
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
        for sensation in queryset.iterator(chunk_size=CHUNK_SIZE):
            parent: Any = sensation
            if parent.entry_uuid is not None:
                yield "entry", str(parent.entry_uuid), self.sensation_record(sensation)
            else:
                yield "session", str(parent.session_uuid), self.sensation_record(sensation)

    def sensation_record(self, sensation: Sensation) -> Record:
        return {
            "uuid": str(sensation.uuid),
            "occurred_at": iso(sensation.occurred_at, self.zone),
            "region": sensation.region,
            "quality": sensation.quality,
            "intensity": sensation.intensity,
            "feel": sensation.feel,
            "note": sensation.note,
            "created_at": iso(sensation.created_at, self.zone),
        }
