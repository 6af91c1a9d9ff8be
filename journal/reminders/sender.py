"""The sender: finds due slots, claims each one in the database, then delivers it.

A slot is claimed by inserting its ReminderDelivery row; the unique constraint lets only one
sender win, so two senders at once (or one restarted) never send a slot twice. A claimed slot
whose delivery then failed is not retried: a late reminder is worse than none.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from journal.reminders.mail import email_send
from journal.reminders.models import (
    PushSubscription,
    Reminder,
    ReminderDelivery,
    ReminderPreferences,
)
from journal.reminders.push import ServerKeys, push_send, server_keys
from journal.reminders.schedule import due_slots
from journal.reminders.selectors import person_calendar, person_language
from journal.reminders.words import words_for

log = logging.getLogger("journal.reminders")

# Records of sent slots are kept this long, then cleared.
KEEP_RECORDS = timedelta(days=30)


@dataclass
class Report:
    claimed: int = 0
    pushed: int = 0
    emailed: int = 0
    failed: int = 0
    skipped_taken: int = 0
    details: list[str] = field(default_factory=list)


def claim(reminder: Reminder, slot: datetime) -> bool:
    try:
        with transaction.atomic():
            ReminderDelivery.objects.create(user_id=reminder.user_id, reminder=reminder, slot=slot)
    except IntegrityError:
        return False
    return True


def _preferences(reminder: Reminder) -> ReminderPreferences | None:
    try:
        return reminder.user.reminder_preferences
    except ReminderPreferences.DoesNotExist:
        return None


def deliver(reminder: Reminder, keys: ServerKeys | None, report: Report) -> None:
    """Push and email one reminder, written in the person's own language."""
    with translation.override(person_language(reminder.user)):
        _deliver(reminder, keys, report)


def _deliver(reminder: Reminder, keys: ServerKeys | None, report: Report) -> None:
    user = reminder.user
    words = words_for(reminder)
    preferences = _preferences(reminder)
    if reminder.by_push and keys is not None:
        payload = {"title": words.title, "body": words.body, "url": words.path}
        for subscription in PushSubscription.objects.for_user(user):
            if push_send(subscription, payload, keys):
                report.pushed += 1
            else:
                report.failed += 1
    email_ok = preferences is None or preferences.email_allowed
    if reminder.by_email and email_ok and user.email:
        if email_send(user, words):
            report.emailed += 1
        else:
            report.failed += 1


def run_once(now: datetime | None = None) -> Report:
    """Send every slot due by `now` (within the catch-up hour) that no sender has claimed."""
    now = now or timezone.now()
    report = Report()
    keys = server_keys()
    reminders = Reminder.objects.active().select_related(
        "user__profile", "user__reminder_preferences", "practice"
    )
    with translation.override(settings.LANGUAGE_CODE):
        for reminder in reminders:
            zone, week_start = person_calendar(reminder.user)
            for slot in due_slots(
                reminder,
                zone=zone,
                week_start=week_start,
                preferences=_preferences(reminder),
                now=now,
            ):
                if not claim(reminder, slot):
                    report.skipped_taken += 1
                    continue
                report.claimed += 1
                deliver(reminder, keys, report)
                ReminderDelivery.objects.filter(reminder=reminder, slot=slot).update(
                    sent_at=timezone.now()
                )
    ReminderDelivery.objects.filter(slot__lt=now - KEEP_RECORDS).delete()
    return report
