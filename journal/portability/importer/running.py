"""One import from start to end: scan the file, then each section read, checked and written.

Records are written in batches as they pass the checks; the first problem stops the
writing (the checks go on, to list up to MAX_ERRORS problems) and the caller removes what
was written: a transaction rolled back for a small file, the job's listed rows for a job.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from journal.portability.importer.conversion import convert_profile, convert_record
from journal.portability.importer.existing import Existing
from journal.portability.importer.messages import MAX_ERRORS, TooManyProblems
from journal.portability.importer.parsing import NESTED_TOO_DEEPLY, ImportFileError
from journal.portability.importer.schema import SECTIONS
from journal.portability.importer.stream import Opener, Records, scan
from journal.portability.importer.validation import Checker, check_kind_of_file
from journal.portability.importer.writing import BatchWriter, ImportSummary
from journal.portability.jobs import ImportJob

# Called with how far through the work the import is, from 0 to 1.
Progress = Callable[[float], None]
_PASSES = 1 + len(SECTIONS)


def import_run(
    *,
    user: User,
    opener: Opener,
    size: int,
    job: ImportJob | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import the file `opener` opens (`size` bytes); ImportFileError lists its problems."""
    head = scan(opener)
    check_kind_of_file(head)
    if progress:
        progress(1 / _PASSES)
    existing = Existing.load(user)
    checker = Checker(user, existing)
    writer = BatchWriter(user, existing, job)
    try:
        checker.head(head)
        for number, section in enumerate(SECTIONS, start=1):
            if not isinstance(head.get(section), list):
                continue
            records = Records(opener, section)
            for index, record in enumerate(records):
                if checker.record(section, index, record):
                    writer.add(section, convert_record(section, record))
                if progress and index % 500 == 0:
                    progress((number + records.position / max(size, 1)) / _PASSES)
            if not checker.problems.messages:
                writer.flush()
    except TooManyProblems:
        checker.problems.messages.append(
            _("(stopped after %(count)s problems)") % {"count": MAX_ERRORS}
        )
    except RecursionError:
        # Unknown fields are never looked into, but a list of emotions could nest deeply.
        raise ImportFileError([str(NESTED_TOO_DEEPLY)]) from None
    if checker.problems.messages:
        raise ImportFileError(checker.problems.messages)
    summary = writer.finish(convert_profile(head.get("profile")))
    if progress:
        progress(1.0)
    return summary
