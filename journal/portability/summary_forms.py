"""The form that sets a clinician summary's options (`summary_options`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from journal.core.widgets import LanguageSelect
from journal.portability.forms import DateRangeForm
from journal.portability.summary_options import (
    SECTIONS,
    Candidate,
    SummaryOptions,
    language_choices,
    summary_language,
)


class SummaryForm(DateRangeForm):
    """The summary's choices. Every field is optional: an empty form is the whole journal."""

    sections = forms.MultipleChoiceField(
        label=gettext_lazy("After the one-page overview, include"),
        choices=list(SECTIONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reflections = forms.MultipleChoiceField(
        label=gettext_lazy("Reflections to include"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Expressive writing is never ticked for you; drafts never appear."),
    )
    name = forms.CharField(
        label=gettext_lazy("Your name, as the clinician files it"),
        max_length=120,
        required=False,
    )
    birth_date = forms.DateField(
        label=gettext_lazy("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    remember = forms.BooleanField(
        label=gettext_lazy("Remember my name and date of birth for next time"),
        required=False,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the summary"),
        help_text=gettext_lazy("The clinician may read another language than you do."),
        choices=language_choices,
        required=False,
        widget=LanguageSelect,
    )
    # Set by the form itself: the person has made their choices (an unticked box is a choice).
    chosen = forms.BooleanField(required=False, widget=forms.HiddenInput, initial=True)

    def __init__(self, *args: Any, candidates: list[Candidate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        reflections = self.fields["reflections"]
        assert isinstance(reflections, forms.MultipleChoiceField)
        reflections.choices = [(c.uuid, c.label) for c in candidates]
        self.fields["sections"].initial = list(SECTIONS)
        self.fields["language"].initial = summary_language()
        self.fields["reflections"].initial = [c.uuid for c in candidates if c.default]

    def clean_birth_date(self) -> date | None:
        born: date | None = self.cleaned_data.get("birth_date")
        if born and not date(1900, 1, 1) <= born <= timezone.localdate():
            raise forms.ValidationError(gettext("Please give a date of birth in the past."))
        return born

    def options(self) -> SummaryOptions:
        data = self.cleaned_data
        chosen = bool(data.get("chosen"))
        return SummaryOptions(
            date_range=self.date_range(),
            sections=frozenset(data.get("sections") or []) if chosen else frozenset(SECTIONS),
            reflections=frozenset(data.get("reflections") or [])
            if chosen
            else frozenset(c.uuid for c in self.candidates if c.default),
            name=(data.get("name") or "").strip(),
            birth_date=data.get("birth_date"),
            language=summary_language(data.get("language") or ""),
        )
