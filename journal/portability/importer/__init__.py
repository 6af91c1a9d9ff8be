"""Importing a JSON export, read as a stream and written in short batches.

Ids, user fields and anything else that could point at another account are ignored:
rows are matched by UUID within the importing person's own journal only, so importing
the same file twice adds nothing. A small file is imported within one transaction
(`journal_import`); a large one as a job outside the request (`journal.portability.import_jobs`).
"""

from __future__ import annotations

import io

from django.contrib.auth.models import User
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from journal.portability.importer.parsing import ImportFileError, human_size
from journal.portability.importer.running import import_run
from journal.portability.importer.writing import ImportSummary

__all__ = ["ImportFileError", "ImportSummary", "human_size", "journal_import", "too_large"]


def too_large(size: int, max_bytes: int) -> ImportFileError:
    return ImportFileError(
        [
            _("The file is %(size)s; the largest file this server accepts is %(limit)s.")
            % {"size": human_size(size), "limit": human_size(max_bytes)}
        ]
    )


def journal_import(*, user: User, data: bytes, max_bytes: int) -> ImportSummary:
    """Check the file and add what is new to the person's journal, all or nothing."""
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    try:
        with transaction.atomic():
            return import_run(user=user, opener=lambda: io.BytesIO(data), size=len(data))
    except DatabaseError as error:
        # Something the checks did not foresee; the transaction took everything back.
        raise ImportFileError(
            [
                _("The file could not be saved, and nothing was changed (%(error)s).")
                % {"error": type(error).__name__}
            ]
        ) from None
