"""Work done outside requests by the task worker (`manage.py db_worker`, django-tasks)."""

from __future__ import annotations

from uuid import UUID

from django_tasks import task

from journal.portability.import_jobs import import_job_run


@task()
def import_job_task(job_uuid: str) -> None:
    import_job_run(job_uuid=UUID(job_uuid))
