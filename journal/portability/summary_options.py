"""What goes into a clinician summary: its days, its sections, its reflections, and the name
and date of birth the person may type so it can be filed.

The same options make the page, the PDF and a shared link (`journal.sharing`); the form
that sets them is in `summary_forms`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import get_language, get_language_info, gettext_lazy

from journal.accounts.profiles import profile_for
from journal.core.dates import date_words
from journal.core.vocabulary import ENTRY_KIND_LABELS, EntryKind
from journal.models import JournalEntry
from journal.portability.reader import DateRange

# The overview is always the first page; these follow it, each one the person may leave out.
SECTIONS = {
    "charts": gettext_lazy("Pain, tension, stress and sleep over time"),
    "practices": gettext_lazy("Practices and what they changed"),
    "body_map": gettext_lazy("Where sensations were felt (body map)"),
    "warning_signs": gettext_lazy("Warning signs reported, with dates"),
    "reflections": gettext_lazy("Reflections I choose below"),
}
REFLECTION_KINDS = (
    EntryKind.POST_PRACTICE,
    EntryKind.FREE,
    EntryKind.REFRAME,
    EntryKind.EXPRESSIVE,
)
# Offered by default: the most recent of these, never expressive writing.
DEFAULT_KINDS = (EntryKind.POST_PRACTICE, EntryKind.FREE, EntryKind.REFRAME)
DEFAULT_REFLECTIONS = 8
DEFAULT_REFRAMES = 3
CANDIDATES = 30
PREVIEW_CHARS = 90


@dataclass(frozen=True)
class SummaryOptions:
    date_range: DateRange = field(default_factory=DateRange)
    sections: frozenset[str] = frozenset(SECTIONS)
    # Entry uuids; None: the default choice (the latest reflections, no expressive writing).
    reflections: frozenset[str] | None = None
    name: str = ""
    birth_date: date | None = None
    # The summary's own language (a clinician may read another); "": the active one.
    language: str = ""

    def has(self, section: str) -> bool:
        return section in self.sections

    @property
    def in_language(self) -> str:
        """The language to write the summary in."""
        return summary_language(self.language)


def language_choices() -> list[tuple[str, str]]:
    """The app's languages, each in its own name ("Deutsch"), for the summary's choice."""
    names = [
        (code, str(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES
    ]
    # Capitalised as an item of a list ("Français", not "français").
    return [(code, name[:1].upper() + name[1:]) for code, name in names]


def summary_language(chosen: str = "") -> str:
    """A language the app offers: the one chosen, else the active one, else the default."""
    offered = {code for code, _name in settings.LANGUAGES}
    for code in (chosen, get_language() or "", settings.LANGUAGE_CODE):
        if code.lower() in offered:
            return code.lower()
    return settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Candidate:
    uuid: str
    kind: str
    label: str
    default: bool


def reflection_candidates(user: User, date_range: DateRange) -> list[Candidate]:
    """The reflections a person may put in: the latest in the range, newest first."""
    zone = profile_for(user).zone
    start, end = date_range.bounds(zone)
    entries = JournalEntry.objects.for_user(user).published().filter(kind__in=REFLECTION_KINDS)
    if start is not None:
        entries = entries.filter(occurred_at__gte=start)
    if end is not None:
        entries = entries.filter(occurred_at__lt=end)
    rows = list(
        entries.order_by("-occurred_at").values_list(
            "uuid", "kind", "occurred_at", "body", "belief"
        )[:CANDIDATES]
    )
    # Ticked for the person: up to 3 belief reframes (few and telling), then the latest other
    # reflections with words, 8 in all; expressive writing never.
    reframes = [r[0] for r in rows if r[1] == EntryKind.REFRAME and r[4]][:DEFAULT_REFRAMES]
    others = [r[0] for r in rows if r[1] in DEFAULT_KINDS and r[1] != EntryKind.REFRAME and r[3]]
    ticked = {*reframes, *others[: DEFAULT_REFLECTIONS - len(reframes)]}
    found: list[Candidate] = []
    for uuid, kind, occurred_at, body, belief in rows:
        # Expressive writing is named, never quoted, even here.
        text = "" if kind == EntryKind.EXPRESSIVE else " ".join((belief or body or "").split())
        if len(text) > PREVIEW_CHARS:
            text = text[:PREVIEW_CHARS].rsplit(" ", 1)[0] + "…"
        day = timezone.localtime(occurred_at, zone)
        label = f"{date_words(day, 'j M Y')} · {ENTRY_KIND_LABELS.get(kind, kind)}: {text or '…'}"
        found.append(Candidate(str(uuid), kind, label, uuid in ticked))
    return found
