from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from journal.models import Profile, time_zone_names
from journal.vocabulary import Weekday


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(time_zone_names())]


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=False,
        help_text="Only used to reset your password. Leave empty if you prefer.",
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial="UTC",
        help_text="Your days and weeks start and end in this time zone.",
    )
    week_start = forms.TypedChoiceField(
        choices=Weekday.choices,
        coerce=int,
        initial=Weekday.MONDAY,
        label="Weeks start on",
    )

    class Meta:
        model = get_user_model()
        fields = ("username",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = "Letters, digits and @ . + - _ only."
        if self.is_bound:
            self.fields["time_zone"].widget.attrs["data-chosen"] = "true"

    def clean_email(self) -> str:
        email: str = self.cleaned_data.get("email", "")
        return email.strip().lower()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        help_text="Days, weeks and times in your journal follow this time zone.",
    )

    class Meta:
        model = Profile
        fields = ("time_zone", "week_start")
        labels = {"week_start": "Weeks start on"}
