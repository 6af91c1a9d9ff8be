"""A readable journal in Markdown: a section per day, sessions and entries in time order."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from journal.core.dates import date_words
from journal.core.vocabulary import (
    EMOTION_LABELS,
    ENTRY_KIND_LABELS,
    FEEL_LABELS,
    QUALITY_LABELS,
    RED_FLAG_LABELS,
    REGION_LABELS,
    SLEEP_QUALITY_LABELS,
    LabelMap,
    mid_sentence,
)
from journal.portability.reader import JournalReader, Record
from practices.models import RATING_LABELS, RATINGS, Practice, SessionState

CONTENT_TYPE = "text/markdown; charset=utf-8"
EXTENSION = "md"

# Words follow the language active while the export is written (see `export_markdown`).
_KIND = ENTRY_KIND_LABELS
_REGION = REGION_LABELS
_QUALITY = QUALITY_LABELS
_FEEL = FEEL_LABELS
_EMOTION = EMOTION_LABELS
_FLAG = RED_FLAG_LABELS
_SLEEP = SLEEP_QUALITY_LABELS
_STATE: LabelMap[str] = LabelMap(SessionState.choices)


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


def _label(labels: LabelMap[str], value: str) -> str:
    return labels.get(value, value)


def _sensation_lines(sensations: list[Record]) -> list[str]:
    lines = []
    for s in sensations:
        # An intensity left unrated is simply not written.
        values = {
            "quality": _label(_QUALITY, s["quality"]),
            "region": mid_sentence(_label(_REGION, s["region"])),
            "feel": mid_sentence(_label(_FEEL, s["feel"])),
            "intensity": s["intensity"],
        }
        if s["intensity"] is None:
            # Translators: a sensation, e.g. "Tight in the lower back (lumbar), unpleasant".
            text = _("%(quality)s in %(region)s, %(feel)s") % values
        else:
            text = _("%(quality)s in %(region)s, %(intensity)s/10, %(feel)s") % values
        line = f"- {text}"
        if s["note"]:
            line += f": {_plain(_one_line(s['note']))}"
        lines.append(line)
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _built_in_names() -> dict[str, str]:
    """The catalog's practices by slug, each by its name in the active language (one query);
    a person's own practices keep the name they gave them."""
    rows = Practice.objects.built_in().values_list("slug", "name", "translations")
    return {
        slug: Practice(name=name, translations=words).display_name for slug, name, words in rows
    }


def _session_lines(record: Record, moment: datetime, names: dict[str, str]) -> list[str]:
    name = str(names.get(record["practice"].get("slug", "")) or record["practice_name"])
    title = f"### {moment:%H:%M} · {_plain(name)}"
    lines = [title, ""]
    details = []
    if record["state"] != SessionState.FINISHED:
        details.append(_label(_STATE, record["state"]))
    if record["duration_seconds"] is not None:
        minutes = round(record["duration_seconds"] / 60)
        details.append(_("%(minutes)s min practised") % {"minutes": minutes})
    else:
        details.append(_("%(minutes)s min planned") % {"minutes": record["planned_minutes"]})
    lines += [f"*{', '.join(details)}*", ""]
    ratings = []
    for rating in RATINGS:
        before, after = record["before"][rating], record["after"][rating]
        if before is None and after is None:
            continue
        words = _("%(rating)s: %(before)s before, %(after)s after") % {
            "rating": RATING_LABELS[rating],
            "before": _dash(before),
            "after": _dash(after),
        }
        ratings.append(f"- {words}")
    if ratings:
        lines += [_("Ratings (0-10):"), "", *ratings, ""]
    if record["sensations"]:
        lines += [_("Sensations:"), "", *_sensation_lines(record["sensations"]), ""]
    if record["notes"]:
        lines += [_plain(record["notes"].strip()), ""]
    return lines


def _dash(value: Any) -> str:
    return "–" if value is None else str(value)


