"""Adding checked records to a journal in short transactions of at most BATCH records.

Only rows not already there are added. Under a job, every row added is listed
(`ImportedRow`), so a job that fails later in the file is removed whole by
`imported_rows_remove`; another person's save waits for one batch at most.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.contrib.auth.models import User
from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy

from journal.accounts.profiles import profile_for
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation, Tag
from journal.portability.importer.existing import Existing
from journal.portability.jobs import ImportedRow, ImportJob
from practices.models import Practice, PracticeSession

BATCH = 500
KINDS = ["entries", "sessions", "sensations", "tags", "practices"]
# What an import did with each kind of record.
KIND_LINES = {
    "entries": gettext_lazy("entries: %(added)s added, %(skipped)s already there"),
    "sessions": gettext_lazy("sessions: %(added)s added, %(skipped)s already there"),
    "sensations": gettext_lazy("sensations: %(added)s added, %(skipped)s already there"),
    "tags": gettext_lazy("tags: %(added)s added, %(skipped)s already there"),
    "practices": gettext_lazy("practices: %(added)s added, %(skipped)s already there"),
}
# Children first, so removing a failed job never trips over a reference.
_REMOVAL_ORDER: list[tuple[str, type[models.Model]]] = [
    ("sensation", Sensation),
    ("entry", JournalEntry),
    ("session", PracticeSession),
    ("practice", Practice),
    ("tag", Tag),
]
_SESSION_EXTRAS = {"practice", "sensations", "created_at", "updated_at"}
_ENTRY_EXTRAS = {"emotions", "tags", "session", "red_flags", "sensations"}
_ENTRY_EXTRAS |= {"created_at", "updated_at"}


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    settings_applied: bool = False

    @property
    def added_total(self) -> int:
        return sum(self.added.values())

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        return [
            str(KIND_LINES[kind])
            % {"added": self.added.get(kind, 0), "skipped": self.skipped.get(kind, 0)}
            for kind in KINDS
        ]

    def count(self, kind: str, added: int, total: int) -> None:
        self.added[kind] += added
        self.skipped[kind] += total - added

    def as_record(self) -> dict[str, Any]:
        return {"added": self.added, "skipped": self.skipped, "settings": self.settings_applied}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ImportSummary:
        return cls(
            added=dict(record.get("added", {})),
            skipped=dict(record.get("skipped", {})),
            settings_applied=bool(record.get("settings")),
        )


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


class BatchWriter:
    """Collects converted records of one section and writes them BATCH at a time."""

    def __init__(self, user: User, existing: Existing, job: ImportJob | None) -> None:
        self.user, self.existing, self.job = user, existing, job
        self.tag_pk = dict(existing.tags)
        self.practice_pk = dict(existing.practices)
        self.session_pk = dict(existing.sessions)
        self.summary = ImportSummary()
        self.section = ""
        self.pending: list[dict[str, Any]] = []

    def add(self, section: str, record: dict[str, Any]) -> None:
        if section != self.section:
            self.flush()
            self.section = section
        self.pending.append(record)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        records, self.pending = self.pending, []
        write = {
            "tags": self._tags,
            "practices": self._practices,
            "sessions": self._sessions,
            "entries": self._entries,
        }[self.section]
        with transaction.atomic():
            write(records)
            if self.job is not None:
                self.job.save(update_fields=["updated_at"])

    def finish(self, profile: dict[str, Any] | None) -> ImportSummary:
        self.flush()
        # The file's settings are for a move to a new account; a journal in use keeps its own.
        if profile is not None and self.existing.is_empty:
            with transaction.atomic():
                current = profile_for(self.user)  # the user's own cached copy stays in step
                for name, value in profile.items():
                    setattr(current, name, value)
                current.save(update_fields=list(profile))
            self.summary.settings_applied = True
        return self.summary

    def _track(self, table: str, rows: list[Any]) -> None:
        if self.job is not None and rows:
            ImportedRow.objects.bulk_create(
                ImportedRow(job=self.job, table=table, row_id=row.pk) for row in rows
            )

    def _tags(self, records: list[dict[str, Any]]) -> None:
        """Matched by UUID, then by name (case does not matter for tag names)."""
        new_tags, new_records = [], []
        for record in records:
            match = self.tag_pk.get(record["uuid"]) or self.existing.tag_names.get(
                record["name"].lower()
            )
            if match is not None:
                self.tag_pk[record["uuid"]] = match
                continue
            fields = {k: record[k] for k in ("uuid", "name", "is_archived")}
            new_tags.append(Tag(user=self.user, **fields))
            new_records.append(record)
        Tag.objects.bulk_create(new_tags)
        _stamp(new_tags, new_records, ["created_at"])
        self.tag_pk.update({t.uuid: t.pk for t in new_tags})
        self._track("tag", new_tags)
        self.summary.count("tags", len(new_tags), len(records))

    def _practices(self, records: list[dict[str, Any]]) -> None:
        """Matched by UUID, then by slug, then by name."""
        existing = self.existing
        new_practices, new_records = [], []
        for record in records:
            match = (
                self.practice_pk.get(record["uuid"])
                or existing.practice_slugs.get(record["slug"])
                or existing.practice_names.get(record["name"].lower())
            )
            if match is not None:
                self.practice_pk[record["uuid"]] = match
                continue
            fields = {k: v for k, v in record.items() if k != "created_at"}
            new_practices.append(Practice(user=self.user, **fields))
            new_records.append(record)
        Practice.objects.bulk_create(new_practices)
        _stamp(new_practices, new_records, ["created_at"])
        self.practice_pk.update({p.uuid: p.pk for p in new_practices})
        self._track("practice", new_practices)
        self.summary.count("practices", len(new_practices), len(records))

    def _sessions(self, records: list[dict[str, Any]]) -> None:
        new_sessions, new_records = [], []
        for record in records:
            if record["uuid"] in self.session_pk:
                continue
            kind, ref = record["practice"]
            practice_id = (
                self.existing.builtin_slugs[ref] if kind == "slug" else self.practice_pk[ref]
            )
            fields = {k: v for k, v in record.items() if k not in _SESSION_EXTRAS}
            new_sessions.append(PracticeSession(user=self.user, practice_id=practice_id, **fields))
            new_records.append(record)
        PracticeSession.objects.bulk_create(new_sessions)
        _stamp(new_sessions, new_records, ["created_at", "updated_at"])
        self.session_pk.update({s.uuid: s.pk for s in new_sessions})
        self._track("session", new_sessions)
        self.summary.count("sessions", len(new_sessions), len(records))
        self._sensations("session", records, self.session_pk)

    def _entries(self, records: list[dict[str, Any]]) -> None:
        """New entries with their emotions and tags, then the sensations of every record."""
        known = self.existing.entries
        new_entries, new_records = [], []
        for record in records:
            if record["uuid"] in known:
                continue
            fields = {k: v for k, v in record.items() if k not in _ENTRY_EXTRAS}
            flags = {field: flag in record["red_flags"] for flag, field in RED_FLAG_FIELDS.items()}
            session_id = self.session_pk[record["session"]] if record["session"] else None
            new_entries.append(
                JournalEntry(user=self.user, session_id=session_id, **fields, **flags)
            )
            new_records.append(record)
        JournalEntry.objects.bulk_create(new_entries)
        _stamp(new_entries, new_records, ["created_at", "updated_at"])
        self._track("entry", new_entries)
        pairs = list(zip(new_entries, new_records, strict=True))
        EntryEmotion.objects.bulk_create(
            EntryEmotion(entry_id=entry.pk, emotion=emotion)
            for entry, record in pairs
            for emotion in record["emotions"]
        )
        through = JournalEntry.tags.through
        through.objects.bulk_create(
            through(journalentry_id=entry.pk, tag_id=self.tag_pk[tag_uuid])
            for entry, record in pairs
            for tag_uuid in record["tags"]
        )
        self.summary.count("entries", len(new_entries), len(records))
        entry_pk = dict(known)
        entry_pk.update({e.uuid: e.pk for e in new_entries})
        self._sensations("entry", records, entry_pk)

    def _sensations(
        self, parent_kind: str, parents: list[dict[str, Any]], pks: dict[UUID, int]
    ) -> None:
        new_sensations, new_records = [], []
        total = 0
        for parent in parents:
            for record in parent["sensations"]:
                total += 1
                if record["uuid"] in self.existing.sensations:
                    continue
                fields = {k: v for k, v in record.items() if k != "created_at"}
                parent_id = {f"{parent_kind}_id": pks[parent["uuid"]]}
                new_sensations.append(Sensation(user=self.user, **parent_id, **fields))
                new_records.append(record)
        Sensation.objects.bulk_create(new_sensations)
        _stamp(new_sensations, new_records, ["created_at"])
        self._track("sensation", new_sensations)
        self.summary.count("sensations", len(new_sensations), total)


def imported_rows_remove(job: ImportJob) -> None:
    """Take out every row the job added, a batch per transaction."""
    for table, model in _REMOVAL_ORDER:
        listed = job.rows.filter(table=table)
        while ids := list(listed.values_list("row_id", flat=True)[:BATCH]):
            with transaction.atomic():
                model._default_manager.filter(pk__in=ids, user=job.user).delete()
                listed.filter(row_id__in=ids).delete()


def imported_rows_forget(job: ImportJob) -> None:
    """The job succeeded: its rows stay, their list goes."""
    while ids := list(job.rows.values_list("pk", flat=True)[: BATCH * 4]):
        with transaction.atomic():
            ImportedRow.objects.filter(pk__in=ids).delete()
