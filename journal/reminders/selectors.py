"""Reads for the reminder settings page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from journal.reminders.models import PushSubscription, Reminder, ReminderPreferences
from journal.reminders.schedule import next_slot


@dataclass(frozen=True)
class ReminderRow:
    reminder: Reminder
    next_at: datetime | None  # local time of the next slot, if any within five weeks


def person_calendar(user: User) -> tuple[ZoneInfo, int]:
    """The person's time zone and first day of the week (UTC and Monday without a profile).

    Read through `user.profile` rather than journal.models, which imports this package."""
    try:
        profile = user.profile
    except ObjectDoesNotExist:
        return ZoneInfo("UTC"), 0
    return profile.zone, profile.week_start


def person_language(user: User) -> str:
    """The language a person's reminders are written in: their own, else the site's."""
    try:
        language = user.profile.language
    except ObjectDoesNotExist:
        language = ""
    return language or settings.LANGUAGE_CODE


def reminder_rows(user: User, preferences: ReminderPreferences) -> list[ReminderRow]:
    zone, week_start = person_calendar(user)
    now = timezone.now()
    rows = []
    for reminder in Reminder.objects.for_user(user).select_related("practice"):
        upcoming = None
        if reminder.enabled:
            upcoming = next_slot(
                reminder,
                zone=zone,
                week_start=week_start,
                preferences=preferences,
                after=now,
            )
        rows.append(
            ReminderRow(
                reminder=reminder,
                next_at=upcoming.astimezone(zone) if upcoming else None,
            )
        )
    return rows


def devices(user: User) -> list[PushSubscription]:
    return list(PushSubscription.objects.for_user(user))
