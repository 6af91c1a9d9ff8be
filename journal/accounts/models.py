"""Accounts' own tables: invitations to sign up, and the counters behind the rate limits.

Imported by journal/models.py, so they belong to the `journal` app.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_digest(token: str) -> str:
    """Invitations are kept by the SHA-256 of their token: a copy of the database holds no
    link that works."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


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
