"""What one timeline item shows, worked out in Python so the template only prints it.

The timeline and Today show up to 30 of these cards per request. Reading labels, links and
formatted times here, once per card, costs a fraction of resolving them through template
lookups, `get_FOO_display()`, filters and `{% url %}` tags for every field.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.template.defaultfilters import floatformat
from django.utils import dateformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from journal.core.links import Links
from journal.core.vocabulary import (
    EMOTION_LABELS,
    ENTRY_KIND_LABELS,
    SLEEP_QUALITY_LABELS,
    mid_sentence,
)
from journal.entries.presenters import feel_word, sensation_text
from journal.models import JournalEntry
from practices.models import STATE_LABELS, PracticeSession

if TYPE_CHECKING:
    from journal.timeline.items import Item

BODY_WORDS = 60
TEXT_CHARS = 200


def _sensations(rows: Any, *, with_feel: bool) -> list[dict[str, str]]:
    return [
        {
            "feel": s.feel,
            "text": sensation_text(s),
            "feel_label": feel_word(s.feel) if with_feel else "",
        }
        for s in rows
    ]


def _times(local: datetime) -> dict[str, str]:
    return {
        "time_iso": local.isoformat(),
        "time_hm": f"{local:%H:%M}",
        "when_words": dateformat.format(local, _("j F, H:i")),
    }


def entry_card(entry: JournalEntry, local: datetime, links: Links) -> dict[str, Any]:
    title = str(ENTRY_KIND_LABELS.get(entry.kind, entry.kind))
    facts = []
    if entry.pain is not None:
        facts.append(_("Pain %(value)s/10") % {"value": entry.pain})
    if entry.tension is not None:
        facts.append(_("Tension %(value)s/10") % {"value": entry.tension})
    if entry.stress is not None:
        facts.append(_("Stress %(value)s/10") % {"value": entry.stress})
    if entry.sleep_hours is not None:
        hours = floatformat(entry.sleep_hours, "-1")
        if entry.sleep_quality:
            quality = mid_sentence(SLEEP_QUALITY_LABELS.get(entry.sleep_quality, ""))
            # Translators: hours of sleep and how it was, e.g. "Slept 7.5 h (good)".
            slept = _("Slept %(hours)s h (%(quality)s)") % {"hours": hours, "quality": quality}
        else:
            slept = _("Slept %(hours)s h") % {"hours": hours}
        facts.append(slept)
    strength = ""
    if entry.belief_strength_before is not None:
        after = entry.belief_strength_after
        arrow = f" → {after}" if after is not None else ""
        strength = f"{entry.belief_strength_before}{arrow}/100"
    body: SafeString | str = ""
    if entry.body:
        html = getattr(entry, "body_html", "")
        # The HTML was cleaned by nh3; the truncator cuts it at tag boundaries.
        body = mark_safe(Truncator(html).words(BODY_WORDS, html=True, truncate=" …"))
    session = entry.session
    return {
        "is_entry": True,
        "kind": entry.kind,
        "anchor": str(entry.uuid),
        "title": title,
        "title_lower": mid_sentence(title),
        "url": links("entries:detail", "entry_uuid", entry.uuid),
        "edit_url": links("entries:edit", "entry_uuid", entry.uuid),
        "is_draft": entry.is_draft,
        "red_flag": bool(entry.red_flags),
        "after_practice": mid_sentence(session.practice.display_name) if session else "",
        "facts": facts,
        "belief": Truncator(entry.belief).chars(TEXT_CHARS) if entry.belief else "",
        "strength": strength,
        "reframe": Truncator(entry.reframe).chars(TEXT_CHARS) if entry.reframe else "",
        "body_html": body,
        "sensations": _sensations(entry.sensations.all(), with_feel=True),
        "emotions": [str(EMOTION_LABELS.get(e.emotion, e.emotion)) for e in entry.emotions.all()],
        "tags": [t.name for t in entry.tags.all()],
        **_times(local),
    }


def session_card(session: PracticeSession, local: datetime, links: Links) -> dict[str, Any]:
    facts = []
    if session.before_pain is not None and session.after_pain is not None:
        change = {"before": session.before_pain, "after": session.after_pain}
        facts.append(_("Pain %(before)s → %(after)s") % change)
        if session.before_tension is not None and session.after_tension is not None:
            change = {"before": session.before_tension, "after": session.after_tension}
            facts.append(_("Tension %(before)s → %(after)s") % change)
        if session.before_safety is not None and session.after_safety is not None:
            change = {"before": session.before_safety, "after": session.after_safety}
            facts.append(_("Calm %(before)s → %(after)s") % change)
    return {
        "is_entry": False,
        "anchor": str(session.uuid),
        "title": session.practice.display_name,
        "url": links("practices:session_detail", "session_uuid", session.uuid),
        "state": STATE_LABELS.get(session.state, session.state),
        "minutes": session.minutes,
        "facts": facts,
        "sensations": _sensations(session.sensations.all(), with_feel=False),
        **_times(local),
    }


def card(item: Item, links: Links) -> dict[str, Any]:
    if item.entry is not None:
        return entry_card(item.entry, item.local, links)
    assert item.session is not None
    return session_card(item.session, item.local, links)
