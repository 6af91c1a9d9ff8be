"""A large, valid journal export written straight to a file, without a database.

Deterministic for a given size; used by the import's load test and the benchmark.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

REGIONS = ["lower_back", "neck", "belly", "left_hip", "jaw", "shoulders"]
QUALITIES = ["tight", "aching", "warm", "soft", "tingling", "heavy"]
FEELS = ["unpleasant", "neutral", "pleasant"]
START = datetime(2020, 1, 1, 7, 30, tzinfo=UTC)
BODY = (
    "Woke stiff; a slow walk loosened the lower back. Noticed the breath drop lower "
    "when I let the shoulders go. Work deadline later, jaw tight by noon. "
)


def _id(kind: str, n: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"journal-export/{kind}/{n}"))


def _when(n: int) -> str:
    return (START + timedelta(hours=6 * n)).isoformat()


def _sensations(kind: str, n: int, count: int) -> list[dict[str, Any]]:
    return [
        {
            "uuid": _id(f"{kind}-sensation", n * 10 + i),
            "region": REGIONS[(n + i) % len(REGIONS)],
            "quality": QUALITIES[(n * 3 + i) % len(QUALITIES)],
            "intensity": (n + i) % 11,
            "feel": FEELS[(n + i) % 3],
            "note": "eased after breathing" if i == 0 else "",
        }
        for i in range(count)
    ]


def _session(n: int) -> dict[str, Any]:
    return {
        "uuid": _id("session", n),
        "practice": {"slug": "body-scan"},
        "state": "finished",
        "started_at": _when(n),
        "ended_at": (START + timedelta(hours=6 * n, minutes=12)).isoformat(),
        "planned_minutes": 10,
        "duration_seconds": 720,
        "before": {"pain": 5, "tension": 6, "safety": 4, "connection": 4},
        "after": {"pain": 3, "tension": 4, "safety": 6, "connection": 6},
        "notes": "Breath slowed halfway through.",
        "sensations": _sensations("session", n, 2),
    }


def _entry(n: int) -> dict[str, Any]:
    return {
        "uuid": _id("entry", n),
        "kind": "check_in",
        "occurred_at": _when(n),
        "body": BODY * (1 + n % 4),
        "pain": n % 11,
        "tension": (n * 3) % 11,
        "stress": (n * 7) % 11,
        "sleep_hours": 7.5,
        "sleep_quality": 1 + n % 5,
        "emotions": ["calm", "hopeful"] if n % 2 else ["anxious"],
        "tags": [_id("tag", n % 20)],
        "session": _id("session", n // 2) if n % 2 == 0 else None,
        "red_flags": [],
        "sensations": _sensations("entry", n, 3),
    }


def _array(out: TextIO, name: str, records: Any) -> None:
    out.write(f',\n"{name}":[\n')
    for i, record in enumerate(records):
        out.write(("" if i == 0 else ",\n") + json.dumps(record, separators=(",", ":")))
    out.write("\n]")


def write_export(path: Path, *, megabytes: float) -> dict[str, int]:
    """Write an export of about `megabytes` MB; returns how many records of each kind."""
    # One entry and half a session make about 1.5 KB.
    entries = int(megabytes * 1024 * 1024 / 1500)
    sessions = entries // 2 + 1
    counts = {"tags": 20, "sessions": sessions, "entries": entries}
    counts["sensations"] = sessions * 2 + entries * 3
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format":"soma-journal","version":1,')
        out.write('"profile":{"time_zone":"Europe/London","week_start":0}')
        tags = ({"uuid": _id("tag", i), "name": f"situation {i}"} for i in range(20))
        _array(out, "tags", tags)
        _array(out, "practices", [])
        _array(out, "sessions", (_session(n) for n in range(sessions)))
        _array(out, "entries", (_entry(n) for n in range(entries)))
        out.write("}\n")
    return counts
