"""Importing a JSON export: validate the whole file first, then apply it in one transaction.

Messages say what is wrong and where, as a path into the file
(`sessions[12].after.pain: 14 is above 10`). Ids, user fields and anything else that
could point at another account are ignored: rows are matched by UUID within the
importing person's own journal only, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from journal.accounts.profiles import profile_for
from journal.core.timezones import time_zone_names
from journal.core.vocabulary import Emotion, EntryKind, Feel, Quality, RedFlag, Region
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation, Tag
from journal.portability.reader import SCHEMA_NAME, SCHEMA_VERSION
from practices.models import RATINGS, Category, Practice, PracticeSession, SessionState

MAX_ERRORS = 50
_EMOTIONS = tuple(Emotion.values)
_ENTRY_KINDS = tuple(EntryKind.values)
_FEELS = tuple(Feel.values)
_QUALITIES = tuple(Quality.values)
_RED_FLAGS = tuple(RedFlag.values)
_REGIONS = tuple(Region.values)
_CATEGORIES = tuple(Category.values)
_STATES = tuple(SessionState.values)
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


class ImportFileError(Exception):
    """The file cannot be imported; `messages` say what and where."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class _TooManyErrors(Exception):
    pass


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    settings_applied: bool = False

    @property
    def added_total(self) -> int:
        return sum(self.added.values())

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        kinds = ["entries", "sessions", "sensations", "tags", "practices"]
        return [
            f"{kind}: {self.added.get(kind, 0)} added, {self.skipped.get(kind, 0)} already there"
            for kind in kinds
        ]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"the file contains {name}, which is not a number JSON allows")


def parse_export(data: bytes, *, max_bytes: int) -> Any:
    """Bytes to JSON, with a clear message for every way a file can be unreadable."""
    if len(data) > max_bytes:
        raise ImportFileError(
            [
                f"The file is {human_size(len(data))}; the largest file this server accepts "
                f"is {human_size(max_bytes)}."
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            [f"The file is not UTF-8 text (unreadable byte at position {error.start})."]
        ) from None
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            [
                "The file is not complete, valid JSON "
                f"(line {error.lineno}, column {error.colno}: {error.msg})."
            ]
        ) from None
    except RecursionError:
        raise ImportFileError(["The file is nested too deeply to be a journal export."]) from None
    except ValueError as error:
        message = str(error)
        if "digits" in message:
            message = "the file contains a number with too many digits"
        raise ImportFileError([f"The file cannot be read: {message}."]) from None


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(n / 1024))} KB"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return json.dumps(shown, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= 20 else text[:17] + "..."


@dataclass
class _Clean:
    """The file's content, checked and converted, before anything is written."""

    profile: dict[str, Any] | None = None
    tags: list[dict[str, Any]] = field(default_factory=list)
    practices: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Existing:
    """What the person's journal already holds, by UUID."""

    tags: dict[UUID, int]
    tag_names: dict[str, int]
    practices: dict[UUID, int]
    practice_slugs: dict[str, int]
    practice_names: dict[str, int]
    builtin_slugs: dict[str, int]
    sessions: dict[UUID, int]
    entries: dict[UUID, int]
    sensations: set[UUID]
    is_empty: bool

    @classmethod
    def load(cls, user: User) -> _Existing:
        tags = list(Tag.objects.for_user(user).values_list("uuid", "pk", "name"))
        practices = list(Practice.objects.owned_by(user).values_list("uuid", "pk", "slug", "name"))
        sessions = dict(PracticeSession.objects.for_user(user).values_list("uuid", "pk"))
        entries = dict(JournalEntry.objects.for_user(user).values_list("uuid", "pk"))
        return cls(
            tags={u: pk for u, pk, _ in tags},
            tag_names={name.lower(): pk for _, pk, name in tags},
            practices={u: pk for u, pk, _, _ in practices},
            practice_slugs={slug: pk for _, pk, slug, _ in practices},
            practice_names={name.lower(): pk for _, pk, _, name in practices},
            builtin_slugs=dict(Practice.objects.built_in().values_list("slug", "pk")),
            sessions=sessions,
            entries=entries,
            sensations=set(Sensation.objects.for_user(user).values_list("uuid", flat=True)),
            is_empty=not (tags or practices or sessions or entries),
        )


