"""Reminders: a person's own invitations back, the devices that receive them, and a record
of every slot sent so that no slot goes out twice."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from journal.core.ownership import OwnedQuerySet

ALL_DAYS = "0123456"


class ReminderKind(models.TextChoices):
    CHECK_IN = "check_in", _("Check-in")
    PRACTICE = "practice", _("Practice")
    WEEK = "week", _("Your week is ready")


class ReminderPreferences(models.Model):
    """What applies to all of a person's reminders: quiet hours, a pause, email consent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    quiet_from = models.TimeField(null=True, blank=True)
    quiet_until = models.TimeField(null=True, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    # Cleared by the one-click unsubscribe link; set again by choosing email in Settings.
    email_allowed = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"Reminder preferences of {self.user}"

    def is_paused(self, at: datetime) -> bool:
        return self.paused_until is not None and at < self.paused_until


class ReminderQuerySet(OwnedQuerySet["Reminder"]):
    def active(self) -> ReminderQuerySet:
        return self.filter(enabled=True).filter(models.Q(by_push=True) | models.Q(by_email=True))


class Reminder(models.Model):
    """One reminder at one local time, on chosen days of the week."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    at = models.TimeField()
    # Weekdays as digits, Monday 0 ... Sunday 6; the week reminder ignores them.
    days = models.CharField(max_length=7, default=ALL_DAYS)
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_push = models.BooleanField(default=True)
    by_email = models.BooleanField(default=False)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["at", "kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%H:%M}"

    @property
    def weekdays(self) -> set[int]:
        return {int(d) for d in self.days if d.isdigit()}


class PushSubscription(models.Model):
    """One browser on one device that agreed to receive notifications."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    device = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.device or "a device"

    def info(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class ReminderDelivery(models.Model):
    """A slot claimed by a sender before it sends: the unique row makes it at most once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="deliveries")
    slot = models.DateTimeField()
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                "user", "reminder", "slot", name="reminder_delivery_once_per_slot"
            )
        ]
        indexes = [models.Index(fields=["slot"], name="reminder_delivery_slot")]

    def __str__(self) -> str:
        return f"{self.reminder_id} at {self.slot:%Y-%m-%d %H:%M}"


class VapidKeys(models.Model):
    """The server's Web Push identity, made once by `manage.py vapid_keys`."""

    private_pem = models.TextField()
    public_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "VAPID keys"

    def __str__(self) -> str:
        return f"VAPID keys of {self.created_at:%Y-%m-%d}"
