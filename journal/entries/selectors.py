"""Reads of entries that other parts of the app need (the practices app among them)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.utils import timezone

from journal.core.dates import day_bounds
from journal.core.vocabulary import EntryKind
from journal.models import JournalEntry


def red_flags_today(user: User) -> list[str]:
    """Warning signs the person reported today (in the active zone), each named once."""
    zone = timezone.get_current_timezone()
    start, end = day_bounds(timezone.localdate(), zone)
    entries = JournalEntry.objects.for_user(user).with_red_flags().between(start, end)
    labels: dict[str, None] = {}
    for entry in entries:
        for flag in entry.red_flags:
            labels[str(flag.label)] = None
    return list(labels)


def expressive_drafts(user: User, limit: int = 5) -> list[JournalEntry]:
    """Expressive writing still in progress, newest first, each with its session."""
    return list(
        JournalEntry.objects.for_user(user)
        .drafts()
        .filter(kind=EntryKind.EXPRESSIVE)
        .select_related("session__practice")
        .order_by("-updated_at")[:limit]
    )


def writing_of_session(user: User, session_id: int) -> JournalEntry | None:
    """The expressive-writing entry written during a practice session, if any."""
    return (
        JournalEntry.objects.for_user(user)
        .filter(session_id=session_id, kind=EntryKind.EXPRESSIVE)
        .order_by("created_at")
        .first()
    )
