"""The export formats, in the order the Export page offers them: one registry for the form's
choices, the download view and the `export_journal` command."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy

from journal.portability import csv_format, json_format, markdown_format, pdf_format
from journal.portability.reader import JournalReader

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise
else:
    StrOrPromise = object


def _pdf(reader: JournalReader) -> Iterator[bytes]:
    yield pdf_format.export_pdf(reader)


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: StrOrPromise
    content_type: str
    extension: str
    write: Callable[[JournalReader], Iterable[bytes]]
    # The download's file name starts with this.
    prefix: str = "journal"
    # False: written whole before it is sent (WeasyPrint makes a PDF in one piece).
    streamed: bool = True


FORMATS = (
    ExportFormat(
        "json",
        gettext_lazy("JSON: everything, to keep or to move to another journal"),
        json_format.CONTENT_TYPE,
        json_format.EXTENSION,
        json_format.export_json,
    ),
    ExportFormat(
        "csv",
        gettext_lazy("CSV: spreadsheets of entries, sessions and sensations (zip)"),
        csv_format.CONTENT_TYPE,
        csv_format.EXTENSION,
        csv_format.export_csv_zip,
    ),
    ExportFormat(
        "md",
        gettext_lazy("Markdown: a readable journal, a section per day"),
        markdown_format.CONTENT_TYPE,
        markdown_format.EXTENSION,
        markdown_format.export_markdown,
    ),
    ExportFormat(
        "pdf",
        gettext_lazy("PDF: a summary to bring to a clinician"),
        pdf_format.CONTENT_TYPE,
        pdf_format.EXTENSION,
        _pdf,
        prefix="journal-summary",
        streamed=False,
    ),
)
BY_KEY = {f.key: f for f in FORMATS}
CHOICES = [(f.key, f.label) for f in FORMATS]
DEFAULT = FORMATS[0].key
