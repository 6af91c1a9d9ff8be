"""Adding a checked file to a journal in one transaction: only rows not already there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.contrib.auth.models import User
from django.db import connection, transaction

from journal.accounts.profiles import profile_for
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation, Tag
from journal.portability.importer.conversion import Clean
from journal.portability.importer.existing import Existing
from practices.models import Practice, PracticeSession

# Conversion keeps these beside a record's own fields; they are written separately.
_SESSION_EXTRAS = {"practice", "sensations", "created_at", "updated_at"}
_ENTRY_EXTRAS = {
    "emotions",
    "tags",
    "session",
    "red_flags",
    "sensations",
    "created_at",
    "updated_at",
}


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

    def count(self, kind: str, added: int, total: int) -> None:
        self.added[kind] = added
        self.skipped[kind] = total - added


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


def _apply_profile(user: User, clean: Clean, existing: Existing, summary: ImportSummary) -> None:
    # The file's settings are for a move to a new account; a journal in use keeps its own.
    if clean.profile is None or not existing.is_empty:
        return
    profile = profile_for(user)  # the user's own cached copy stays in step
    for name, value in clean.profile.items():
        setattr(profile, name, value)
    profile.save(update_fields=list(clean.profile))
    summary.settings_applied = True


def _add_tags(
    user: User, clean: Clean, existing: Existing, summary: ImportSummary
) -> dict[UUID, int]:
    """Matched by UUID, then by name (case does not matter for tag names)."""
    tag_pk = dict(existing.tags)
    new_tags, new_records = [], []
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
        new_records.append(record)
    Tag.objects.bulk_create(new_tags)
    _stamp(new_tags, new_records, ["created_at"])
    tag_pk.update({t.uuid: t.pk for t in new_tags})
    summary.count("tags", len(new_tags), len(clean.tags))
    return tag_pk


def _add_practices(
    user: User, clean: Clean, existing: Existing, summary: ImportSummary
) -> dict[UUID, int]:
    """Matched by UUID, then by slug, then by name."""
    practice_pk = dict(existing.practices)
    new_practices, new_records = [], []
    for record in clean.practices:
        match = (
            practice_pk.get(record["uuid"])
            or existing.practice_slugs.get(record["slug"])
            or existing.practice_names.get(record["name"].lower())
        )
        if match is not None:
            practice_pk[record["uuid"]] = match
            continue
        fields = {k: v for k, v in record.items() if k != "created_at"}
        new_practices.append(Practice(user=user, **fields))
        new_records.append(record)
    Practice.objects.bulk_create(new_practices)
    _stamp(new_practices, new_records, ["created_at"])
    practice_pk.update({p.uuid: p.pk for p in new_practices})
    summary.count("practices", len(new_practices), len(clean.practices))
    return practice_pk


def _add_sessions(
    user: User,
    clean: Clean,
    existing: Existing,
    practice_pk: dict[UUID, int],
    summary: ImportSummary,
) -> dict[UUID, int]:
    session_pk = dict(existing.sessions)
    new_sessions, new_records = [], []
    for record in clean.sessions:
        if record["uuid"] in session_pk:
            continue
        kind, ref = record["practice"]
        practice_id = existing.builtin_slugs[ref] if kind == "slug" else practice_pk[ref]
        fields = {k: v for k, v in record.items() if k not in _SESSION_EXTRAS}
        new_sessions.append(PracticeSession(user=user, practice_id=practice_id, **fields))
        new_records.append(record)
    PracticeSession.objects.bulk_create(new_sessions, batch_size=500)
    _stamp(new_sessions, new_records, ["created_at", "updated_at"])
    session_pk.update({s.uuid: s.pk for s in new_sessions})
    summary.count("sessions", len(new_sessions), len(clean.sessions))
    return session_pk


def _add_entries(
    user: User,
    clean: Clean,
    existing: Existing,
    links: tuple[dict[UUID, int], dict[UUID, int]],
    summary: ImportSummary,
) -> dict[UUID, int]:
    """New entries with their emotions and tags; `links` are the tag and session rows."""
    tag_pk, session_pk = links
    entry_pk = dict(existing.entries)
    new_entries, new_records = [], []
    for record in clean.entries:
        if record["uuid"] in entry_pk:
            continue
        fields = {k: v for k, v in record.items() if k not in _ENTRY_EXTRAS}
        flags = {field: flag in record["red_flags"] for flag, field in RED_FLAG_FIELDS.items()}
        session_id = session_pk[record["session"]] if record["session"] else None
        new_entries.append(JournalEntry(user=user, session_id=session_id, **fields, **flags))
        new_records.append(record)
    JournalEntry.objects.bulk_create(new_entries, batch_size=500)
    _stamp(new_entries, new_records, ["created_at", "updated_at"])
    entry_pk.update({e.uuid: e.pk for e in new_entries})
    pairs = list(zip(new_entries, new_records, strict=True))
    EntryEmotion.objects.bulk_create(
        (
            EntryEmotion(entry_id=entry.pk, emotion=emotion)
            for entry, record in pairs
            for emotion in record["emotions"]
        ),
        batch_size=1000,
    )
    through = JournalEntry.tags.through
    through.objects.bulk_create(
        (
            through(journalentry_id=entry.pk, tag_id=tag_pk[tag_uuid])
            for entry, record in pairs
            for tag_uuid in record["tags"]
        ),
        batch_size=1000,
    )
    summary.count("entries", len(new_entries), len(clean.entries))
    return entry_pk


def _add_sensations(
    user: User,
    clean: Clean,
    existing: Existing,
    parents: tuple[dict[UUID, int], dict[UUID, int]],
    summary: ImportSummary,
) -> None:
    """Each under its session or entry; `parents` are the session and entry rows."""
    session_pk, entry_pk = parents
    new_sensations, new_records = [], []
    total = 0
    for parent_kind, records, pks in (
        ("session", clean.sessions, session_pk),
        ("entry", clean.entries, entry_pk),
    ):
        for parent in records:
            for record in parent["sensations"]:
                total += 1
                if record["uuid"] in existing.sensations:
                    continue
                fields = {k: v for k, v in record.items() if k != "created_at"}
                parent_id = {f"{parent_kind}_id": pks[parent["uuid"]]}
                new_sensations.append(Sensation(user=user, **parent_id, **fields))
                new_records.append(record)
    Sensation.objects.bulk_create(new_sensations, batch_size=1000)
    _stamp(new_sensations, new_records, ["created_at"])
    summary.count("sensations", len(new_sensations), total)


@transaction.atomic
def apply_import(*, user: User, clean: Clean, existing: Existing) -> ImportSummary:
    summary = ImportSummary()
    _apply_profile(user, clean, existing, summary)
    tag_pk = _add_tags(user, clean, existing, summary)
    practice_pk = _add_practices(user, clean, existing, summary)
    session_pk = _add_sessions(user, clean, existing, practice_pk, summary)
    entry_pk = _add_entries(user, clean, existing, (tag_pk, session_pk), summary)
    _add_sensations(user, clean, existing, (session_pk, entry_pk), summary)
    return summary
