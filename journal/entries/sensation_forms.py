"""Sensation rows: one form per place in the body, several per entry."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from journal.core.scales import scale_ends_text
from journal.core.vocabulary import REGION_LABELS, Feel, Quality, Region, suggested_feel
from journal.entries.services import SensationInput

PREFIX = "sens"
EMPTY_ROWS = 3  # shown without JavaScript, where the body map cannot add rows
MAX_ROWS = 40
ZERO_TO_TEN = [(n, str(n)) for n in range(11)]


class SensationForm(forms.Form):
    region = forms.ChoiceField(
        choices=[("", _("Choose a place…")), *Region.choices], label=_("Where in the body")
    )
    quality = forms.ChoiceField(
        choices=Quality.choices, widget=forms.RadioSelect, label=_("What it feels like")
    )
    # Not rated unless chosen: an untouched scale is saved as None, never as a middle value.
    intensity = forms.TypedChoiceField(
        choices=ZERO_TO_TEN,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        label=_("How strong"),
        help_text=scale_ends_text("intensity"),
    )
    # Suggested from the quality when left out (ease is pleasant, pain unpleasant).
    feel = forms.ChoiceField(
        choices=Feel.choices, widget=forms.RadioSelect, label=_("Feel"), required=False
    )
    note = forms.CharField(max_length=300, required=False, label=_("Note"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Messages that say which part of the row is missing, next to it.
        self.fields["region"].error_messages["required"] = _("Choose where you notice this.")
        self.fields["quality"].error_messages["required"] = _("Choose what it feels like.")

    @property
    def chosen_region(self) -> str:
        name = self.add_prefix("region")
        value = self.data.get(name) if self.is_bound else self.initial.get("region")
        return str(value or "")

    @property
    def region_label(self) -> str:
        return str(REGION_LABELS.get(self.chosen_region, ""))

    @property
    def chosen_quality(self) -> str:
        name = self.add_prefix("quality")
        value = self.data.get(name) if self.is_bound else self.initial.get("quality")
        return str(value or "")

    @property
    def suggested_feel(self) -> str:
        quality = self.chosen_quality
        return suggested_feel(quality) if quality else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("quality") and not data.get("feel"):
            data["feel"] = suggested_feel(data["quality"])
        return data

    def to_input(self) -> SensationInput:
        data = self.cleaned_data
        return SensationInput(
            region=data["region"],
            quality=data["quality"],
            intensity=data.get("intensity"),
            feel=data.get("feel") or suggested_feel(data["quality"]),
            note=data.get("note", ""),
        )


class BaseSensationFormSet(BaseFormSet):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        # Every row may stay empty, including rows for sensations already saved (to remove
        # one without JavaScript, clear it); no HTML `required`, or empty rows would block.
        return {"empty_permitted": True, "use_required_attribute": False}

    def inputs(self) -> list[SensationInput]:
        """Filled rows only; a row left completely empty is ignored."""
        return [
            f.to_input()
            for f in self.forms
            if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]

    def any_filled(self) -> bool:
        return any(f.has_changed() for f in self.forms)

    def marked_regions(self) -> set[str]:
        return {
            f.chosen_region
            for f in self.forms
            if f.chosen_region and not (f.is_bound and f["DELETE"].data)
        }


SensationFormSet = formset_factory(
    SensationForm,
    formset=BaseSensationFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_ROWS,
    validate_max=True,
    absolute_max=MAX_ROWS,
)


def sensation_formset(
    data: Any = None, *, initial: list[dict[str, Any]] | None = None, extra_rows: int = EMPTY_ROWS
) -> BaseSensationFormSet:
    """A bound formset for a POST, or rows for existing sensations plus empty ones."""
    if data is not None:
        return cast(BaseSensationFormSet, SensationFormSet(data, prefix=PREFIX))
    rows = list(initial or [])
    formset = formset_factory(
        SensationForm,
        formset=BaseSensationFormSet,
        extra=extra_rows,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
    )(initial=rows, prefix=PREFIX)
    return cast(BaseSensationFormSet, formset)


def with_one_more_row(data: Any) -> BaseSensationFormSet:
    """The same rows as posted, plus an empty one (the no-JavaScript "add a row")."""
    data = data.copy()
    key = f"{PREFIX}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(total + 1, MAX_ROWS))
    return cast(BaseSensationFormSet, SensationFormSet(data, prefix=PREFIX))


def row_form(index: int, region: str) -> SensationForm:
    """A fresh row for the body map to add (htmx)."""
    index = max(0, min(index, MAX_ROWS - 1))
    if region not in Region.values:
        region = ""
    return SensationForm(
        prefix=f"{PREFIX}-{index}",
        initial={"region": region},
        empty_permitted=True,
        use_required_attribute=False,
    )
