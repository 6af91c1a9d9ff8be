"""The timeline's filters (every input, GET ones too, goes through a form)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.models import User

from journal.core.vocabulary import Emotion, EntryKind, Region
from journal.models import Tag

KIND_FILTERS = [("", "Everything"), *EntryKind.choices, ("session", "Practice sessions")]


class TimelineFilterForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_FILTERS, required=False, label="Kind")
    practice = forms.ChoiceField(choices=[], required=False, label="Practice")
    tag = forms.ChoiceField(choices=[], required=False, label="Tag")
    emotion = forms.ChoiceField(
        choices=[("", "Any emotion"), *Emotion.choices], required=False, label="Emotion"
    )
    region = forms.ChoiceField(
        choices=[("", "Anywhere"), *Region.choices], required=False, label="Body region"
    )
    start = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        required=False, label="Until", widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(max_length=100, required=False, label="Search the text")
    # Where the previous page ended: the last item's time, and "e-<uuid>" or "s-<uuid>"
    # for that item, so items sharing the same minute are neither skipped nor repeated.
    before = forms.DateTimeField(required=False, widget=forms.HiddenInput)
    last = forms.RegexField(
        regex=r"^[es]-[0-9a-f]{32}$", required=False, max_length=34, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        from practices.models import Practice

        super().__init__(*args, **kwargs)
        practices = Practice.objects.for_user(user).order_by("name").values_list("uuid", "name")
        cast(forms.ChoiceField, self.fields["practice"]).choices = [("", "Any practice")] + [
            (str(u), n) for u, n in practices
        ]
        tags = Tag.objects.for_user(user).values_list("uuid", "name")
        cast(forms.ChoiceField, self.fields["tag"]).choices = [("", "Any tag")] + [
            (str(u), n) for u, n in tags
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "Choose a day on or after the first day.")
        return data

    @property
    def is_filtered(self) -> bool:
        if not self.is_bound or not self.is_valid():
            return False
        return any(v for k, v in self.cleaned_data.items() if k not in PAGE_CURSOR)


PAGE_CURSOR = frozenset({"before", "last"})
