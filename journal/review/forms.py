"""Forms for the review pages (every input, GET ones too, goes through a form)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext, gettext_lazy


class WeekPickForm(forms.Form):
    day = forms.DateField(
        label=gettext_lazy("Go to the week of"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Pick any day; the review opens the week that holds it."),
    )

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        if not date(1900, 1, 8) <= day <= date(9998, 12, 24):
            raise forms.ValidationError(gettext("Please pick a day between 1900 and 9998."))
        return day
