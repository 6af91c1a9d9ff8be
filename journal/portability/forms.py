"""Forms for the export, import and account deletion pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from journal.core.dates import FIRST_DAY, LAST_DAY
from journal.portability import formats
from journal.portability.importer import human_size
from journal.portability.reader import DateRange


class DateRangeForm(forms.Form):
    since = forms.DateField(
        required=False,
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to start from your first entry."),
    )
    until = forms.DateField(
        required=False,
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to include everything up to today."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        # Days near date.min/date.max overflow once turned into local midnights.
        for name in ("since", "until"):
            day = cleaned.get(name)
            if day and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, gettext("Please pick a day between 1900 and 9998."))
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("This day is before the first day; swap them around."))
        return cleaned

    def date_range(self) -> DateRange:
        return DateRange(since=self.cleaned_data.get("since"), until=self.cleaned_data.get("until"))


class ExportForm(DateRangeForm):
    format = forms.ChoiceField(
        choices=formats.CHOICES,
        initial=formats.DEFAULT,
        widget=forms.RadioSelect,
        label=_("Format"),
    )

    field_order = ["format", "since", "until"]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Journal export (.json)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(too_large_message(upload.size, limit), code="too_large")
        return upload


def too_large_message(size: int, limit: int) -> str:
    return gettext(
        "This file is %(size)s; the largest file this server accepts is %(limit)s."
        " Nothing was imported."
    ) % {"size": human_size(size), "limit": human_size(limit)}
