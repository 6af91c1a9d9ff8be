"""A checked document to the values the models take: UTC datetimes, UUIDs, whole numbers.

Everything here runs only on a record the schema and the reference checks found no
problem with, so the types are the schema's; `moment` is also what the checks use to read a time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any
from uuid import UUID

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _

from journal.core.vocabulary import EntryKind
from journal.portability.importer.messages import describe
from practices.models import RATINGS, SessionState

# Times each kind of record carries, checked and converted alike.
MOMENTS = {
    "tag": ("created_at",),
    "practice": ("created_at",),
    "session": ("started_at", "ended_at", "created_at", "updated_at"),
    "entry": ("occurred_at", "created_at", "updated_at"),
    "sensation": ("occurred_at", "created_at"),
}


def moment(value: str) -> datetime:
    """An ISO 8601 time with an offset, in UTC; ValueError says what is wrong with it."""
    shown = describe(value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            _("%(value)s is not a date and time like 2025-03-04T08:15:00+01:00") % {"value": shown}
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError(
            _("%(value)s has no time zone offset (like +01:00 or Z)") % {"value": shown}
        )
    try:
        utc = parsed.astimezone(UTC)
    except OverflowError:
        raise ValueError(
            _("%(value)s is outside the dates this app can store") % {"value": shown}
        ) from None
    # The schema's date-time allows any year; the database and the pages do not.
    if not 1900 <= utc.year <= 2200:
        raise ValueError(_("%(value)s is outside the years 1900 to 2200") % {"value": shown})
    return utc


def practice_slug(record: dict[str, Any]) -> str:
    """The slug given, or one made from the name as the practice form would."""
    return record.get("slug") or slugify(record["name"].strip())[:80]


def _moments(record: dict[str, Any], kind: str) -> dict[str, datetime | None]:
    return {
        key: moment(record[key]) if record.get(key) is not None else None for key in MOMENTS[kind]
    }


def _whole(value: Any) -> int | None:
    return None if value is None else int(value)


def _sleep_hours(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)


def _tag(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": UUID(record["uuid"]),
        "name": record["name"].strip(),
        "is_archived": record.get("is_archived", False),
        **_moments(record, "tag"),
    }


def _practice(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": UUID(record["uuid"]),
        "name": record["name"].strip(),
        "slug": practice_slug(record),
        "category": record["category"],
        "summary": record.get("summary", ""),
        "steps": list(record.get("steps", [])),
        "default_minutes": int(record.get("default_minutes", 10)),
        "is_archived": record.get("is_archived", False),
        **_moments(record, "practice"),
    }


def _sensations(parent: dict[str, Any], parent_time: datetime | None) -> list[dict[str, Any]]:
    found = []
    for record in parent.get("sensations", []):
        times = _moments(record, "sensation")
        found.append(
            {
                "uuid": UUID(record["uuid"]),
                "occurred_at": times["occurred_at"] or parent_time,
                "region": record["region"],
                "quality": record["quality"],
                "intensity": None if record["intensity"] is None else int(record["intensity"]),
                "feel": record["feel"],
                "note": record.get("note", ""),
                "created_at": times["created_at"],
            }
        )
    return found


def _session(record: dict[str, Any]) -> dict[str, Any]:
    ref = record["practice"]
    practice = ("slug", ref["slug"]) if "slug" in ref else ("uuid", UUID(ref["uuid"]))
    ratings = {
        f"{when}_{rating}": _whole(record.get(when, {}).get(rating))
        for when in ("before", "after")
        for rating in RATINGS
    }
    times = _moments(record, "session")
    return {
        "uuid": UUID(record["uuid"]),
        "practice": practice,
        "state": record.get("state", SessionState.FINISHED),
        **times,
        "planned_minutes": int(record.get("planned_minutes", 10)),
        "duration_seconds": _whole(record.get("duration_seconds")),
        "notes": record.get("notes", ""),
        **ratings,
        "sensations": _sensations(record, times["started_at"]),
    }


def _entry(record: dict[str, Any]) -> dict[str, Any]:
    times = _moments(record, "entry")
    session = record.get("session")
    return {
        "uuid": UUID(record["uuid"]),
        "kind": record.get("kind", EntryKind.FREE),
        **times,
        "is_draft": record.get("is_draft", False),
        "body": record.get("body", ""),
        "pain": _whole(record.get("pain")),
        "tension": _whole(record.get("tension")),
        "stress": _whole(record.get("stress")),
        "sleep_hours": _sleep_hours(record.get("sleep_hours")),
        "sleep_quality": _whole(record.get("sleep_quality")),
        "emotions": list(dict.fromkeys(record.get("emotions", []))),
        "tags": list(dict.fromkeys(UUID(ref) for ref in record.get("tags", []))),
        "session": UUID(session) if session is not None else None,
        "belief": record.get("belief", ""),
        "belief_strength_before": _whole(record.get("belief_strength_before")),
        "reframe": record.get("reframe", ""),
        "belief_strength_after": _whole(record.get("belief_strength_after")),
        "red_flags": list(record.get("red_flags", [])),
        "sensations": _sensations(record, times["occurred_at"]),
    }


def convert_profile(profile: dict[str, Any] | None) -> dict[str, Any] | None:
    if profile is None:
        return None
    language = profile.get("language", "")
    offered = {code for code, _name in settings.LANGUAGES}
    return {
        "time_zone": profile.get("time_zone", "UTC"),
        "week_start": int(profile.get("week_start", 0)),
        "language": language if language in offered else "",
    }


CONVERTERS = {"tags": _tag, "practices": _practice, "sessions": _session, "entries": _entry}


def convert_record(section: str, record: dict[str, Any]) -> dict[str, Any]:
    """One checked record of a section in the models' terms."""
    return CONVERTERS[section](record)
