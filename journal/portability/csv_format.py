"""A zip of spreadsheet-safe CSV files: entries, sessions and sensations.

The zip is written to an in-memory pipe that is emptied after every few rows, so
the whole archive never sits in memory (zipfile writes data descriptors when its
output cannot seek).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from journal.portability.reader import JournalReader, Record
from practices.models import RATINGS

CONTENT_TYPE = "application/zip"
EXTENSION = "zip"
_FLUSH_EVERY = 500
# Spreadsheets run a cell starting with one of these as a formula.
_FORMULA_FIRST = frozenset({"=", "+", "-", "@", "\t", "\r"})

ENTRY_COLUMNS = [
    "uuid",
    "occurred_at",
    "kind",
    "is_draft",
    "body",
    "pain",
    "tension",
    "stress",
    "sleep_hours",
    "sleep_quality",
    "emotions",
    "tags",
    "session_uuid",
    "belief",
    "belief_strength_before",
    "reframe",
    "belief_strength_after",
    "red_flags",
    "created_at",
    "updated_at",
]
SESSION_COLUMNS = [
    "uuid",
    "started_at",
    "ended_at",
    "practice",
    "practice_slug",
    "practice_uuid",
    "state",
    "planned_minutes",
    "duration_seconds",
    *(f"before_{r}" for r in RATINGS),
    *(f"after_{r}" for r in RATINGS),
    "notes",
    "created_at",
    "updated_at",
]
SENSATION_COLUMNS = [
    "uuid",
    "occurred_at",
    "parent_kind",
    "parent_uuid",
    "region",
    "quality",
    "intensity",
    "feel",
    "note",
    "created_at",
]


def safe_cell(value: Any) -> Any:
    """A cell's value, with formula-like text made inert by a leading apostrophe."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is not str:
        value = str(value)
    if value[:1] in _FORMULA_FIRST:
        return "'" + value
    return value


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def entry_row(record: Record) -> list[Any]:
    return [
        record["uuid"],
        record["occurred_at"],
        record["kind"],
        record["is_draft"],
        record["body"],
        record["pain"],
        record["tension"],
        record["stress"],
        record["sleep_hours"],
        record["sleep_quality"],
        _joined(record["emotions"]),
        _joined(record["tag_names"]),
        record["session"],
        record["belief"],
        record["belief_strength_before"],
        record["reframe"],
        record["belief_strength_after"],
        _joined(record["red_flags"]),
        record["created_at"],
        record["updated_at"],
    ]


def session_row(record: Record) -> list[Any]:
    practice = record["practice"]
    return [
        record["uuid"],
        record["started_at"],
        record["ended_at"],
        record["practice_name"],
        practice.get("slug"),
        practice.get("uuid"),
        record["state"],
        record["planned_minutes"],
        record["duration_seconds"],
        *(record["before"][r] for r in RATINGS),
        *(record["after"][r] for r in RATINGS),
        record["notes"],
        record["created_at"],
        record["updated_at"],
    ]


def sensation_row(record: Record, parent_kind: str, parent_uuid: str) -> list[Any]:
    return [
        record["uuid"],
        record["occurred_at"],
        parent_kind,
        parent_uuid,
        record["region"],
        record["quality"],
        record["intensity"],
        record["feel"],
        record["note"],
        record["created_at"],
    ]


class _Pipe(io.RawIOBase):
    """A write-only, non-seekable file whose contents are taken out as they come."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def export_csv_zip(reader: JournalReader) -> Iterator[bytes]:
    pipe = _Pipe()
    files: list[tuple[str, list[str], Iterable[list[Any]]]] = [
        (
            "entries.csv",
            ENTRY_COLUMNS,
            (entry_row(r) for r in reader.entries(with_sensations=False)),
        ),
        (
            "sessions.csv",
            SESSION_COLUMNS,
            (session_row(r) for r in reader.sessions(with_sensations=False)),
        ),
        (
            "sensations.csv",
            SENSATION_COLUMNS,
            (sensation_row(record, kind, parent) for kind, parent, record in reader.sensations()),
        ),
    ]
    with zipfile.ZipFile(
        pipe, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=3
    ) as archive:
        for name, columns, rows in files:
            with (
                archive.open(name, mode="w") as member,
                io.TextIOWrapper(member, encoding="utf-8-sig", newline="") as text,
            ):
                writer = csv.writer(text)
                writer.writerow(columns)
                for count, row in enumerate(rows, start=1):
                    writer.writerow([safe_cell(value) for value in row])
                    if count % _FLUSH_EVERY == 0:
                        text.flush()
                        yield pipe.take()
            yield pipe.take()
    yield pipe.take()
