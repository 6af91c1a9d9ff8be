"""The expressive-writing practice's entry: its draft, kept as typed, and its finish.

The practice session (before and after ratings, the timer) belongs to the
practices app; the words are a journal entry linked to that session.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.urls import reverse

from journal.core.markdown import BODY_MAX_CHARS
from journal.core.vocabulary import EntryKind
from journal.entries.services import BodyTooLong, entry_create, entry_update
from journal.models import JournalEntry
from practices.models import PracticeSession

# The one text limit of every entry (form, autosave, import).
MAX_BODY = BODY_MAX_CHARS


def writing_entry(session: PracticeSession) -> JournalEntry | None:
    # The session's owner is the entry's owner: filter on both, without loading the user.
    return (
        JournalEntry.objects.filter(user_id=session.user_id, session=session)
        .filter(kind=EntryKind.EXPRESSIVE)
        .order_by("created_at")
        .first()
    )


def _token(session: PracticeSession) -> uuid.UUID:
    # One entry per session: a retried or racing first save finds the same row.
    return uuid.uuid5(session.uuid, "expressive-writing")


@transaction.atomic
def writing_draft_save(
    *, session: PracticeSession, body: str, expected_version: int | None = None
) -> JournalEntry:
    """Keep the words typed so far as the session's draft. Nothing is cut: a text over the
    limit raises BodyTooLong, and a draft changed in another tab since `expected_version`
    raises StaleEntry (see entries.services.entry_draft_save)."""
    if len(body) > MAX_BODY:
        raise BodyTooLong(len(body))
    entry = writing_entry(session)
    if entry is None:
        return entry_create(
            user=session.user,
            kind=EntryKind.EXPRESSIVE,
            session=session,
            is_draft=True,
            token=_token(session),
            body=body,
        )
    if entry.is_draft:
        entry = entry_update(entry=entry, body=body, expected_version=expected_version)
    return entry


@transaction.atomic
def writing_finish(*, session: PracticeSession, body: str) -> JournalEntry | None:
    """The writing is done: the draft becomes an entry (nothing is made from an empty page)."""
    entry = writing_entry(session)
    if not body.strip():
        # An empty page is no entry; a draft emptied by its writer goes with it.
        if entry is not None and entry.is_draft:
            entry.delete()
        return None
    if entry is None:
        entry = writing_draft_save(session=session, body=body)
    return entry_update(entry=entry, is_draft=False, body=body)


def continue_url(entry: JournalEntry) -> str:
    """Where a waiting draft is picked up: its practice's writing page, or the entry's own."""
    session = entry.session
    if session is not None and session.is_in_progress and session.practice.is_expressive_writing:
        return reverse("entries:write", kwargs={"session_uuid": session.uuid})
    return reverse("entries:edit", kwargs={"entry_uuid": entry.uuid})
