"""Reads for the reminder settings page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from journal.accounts.profiles import profile_for
from journal.reminders.models import PushSubscription, Reminder, ReminderPreferences
from journal.reminders.schedule import next_slot


@dataclass(frozen=True)
class ReminderRow:
    reminder: Reminder
    next_at: datetime | None  # local time of the next slot, if any within five weeks


def reminder_rows(user: User, preferences: ReminderPreferences) -> list[ReminderRow]:
    profile = profile_for(user)
    now = timezone.now()
    rows = []
    for reminder in Reminder.objects.for_user(user).select_related("practice"):
        upcoming = None
        if reminder.enabled:
            upcoming = next_slot(
                reminder,
                zone=profile.zone,
                week_start=profile.week_start,
                preferences=preferences,
                after=now,
            )
        rows.append(
            ReminderRow(
                reminder=reminder,
                next_at=upcoming.astimezone(profile.zone) if upcoming else None,
            )
        )
    return rows


def devices(user: User) -> list[PushSubscription]:
    return list(PushSubscription.objects.for_user(user))
