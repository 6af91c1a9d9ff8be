"""Export, clinician summary and import pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from journal.accounts.ratelimit import rate_limited
from journal.core.http import AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.portability import formats
from journal.portability.forms import ExportForm, ImportForm, too_large_message
from journal.portability.import_jobs import import_job_start
from journal.portability.importer import ImportFileError, ImportSummary, human_size, journal_import
from journal.portability.jobs import ImportJob
from journal.portability.reader import JournalReader


def download_name(reader: JournalReader, extension: str, *, prefix: str = "journal") -> str:
    """A safe file name: the app's word and today's date, nothing personal."""
    today = timezone.now().astimezone(reader.zone).date()
    return f"{prefix}-{today.isoformat()}.{extension}"


def _attachment(response: HttpResponse | StreamingHttpResponse, name: str) -> None:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"


@login_required
@require_GET
def export_page(request: AuthedHttpRequest) -> HttpResponse:
    return render(request, "portability/export.html", {"form": ExportForm(), "nav": "export"})


@login_required
@rate_limited("pdf_export", methods=("GET",), when=lambda r: r.GET.get("format") == "pdf")
@require_GET
def export_download(request: AuthedHttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = ExportForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "nav": "export"}
        return render(request, "portability/export.html", context, status=400)
    reader = JournalReader(request.user, form.date_range())
    chosen = formats.BY_KEY[form.cleaned_data["format"]]
    response: HttpResponse | StreamingHttpResponse
    if chosen.streamed:
        response = StreamingHttpResponse(chosen.write(reader), content_type=chosen.content_type)
    else:
        response = HttpResponse(b"".join(chosen.write(reader)), content_type=chosen.content_type)
    _attachment(response, download_name(reader, chosen.extension, prefix=chosen.prefix))
    return response


@login_required
@rate_limited("import")
@require_http_methods(["GET", "POST"])
def import_page(request: AuthedHttpRequest) -> HttpResponse:
    limit = settings.IMPORT_MAX_BYTES
    context: dict[str, object] = {"nav": "export", "max_size": human_size(limit)}
    if request.method == "POST":
        # A body far over the cap is refused before Django reads the upload.
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > limit + 64 * 1024:
            context["form"] = ImportForm()
            context["problems"] = [too_large_message(declared, limit)]
            return render(request, "portability/import.html", context, status=413)
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if (upload.size or 0) > settings.IMPORT_INLINE_BYTES:
                # Too long to import within a request: a job the person can watch.
                job = import_job_start(user=request.user, upload=upload)
                return redirect("portability:import_job", job_uuid=job.uuid)
            try:
                context["summary"] = journal_import(
                    user=request.user, data=upload.read(limit + 1), max_bytes=limit
                )
            except ImportFileError as error:
                context["problems"] = error.messages
                return render(request, "portability/import.html", context, status=400)
            context["form"] = ImportForm()
            return render(request, "portability/import.html", context)
        return render(request, "portability/import.html", context, status=400)
    context["form"] = ImportForm()
    return render(request, "portability/import.html", context)


@login_required
@require_GET
def import_job_page(request: AuthedHttpRequest, job_uuid: str) -> HttpResponse:
    """How far an import job is; htmx asks again every few seconds until it is finished."""
    job = get_owned_or_404(ImportJob.objects.for_user(request.user), uuid=job_uuid)
    context = {
        "nav": "export",
        "job": job,
        "summary": ImportSummary.from_record(job.summary) if job.state == "done" else None,
        "problems": job.problems,
    }
    template = "portability/import_job.html"
    if request.htmx:
        template += "#job_status"
    return render(request, template, context)
