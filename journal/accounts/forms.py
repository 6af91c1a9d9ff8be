from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.contrib.auth.models import User
from django.core.validators import MaxLengthValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from journal.core.timezones import time_zone_choices, validate_time_zone
from journal.core.vocabulary import Weekday
from journal.core.widgets import LanguageSelect
from journal.models import Profile

EMAIL_HELP = _(
    "Only used to reset a forgotten password and to tell you about log-ins from a new device."
)
NO_EMAIL_WARNING = _(
    "Without an email address a forgotten password cannot be reset, and the journal cannot "
    "be opened again. You can add one later in Settings."
)


class TimeZoneField(forms.CharField):
    """A short grouped list (journal.core.timezones), checked against every IANA name, so the
    zone a browser detects is accepted even when it is not among the common ones."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Time zone"))
        super().__init__(
            widget=forms.Select(
                attrs={"data-time-zone-picker": "", "data-detected-label": _("On this device")}
            ),
            validators=[validate_time_zone],
            **kwargs,
        )
        self.error_messages["required"] = _(
            "Choose the time zone you live in, so that your days begin and end at the right time."
        )

    def offer(self, current: str) -> None:
        placeholder = [("", _("Choose your time zone"))]
        self.widget.choices = placeholder + time_zone_choices(current)


class PasswordsOnTheirFieldMixin:
    """Django puts the password validators' errors under the confirmation field; they belong
    under the password itself."""

    emptied_passwords = True
    first_password_field = "password1"  # nosec B105

    def validate_password_for_user(self, user: Any, password_field_name: str = "") -> None:  # nosec B107
        super().validate_password_for_user(  # type: ignore[misc]
            user, password_field_name=self.first_password_field
        )


class SignupForm(PasswordsOnTheirFieldMixin, UserCreationForm):
    email = forms.EmailField(required=False, label=_("Email address"), help_text=EMAIL_HELP)
    time_zone = TimeZoneField(
        help_text=_("Your days and weeks start and end in this time zone."),
    )
    week_start = forms.TypedChoiceField(
        choices=Weekday.choices,
        coerce=int,
        initial=Weekday.MONDAY,
        label=_("Weeks start on"),
    )
    invite = forms.CharField(required=False, widget=forms.HiddenInput, max_length=100)

    class Meta:
        model = get_user_model()
        fields = ("username",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = _("Letters, digits and @ . + - _ only.")
        zone = self.fields["time_zone"]
        assert isinstance(zone, TimeZoneField)
        zone.offer(self.data.get("time_zone", "") if self.is_bound else "")
        if self.is_bound:
            zone.widget.attrs["data-chosen"] = "true"

    def clean_email(self) -> str:
        email: str = self.cleaned_data.get("email", "")
        return email.strip().lower()


class ProfileForm(forms.ModelForm):
    email = forms.EmailField(required=False, label=_("Email address"), help_text=EMAIL_HELP)
    time_zone = TimeZoneField(
        help_text=_("Days, weeks and times in your journal follow this time zone."),
    )
    password = forms.CharField(
        label=_("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Needed only to change the email address."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        # Each language in its own name, so a person can find theirs whatever the page is in.
        choices=[("", _("Follow my browser")), *settings.LANGUAGES],
        widget=LanguageSelect,
        help_text=_("Pages, emails and reminders in this language."),
    )
    emptied_passwords = True

    class Meta:
        model = Profile
        fields = ("time_zone", "week_start", "language", "notify_new_device")
        labels = {
            "week_start": _("Weeks start on"),
            "notify_new_device": _("Email me when a new device logs in to my journal"),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["email"].initial = user.email
        zone = self.fields["time_zone"]
        assert isinstance(zone, TimeZoneField)
        zone.offer(self.data.get("time_zone", "") if self.is_bound else self.instance.time_zone)
        zone.widget.attrs["data-chosen"] = "true"

    @property
    def email_changed(self) -> bool:
        return "email" in self.cleaned_data and self.cleaned_data["email"] != self.user.email

    @property
    def wrong_password(self) -> bool:
        return any(e.code == "wrong_password" for e in self.errors.as_data().get("password", []))

    def clean_email(self) -> str:
        email: str = self.cleaned_data.get("email", "")
        return email.strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.email_changed and not self.user.check_password(cleaned.get("password", "")):
            self.add_error(
                "password",
                forms.ValidationError(
                    _("To change the email address, type your password."), code="wrong_password"
                ),
            )
        return cleaned

    def save(self, commit: bool = True) -> Profile:
        profile: Profile = super().save(commit=commit)
        if commit and self.email_changed:
            self.user.email = self.cleaned_data["email"]
            self.user.save(update_fields=["email"])
        return profile


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("So that nobody else can delete your journal from an open screen."),
    )
    emptied_passwords = True

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    @property
    def wrong_password(self) -> bool:
        return any(e.code == "wrong_password" for e in self.errors.as_data().get("password", []))

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."), code="wrong_password")
        return password


class BoundedPasswordChangeForm(PasswordsOnTheirFieldMixin, PasswordChangeForm):
    first_password_field = "new_password1"  # nosec B105

    @property
    def wrong_password(self) -> bool:
        return any(
            e.code == "password_incorrect" for e in self.errors.as_data().get("old_password", [])
        )


class BoundedSetPasswordForm(PasswordsOnTheirFieldMixin, SetPasswordForm):
    first_password_field = "new_password1"  # nosec B105


class BoundedAuthenticationForm(AuthenticationForm):
    """Django's log-in form sets the username's max_length after the field is built, so
    the length is never checked: a 5,000-character name reached the authentication
    backends and axes' 255-character column (a 500 on PostgreSQL). Here it is checked."""

    remember = forms.BooleanField(required=False, label=_("Keep me logged in on this device"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = max(1, settings.SESSION_REMEMBER_IDLE_SECONDS // 86400)
        self.fields["remember"].help_text = ngettext(
            "For up to %(days)d day without use. Leave it off on a shared computer.",
            "For up to %(days)d days without use. Leave it off on a shared computer.",
            days,
        ) % {"days": days}
        field = self.fields["username"]
        limit: int = getattr(field, "max_length", None) or 150
        field.validators.append(MaxLengthValidator(limit))


class PersonalPasswordResetForm(PasswordResetForm):
    """The reset email in the language of the person it is for, not of the page that asked."""

    def send_mail(self, *args: Any, **kwargs: Any) -> None:
        context = kwargs["context"] if "context" in kwargs else args[2]
        try:
            language = context["user"].profile.language
        except Profile.DoesNotExist:
            language = ""
        with translation.override(language or translation.get_language()):
            super().send_mail(*args, **kwargs)
