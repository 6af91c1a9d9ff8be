"""Writes for reminders: preferences, pauses, devices, and the unsubscribe link."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from journal.reminders.models import PushSubscription, Reminder, ReminderPreferences


def preferences_for(user: User) -> ReminderPreferences:
    preferences, _ = ReminderPreferences.objects.get_or_create(user=user)
    return preferences


def reminders_pause(*, user: User, days: int) -> ReminderPreferences:
    preferences = preferences_for(user)
    preferences.paused_until = timezone.now() + timedelta(days=days) if days > 0 else None
    preferences.save(update_fields=["paused_until"])
    return preferences


# More devices than anyone has; a cap keeps one account from filling the table.
MAX_DEVICES = 20


class TooManyDevices(Exception):
    pass


@transaction.atomic
def subscription_save(
    *, user: User, endpoint: str, p256dh: str, auth: str, device: str
) -> PushSubscription:
    """Keep a device's subscription; a browser re-subscribing replaces its old row, and a
    device that someone else had subscribed from now belongs to the person signed in."""
    mine = PushSubscription.objects.for_user(user)
    if mine.count() >= MAX_DEVICES and not mine.filter(endpoint=endpoint).exists():
        raise TooManyDevices
    subscription, _ = PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={"user": user, "p256dh": p256dh, "auth": auth, "device": device[:80]},
    )
    return subscription


def subscription_delete(*, subscription: PushSubscription) -> None:
    subscription.delete()


def reminder_delete(*, reminder: Reminder) -> None:
    reminder.delete()


def email_reminders_stop(*, user: User) -> None:
    """The unsubscribe link: no more reminder emails until the person chooses email again."""
    preferences = preferences_for(user)
    preferences.email_allowed = False
    preferences.save(update_fields=["email_allowed"])
    Reminder.objects.for_user(user).filter(by_email=True).update(by_email=False)


def email_reminders_allow(*, user: User) -> None:
    preferences = preferences_for(user)
    if not preferences.email_allowed:
        preferences.email_allowed = True
        preferences.save(update_fields=["email_allowed"])
