"""Imports run as jobs: the uploaded file, kept in the database, and the job's progress.

Registered with the journal app from `JournalConfig.ready()`. The file is stored as
chunks so any app server or worker can read it (no local disk), and each row the job
adds is listed, so a job that fails or is stopped can be taken out whole.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import cast

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils import timezone

from journal.core.ownership import OwnedQuerySet

CHUNK_BYTES = 1024 * 1024


class ImportState(models.TextChoices):
    UPLOADING = "uploading"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportJobQuerySet(OwnedQuerySet["ImportJob"]):
    def for_user(self, user: AbstractBaseUser | AnonymousUser) -> ImportJobQuerySet:
        return cast(ImportJobQuerySet, super().for_user(user))

    def unfinished(self) -> ImportJobQuerySet:
        return self.exclude(state__in=[ImportState.DONE, ImportState.FAILED])

    def abandoned(self) -> ImportJobQuerySet:
        """Uploads a request never finished: the request was cut off or its worker killed."""
        cutoff = timezone.now() - timedelta(hours=1)
        return self.filter(state=ImportState.UPLOADING, created_at__lt=cutoff)

    def stopped(self) -> ImportJobQuerySet:
        """Running jobs not touched for ten minutes: their worker was stopped or killed."""
        cutoff = timezone.now() - timedelta(minutes=10)
        return self.filter(state=ImportState.RUNNING, updated_at__lt=cutoff)


class ImportJob(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    state = models.CharField(
        max_length=16, choices=ImportState.choices, default=ImportState.UPLOADING
    )
    size = models.PositiveBigIntegerField(default=0)
    # 0 to 1000: how far through the file the job is.
    progress = models.PositiveSmallIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    problems = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Touched at every batch: a running job that stops being touched was stopped.
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        app_label = "journal"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.uuid} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in {ImportState.DONE, ImportState.FAILED}

    @property
    def percent(self) -> int:
        return self.progress // 10


class ImportChunk(models.Model):
    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        app_label = "journal"
        constraints = [
            models.UniqueConstraint("job", "index", name="import_chunk_job_index_unique")
        ]

    def __str__(self) -> str:
        return f"chunk {self.index} of job {self.job_id}"


class ImportedRow(models.Model):
    """A row a running job added, so a failed job can remove exactly what it wrote."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    table = models.CharField(max_length=32)
    row_id = models.BigIntegerField()

    class Meta:
        app_label = "journal"
        indexes = [models.Index(fields=["job", "table"], name="imported_row_job_table")]

    def __str__(self) -> str:
        return f"{self.table} {self.row_id} of job {self.job_id}"


class ChunkReader:
    """The stored file as a binary stream, one chunk in memory at a time."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        self.position = 0
        self._indexes: Iterator[int] = iter(
            list(job.chunks.order_by("index").values_list("index", flat=True))
        )
        self._chunk = b""
        self._offset = 0

    def _next_chunk(self) -> bool:
        index = next(self._indexes, None)
        if index is None:
            return False
        self._chunk = bytes(self.job.chunks.values_list("data", flat=True).get(index=index))
        self._offset = 0
        return True

    def read(self, size: int = -1) -> bytes:
        parts = []
        wanted = size if size >= 0 else float("inf")
        while wanted > 0:
            if self._offset >= len(self._chunk) and not self._next_chunk():
                break
            end = len(self._chunk) if wanted == float("inf") else self._offset + int(wanted)
            part = self._chunk[self._offset : end]
            self._offset += len(part)
            wanted -= len(part)
            parts.append(part)
        out = b"".join(parts)
        self.position += len(out)
        return out
