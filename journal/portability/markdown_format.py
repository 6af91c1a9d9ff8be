"""A readable journal in Markdown: a section per day, sessions and entries in time order."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from journal.core.vocabulary import Emotion, EntryKind, Feel, Quality, RedFlag, Region, SleepQuality
from journal.portability.reader import JournalReader, Record
from practices.models import RATING_LABELS, RATINGS, SessionState

CONTENT_TYPE = "text/markdown; charset=utf-8"
EXTENSION = "md"

_KIND: dict[str, str] = {str(k): str(v) for k, v in EntryKind.choices}
_REGION: dict[str, str] = {str(k): str(v) for k, v in Region.choices}
_QUALITY: dict[str, str] = {str(k): str(v) for k, v in Quality.choices}
_FEEL: dict[str, str] = {str(k): str(v) for k, v in Feel.choices}
_EMOTION: dict[str, str] = {str(k): str(v) for k, v in Emotion.choices}
_FLAG: dict[str, str] = {str(k): str(v) for k, v in RedFlag.choices}
_SLEEP: dict[int, str] = {int(k): str(v) for k, v in SleepQuality.choices}
_STATE: dict[str, str] = {str(k): str(v) for k, v in SessionState.choices}


# Characters that Markdown would turn into markup (HTML, links, emphasis, code); escaped
# with a backslash in the plain-text fields so a Markdown viewer shows them as typed.
_MARKUP = re.compile(r"([\\`*_\[\]<>&|~#])")


def _plain(text: str) -> str:
    """A plain-text field (names, notes, beliefs) made safe to embed in Markdown.

    Entry bodies are the person's own Markdown and keep it (see `_body`).
    """
    return _MARKUP.sub(r"\\\1", text)


# In bodies: a `&` that would start a character reference (`&lt;`, `&#60;`, `&#x3c;`), and
# every `<` and `>` except the `>` markers that open a quoted line.
_ENTITY_START = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_QUOTE_MARKERS = re.compile(r"^(?: {0,3}>)*")


def _body(text: str) -> str:
    """An entry body: the person's Markdown kept, but any HTML in it shown as text.

    A Markdown reader would run raw HTML (`<script>`, `<img onerror>`); entities cannot form
    tags, and unlike backslashes they stay escapes whatever precedes them.
    """
    lines = []
    for line in _ENTITY_START.sub("&amp;", text).split("\n"):
        markers = _QUOTE_MARKERS.match(line)
        cut = markers.end() if markers else 0
        rest = line[cut:].replace("<", "&lt;").replace(">", "&gt;")
        lines.append(line[:cut] + rest)
    return "\n".join(lines)


def _label(labels: dict[str, str], value: str) -> str:
    return labels.get(value, value)


def _sensation_lines(sensations: list[Record]) -> list[str]:
    lines = []
    for s in sensations:
        # An intensity left unrated is simply not written.
        strength = "" if s["intensity"] is None else f"{s['intensity']}/10, "
        line = (
            f"- {_label(_QUALITY, s['quality'])} in "
            f"{_label(_REGION, s['region']).lower()}, "
            f"{strength}{_label(_FEEL, s['feel']).lower()}"
        )
        if s["note"]:
            line += f": {_plain(_one_line(s['note']))}"
        lines.append(line)
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _session_lines(record: Record, moment: datetime) -> list[str]:
    title = f"### {moment:%H:%M} · {_plain(record['practice_name'])}"
    lines = [title, ""]
    details = []
    if record["state"] != SessionState.FINISHED:
        details.append(_label(_STATE, record["state"]))
    if record["duration_seconds"] is not None:
        details.append(f"{round(record['duration_seconds'] / 60)} min practised")
    else:
        details.append(f"{record['planned_minutes']} min planned")
    lines += [f"*{', '.join(details)}*", ""]
    ratings = []
    for rating in RATINGS:
        before, after = record["before"][rating], record["after"][rating]
        if before is None and after is None:
            continue
        ratings.append(f"- {RATING_LABELS[rating]}: {_dash(before)} before, {_dash(after)} after")
    if ratings:
        lines += ["Ratings (0-10):", "", *ratings, ""]
    if record["sensations"]:
        lines += ["Sensations:", "", *_sensation_lines(record["sensations"]), ""]
    if record["notes"]:
        lines += [_plain(record["notes"].strip()), ""]
    return lines


def _dash(value: Any) -> str:
    return "–" if value is None else str(value)


def _entry_lines(record: Record, moment: datetime) -> list[str]:
    kind = _label(_KIND, record["kind"])
    draft = " (draft)" if record["is_draft"] else ""
    lines = [f"### {moment:%H:%M} · {kind}{draft}", ""]
    context = []
    for field, label in (("pain", "Pain"), ("tension", "Tension"), ("stress", "Stress")):
        if record[field] is not None:
            context.append(f"- {label}: {record[field]}/10")
    if record["sleep_hours"] is not None or record["sleep_quality"] is not None:
        sleep = []
        if record["sleep_hours"] is not None:
            sleep.append(f"{record['sleep_hours']} h")
        if record["sleep_quality"] is not None:
            sleep.append(_SLEEP.get(record["sleep_quality"], str(record["sleep_quality"])).lower())
        context.append(f"- Sleep: {', '.join(sleep)}")
    if record["emotions"]:
        names = ", ".join(_label(_EMOTION, e).lower() for e in record["emotions"])
        context.append(f"- Emotions: {names}")
    if record["tag_names"]:
        context.append(f"- Tags: {', '.join(_plain(name) for name in record['tag_names'])}")
    if context:
        lines += [*context, ""]
    if record["red_flags"]:
        lines += ["Warning signs noted:", ""]
        lines += [f"- {_label(_FLAG, flag)}" for flag in record["red_flags"]]
        lines.append("")
    if record["belief"]:
        lines += [
            f"Belief ({_dash(record['belief_strength_before'])}/100): "
            f"{_plain(_one_line(record['belief']))}",
            "",
        ]
    if record["reframe"]:
        lines += [
            f"Kinder view ({_dash(record['belief_strength_after'])}/100): "
            f"{_plain(_one_line(record['reframe']))}",
            "",
        ]
    if record["sensations"]:
        lines += ["Sensations:", "", *_sensation_lines(record["sensations"]), ""]
    if record["body"]:
        lines += [_body(record["body"].strip()), ""]
    return lines


def export_markdown(reader: JournalReader) -> Iterator[bytes]:
    yield b"# My journal\n\n"
    if not reader.range.is_everything:
        since = reader.range.since.isoformat() if reader.range.since else "the beginning"
        until = reader.range.until.isoformat() if reader.range.until else "today"
        yield f"From {since} to {until}. Times are in {reader.zone.key}.\n\n".encode()
    else:
        yield f"Times are in {reader.zone.key}.\n\n".encode()
    zone = reader.zone

    def keyed(kind: str, records: Iterator[Record], field: str) -> Iterator[Any]:
        for record in records:
            yield datetime.fromisoformat(record[field]).astimezone(zone), kind, record

    merged = heapq.merge(
        keyed("session", reader.sessions(), "started_at"),
        keyed("entry", reader.entries(), "occurred_at"),
        key=lambda item: item[0],
    )
    current_day = None
    buffer: list[str] = []
    for moment, kind, record in merged:
        day = moment.date()
        if day != current_day:
            if buffer:
                yield "\n".join(buffer).encode()
                buffer = []
            current_day = day
            buffer += [f"## {moment:%A} {day.day} {moment:%B %Y}", ""]
        lines = (
            _session_lines(record, moment) if kind == "session" else _entry_lines(record, moment)
        )
        buffer += lines
    if buffer:
        yield "\n".join(buffer).encode() + b"\n"
