"""Large imports as jobs: the upload stored in the database, then imported by the worker.

`import_job_start` (in the request) keeps the file as chunks and queues the job;
`import_job_run` (in the task worker, `manage.py jobs_worker`) imports it in batches,
recording progress the import page shows; `import_jobs_recover` (run as the worker
starts) takes out what a job stopped halfway (a killed worker) had written.
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from journal.accounts.profiles import profile_for
from journal.portability.importer import ImportFileError
from journal.portability.importer.running import import_run
from journal.portability.importer.writing import imported_rows_forget, imported_rows_remove
from journal.portability.jobs import CHUNK_BYTES, ChunkReader, ImportChunk, ImportJob, ImportState

logger = logging.getLogger(__name__)


def import_job_start(*, user: User, upload: UploadedFile) -> ImportJob:
    """Store the upload a chunk per transaction (no long lock), then queue its import."""
    ImportJob.objects.for_user(user).abandoned().delete()
    job = ImportJob.objects.create(user=user, size=upload.size or 0)
    for index, data in enumerate(upload.chunks(CHUNK_BYTES)):
        ImportChunk.objects.create(job=job, index=index, data=data)
    job.state = ImportState.QUEUED
    job.save(update_fields=["state", "updated_at"])
    transaction.on_commit(lambda: import_job_task.enqueue(str(job.uuid)))
    return job


def _finish(job: ImportJob, state: str, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.state = state
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "finished_at", "updated_at", *fields])
    job.chunks.all().delete()


def import_job_run(*, job_uuid: UUID) -> None:
    job = ImportJob.objects.select_related("user").filter(uuid=job_uuid).first()
    if job is None or job.state != ImportState.QUEUED:
        return  # deleted with its account, or already run
    job.state = ImportState.RUNNING
    job.save(update_fields=["state", "updated_at"])

    def progress(fraction: float) -> None:
        ImportJob.objects.filter(pk=job.pk).update(
            progress=min(1000, int(fraction * 1000)), updated_at=timezone.now()
        )

    try:
        summary = import_run(
            user=job.user,
            opener=lambda: ChunkReader(job),
            size=job.size,
            job=job,
            progress=progress,
        )
    except ImportFileError as error:
        imported_rows_remove(job)
        _finish(job, ImportState.FAILED, problems=error.messages)
        return
    except Exception:
        logger.exception("import job %s failed", job.uuid)
        imported_rows_remove(job)
        message = gettext("The file could not be saved, and nothing was changed.")
        _finish(job, ImportState.FAILED, problems=[message])
        raise
    imported_rows_forget(job)
    _finish(job, ImportState.DONE, summary=summary.as_record(), progress=1000)


@task()
def import_job_task(job_uuid: str) -> None:
    """The job as the task worker (`manage.py jobs_worker`) runs it, its problems worded in
    the person's language (there is no request to take it from)."""
    job = ImportJob.objects.select_related("user").filter(uuid=UUID(job_uuid)).first()
    language = (profile_for(job.user).language if job else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        import_job_run(job_uuid=UUID(job_uuid))


def import_jobs_recover() -> int:
    """Jobs stopped halfway lose what they wrote and say so; returns how many."""
    stopped = list(ImportJob.objects.stopped())
    for job in stopped:
        imported_rows_remove(job)
        message = gettext(
            "The import stopped before it finished (the server restarted), and nothing from "
            "it was kept. Please import the file again."
        )
        _finish(job, ImportState.FAILED, problems=[message])
    ImportJob.objects.abandoned().delete()
    return len(stopped)
