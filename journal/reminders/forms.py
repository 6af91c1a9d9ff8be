"""Forms for reminder settings and for a device's push subscription."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from journal.core.vocabulary import Weekday
from journal.reminders.models import ALL_DAYS, Reminder, ReminderKind, ReminderPreferences
from practices.models import Practice

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PracticeChoiceField(forms.ModelChoiceField):
    """Practices by the name shown in the active language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class ReminderForm(forms.ModelForm):
    kind = forms.ChoiceField(
        choices=ReminderKind.choices, widget=forms.RadioSelect, label=_("Remind me of")
    )
    at = forms.TimeField(widget=TIME_WIDGET, label=_("Time"), input_formats=["%H:%M", "%H:%M:%S"])
    weekdays = forms.TypedMultipleChoiceField(
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("On these days"),
        help_text=_("“Your week is ready” comes on the last day of your week."),
    )
    practice = PracticeChoiceField(
        queryset=Practice.objects.none(),
        required=False,
        label=_("Practice"),
        empty_label=_("Any practice: open the catalog"),
    )
    by_push = forms.BooleanField(required=False, label=_("As a notification on my devices"))
    by_email = forms.BooleanField(required=False, label=_("By email"))

    class Meta:
        model = Reminder
        fields = ("kind", "at", "practice", "by_push", "by_email", "enabled")
        labels = {"enabled": _("On")}

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["practice"].queryset = Practice.objects.for_user(user).active()  # type: ignore[attr-defined]
        days = self.instance.days if self.instance.pk else ALL_DAYS
        self.fields["weekdays"].initial = [int(d) for d in days]
        if not self.instance.pk:
            self.fields["kind"].initial = ReminderKind.CHECK_IN
            self.fields["by_push"].initial = True
            self.fields["enabled"].initial = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("by_push") or data.get("by_email")):
            self.add_error("by_push", _("Choose a notification, an email, or both."))
        if data.get("by_email") and not self.user.email:
            self.add_error("by_email", _("Add an email address to your account first."))
        kind = data.get("kind")
        if kind != ReminderKind.WEEK and not data.get("weekdays"):
            self.add_error("weekdays", _("Choose at least one day."))
        if kind != ReminderKind.PRACTICE:
            data["practice"] = None
        return data

    def save(self, commit: bool = True) -> Reminder:
        reminder: Reminder = super().save(commit=False)
        reminder.user = self.user
        days = self.cleaned_data.get("weekdays") or [int(d) for d in ALL_DAYS]
        reminder.days = "".join(str(d) for d in sorted(set(days)))
        if commit:
            reminder.save()
        return reminder


class QuietHoursForm(forms.ModelForm):
    quiet_from = forms.TimeField(
        widget=TIME_WIDGET, required=False, label=_("Quiet from"), input_formats=["%H:%M"]
    )
    quiet_until = forms.TimeField(
        widget=TIME_WIDGET,
        required=False,
        label=_("Quiet until"),
        input_formats=["%H:%M"],
        help_text=_("No reminder comes between these times, even across midnight."),
    )

    class Meta:
        model = ReminderPreferences
        fields = ("quiet_from", "quiet_until")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("quiet_from") is None) != (data.get("quiet_until") is None):
            raise forms.ValidationError(_("Give both times, or leave both empty."))
        return data


class PauseForm(forms.Form):
    days = forms.IntegerField(
        min_value=0,
        max_value=90,
        label=_("Pause all reminders for this many days"),
        help_text=_("0 ends a pause now."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class SubscriptionForm(forms.Form):
    """What a browser's PushManager gives us, posted by static/js/push-subscribe.js."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=200)
    auth = forms.CharField(max_length=100)
    device = forms.CharField(max_length=200, required=False)

    def clean_endpoint(self) -> str:
        endpoint: str = self.cleaned_data["endpoint"]
        if settings.DEBUG:
            return endpoint  # development, and the tests' own push service on 127.0.0.1
        # Push services are public HTTPS hosts with names: the sender must not be pointed
        # at this machine or at the private network.
        host = urlsplit(endpoint).hostname or ""
        if not endpoint.startswith("https://") or host == "localhost" or _is_ip(host):
            raise forms.ValidationError(_("This is not a push service's address."))
        return endpoint


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
