"""Large imports as jobs: queued from the import page, run by the worker, watched on a page;
a job that fails or is stopped halfway leaves nothing of the file behind."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from journal.models import JournalEntry, Sensation
from journal.portability.import_jobs import import_job_run, import_jobs_recover
from journal.portability.importer import writing
from journal.portability.jobs import ImportChunk, ImportedRow, ImportJob, ImportState
from practices.models import PracticeSession
from tests.portability.test_export_formats import build_journal
from tests.portability.test_export_views import download, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_files_are_jobs(settings: Any) -> None:
    settings.IMPORT_INLINE_BYTES = 1024


def queued(client: Any, data: bytes, capture: Any) -> ImportJob:
    with capture(execute=True):
        response = upload(client, data)
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("portability:import_job", kwargs={"job_uuid": job.uuid})
    return job


def test_a_large_file_is_imported_as_a_job(
    alice_client,
    alice,
    bob,
    bob_client,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
) -> None:
    from django_tasks_db.models import DBTaskResult

    build_journal(alice, days=5)
    _, data = download(alice_client, format="json")
    job = queued(bob_client, data, django_capture_on_commit_callbacks)
    assert (job.user, job.state, job.size) == (bob, ImportState.QUEUED, len(data))
    assert ImportChunk.objects.filter(job=job).exists()
    assert DBTaskResult.objects.filter(args_kwargs__args=[str(job.uuid)]).exists()

    url = reverse("portability:import_job", kwargs={"job_uuid": job.uuid})
    waiting = bob_client.get(url)
    assert "waiting its turn" in waiting.content.decode()

    import_job_run(job_uuid=job.uuid)
    job.refresh_from_db()
    assert (job.state, job.progress) == (ImportState.DONE, 1000)
    assert JournalEntry.objects.filter(user=bob).count() == 11
    assert not ImportChunk.objects.exists() and not ImportedRow.objects.exists()
    # session, user, profile, the job
    with django_assert_num_queries(4):
        done = bob_client.get(url, headers={"HX-Request": "true"})
    assert "entries: 11 added, 0 already there" in done.content.decode()
    assert alice_client.get(url).status_code == 404


def test_a_job_that_fails_late_in_the_file_keeps_nothing(
    alice_client, alice, bob, bob_client, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    monkeypatch.setattr(writing, "BATCH", 2)  # so sessions and entries are written first
    build_journal(alice, days=5)
    _, data = download(alice_client, format="json")
    doc = json.loads(data)
    doc["entries"][-1]["pain"] = 14
    job = queued(bob_client, json.dumps(doc).encode(), django_capture_on_commit_callbacks)

    import_job_run(job_uuid=job.uuid)
    job.refresh_from_db()
    assert job.state == ImportState.FAILED
    assert any("pain: 14 is above 10" in p for p in job.problems)
    assert not JournalEntry.objects.filter(user=bob).exists()
    assert not PracticeSession.objects.filter(user=bob).exists()
    assert not Sensation.objects.filter(user=bob).exists()
    assert not ImportedRow.objects.exists()
    page = bob_client.get(reverse("portability:import_job", kwargs={"job_uuid": job.uuid}))
    assert "Nothing was imported" in page.content.decode()


def test_a_job_stopped_halfway_is_taken_out_when_the_worker_starts(bob) -> None:
    job = ImportJob.objects.create(user=bob, state=ImportState.RUNNING)
    entry = JournalEntry.objects.create(user=bob, occurred_at=timezone.now(), body="half")
    kept = JournalEntry.objects.create(user=bob, occurred_at=timezone.now(), body="own")
    ImportedRow.objects.create(job=job, table="entry", row_id=entry.pk)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))

    assert import_jobs_recover() == 1
    job.refresh_from_db()
    assert job.state == ImportState.FAILED
    assert list(JournalEntry.objects.filter(user=bob)) == [kept]


def test_a_running_job_is_left_alone(bob) -> None:
    job = ImportJob.objects.create(user=bob, state=ImportState.RUNNING)
    assert import_jobs_recover() == 0
    job.refresh_from_db()
    assert job.state == ImportState.RUNNING
