"""Forms for starting, finishing, logging and editing practice sessions, and own practices."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journal.core.scales import scale_ends_text
from practices.models import RATING_LABELS, RATINGS, Category, Practice, PracticeSession

RATING_HELP = {rating: scale_ends_text(rating) for rating in RATINGS}  # one wording everywhere
RATING_CHOICES = [("", _("Skip")), *[(str(n), str(n)) for n in range(11)]]
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
MAX_STEPS = 30


def rating_field(rating: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=RATING_LABELS[rating],
        help_text=RATING_HELP[rating],
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def minutes_field(*, required: bool = True, label: Any = None) -> forms.IntegerField:
    return forms.IntegerField(
        label=label if label is not None else _("Minutes"),
        min_value=1,
        max_value=180,
        required=required,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "min_value": _("Give at least 1 minute."),
            "max_value": _("Give at most 180 minutes (three hours)."),
        },
    )


def datetime_local_field(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        help_text=_("In your own time zone."),
    )


class RatingsMixin:
    """Adds 0-10 rating fields named `<when>_<rating>` (all optional)."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]
    rating_sides: tuple[str, ...] = ()

    def add_rating_fields(self) -> None:
        for when in self.rating_sides:
            for rating in RATINGS:
                self.fields[f"{when}_{rating}"] = rating_field(rating)

    def ratings(self, when: str) -> dict[str, int | None]:
        return {rating: self.cleaned_data.get(f"{when}_{rating}") for rating in RATINGS}

    def rating_groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """The bound rating fields grouped by side, for the templates."""
        form: Any = self
        titles = {"before": _("Before"), "after": _("After")}
        return [
            (titles[when], [form[f"{when}_{rating}"] for rating in RATINGS])
            for when in self.rating_sides
        ]

    def before_fields(self) -> list[forms.BoundField]:
        form: Any = self
        return [form[f"before_{rating}"] for rating in RATINGS]

    def after_fields(self) -> list[forms.BoundField]:
        form: Any = self
        return [form[f"after_{rating}"] for rating in RATINGS]


def _not_in_future(value: datetime) -> datetime:
    if value > timezone.now():
        raise forms.ValidationError(_("This time is still to come. Choose a time that has passed."))
    return value


class SessionStartForm(RatingsMixin, forms.Form):
    rating_sides = ("before",)

    planned_minutes = minutes_field(label=_("How many minutes"))
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_rating_fields()
        self.fields["planned_minutes"].help_text = _(
            "You can add a minute or finish early as you go."
        )
        self.fields["token"].error_messages["required"] = _(
            "This form was incomplete. Please press Start again."
        )


class SessionFinishForm(RatingsMixin, forms.Form):
    rating_sides = ("after",)

    notes = forms.CharField(
        label=_("Anything you noticed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A word or two is plenty. You can write a fuller reflection next."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_rating_fields()


class PracticeChoiceField(forms.ModelChoiceField):
    """Practices by the name shown in the active language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class SessionLogForm(RatingsMixin, forms.Form):
    rating_sides = ("before", "after")

    practice = PracticeChoiceField(
        label=_("Practice"),
        queryset=Practice.objects.none(),
        to_field_name="uuid",
        empty_label=_("Choose a practice"),
    )
    started_at = datetime_local_field(_("When you started"))
    minutes = minutes_field(label=_("How many minutes"))
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = (  # type: ignore[attr-defined]
            Practice.objects.for_user(user).active().order_by("name")
        )
        self.add_rating_fields()

    def clean_started_at(self) -> datetime:
        return _not_in_future(self.cleaned_data["started_at"])


class SessionEditForm(RatingsMixin, forms.Form):
    rating_sides = ("before", "after")

    started_at = datetime_local_field(_("When you started"))
    minutes = minutes_field(required=False, label=_("Minutes practised"))
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, session: PracticeSession, **kwargs: Any) -> None:
        initial = {
            "started_at": session.started_at,
            "minutes": session.minutes,
            "notes": session.notes,
        }
        for when in self.rating_sides:
            for rating in RATINGS:
                initial[f"{when}_{rating}"] = getattr(session, f"{when}_{rating}")
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.add_rating_fields()

    def clean_started_at(self) -> datetime:
        return _not_in_future(self.cleaned_data["started_at"])


class OwnPracticeForm(forms.Form):
    name = forms.CharField(
        max_length=80, label=_("Name"), help_text=_("What you call it, in your own words.")
    )
    category = forms.ChoiceField(choices=Category.choices, label=_("Kind of practice"))
    summary = forms.CharField(
        max_length=300,
        required=False,
        label=_("A short description"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    steps = forms.CharField(
        required=False,
        label=_("Steps"),
        help_text=_("One step per line. They are shown beside the timer."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    default_minutes = minutes_field(label=_("Usual length in minutes"))

    def __init__(
        self, *args: Any, user: User, instance: Practice | None = None, **kwargs: Any
    ) -> None:
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": instance.name,
                    "category": instance.category,
                    "summary": instance.summary,
                    "steps": "\n".join(instance.steps),
                    "default_minutes": instance.default_minutes,
                },
            )
        super().__init__(*args, **kwargs)
        self.user = user
        self.instance = instance
        if instance is None:
            self.fields["default_minutes"].initial = 10

    def clean_name(self) -> str:
        name: str = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the practice a name."))
        others = Practice.objects.owned_by(self.user).filter(name__iexact=name)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("You already have a practice with this name."))
        return name

    def clean_steps(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["steps"].splitlines()]
        steps = [line for line in lines if line]
        if len(steps) > MAX_STEPS:
            raise forms.ValidationError(
                _("Keep it to %(count)s steps or fewer.") % {"count": MAX_STEPS}
            )
        if any(len(step) > 300 for step in steps):
            raise forms.ValidationError(_("Keep each step under 300 characters."))
        return steps


class ArchiveForm(forms.Form):
    restore = forms.BooleanField(required=False)
