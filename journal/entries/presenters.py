"""What the entry page shows, worked out in Python so the template only prints it."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from journal.core.vocabulary import (
    EMOTION_LABELS,
    FEEL_LABELS,
    QUALITY_LABELS,
    REGION_LABELS,
    mid_sentence,
)
from journal.models import JournalEntry, Sensation


@dataclass(frozen=True)
class SensationLine:
    feel: str
    text: str
    feel_label: str
    note: str


def entry_facts(entry: JournalEntry) -> list[tuple[str, str]]:
    """The ratings and sleep an entry holds, as (label, value) pairs in a fixed order."""
    facts = [
        (label, f"{value}/10")
        for label, value in (
            (_("Pain"), entry.pain),
            (_("Tension"), entry.tension),
            (_("Stress"), entry.stress),
        )
        if value is not None
    ]
    if entry.sleep_hours is not None:
        hours = floatformat(entry.sleep_hours, "-1")
        facts.append((_("Sleep"), _("%(hours)s hours") % {"hours": hours}))
    if entry.sleep_quality:
        facts.append((_("Slept"), entry.sleep_quality_label))
    return facts


def sensation_text(sensation: Sensation) -> str:
    """The one wording of a sensation, as the entry page and the timeline cards show it."""
    words = {
        "quality": QUALITY_LABELS.get(sensation.quality, sensation.quality),
        "region": mid_sentence(REGION_LABELS.get(sensation.region, sensation.region)),
        "intensity": sensation.intensity,
    }
    if sensation.intensity is None:
        return _("%(quality)s in %(region)s") % words
    return _("%(quality)s in %(region)s, %(intensity)s/10") % words


def feel_word(feel: str) -> str:
    return mid_sentence(FEEL_LABELS.get(feel, feel))


def sensation_lines(entry: JournalEntry) -> list[SensationLine]:
    return [
        SensationLine(
            feel=s.feel, text=sensation_text(s), feel_label=feel_word(s.feel), note=s.note
        )
        for s in entry.sensations.all()
    ]


def entry_pills(entry: JournalEntry) -> tuple[list[str], list[str]]:
    """The entry's emotions and tag names."""
    emotions = [str(EMOTION_LABELS.get(e.emotion, e.emotion)) for e in entry.emotions.all()]
    return emotions, [t.name for t in entry.tags.all()]


def red_flag_labels(entry: JournalEntry) -> list[str]:
    return [str(flag.label) for flag in entry.red_flags]
