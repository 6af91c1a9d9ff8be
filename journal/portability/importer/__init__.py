"""Importing a JSON export: validate the whole file first, then apply it in one transaction.

Ids, user fields and anything else that could point at another account are ignored:
rows are matched by UUID within the importing person's own journal only, so importing
the same file twice adds nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import DatabaseError

from journal.portability.importer.parsing import ImportFileError, human_size, parse_export
from journal.portability.importer.validation import validate_export
from journal.portability.importer.writing import ImportSummary, apply_import

__all__ = [
    "ImportFileError",
    "ImportSummary",
    "human_size",
    "journal_import",
    "parse_export",
    "validate_export",
]


def journal_import(*, user: User, data: bytes, max_bytes: int) -> ImportSummary:
    """Check the whole file, then add what is new to the person's journal, all or nothing."""
    document = parse_export(data, max_bytes=max_bytes)
    clean, existing = validate_export(document, user=user)
    try:
        return apply_import(user=user, clean=clean, existing=existing)
    except DatabaseError as error:
        # Something the checks above did not foresee; nothing was written.
        raise ImportFileError(
            [f"The file could not be saved, and nothing was changed ({type(error).__name__})."]
        ) from None