def _entry_lines(record: Record, moment: datetime) -> list[str]:
    kind = _label(_KIND, record["kind"])
    if record["is_draft"]:
        # Translators: an entry's kind, marked as a draft: "Expressive writing (draft)".
        kind = _("%(kind)s (draft)") % {"kind": kind}
    lines = [f"### {moment:%H:%M} · {kind}", ""]
    context = []
    for field, label in (("pain", _("Pain")), ("tension", _("Tension")), ("stress", _("Stress"))):
        if record[field] is not None:
            context.append(f"- {label}: {record[field]}/10")
    if record["sleep_hours"] is not None or record["sleep_quality"] is not None:
        sleep = []
        if record["sleep_hours"] is not None:
            sleep.append(_("%(hours)s h") % {"hours": record["sleep_hours"]})
        if record["sleep_quality"] is not None:
            quality = _SLEEP.get(record["sleep_quality"], str(record["sleep_quality"]))
            sleep.append(mid_sentence(quality))
        context.append("- " + _("Sleep: %(sleep)s") % {"sleep": ", ".join(sleep)})
    if record["emotions"]:
        names = ", ".join(mid_sentence(_label(_EMOTION, e)) for e in record["emotions"])
        context.append("- " + _("Emotions: %(emotions)s") % {"emotions": names})
    if record["tag_names"]:
        tags = ", ".join(_plain(name) for name in record["tag_names"])
        context.append("- " + _("Tags: %(tags)s") % {"tags": tags})
    if context:
        lines += [*context, ""]
    if record["red_flags"]:
        lines += [_("Warning signs noted:"), ""]
        lines += [f"- {_label(_FLAG, flag)}" for flag in record["red_flags"]]
        lines.append("")
    if record["belief"]:
        belief = _("Belief (%(strength)s/100): %(belief)s") % {
            "strength": _dash(record["belief_strength_before"]),
            "belief": _plain(_one_line(record["belief"])),
        }
        lines += [belief, ""]
    if record["reframe"]:
        reframe = _("Kinder view (%(strength)s/100): %(reframe)s") % {
            "strength": _dash(record["belief_strength_after"]),
            "reframe": _plain(_one_line(record["reframe"])),
        }
        lines += [reframe, ""]
    if record["sensations"]:
        lines += [_("Sensations:"), "", *_sensation_lines(record["sensations"]), ""]
    if record["body"]:
        lines += [_body(record["body"].strip()), ""]
    return lines


def export_markdown(reader: JournalReader) -> Iterator[bytes]:
    """The journal in the language active now, even when the chunks are written later (a
    streamed download is read after the view has returned)."""
    language = translation.get_language()
    chunks = _markdown(reader)
    while True:
        with translation.override(language):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


def _intro(reader: JournalReader) -> str:
    zone = reader.zone.key
    if reader.range.is_everything:
        return _("Times are in %(zone)s.") % {"zone": zone}
    since, until = reader.range.since, reader.range.until
    if since and until:
        text = _("From %(since)s to %(until)s. Times are in %(zone)s.")
    elif since:
        text = _("From %(since)s on. Times are in %(zone)s.")
    else:
        text = _("Up to %(until)s. Times are in %(zone)s.")
    values = {
        "since": since.isoformat() if since else "",
        "until": until.isoformat() if until else "",
        "zone": zone,
    }
    return text % values


def _markdown(reader: JournalReader) -> Iterator[bytes]:
    yield f"# {_('My journal')}\n\n".encode()
    yield f"{_intro(reader)}\n\n".encode()
    zone = reader.zone
    names = _built_in_names()

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
            heading = date_words(day, pgettext("date format: a day's heading", "l j F Y"))
            buffer += [f"## {heading}", ""]
        lines = (
            _session_lines(record, moment, names)
            if kind == "session"
            else _entry_lines(record, moment)
        )
        buffer += lines
    if buffer:
        yield "\n".join(buffer).encode() + b"\n"
