from __future__ import annotations

import uuid
import zoneinfo
from datetime import datetime
from importlib import import_module
from typing import cast

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journal.core.constraints import in_range, one_of
from journal.core.ownership import OwnedQuerySet
from journal.core.timezones import validate_time_zone
from journal.core.vocabulary import (
    SLEEP_QUALITY_LABELS,
    Emotion,
    EntryKind,
    Feel,
    Quality,
    RedFlag,
    Region,
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

    class Meta:
        constraints = [in_range("week_start", 0, 6, name="profile_week_start_range")]

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class Tag(models.Model):
    """A person's own word for a trigger or situation ("work deadline", "said no")."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags"
    )
    name = models.CharField(max_length=60)
    is_archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("user", Lower("name"), name="tag_user_name_unique_ci"),
            models.UniqueConstraint("user", "uuid", name="tag_user_uuid_unique"),
        ]

    def __str__(self) -> str:
        return self.name


RED_FLAG_FIELDS = {
    RedFlag.BLADDER_BOWEL: "red_flag_bladder_bowel",
    RedFlag.LEG_WEAKNESS: "red_flag_leg_weakness",
    RedFlag.FEVER_WEIGHT: "red_flag_fever_weight",
    RedFlag.NIGHT_PAIN: "red_flag_night_pain",
}


class JournalEntryQuerySet(OwnedQuerySet["JournalEntry"]):
    def for_user(self, user: AbstractBaseUser | AnonymousUser) -> JournalEntryQuerySet:
        return cast(JournalEntryQuerySet, super().for_user(user))

    def between(self, start: datetime, end: datetime) -> JournalEntryQuerySet:
        return self.filter(occurred_at__gte=start, occurred_at__lt=end)

    def check_ins(self) -> JournalEntryQuerySet:
        return self.filter(kind=EntryKind.CHECK_IN)

    def with_red_flags(self) -> JournalEntryQuerySet:
        any_flag = models.Q()
        for field in RED_FLAG_FIELDS.values():
            any_flag |= models.Q(**{field: True})
        return self.filter(any_flag)

    def published(self) -> JournalEntryQuerySet:
        return self.filter(is_draft=False)

    def drafts(self) -> JournalEntryQuerySet:
        return self.filter(is_draft=True)

    def with_details(self) -> JournalEntryQuerySet:
        """Everything an entry card shows, in a fixed number of queries."""
        return self.select_related("session__practice").prefetch_related(
            "sensations", "emotions", "tags"
        )


class JournalEntry(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    kind = models.CharField(max_length=16, choices=EntryKind.choices, default=EntryKind.FREE)
    occurred_at = models.DateTimeField()
    is_draft = models.BooleanField(
        default=False, help_text="Expressive writing still being written (saved as typed)."
    )
    body = models.TextField(blank=True, help_text="Markdown.")
    # How the body feels overall, mostly from check-ins.
    pain = models.PositiveSmallIntegerField(null=True, blank=True)
    tension = models.PositiveSmallIntegerField(null=True, blank=True)
    # Context.
    stress = models.PositiveSmallIntegerField(null=True, blank=True)
    sleep_hours = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    sleep_quality = models.PositiveSmallIntegerField(null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="entries")
    session = models.ForeignKey(
        # A string reference: practices' models import only journal.core.
        "practices.PracticeSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
    )
    # Belief reframe.
    belief = models.TextField(blank=True)
    belief_strength_before = models.PositiveSmallIntegerField(null=True, blank=True)
    reframe = models.TextField(blank=True)
    belief_strength_after = models.PositiveSmallIntegerField(null=True, blank=True)
    # Warning signs the person reported; the app then points to medical care.
    red_flag_bladder_bowel = models.BooleanField(default=False)
    red_flag_leg_weakness = models.BooleanField(default=False)
    red_flag_fever_weight = models.BooleanField(default=False)
    red_flag_night_pain = models.BooleanField(default=False)
    # A random token from the form that created the entry: a resent form (double click,
    # retried autosave) finds the same row instead of making a second one.
    submit_token = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # One more at every change: a form or autosave sends the number it was opened with, and
    # a change made meanwhile in another tab is never silently overwritten.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name_plural = "journal entries"
        indexes = [
            models.Index(fields=["user", "-occurred_at"], name="entry_user_occurred"),
            models.Index(fields=["user", "kind", "-occurred_at"], name="entry_user_kind_occurred"),
        ]
        constraints = [
            models.UniqueConstraint("user", "uuid", name="entry_user_uuid_unique"),
            models.UniqueConstraint("user", "submit_token", name="entry_user_submit_token_unique"),
            one_of("kind", EntryKind.values, name="entry_kind_valid"),
            in_range("pain", 0, 10, name="entry_pain_range"),
            in_range("tension", 0, 10, name="entry_tension_range"),
            in_range("stress", 0, 10, name="entry_stress_range"),
            in_range("sleep_hours", 0, 24, name="entry_sleep_hours_range"),
            in_range("sleep_quality", 1, 5, name="entry_sleep_quality_range"),
            in_range("belief_strength_before", 0, 100, name="entry_belief_before_range"),
            in_range("belief_strength_after", 0, 100, name="entry_belief_after_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.occurred_at:%Y-%m-%d %H:%M}"

    @property
    def sleep_quality_label(self) -> str:
        if self.sleep_quality is None:
            return ""
        return str(SLEEP_QUALITY_LABELS.get(self.sleep_quality, ""))

    @property
    def red_flags(self) -> list[RedFlag]:
        return [flag for flag, field in RED_FLAG_FIELDS.items() if getattr(self, field)]


class EntryEmotion(models.Model):
    """One emotion named in an entry (a row each, so patterns can be counted)."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="emotions")
    emotion = models.CharField(max_length=16, choices=Emotion.choices)

    class Meta:
        ordering = ["emotion"]
        constraints = [
            models.UniqueConstraint("entry", "emotion", name="entry_emotion_unique"),
            one_of("emotion", Emotion.values, name="entry_emotion_valid"),
        ]

    def __str__(self) -> str:
        return self.get_emotion_display()


class SensationQuerySet(OwnedQuerySet["Sensation"]):
    def between(self, start: datetime, end: datetime) -> SensationQuerySet:
        return self.filter(occurred_at__gte=start, occurred_at__lt=end)


class Sensation(models.Model):
    """Something noticed in one place in the body, attached to an entry or a session."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sensations"
    )
    entry = models.ForeignKey(
        JournalEntry, on_delete=models.CASCADE, null=True, blank=True, related_name="sensations"
    )
    session = models.ForeignKey(
        # A string reference: practices' models import only journal.core.
        "practices.PracticeSession",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sensations",
    )
    # The parent's time, kept here so per-week body maps need no join.
    occurred_at = models.DateTimeField()
    region = models.CharField(max_length=32, choices=Region.choices)
    quality = models.CharField(max_length=20, choices=Quality.choices)
    intensity = models.PositiveSmallIntegerField(null=True, blank=True)  # None: not rated
    feel = models.CharField(max_length=12, choices=Feel.choices)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SensationQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [
            models.Index(fields=["user", "occurred_at"], name="sensation_user_occurred"),
        ]
        constraints = [
            models.UniqueConstraint("user", "uuid", name="sensation_user_uuid_unique"),
            models.CheckConstraint(
                condition=(
                    models.Q(entry__isnull=False, session__isnull=True)
                    | models.Q(entry__isnull=True, session__isnull=False)
                ),
                name="sensation_has_one_parent",
            ),
            models.CheckConstraint(
                condition=models.Q(intensity__isnull=True)
                | models.Q(intensity__gte=0, intensity__lte=10),
                name="sensation_intensity_range",
            ),
            one_of("region", Region.values, name="sensation_region_valid"),
            one_of("quality", Quality.values, name="sensation_quality_valid"),
            one_of("feel", Feel.values, name="sensation_feel_valid"),
        ]

    def __str__(self) -> str:
        strength = "not rated" if self.intensity is None else f"{self.intensity}/10"
        return f"{self.get_quality_display()} in {self.get_region_display()} ({strength})"


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


# Second factors (passkeys, recovery codes, the per-account limit on wrong codes).
from journal.factors.models import Passkey, RecoveryCode, SecondStepLock  # noqa: E402, F401

# Reminders keep their models in their own package; imported here so Django finds them.
from journal.reminders.models import (  # noqa: E402, F401
    PushSubscription,
    Reminder,
    ReminderDelivery,
    ReminderPreferences,
    VapidKeys,
)

# Share links: read-only links a person makes to show a clinician their summary
# (journal.sharing). A link's token is shown once, when it is made, and stored only as its
# SHA-256; the link holds the summary's choices (days, sections, reflections, and a name and
# date of birth only if typed for it), an expiry and an optional passcode (hashed like a
# password).


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
