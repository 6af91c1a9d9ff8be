"""What stops an entry from being saved, said in words and in page order.

The banner over the form lists each problem as a link to its place, and the first field at
fault gets `autofocus`, so the page opens there (with or without JavaScript) instead of at
the top with the error far below.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from journal.core.vocabulary import EntryKind
from journal.entries.forms import EntryForm
from journal.entries.sensation_forms import BaseSensationFormSet

# Fields drawn above the sensations; the rest of the form comes after them.
_ABOVE_SENSATIONS = (
    "pain",
    "tension",
    "stress",
    "sleep_hours",
    "sleep_quality",
    "belief",
    "belief_strength_before",
    "reframe",
    "belief_strength_after",
)


@dataclass(frozen=True)
class ErrorItem:
    anchor: str  # the id of the input to go to
    text: str


def _anchor(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return str(field.auto_id)


def _field_items(form: forms.Form, names: list[str], prefix: str = "") -> list[ErrorItem]:
    items = []
    for name in names:
        if name in form.fields and form.errors.get(name):
            field = form[name]
            label = f"{prefix}{field.label}" if prefix else str(field.label)
            text = _("%(field)s: %(error)s") % {"field": label, "error": form.errors[name][0]}
            items.append(ErrorItem(anchor=_anchor(field), text=text))
    return items


def _row_items(rows: BaseSensationFormSet) -> list[ErrorItem]:
    items = []
    for row in rows.forms:
        if not row.errors:
            continue
        place = row.region_label or _("A sensation")
        for item in _field_items(row, list(row.fields)):
            items.append(ErrorItem(anchor=item.anchor, text=f"{place}: {item.text}"))
    return items


def error_summary(form: EntryForm, rows: BaseSensationFormSet | None) -> list[ErrorItem]:
    """Every field error of the form and its rows, in the order the page shows them."""
    if not form.is_bound or "add_row" in form.data:
        return []  # a page, or only a new row asked for: nothing judged yet
    if form.is_valid() and (rows is None or rows.is_valid()):
        return []
    above = [n for n in _ABOVE_SENSATIONS if n in form.fields]
    if form.kind != EntryKind.CHECK_IN and "body" in form.fields:
        above.append("body")
    below = [n for n in form.fields if n not in above]
    items = _field_items(form, above)
    if rows is not None:
        items += _row_items(rows)
    items += _field_items(form, below)
    if items:
        _focus_first(form, rows, items[0].anchor)
    return items


def _focus_first(form: EntryForm, rows: BaseSensationFormSet | None, anchor: str) -> None:
    for each in [form, *(rows.forms if rows is not None else [])]:
        for name in each.fields:
            if each.errors.get(name) and _anchor(each[name]) == anchor:
                each.fields[name].widget.attrs["autofocus"] = True
                return
