"""The timeline's filters (every input, GET ones too, goes through a form)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from journal.core.vocabulary import Emotion, EntryKind, Region
from journal.models import Tag

KIND_FILTERS = [("", _("Everything")), *EntryKind.choices, ("session", _("Practice sessions"))]


class TimelineFilterForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_FILTERS, required=False, label=_("Kind"))
    practice = forms.ChoiceField(choices=[], required=False, label=_("Practice"))
    tag = forms.ChoiceField(choices=[], required=False, label=_("Tag"))
    emotion = forms.ChoiceField(
        choices=[("", _("Any emotion")), *Emotion.choices], required=False, label=_("Emotion")
    )
    region = forms.ChoiceField(
        choices=[("", _("Anywhere")), *Region.choices], required=False, label=_("Body region")
    )
    start = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        required=False, label=_("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(max_length=100, required=False, label=_("Search the text"))
    # Where the previous page ended: the last item's time, and "e-<uuid>" or "s-<uuid>"
    # for that item, so items sharing the same minute are neither skipped nor repeated.
    before = forms.DateTimeField(required=False, widget=forms.HiddenInput)
    last = forms.RegexField(
        regex=r"^[es]-[0-9a-f]{32}$", required=False, max_length=34, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        from practices.models import Practice

        super().__init__(*args, **kwargs)
        rows = Practice.objects.for_user(user).values_list("uuid", "name", "translations")
        # Built-in practices by their name in the active language; a person's own as written.
        practices = sorted(
            (str(u), Practice(name=n, translations=t).display_name) for u, n, t in rows
        )
        practices.sort(key=lambda choice: choice[1].casefold())
        cast(forms.ChoiceField, self.fields["practice"]).choices = [
            ("", _("Any practice")),
            *practices,
        ]
        tags = Tag.objects.for_user(user).values_list("uuid", "name")
        cast(forms.ChoiceField, self.fields["tag"]).choices = [("", _("Any tag"))] + [
            (str(u), n) for u, n in tags
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Choose a day on or after the first day."))
        return data

    @property
    def is_filtered(self) -> bool:
        if not self.is_bound or not self.is_valid():
            return False
        return any(v for k, v in self.cleaned_data.items() if k not in PAGE_CURSOR)


PAGE_CURSOR = frozenset({"before", "last"})
