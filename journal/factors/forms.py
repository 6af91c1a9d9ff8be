from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from journal.factors.services import identity_confirmed_by_code


def _code_field(label: Any, help_text: Any, *, numeric: bool) -> forms.CharField:
    attrs = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
    if numeric:
        attrs["inputmode"] = "numeric"
    return forms.CharField(
        label=label,
        max_length=32,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


class SecondStepForm(forms.Form):
    code = _code_field(
        _("Code"),
        _("The six digits your authenticator app shows now, or one of your recovery codes."),
        numeric=False,
    )


class TotpConfirmForm(forms.Form):
    code = _code_field(
        _("Code from the app"),
        _("Six digits. They change every 30 seconds; any current one will do."),
        numeric=True,
    )


class PasskeyNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name for this passkey"),
        max_length=60,
        required=False,
        help_text=_("So you can tell your passkeys apart, for example “phone” or “laptop”."),
    )

    def clean_name(self) -> str:
        name: str = self.cleaned_data.get("name", "").strip()
        return name or str(_("Passkey"))


class ConfirmIdentityForm(forms.Form):
    """Before a factor is turned off: the password, or a code from another factor."""

    password = forms.CharField(
        label=_("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = _code_field(
        _("Or a code"),
        _("From your authenticator app, or one of your recovery codes."),
        numeric=False,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["code"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password") or ""
        code = (data.get("code") or "").strip()
        if password and self.user.check_password(password):
            return data
        if code and identity_confirmed_by_code(user=self.user, code=code):
            return data
        if not password and not code:
            raise forms.ValidationError(
                _("Type your password, or a code, to confirm it is you."), code="required"
            )
        raise forms.ValidationError(
            _("That did not match your password or a current code."), code="wrong"
        )
