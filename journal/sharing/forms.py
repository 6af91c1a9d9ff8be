"""Forms for making a share link and for opening one that has a passcode."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from journal.sharing.services import MAX_DAYS, MIN_DAYS


class ShareForm(forms.Form):
    expires_in_days = forms.IntegerField(
        label=gettext_lazy("The link works for (days)"),
        min_value=MIN_DAYS,
        max_value=MAX_DAYS,
        initial=7,
        help_text=gettext_lazy("From 1 to 30 days. You can withdraw it sooner at any time."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    passcode = forms.CharField(
        label=gettext_lazy("Passcode"),
        required=False,
        min_length=4,
        max_length=64,
        strip=False,
        help_text=gettext_lazy(
            "Optional. Tell it to the clinician yourself, not in the same message as the link."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class PasscodeForm(forms.Form):
    passcode = forms.CharField(
        label=gettext_lazy("Passcode"),
        max_length=64,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
