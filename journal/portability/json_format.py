"""The full-fidelity export: one JSON document, versioned by schema/journal-export-v1."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone

from journal.portability.reader import SCHEMA_NAME, SCHEMA_VERSION, JournalReader, iso

CONTENT_TYPE = "application/json"
EXTENSION = "json"
# Records joined into one chunk before it is handed to the response.
_BATCH = 200


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _array(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    batch: list[str] = []
    first = True
    for record in records:
        batch.append(("" if first else ",\n") + _dumps(record))
        first = False
        if len(batch) >= _BATCH:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


def export_json(reader: JournalReader) -> Iterator[bytes]:
    """The document, in chunks: header fields first, then each list streamed."""
    header = {
        "format": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "exported_at": iso(timezone.now(), reader.zone),
        "range": reader.range.as_record(),
        "profile": reader.profile_record(),
    }
    head = _dumps(header)
    yield head[:-1].encode()
    for name, records in (
        ("tags", reader.tags()),
        ("practices", reader.practices()),
        ("sessions", reader.sessions()),
        ("entries", reader.entries()),
    ):
        yield f',\n"{name}":[\n'.encode()
        for chunk in _array(records):
            yield chunk.encode()
        yield b"\n]"
    yield b"}\n"
