"""Checking a file as it is read: the schema, then what it cannot say, record by record.

Messages say what is wrong and where, as a path into the file
(`sessions[12].after.pain: 14 is above 10`), in the order the records come: the
document's own fields first, then the tags, practices, sessions and entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from journal.portability.importer.existing import Existing
from journal.portability.importer.messages import Path, Problems, describe
from journal.portability.importer.parsing import ImportFileError
from journal.portability.importer.references import ReferenceChecks
from journal.portability.importer.schema import document_errors, record_errors
from journal.portability.reader import SCHEMA_NAME, SCHEMA_VERSION


def check_kind_of_file(document: Any) -> None:
    """A file that is not a version 1 export gets one message, not a list of them."""
    if not isinstance(document, dict):
        raise ImportFileError(
            [
                _("The file should hold a JSON object ({...}), but it holds %(value)s.")
                % {"value": describe(document)}
            ]
        )
    if document.get("format") != SCHEMA_NAME:
        raise ImportFileError(
            [
                _(
                    'This does not look like an export from this journal: "format" is %(value)s,'
                    ' not "%(expected)s".'
                )
                % {"value": describe(document.get("format")), "expected": SCHEMA_NAME}
            ]
        )
    version = document.get("version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise ImportFileError(
            [
                _(
                    "version: %(value)s is not a schema version this app can read (it reads"
                    " version %(expected)s)."
                )
                % {"value": describe(version), "expected": SCHEMA_VERSION}
            ]
        )


class Checker:
    """The checks for one file, fed the document's head and then each record."""

    def __init__(self, user: User, existing: Existing) -> None:
        self.problems = Problems()
        self.references = ReferenceChecks(existing, self.problems)
        self._by_section: dict[str, Callable[[dict[str, Any], Path], None]] = {
            "tags": self.references.tag,
            "practices": self.references.practice,
            "sessions": self.references.session,
            "entries": self.references.entry,
        }

    def head(self, document: dict[str, Any]) -> None:
        """The document's own fields; its lists are empty here and come record by record."""
        self.problems.add_schema_errors((), document_errors(document))
        self.references.profile(document.get("profile"))

    def record(self, section: str, index: int, record: Any) -> bool:
        """Check one record; True when the file has no problem so far."""
        path = (section, index)
        self.problems.add_schema_errors(path, record_errors(section, record))
        if isinstance(record, dict):
            self._by_section[section](record, path)
        return not self.problems.messages
