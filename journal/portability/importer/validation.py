"""Checking a whole document before anything is written: the schema, then what it cannot say.

Messages say what is wrong and where, as a path into the file
(`sessions[12].after.pain: 14 is above 10`), in the order the records come.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from journal.portability.importer.conversion import Clean, convert
from journal.portability.importer.existing import Existing
from journal.portability.importer.messages import MAX_ERRORS, Problems, TooManyProblems, describe
from journal.portability.importer.parsing import NESTED_TOO_DEEPLY, ImportFileError
from journal.portability.importer.references import ReferenceChecks
from journal.portability.importer.schema import SECTIONS, document_errors, record_errors
from journal.portability.reader import SCHEMA_NAME, SCHEMA_VERSION


def _check_kind_of_file(document: Any) -> None:
    """A file that is not a version 1 export gets one message, not a list of them."""
    if not isinstance(document, dict):
        raise ImportFileError(
            [f"The file should hold a JSON object ({{...}}), but it holds {describe(document)}."]
        )
    if document.get("format") != SCHEMA_NAME:
        raise ImportFileError(
            [
                "This does not look like an export from this journal: "
                f'"format" is {describe(document.get("format"))}, not "{SCHEMA_NAME}".'
            ]
        )
    version = document.get("version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise ImportFileError(
            [
                f"version: {describe(version)} is not a schema version this app can read "
                f"(it reads version {SCHEMA_VERSION})."
            ]
        )


def _check(document: dict[str, Any], checks: ReferenceChecks, problems: Problems) -> None:
    problems.add_schema_errors((), document_errors(document))
    checks.profile(document.get("profile"))
    by_section = {
        "tags": checks.tag,
        "practices": checks.practice,
        "sessions": checks.session,
        "entries": checks.entry,
    }
    # Tags and practices come first so sessions and entries can point at them; entries
    # may also point at any session in the file.
    for section in SECTIONS:
        records = document.get(section)
        if not isinstance(records, list):
            continue
        for i, record in enumerate(records):
            path = (section, i)
            problems.add_schema_errors(path, record_errors(section, record))
            if isinstance(record, dict):
                by_section[section](record, path)


def validate_export(document: Any, *, user: User) -> tuple[Clean, Existing]:
    """The document checked and converted, or ImportFileError listing what is wrong."""
    _check_kind_of_file(document)
    existing = Existing.load(user)
    problems = Problems()
    try:
        _check(document, ReferenceChecks(existing, problems), problems)
    except TooManyProblems:
        problems.messages.append(f"(stopped after {MAX_ERRORS} problems)")
    except RecursionError:
        # Unknown fields are never looked into, but a list of emotions could nest deeply.
        raise ImportFileError([NESTED_TOO_DEEPLY]) from None
    if problems.messages:
        raise ImportFileError(problems.messages)
    return convert(document), existing
