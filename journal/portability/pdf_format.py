"""The clinician summary as a PDF, drawn by WeasyPrint from the printable HTML."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation

from journal.portability.reader import JournalReader
from journal.portability.summary import build_summary
from journal.portability.summary_options import SummaryOptions

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"
STYLESHEETS = ("css/export.css", "css/summary.css")


def _stylesheet_path(name: str) -> str:
    found = finders.find(name)
    if isinstance(found, list):
        found = found[0] if found else None
    if found:
        return str(found)
    return str(Path(settings.STATIC_ROOT) / name)


# Tagged, with the structure tree and metadata PDF/UA-1 asks for (WeasyPrint's variant).
PDF_VARIANT = "pdf/ua-1"


def summary_html(reader: JournalReader, options: SummaryOptions | None = None) -> str:
    """The printable summary, written in its own language (`SummaryOptions.language`)."""
    language = (options or SummaryOptions()).in_language
    with translation.override(language):
        return render_to_string(
            "portability/summary_pdf.html",
            {
                "summary": build_summary(reader, options),
                "LANGUAGE_CODE": language,
                "range": reader.range,
                "generated_at": timezone.now().astimezone(reader.zone),
                "SITE_NAME": getattr(settings, "SITE_NAME", "Journal"),
            },
        )


def _no_fetching(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    # The summary needs nothing from outside; refusing every URL keeps it that way.
    raise ValueError(f"The PDF summary does not load {url[:40]}")


def export_pdf(reader: JournalReader, options: SummaryOptions | None = None) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only the PDF needs.
    from weasyprint import CSS, HTML

    html = summary_html(reader, options)
    return bytes(
        HTML(string=html, url_fetcher=_no_fetching).write_pdf(
            stylesheets=[CSS(filename=_stylesheet_path(name)) for name in STYLESHEETS],
            pdf_variant=PDF_VARIANT,
        )
    )
