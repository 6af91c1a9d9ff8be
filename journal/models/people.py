"""A person: their profile, log-in sessions, invitations and rate-limit counters."""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journal.core.constraints import in_range
from journal.core.timezones import validate_time_zone
from journal.core.vocabulary import (
    Weekday,
)


class Profile(models.Model):
    """A person's preferences: where their days begin and end."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    week_start = models.PositiveSmallIntegerField(choices=Weekday.choices, default=Weekday.MONDAY)
    created_at = models.DateTimeField(auto_now_add=True)
    # An email when a new device logs in (sent only if the account has an email address).
    notify_new_device = models.BooleanField(default=True)
    # The language of every page, email and export; empty follows the browser.
    language = models.CharField(max_length=8, blank=True, default="", choices=settings.LANGUAGES)

    class Meta:
        constraints = [in_range("week_start", 0, 6, name="profile_week_start_range")]

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class AccountSession(AbstractBaseSession):
    """A log-in session that knows its user, so all of a person's sessions can be ended."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="account_sessions",
    )

    class Meta:
        verbose_name = "session"
        db_table = "journal_account_session"

    @classmethod
    def get_session_store_class(cls) -> type[SessionBase]:
        # The engine named in settings, so this model does not import the accounts package.
        store: type[SessionBase] = import_module(settings.SESSION_ENGINE).SessionStore
        return store


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self, now: datetime | None = None) -> InvitationQuerySet:
        return self.filter(used_at__isnull=True, expires_at__gt=now or timezone.now())


class Invitation(models.Model):
    """A single-use link to sign up while SIGNUP_MODE is `invite`."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    note = models.CharField(
        _("for whom"),
        max_length=100,
        blank=True,
        help_text=_("A reminder of who the link is for; the person does not see it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_made",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(null=True, blank=True, editable=False)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="invitation_used",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [("invite_people", "Can invite people to sign up")]

    def __str__(self) -> str:
        return self.note or str(self.uuid)

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class RateLimitCounter(models.Model):
    """Requests counted in one window for one scope and one account or address."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