class _Validator:
    def __init__(self, existing: _Existing) -> None:
        self.existing = existing
        self.errors: list[str] = []
        self.now = timezone.now()
        self.seen: dict[str, dict[UUID, str]] = {
            "tags": {},
            "practices": {},
            "sessions": {},
            "entries": {},
            "sensations": {},
        }

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")
        if len(self.errors) >= MAX_ERRORS:
            raise _TooManyErrors

    # Scalars. Each returns the clean value, or None after recording an error.

    def obj(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, f"should be an object, not {_describe(value)}")
            return None
        return value

    def items(self, parent: dict[str, Any], key: str, path: str) -> list[Any]:
        value = parent.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(f"{path}{key}", f"should be a list, not {_describe(value)}")
            return []
        return value

    def uuid(self, value: Any, path: str) -> UUID | None:
        if not isinstance(value, str):
            self.error(path, f"should be a UUID, not {_describe(value)}")
            return None
        try:
            return UUID(value)
        except ValueError:
            self.error(path, f"{_describe(value)} is not a UUID")
            return None

    def unique_uuid(self, record: dict[str, Any], kind: str, path: str) -> UUID | None:
        value = self.uuid(record.get("uuid"), f"{path}.uuid")
        if value is None:
            return None
        first = self.seen[kind].get(value)
        if first is not None:
            self.error(f"{path}.uuid", f"{value} is also used by {first}")
            return None
        self.seen[kind][value] = path
        return value

    def text(
        self, record: dict[str, Any], key: str, path: str, *, max_length: int | None = None
    ) -> str:
        value = record.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(f"{path}.{key}", f"should be text, not {_describe(value)}")
            return ""
        if "\x00" in value:
            self.error(f"{path}.{key}", "contains a NUL character")
            return ""
        if max_length is not None and len(value) > max_length:
            self.error(
                f"{path}.{key}", f"is {len(value)} characters long; at most {max_length} fit"
            )
            return ""
        return value

    def required_text(self, record: dict[str, Any], key: str, path: str, *, max_length: int) -> str:
        value = self.text(record, key, path, max_length=max_length)
        if key in record and isinstance(record[key], str) and not value.strip():
            self.error(f"{path}.{key}", "should not be empty")
        elif key not in record:
            self.error(f"{path}.{key}", "is missing")
        return value.strip()

    def number(
        self,
        record: dict[str, Any],
        key: str,
        path: str,
        low: int,
        high: int,
        *,
        nullable: bool = True,
        default: int | None = None,
    ) -> int | None:
        value = record.get(key, default)
        where = f"{path}.{key}"
        if value is None:
            if not nullable:
                self.error(where, "is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.error(where, f"should be a whole number, not {_describe(value)}")
            return None
        if value > high:
            self.error(where, f"{_describe(value)} is above {high}")
            return None
        if value < low:
            self.error(where, f"{_describe(value)} is below {low}")
            return None
        if isinstance(value, Decimal):
            if value != value.to_integral_value():
                self.error(where, f"{_describe(value)} is not a whole number")
                return None
            value = int(value)
        return value

    def boolean(self, record: dict[str, Any], key: str, path: str) -> bool:
        value = record.get(key, False)
        if not isinstance(value, bool):
            self.error(f"{path}.{key}", f"should be true or false, not {_describe(value)}")
            return False
        return value

    def choice(
        self,
        record: dict[str, Any],
        key: str,
        path: str,
        choices: tuple[str, ...],
        *,
        default: str | None = None,
    ) -> str:
        value = record.get(key, default)
        if not isinstance(value, str) or value not in choices:
            if value is None:
                self.error(f"{path}.{key}", "is missing")
            else:
                self.error(
                    f"{path}.{key}",
                    f"{_describe(value)} is not one of {', '.join(choices)}",
                )
            return ""
        return value

    def moment(
        self, record: dict[str, Any], key: str, path: str, *, required: bool = True
    ) -> datetime | None:
        value = record.get(key)
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.error(where, "is missing")
            return None
        if not isinstance(value, str):
            self.error(where, f"should be a date and time as text, not {_describe(value)}")
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.error(
                where,
                f"{_describe(value)} is not a date and time like 2025-03-04T08:15:00+01:00",
            )
            return None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            self.error(where, f"{_describe(value)} has no time zone offset (like +01:00 or Z)")
            return None
        try:
            utc = parsed.astimezone(UTC)
        except OverflowError:
            self.error(where, f"{_describe(value)} is outside the dates this app can store")
            return None
        if not 1900 <= utc.year <= 2200:
            self.error(where, f"{_describe(value)} is outside the years 1900 to 2200")
            return None
        return utc

    # Records.

    def profile(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        record = self.obj(value, "profile")
        if record is None:
            return None
        zone = record.get("time_zone", "UTC")
        if not isinstance(zone, str) or zone not in time_zone_names():
            self.error("profile.time_zone", f"{_describe(zone)} is not a time zone we know")
            zone = "UTC"
        week_start = self.number(record, "week_start", "profile", 0, 6, default=0)
        return {"time_zone": zone, "week_start": week_start or 0}

    def tag(self, value: Any, path: str, names: dict[str, str]) -> dict[str, Any] | None:
        record = self.obj(value, path)
        if record is None:
            return None
        uuid = self.unique_uuid(record, "tags", path)
        name = self.required_text(record, "name", path, max_length=60)
        if name:
            first = names.get(name.lower())
            if first is not None:
                self.error(f"{path}.name", f"{_describe(name)} is also the name of {first}")
            names[name.lower()] = path
        return {
            "uuid": uuid,
            "name": name,
            "is_archived": self.boolean(record, "is_archived", path),
            "created_at": self.moment(record, "created_at", path, required=False),
        }

    def practice(
        self, value: Any, path: str, slugs: dict[str, str], names: dict[str, str]
    ) -> dict[str, Any] | None:
        record = self.obj(value, path)
        if record is None:
            return None
        uuid = self.unique_uuid(record, "practices", path)
        name = self.required_text(record, "name", path, max_length=80)
        slug = self.text(record, "slug", path, max_length=80) or slugify(name)[:80]
        if slug and not _SLUG.match(slug):
            self.error(f"{path}.slug", f"{_describe(slug)} may hold only letters, digits, - and _")
        for key, seen, where in ((slug, slugs, "slug"), (name.lower(), names, "name")):
            if not key:
                continue
            if key in seen:
                self.error(f"{path}.{where}", f"{_describe(key)} is also used by {seen[key]}")
            seen[key] = path
        steps_value = record.get("steps", [])
        steps: list[str] = []
        if not isinstance(steps_value, list):
            self.error(f"{path}.steps", f"should be a list of text, not {_describe(steps_value)}")
        else:
            for i, step in enumerate(steps_value):
                if not isinstance(step, str) or len(step) > 1000:
                    self.error(f"{path}.steps[{i}]", "should be text of at most 1000 characters")
                else:
                    steps.append(step)
        return {
            "uuid": uuid,
            "name": name,
            "slug": slug,
            "category": self.choice(record, "category", path, _CATEGORIES),
            "summary": self.text(record, "summary", path, max_length=300),
            "steps": steps,
            "default_minutes": self.number(
                record, "default_minutes", path, 1, 180, nullable=False, default=10
            ),
            "is_archived": self.boolean(record, "is_archived", path),
            "created_at": self.moment(record, "created_at", path, required=False),
        }

    def session(self, value: Any, path: str, practices: set[UUID]) -> dict[str, Any] | None:
        record = self.obj(value, path)
        if record is None:
            return None
        uuid = self.unique_uuid(record, "sessions", path)
        practice_ref = self.obj(record.get("practice"), f"{path}.practice")
        practice: tuple[str, Any] | None = None
        if practice_ref is not None:
            if ("slug" in practice_ref) == ("uuid" in practice_ref):
                self.error(f"{path}.practice", "should have either a slug or a uuid")
            elif "slug" in practice_ref:
                slug = practice_ref["slug"]
                if not isinstance(slug, str) or slug not in self.existing.builtin_slugs:
                    self.error(
                        f"{path}.practice.slug",
                        f"{_describe(slug)} is not a practice in this app's catalog",
                    )
                else:
                    practice = ("slug", slug)
            else:
                practice_uuid = self.uuid(practice_ref["uuid"], f"{path}.practice.uuid")
                if practice_uuid is not None:
                    if practice_uuid in practices or practice_uuid in self.existing.practices:
                        practice = ("uuid", practice_uuid)
                    else:
                        self.error(
                            f"{path}.practice.uuid",
                            f"no practice with UUID {practice_uuid} in the file or your journal",
                        )
        started_at = self.moment(record, "started_at", path)
        ended_at = self.moment(record, "ended_at", path, required=False)
        if started_at and ended_at and ended_at < started_at:
            self.error(f"{path}.ended_at", "is before started_at")
        ratings: dict[str, int | None] = {}
        for when in ("before", "after"):
            block = record.get(when) or {}
            block = self.obj(block, f"{path}.{when}") or {}
            for rating in RATINGS:
                ratings[f"{when}_{rating}"] = self.number(block, rating, f"{path}.{when}", 0, 10)
        clean: dict[str, Any] = {
            "uuid": uuid,
            "practice": practice,
            "state": self.choice(record, "state", path, _STATES, default=SessionState.FINISHED),
            "started_at": started_at,
            "ended_at": ended_at,
            "planned_minutes": self.number(
                record, "planned_minutes", path, 1, 180, nullable=False, default=10
            ),
            "duration_seconds": self.number(record, "duration_seconds", path, 0, 24 * 3600),
            "notes": self.text(record, "notes", path, max_length=100_000),
            "created_at": self.moment(record, "created_at", path, required=False),
            "updated_at": self.moment(record, "updated_at", path, required=False),
            **ratings,
        }
        clean["sensations"] = self.sensations(record, path, started_at)
        return clean

    def entry(
        self, value: Any, path: str, tags: set[UUID], sessions: set[UUID]
    ) -> dict[str, Any] | None:
        record = self.obj(value, path)
        if record is None:
            return None
        uuid = self.unique_uuid(record, "entries", path)
        occurred_at = self.moment(record, "occurred_at", path)
        emotions: list[str] = []
        for i, emotion in enumerate(self.items(record, "emotions", f"{path}.")):
            if emotion not in _EMOTIONS:
                self.error(
                    f"{path}.emotions[{i}]",
                    f"{_describe(emotion)} is not one of {', '.join(_EMOTIONS)}",
                )
            elif emotion not in emotions:
                emotions.append(emotion)
        tag_refs: list[UUID] = []
        for i, ref in enumerate(self.items(record, "tags", f"{path}.")):
            tag_uuid = self.uuid(ref, f"{path}.tags[{i}]")
            if tag_uuid is None:
                continue
            if tag_uuid not in tags and tag_uuid not in self.existing.tags:
                self.error(
                    f"{path}.tags[{i}]", f"no tag with UUID {tag_uuid} in the file or your journal"
                )
            elif tag_uuid not in tag_refs:
                tag_refs.append(tag_uuid)
        session_ref = None
        if record.get("session") is not None:
            session_ref = self.uuid(record["session"], f"{path}.session")
            if (
                session_ref is not None
                and session_ref not in sessions
                and session_ref not in self.existing.sessions
            ):
                self.error(
                    f"{path}.session",
                    f"no session with UUID {session_ref} in the file or your journal",
                )
                session_ref = None
        flags: list[str] = []
        for i, flag in enumerate(self.items(record, "red_flags", f"{path}.")):
            if flag not in _RED_FLAGS:
                self.error(
                    f"{path}.red_flags[{i}]",
                    f"{_describe(flag)} is not one of {', '.join(_RED_FLAGS)}",
                )
            else:
                flags.append(flag)
        clean: dict[str, Any] = {
            "uuid": uuid,
            "kind": self.choice(record, "kind", path, _ENTRY_KINDS, default=EntryKind.FREE),
            "occurred_at": occurred_at,
            "is_draft": self.boolean(record, "is_draft", path),
            "body": self.text(record, "body", path, max_length=200_000),
            "pain": self.number(record, "pain", path, 0, 10),
            "tension": self.number(record, "tension", path, 0, 10),
            "stress": self.number(record, "stress", path, 0, 10),
            "sleep_hours": self.sleep_hours(record, path),
            "sleep_quality": self.number(record, "sleep_quality", path, 1, 5),
            "emotions": emotions,
            "tags": tag_refs,
            "session": session_ref,
            "belief": self.text(record, "belief", path, max_length=10_000),
            "belief_strength_before": self.number(record, "belief_strength_before", path, 0, 100),
            "reframe": self.text(record, "reframe", path, max_length=10_000),
            "belief_strength_after": self.number(record, "belief_strength_after", path, 0, 100),
            "red_flags": flags,
            "created_at": self.moment(record, "created_at", path, required=False),
            "updated_at": self.moment(record, "updated_at", path, required=False),
        }
        clean["sensations"] = self.sensations(record, path, occurred_at)
        return clean

    def sleep_hours(self, record: dict[str, Any], path: str) -> Decimal | None:
        value = record.get("sleep_hours")
        where = f"{path}.sleep_hours"
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.error(where, f"should be a number of hours, not {_describe(value)}")
            return None
        try:
            hours = Decimal(value)
            if not hours.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.error(where, f"{_describe(value)} is not a number of hours")
            return None
        if hours > 24:
            self.error(where, f"{_describe(value)} is above 24")
            return None
        if hours < 0:
            self.error(where, f"{_describe(value)} is below 0")
            return None
        return hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)

    def sensations(
        self, parent: dict[str, Any], path: str, parent_time: datetime | None
    ) -> list[dict[str, Any]]:
        found = []
        for i, value in enumerate(self.items(parent, "sensations", f"{path}.")):
            where = f"{path}.sensations[{i}]"
            record = self.obj(value, where)
            if record is None:
                continue
            found.append(
                {
                    "uuid": self.unique_uuid(record, "sensations", where),
                    "occurred_at": self.moment(record, "occurred_at", where, required=False)
                    or parent_time,
                    "region": self.choice(record, "region", where, _REGIONS),
                    "quality": self.choice(record, "quality", where, _QUALITIES),
                    "intensity": self.number(
                        record, "intensity", where, 0, 10, nullable=False, default=None
                    ),
                    "feel": self.choice(record, "feel", where, _FEELS),
                    "note": self.text(record, "note", where, max_length=300),
                    "created_at": self.moment(record, "created_at", where, required=False),
                }
            )
        return found

    def document(self, document: Any) -> _Clean:
        if not isinstance(document, dict):
            raise ImportFileError(
                [
                    "The file should hold a JSON object ({...}), "
                    f"but it holds {_describe(document)}."
                ]
            )
        if document.get("format") != SCHEMA_NAME:
            raise ImportFileError(
                [
                    "This does not look like an export from this journal: "
                    f'"format" is {_describe(document.get("format"))}, not "{SCHEMA_NAME}".'
                ]
            )
        version = document.get("version")
        if version != SCHEMA_VERSION or isinstance(version, bool):
            raise ImportFileError(
                [
                    f"version: {_describe(version)} is not a schema version this app can read "
                    f"(it reads version {SCHEMA_VERSION})."
                ]
            )
        clean = _Clean()
        clean.profile = self.profile(document.get("profile"))

        def each(key: str, check: Callable[[Any, str], dict[str, Any] | None]) -> list[Any]:
            return [
                result
                for i, value in enumerate(self.items(document, key, ""))
                if (result := check(value, f"{key}[{i}]")) is not None
            ]

        tag_names: dict[str, str] = {}
        clean.tags = each("tags", lambda v, p: self.tag(v, p, tag_names))
        slugs: dict[str, str] = {}
        names: dict[str, str] = {}
        clean.practices = each("practices", lambda v, p: self.practice(v, p, slugs, names))
        practice_uuids = {p["uuid"] for p in clean.practices if p["uuid"]}
        clean.sessions = each("sessions", lambda v, p: self.session(v, p, practice_uuids))
        # Entries may point at any session or tag in the file, listed before or after them.
        session_uuids = set(self.seen["sessions"])
        tag_uuids = set(self.seen["tags"])
        clean.entries = each("entries", lambda v, p: self.entry(v, p, tag_uuids, session_uuids))
        return clean


def validate_export(document: Any, *, user: User) -> tuple[_Clean, _Existing]:
    existing = _Existing.load(user)
    validator = _Validator(existing)
    try:
        clean = validator.document(document)
    except _TooManyErrors:
        validator.errors.append(f"(stopped after {MAX_ERRORS} problems)")
    if validator.errors:
        raise ImportFileError(validator.errors)
    return clean, existing


def _stamp(rows: list[Any], records: list[dict[str, Any]], fields: list[str]) -> None:
    """Put back the file's creation and change times, which bulk_create set to now.

    One parameterised UPDATE run for all rows (executemany): a CASE-per-row
    bulk_update is far slower for thousands of rows.
    """
    if not rows:
        return
    model = type(rows[0])
    ops = connection.ops
    columns = [model._meta.get_field(f).column for f in fields]
    assignments = ", ".join(f"{ops.quote_name(c)} = %s" for c in columns)
    # Table and column names come from the model; every value is a parameter.
    table, pk = ops.quote_name(model._meta.db_table), ops.quote_name(model._meta.pk.column)
    sql = " ".join(["UPDATE", table, "SET", assignments, "WHERE", pk, "= %s"])
    params = []
    for row, record in zip(rows, records, strict=True):
        values = [record.get(f) or getattr(row, f) for f in fields]
        params.append([*(ops.adapt_datetimefield_value(v) for v in values), row.pk])
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


@transaction.atomic
def _apply(*, user: User, clean: _Clean, existing: _Existing) -> ImportSummary:
    summary = ImportSummary()
    if clean.profile is not None and existing.is_empty:
        profile = profile_for(user)  # the user's own cached copy stays in step
        for name, value in clean.profile.items():
            setattr(profile, name, value)
        profile.save(update_fields=list(clean.profile))
        summary.settings_applied = True

    # Tags: by UUID, then by name (case does not matter for tag names).
    tag_pk = dict(existing.tags)
    new_tags, new_tag_records = [], []
    for record in clean.tags:
        match = tag_pk.get(record["uuid"]) or existing.tag_names.get(record["name"].lower())
        if match is not None:
            tag_pk[record["uuid"]] = match
            continue
        new_tags.append(
            Tag(
                user=user,
                uuid=record["uuid"],
                name=record["name"],
                is_archived=record["is_archived"],
            )
        )
        new_tag_records.append(record)
    Tag.objects.bulk_create(new_tags)
    _stamp(new_tags, new_tag_records, ["created_at"])
    tag_pk.update({t.uuid: t.pk for t in new_tags})
    summary.added["tags"] = len(new_tags)
    summary.skipped["tags"] = len(clean.tags) - len(new_tags)

    practice_pk = dict(existing.practices)
    new_practices, new_practice_records = [], []
    for record in clean.practices:
        match = (
            practice_pk.get(record["uuid"])
            or existing.practice_slugs.get(record["slug"])
            or existing.practice_names.get(record["name"].lower())
        )
        if match is not None:
            practice_pk[record["uuid"]] = match
            continue
        new_practices.append(
            Practice(
                user=user,
                **{k: record[k] for k in record if k != "created_at"},
            )
        )
        new_practice_records.append(record)
    Practice.objects.bulk_create(new_practices)
    _stamp(new_practices, new_practice_records, ["created_at"])
    practice_pk.update({p.uuid: p.pk for p in new_practices})
    summary.added["practices"] = len(new_practices)
    summary.skipped["practices"] = len(clean.practices) - len(new_practices)

    session_pk = dict(existing.sessions)
    new_sessions, new_session_records = [], []
    for record in clean.sessions:
        if record["uuid"] in session_pk:
            continue
        kind, ref = record["practice"]
        practice_id = existing.builtin_slugs[ref] if kind == "slug" else practice_pk[ref]
        fields = {
            k: v
            for k, v in record.items()
            if k not in {"practice", "sensations", "created_at", "updated_at"}
        }
        new_sessions.append(PracticeSession(user=user, practice_id=practice_id, **fields))
        new_session_records.append(record)
    PracticeSession.objects.bulk_create(new_sessions, batch_size=500)
    _stamp(new_sessions, new_session_records, ["created_at", "updated_at"])
    session_pk.update({s.uuid: s.pk for s in new_sessions})
    summary.added["sessions"] = len(new_sessions)
    summary.skipped["sessions"] = len(clean.sessions) - len(new_sessions)

    entry_pk = dict(existing.entries)
    new_entries, new_entry_records = [], []
    for record in clean.entries:
        if record["uuid"] in entry_pk:
            continue
        fields = {
            k: v
            for k, v in record.items()
            if k
            not in {
                "emotions",
                "tags",
                "session",
                "red_flags",
                "sensations",
                "created_at",
                "updated_at",
            }
        }
        flags = {field: flag in record["red_flags"] for flag, field in RED_FLAG_FIELDS.items()}
        session_id = session_pk[record["session"]] if record["session"] else None
        new_entries.append(JournalEntry(user=user, session_id=session_id, **fields, **flags))
        new_entry_records.append(record)
    JournalEntry.objects.bulk_create(new_entries, batch_size=500)
    _stamp(new_entries, new_entry_records, ["created_at", "updated_at"])
    entry_pk.update({e.uuid: e.pk for e in new_entries})
    EntryEmotion.objects.bulk_create(
        (
            EntryEmotion(entry_id=entry.pk, emotion=emotion)
            for entry, record in zip(new_entries, new_entry_records, strict=True)
            for emotion in record["emotions"]
        ),
        batch_size=1000,
    )
    through = JournalEntry.tags.through
    through.objects.bulk_create(
        (
            through(journalentry_id=entry.pk, tag_id=tag_pk[tag_uuid])
            for entry, record in zip(new_entries, new_entry_records, strict=True)
            for tag_uuid in record["tags"]
        ),
        batch_size=1000,
    )
    summary.added["entries"] = len(new_entries)
    summary.skipped["entries"] = len(clean.entries) - len(new_entries)

    new_sensations, new_sensation_records = [], []
    total_sensations = 0
    for parent_kind, parents, pks in (
        ("session", clean.sessions, session_pk),
        ("entry", clean.entries, entry_pk),
    ):
        for parent in parents:
            for record in parent["sensations"]:
                total_sensations += 1
                if record["uuid"] in existing.sensations:
                    continue
                fields = {k: v for k, v in record.items() if k != "created_at"}
                new_sensations.append(
                    Sensation(user=user, **{f"{parent_kind}_id": pks[parent["uuid"]]}, **fields)
                )
                new_sensation_records.append(record)
    Sensation.objects.bulk_create(new_sensations, batch_size=1000)
    _stamp(new_sensations, new_sensation_records, ["created_at"])
    summary.added["sensations"] = len(new_sensations)
    summary.skipped["sensations"] = total_sensations - len(new_sensations)
    return summary


def journal_import(*, user: User, data: bytes, max_bytes: int) -> ImportSummary:
    """Check the whole file, then add what is new to the person's journal, all or nothing."""
    document = parse_export(data, max_bytes=max_bytes)
    clean, existing = validate_export(document, user=user)
    try:
        return _apply(user=user, clean=clean, existing=existing)
    except DatabaseError as error:
        # Something the checks above did not foresee; nothing was written.
        raise ImportFileError(
            [f"The file could not be saved, and nothing was changed ({type(error).__name__})."]
        ) from None
