"""Reads of entries that other parts of the app need (the practices app among them)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.utils import timezone

from journal.core.dates import day_bounds
from journal.models import JournalEntry


def red_flags_today(user: User) -> list[str]:
    """Warning signs the person reported today (in the active zone), each named once."""
    zone = timezone.get_current_timezone()
    start, end = day_bounds(timezone.localdate(), zone)
    entries = JournalEntry.objects.for_user(user).with_red_flags().between(start, end)
    labels: dict[str, None] = {}
    for entry in entries:
        for flag in entry.red_flags:
            labels[flag.label] = None
    return list(labels)
