from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from journal.core.constraints import in_range, one_of
from journal.core.ownership import OwnedQuerySet

RATINGS = ("pain", "tension", "safety", "connection")
RATING_LABELS: dict[str, Any] = {
    "pain": _("Pain"),
    "tension": _("Tension"),
    "safety": _("Sense of safety and calm"),
    "connection": _("Connection to the body"),
}


EXPRESSIVE_WRITING = "expressive-writing"


class Category(models.TextChoices):
    AWARENESS = "awareness", _("Body awareness")
    BREATH = "breath", _("Breath and nervous system")
    MOVEMENT = "movement", _("Gentle movement")
    WRITING = "writing", _("Writing")
    MEDITATION = "meditation", _("Meditation and imagery")
    CHECK_IN = "check_in", _("Check-in")


class PracticeQuerySet(OwnedQuerySet["Practice"]):
    def for_user(self, user: AbstractBaseUser | AnonymousUser) -> PracticeQuerySet:
        """The catalog a person sees: the built-in practices and their own."""
        if not user.is_authenticated:
            return self.filter(user__isnull=True)
        return self.filter(models.Q(user__isnull=True) | models.Q(user_id=user.pk))

    def owned_by(self, user: AbstractBaseUser | AnonymousUser) -> PracticeQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(user_id=user.pk)

    def built_in(self) -> PracticeQuerySet:
        return self.filter(user__isnull=True)

    def active(self) -> PracticeQuerySet:
        return self.filter(is_archived=False)


class Practice(models.Model):
    """A mind-body practice: built in (no user) or one a person added."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="practices",
        help_text="Empty for the built-in catalog.",
    )
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)
    category = models.CharField(max_length=20, choices=Category.choices)
    summary = models.CharField(max_length=300, blank=True)
    steps = models.JSONField(default=list, blank=True)
    guidance = models.JSONField(
        default=dict,
        blank=True,
        help_text="The spoken script: steps with durations and timed cue lines (built-in only).",
    )
    # The catalog's words in other languages (built-in only): {language: {"name", "summary",
    # "steps", "script"}}, filled from practices/catalog_i18n/ by the catalog's migrations.
    translations = models.JSONField(default=dict, blank=True)
    default_minutes = models.PositiveSmallIntegerField(default=10)
    is_archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "slug", condition=models.Q(user__isnull=True), name="practice_builtin_slug_unique"
            ),
            models.UniqueConstraint("user", "slug", name="practice_user_slug_unique"),
            models.UniqueConstraint("user", Lower("name"), name="practice_user_name_unique_ci"),
            models.UniqueConstraint("user", "uuid", name="practice_user_uuid_unique"),
            in_range("default_minutes", 1, 180, name="practice_default_minutes_range"),
            one_of("category", Category.values, name="practice_category_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def _in_language(self) -> dict[str, Any]:
        """This practice's words in the active language; empty for English or own practices."""
        words: dict[str, Any] = (self.translations or {}).get(get_language() or "", {})
        return words

    @property
    def display_name(self) -> str:
        return str(self._in_language().get("name") or self.name)

    @property
    def display_summary(self) -> str:
        return str(self._in_language().get("summary") or self.summary)

    @property
    def display_steps(self) -> list[str]:
        return list(self._in_language().get("steps") or self.steps or [])

    @property
    def display_script(self) -> list[Any]:
        """The spoken script (steps with their timed cues) in the active language."""
        return list(self._in_language().get("script") or (self.guidance or {}).get("steps") or [])

    @property
    def is_built_in(self) -> bool:
        return self.user_id is None

    @property
    def is_expressive_writing(self) -> bool:
        """The one writing practice whose session is written in the journal's text box."""
        return self.is_built_in and self.slug == EXPRESSIVE_WRITING


@dataclass(frozen=True)
class RatingRow:
    key: str
    label: str
    before: int | None
    after: int | None
    change: int | None

    @property
    def change_words(self) -> str:
        """The change in plain, neutral words ("2 lower"): no judgement of good or bad."""
        if self.change is None:
            return ""
        if self.change == 0:
            return gettext("no change")
        amount = abs(self.change)
        if self.change > 0:
            # Translators: a rating after a practice compared with before it, e.g. "2 higher".
            return ngettext("%(amount)s higher", "%(amount)s higher", amount) % {"amount": amount}
        # Translators: a rating after a practice compared with before it, e.g. "2 lower".
        return ngettext("%(amount)s lower", "%(amount)s lower", amount) % {"amount": amount}


class SessionState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    FINISHED = "finished", _("Finished")
    # Stored as "abandoned" (exports and imports keep the value); shown as "Set aside".
    ABANDONED = "abandoned", _("Set aside")


class PracticeSessionQuerySet(OwnedQuerySet["PracticeSession"]):
    def finished(self) -> PracticeSessionQuerySet:
        return self.filter(state=SessionState.FINISHED)

    def in_progress(self) -> PracticeSessionQuerySet:
        return self.filter(state=SessionState.IN_PROGRESS)

    def between(self, start: datetime, end: datetime) -> PracticeSessionQuerySet:
        return self.filter(started_at__gte=start, started_at__lt=end)

    def of_practice(self, practice: Practice) -> PracticeSessionQuerySet:
        return self.filter(practice=practice)

    def with_practice(self) -> PracticeSessionQuerySet:
        return self.select_related("practice")


