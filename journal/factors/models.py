"""Rows for second factors (imported by journal.models, so they belong to the journal app).

The authenticator app's secret lives in django-otp's `TOTPDevice`; these are the rest.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from journal.core.ownership import OwnedQuerySet


class Passkey(models.Model):
    """A WebAuthn credential: a second factor, and a log-in without a password."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys"
    )
    name = models.CharField(max_length=60)
    credential_id = models.BinaryField(max_length=1023, unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    # The WebAuthn user handle: random bytes, the same for all of a person's passkeys.
    user_handle = models.BinaryField(max_length=64)
    transports = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class RecoveryCode(models.Model):
    """One single-use recovery code, kept only as a salted hash."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Recovery code {self.pk} of user {self.user_id}"


class SecondStepLock(models.Model):
    """Wrong second-step codes per account, so that a password known to someone else
    cannot be paired with endless guesses at the code, however many log-ins they start."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_step_lock"
    )
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Second-step failures of user {self.user_id}"
