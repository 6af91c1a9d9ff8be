"""The journal itself: entries of every kind, their emotions, sensations and tags."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.functions import Lower

from journal.core.constraints import in_range, one_of
from journal.core.ownership import OwnedQuerySet
from journal.core.vocabulary import (
    SLEEP_QUALITY_LABELS,
    Emotion,
    EntryKind,
    Feel,
    Quality,
    RedFlag,
    Region,
)


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
