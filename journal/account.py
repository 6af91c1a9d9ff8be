"""Deleting a person's account: every row that is theirs, and no one else's."""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.db import transaction

from journal.models import AccountSession, EntryEmotion, JournalEntry, Profile, Sensation, Tag
from practices.models import Practice, PracticeSession


@dataclass(frozen=True)
class DeletedCounts:
    entries: int
    sessions: int
    sensations: int
    tags: int
    practices: int
    log_ins: int


@transaction.atomic
def account_delete(*, user: User) -> DeletedCounts:
    """Remove the person's journal, their log-in sessions and their account."""
    # Children before parents, so each delete is one plain query rather than a
    # cascade that loads every row into memory first.
    sensations, _ = Sensation.objects.filter(user=user).delete()
    EntryEmotion.objects.filter(entry__user=user).delete()
    JournalEntry.tags.through.objects.filter(journalentry__user=user).delete()
    entries, _ = JournalEntry.objects.filter(user=user).delete()
    sessions, _ = PracticeSession.objects.filter(user=user).delete()
    practices, _ = Practice.objects.filter(user=user).delete()
    tags, _ = Tag.objects.filter(user=user).delete()
    Profile.objects.filter(user=user).delete()
    log_ins, _ = AccountSession.objects.filter(user=user).delete()
    # Log-in attempts are kept by user name and address; they are this person's too.
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=user.get_username()).delete()
    user.delete()
    return DeletedCounts(
        entries=entries,
        sessions=sessions,
        sensations=sensations,
        tags=tags,
        practices=practices,
        log_ins=log_ins,
    )