def _rating_constraints() -> list[models.CheckConstraint]:
    return [
        in_range(f"{when}_{rating}", 0, 10, name=f"session_{when}_{rating}_range")
        for when in ("before", "after")
        for rating in RATINGS
    ]


class PracticeSession(models.Model):
    """One time a person did a practice, with how they felt before and after."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_sessions"
    )
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="sessions")
    state = models.CharField(
        max_length=12, choices=SessionState.choices, default=SessionState.IN_PROGRESS
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    planned_minutes = models.PositiveSmallIntegerField(default=10)
    duration_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time actually practised, pauses left out."
    )
    before_pain = models.PositiveSmallIntegerField(null=True, blank=True)
    before_tension = models.PositiveSmallIntegerField(null=True, blank=True)
    before_safety = models.PositiveSmallIntegerField(null=True, blank=True)
    before_connection = models.PositiveSmallIntegerField(null=True, blank=True)
    after_pain = models.PositiveSmallIntegerField(null=True, blank=True)
    after_tension = models.PositiveSmallIntegerField(null=True, blank=True)
    after_safety = models.PositiveSmallIntegerField(null=True, blank=True)
    after_connection = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    timer_intervals = models.JSONField(
        default=list,
        blank=True,
        help_text="When the timer ran: [start, end] pairs (ISO times), end empty while running.",
    )
    added_minutes = models.PositiveSmallIntegerField(default=0)
    start_token = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="Sent with the Start form, so a double click makes one session, not two.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PracticeSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["user", "-started_at"], name="session_user_started"),
            models.Index(fields=["user", "state"], name="session_user_state"),
        ]
        constraints = [
            models.UniqueConstraint("user", "uuid", name="session_user_uuid_unique"),
            models.UniqueConstraint("user", "start_token", name="session_user_start_token_unique"),
            one_of("state", SessionState.values, name="session_state_valid"),
            in_range("planned_minutes", 1, 180, name="session_planned_minutes_range"),
            in_range("duration_seconds", 0, 24 * 3600, name="session_duration_range"),
            in_range("added_minutes", 0, 180, name="session_added_minutes_range"),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("started_at")),
                name="session_ends_after_start",
            ),
            *_rating_constraints(),
        ]

    def __str__(self) -> str:
        return f"{self.practice} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def minutes(self) -> int | None:
        if self.duration_seconds is not None:
            return round(self.duration_seconds / 60)
        if self.ended_at is not None:
            return round((self.ended_at - self.started_at) / timedelta(minutes=1))
        return None

    @property
    def duration_words(self) -> str:
        minutes = self.minutes
        if minutes is None:
            return ""
        if minutes == 0:
            return gettext("under a minute")
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}

    @property
    def is_in_progress(self) -> bool:
        return self.state == SessionState.IN_PROGRESS

    @property
    def rating_rows(self) -> list[RatingRow]:
        """Each rating as before, after and the change, for showing side by side."""
        return [
            RatingRow(
                key=rating,
                label=RATING_LABELS[rating],
                before=getattr(self, f"before_{rating}"),
                after=getattr(self, f"after_{rating}"),
                change=self.rating_change(rating),
            )
            for rating in RATINGS
        ]

    @property
    def has_ratings(self) -> bool:
        return any(row.before is not None or row.after is not None for row in self.rating_rows)

    def rating_change(self, rating: str) -> int | None:
        """After minus before for one rating, when both were given."""
        before = getattr(self, f"before_{rating}")
        after = getattr(self, f"after_{rating}")
        if before is None or after is None:
            return None
        return int(after) - int(before)


CATEGORY_LABELS: dict[str, Any] = dict(Category.choices)
# Lazy labels: "Set aside" is shown in the language of the page that prints it.
STATE_LABELS: dict[str, Any] = dict(SessionState.choices)


class SoundMode(models.TextChoices):
    SPEAK = "speak", _("Spoken guidance and chimes")
    CHIMES = "chimes", _("Chimes only")
    SILENT = "silent", _("Silent")


class GuidanceSettings(models.Model):
    """How a person likes to be guided: kept on the server, so every device agrees."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guidance_settings"
    )
    sound = models.CharField(max_length=8, choices=SoundMode.choices, default=SoundMode.SPEAK)
    # The browser's name for a voice; a device without it uses one for the page language.
    voice = models.CharField(max_length=200, blank=True)
    rate_percent = models.PositiveSmallIntegerField(default=85)
    interval_minutes = models.PositiveSmallIntegerField(default=0)
    settling_seconds = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "guidance settings"
        constraints = [
            one_of("sound", SoundMode.values, name="guidance_sound_valid"),
            in_range("rate_percent", 50, 150, name="guidance_rate_range"),
            in_range("interval_minutes", 0, 60, name="guidance_interval_range"),
            in_range("settling_seconds", 0, 300, name="guidance_settling_range"),
        ]

    def __str__(self) -> str:
        return f"Guidance settings of {self.user}"
