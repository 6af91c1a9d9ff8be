"""The expressive-writing practice's entry: its draft, kept as typed, and its finish.

The practice session (before and after ratings, the timer) belongs to the
practices app; the words are a journal entry linked to that session.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.urls import reverse

from journal.core.vocabulary import EntryKind
from journal.entries.services import entry_create, entry_update
from journal.models import JournalEntry
from practices.models import PracticeSession

MAX_BODY = 50_000


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
def writing_draft_save(*, session: PracticeSession, body: str) -> JournalEntry:
    """Keep the words typed so far as the session's draft."""
    entry = writing_entry(session)
    if entry is None:
        return entry_create(
            user=session.user,
            kind=EntryKind.EXPRESSIVE,
            session=session,
            is_draft=True,
            token=_token(session),
            body=body[:MAX_BODY],
        )
    if entry.is_draft:
        entry = entry_update(entry=entry, body=body[:MAX_BODY])
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
    return entry_update(entry=entry, is_draft=False, body=body[:MAX_BODY])


def continue_url(entry: JournalEntry) -> str:
    """Where a waiting draft is picked up: its practice's writing page, or the entry's own."""
    session = entry.session
    if session is not None and session.is_in_progress and session.practice.is_expressive_writing:
        return reverse("entries:write", kwargs={"session_uuid": session.uuid})
    return reverse("entries:edit", kwargs={"entry_uuid": entry.uuid})
