"""Share links: read-only links a person makes to show a clinician their summary
(journal.sharing), their openings and rate counters, and the name and date of birth a person
asked to keep for summaries.

A link's token is shown once, when it is made, and stored only as its SHA-256; the link holds
the summary's choices (days, sections, reflections, and a name and date of birth only if
typed for it), an expiry and an optional passcode (hashed like a password).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from journal.core.ownership import OwnedQuerySet


class ShareLink(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    sections = models.JSONField(default=list)
    reflections = models.JSONField(default=list)  # entry uuids, as chosen when it was made
    name = models.CharField(max_length=120, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    # The summary's language as chosen when the link was made; "": the visitor's language.
    language = models.CharField(max_length=16, blank=True)
    passcode_hash = models.CharField(max_length=256, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Share link {self.uuid}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return not self.is_revoked and not self.is_expired

    @property
    def has_passcode(self) -> bool:
        return bool(self.passcode_hash)


class ShareView(models.Model):
    """One opening of a link: its time only (no address, no browser)."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["link", "viewed_at"], name="shareview_link_time")]

    def __str__(self) -> str:
        return f"View of {self.link_id} at {self.viewed_at:%Y-%m-%d %H:%M}"


class ShareRateCounter(models.Model):
    """Requests to shared links in one time window, by a keyed hash of who asked."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="share_rate_window")
        ]
        indexes = [models.Index(fields=["window_start"], name="share_rate_start")]

    def __str__(self) -> str:
        return f"{self.hits} hits since {self.window_start:%H:%M}"


class SummaryIdentity(models.Model):
    """The name and date of birth a person asked to be remembered for their clinician
    summaries; without that request nothing typed on the summary page is kept."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="summary_identity"
    )
    name = models.CharField(max_length=120, blank=True)
    birth_date = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Summary details of {self.user_id}"
