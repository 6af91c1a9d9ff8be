from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User
from django.core.validators import MaxLengthValidator

from journal.core.timezones import time_zone_names
from journal.core.vocabulary import Weekday
from journal.models import Profile


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


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="So that nobody else can delete your journal from an open screen.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.", code="wrong_password")
        return password


class BoundedAuthenticationForm(AuthenticationForm):
    """Django's log-in form sets the username's max_length after the field is built, so
    the length is never checked: a 5,000-character name reached the authentication
    backends and axes' 255-character column (a 500 on PostgreSQL). Here it is checked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        limit: int = getattr(field, "max_length", None) or 150
        field.validators.append(MaxLengthValidator(limit))
