"""Forms for every kind of journal entry, and the timeline's filters."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journal.accounts.profiles import profile_for
from journal.core.markdown import BODY_MAX_CHARS
from journal.core.scales import scale_ends_text
from journal.core.vocabulary import Emotion, EntryKind, SleepQuality
from journal.models import JournalEntry, Tag

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise
else:
    StrOrPromise = object

ZERO_TO_TEN = [(n, str(n)) for n in range(11)]


# What is said, wherever a body arrives (form, autosave), when it passes the one limit.
BODY_TOO_LONG = _(
    "This text is %(show_value)s characters long; at most %(limit_value)s fit. "
    "Nothing was cut: shorten it, or split it into two entries."
)


def body_too_long_message(length: int) -> str:
    return str(BODY_TOO_LONG) % {"show_value": length, "limit_value": BODY_MAX_CHARS}


# Fields each kind of entry asks for, in order.
KIND_FIELDS: dict[str, list[str]] = {
    EntryKind.CHECK_IN: [
        "pain",
        "tension",
        "stress",
        "sleep_hours",
        "sleep_quality",
        "emotions",
        "tags",
        "new_tags",
        "body",
        "red_flags",
        "occurred_at",
    ],
    EntryKind.FREE: ["body", "emotions", "tags", "new_tags", "red_flags", "occurred_at"],
    EntryKind.POST_PRACTICE: ["body", "emotions", "tags", "new_tags", "red_flags"],
    EntryKind.EXPRESSIVE: ["body", "emotions", "red_flags"],
    EntryKind.REFRAME: [
        "belief",
        "belief_strength_before",
        "reframe",
        "belief_strength_after",
        "body",
        "emotions",
        "tags",
        "new_tags",
        "red_flags",
        "occurred_at",
    ],
}
SENSATION_KINDS: set[str] = {EntryKind.CHECK_IN, EntryKind.FREE, EntryKind.POST_PRACTICE}
BODY_LABELS: dict[str, StrOrPromise] = {
    EntryKind.CHECK_IN: _("Anything else you notice"),
    EntryKind.FREE: _("What you notice"),
    EntryKind.POST_PRACTICE: _("Your reflection"),
    EntryKind.EXPRESSIVE: _("Write freely"),
    EntryKind.REFRAME: _("Notes"),
}
REQUIRES_BODY: set[str] = {EntryKind.FREE, EntryKind.EXPRESSIVE}


def _scale(label: StrOrPromise, help_text: StrOrPromise = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=ZERO_TO_TEN,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        label=label,
        help_text=help_text,
    )


def _strength(label: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=0,
        max_value=100,
        required=False,
        label=label,
        help_text=_("0 not at all, 100 completely."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class EntryForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    # The entry's version when the page was opened (see JournalEntry.version).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    pain = _scale(_("Pain"), scale_ends_text("pain"))
    tension = _scale(_("Tension"), scale_ends_text("tension"))
    stress = _scale(_("Stress"), scale_ends_text("stress"))
    sleep_hours = forms.DecimalField(
        min_value=0,
        max_value=24,
        max_digits=3,
        decimal_places=1,
        required=False,
        label=_("Hours of sleep"),
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    sleep_quality = forms.TypedChoiceField(
        choices=SleepQuality.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        label=_("How you slept"),
    )
    emotions = forms.MultipleChoiceField(
        choices=Emotion.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Emotions"),
    )
    # Chosen by UUID: ids never reach the page, and an absurd number is just an invalid choice.
    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Tags"),
    )
    new_tags = forms.CharField(
        max_length=300,
        required=False,
        label=_("New tags"),
        help_text=_("Triggers or situations, separated by commas (e.g. work deadline, said no)."),
    )
    belief = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        label=_("A belief about your pain"),
        help_text=_('For example: "If it hurts, I am damaging my back."'),
    )
    belief_strength_before = _strength(_("How strongly you hold it"))
    reframe = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        label=_("A kinder, more accurate way to see it"),
    )
    belief_strength_after = _strength(_("How strongly you hold the old belief now"))
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=BODY_MAX_CHARS,
        required=False,
        strip=False,
        error_messages={"max_length": BODY_TOO_LONG},
    )
    red_flags = forms.MultipleChoiceField(
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Are any of these happening?"),
    )
    occurred_at = forms.DateTimeField(
        required=False,
        label=_("When"),
        help_text=_("Leave as it is for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args: Any, user: User, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from journal.core.vocabulary import RedFlag

        self.user = user
        self.kind = kind
        self.zone = profile_for(user).zone
        keep = {"token", "version", *KIND_FIELDS[kind]}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if "tags" in self.fields:
            field = self.fields["tags"]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = Tag.objects.for_user(user).filter(is_archived=False)
        if "red_flags" in self.fields:
            field = self.fields["red_flags"]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = RedFlag.choices
        if "body" in self.fields:
            self.fields["body"].label = BODY_LABELS[kind]
            self.fields["body"].required = kind in REQUIRES_BODY
            if kind == EntryKind.EXPRESSIVE:
                self.fields["body"].widget.attrs["rows"] = 14
        if "belief" in self.fields:
            self.fields["belief"].required = True
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())
            if "occurred_at" in self.fields:
                now = timezone.localtime(timezone.now(), self.zone).replace(second=0, microsecond=0)
                self.initial.setdefault("occurred_at", now.replace(tzinfo=None))

    def clean_occurred_at(self) -> datetime | None:
        value: datetime | None = self.cleaned_data.get("occurred_at")
        if value is None:
            return None
        # The browser sends a wall-clock time; PersonTimeZoneMiddleware has the field read
        # it in the person's own zone.
        today = timezone.localtime(timezone.now(), self.zone).date()
        if timezone.localtime(value, self.zone).date() > today:
            raise forms.ValidationError(_("That day has not come yet. Choose today or earlier."))
        if value.year < 1900:
            raise forms.ValidationError(_("Choose a date after 1900."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.kind in {EntryKind.CHECK_IN, EntryKind.POST_PRACTICE} and not self.errors:
            answered = [
                data.get(name) == 0 or bool(data.get(name))
                for name in KIND_FIELDS[self.kind]
                if name not in {"occurred_at", "red_flags"}
            ]
            if not any(answered) and not self.has_sensations and not data.get("red_flags"):
                raise forms.ValidationError(
                    _("There is nothing to save yet. Answer any one question, or note a sensation.")
                )
        return data

    has_sensations = False  # set by the view once the sensation rows are validated

    def tag_names(self) -> list[str]:
        names = [t.name for t in self.cleaned_data.get("tags") or []]
        names += [n for n in (self.cleaned_data.get("new_tags") or "").split(",") if n.strip()]
        return names

    def service_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for entry_create / entry_update from the fields asked."""
        data = self.cleaned_data
        kwargs: dict[str, Any] = {}
        for name in KIND_FIELDS[self.kind]:
            if name in {"tags", "new_tags"}:
                continue
            kwargs[name] = data.get(name)
        if "tags" in self.fields:
            kwargs["tag_names"] = self.tag_names()
        kwargs["emotions"] = data.get("emotions") or []
        kwargs["red_flags"] = data.get("red_flags") or []
        return kwargs

    @classmethod
    def initial_for(cls, entry: JournalEntry) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(entry, name)
            for name in (
                "pain",
                "tension",
                "stress",
                "sleep_hours",
                "sleep_quality",
                "body",
                "belief",
                "belief_strength_before",
                "reframe",
                "belief_strength_after",
            )
        }
        initial["token"] = entry.submit_token or uuid.uuid4()
        initial["version"] = entry.version
        initial["emotions"] = [e.emotion for e in entry.emotions.all()]
        initial["tags"] = list(entry.tags.all())
        initial["red_flags"] = [flag.value for flag in entry.red_flags]
        return initial


def posted_version(request: HttpRequest) -> int | None:
    """The entry version a page sent with its save (autosave or the writing page), if any."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None
