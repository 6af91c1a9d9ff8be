"""Deleting a person's account: every row that is theirs, and no one else's."""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction

from journal.models import (
    AccountSession,
    EntryEmotion,
    JournalEntry,
    Profile,
    Sensation,
    Tag,
)
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


@transaction.atomic
def user_signup(
    *,
    username: str,
    password: str,
    email: str = "",
    time_zone: str = "UTC",
    week_start: int = 0,
) -> User:
    user: User = get_user_model().objects.create_user(
        username=username, email=email, password=password
    )
    Profile.objects.create(user=user, time_zone=time_zone, week_start=week_start)
    return user


@transaction.atomic
def sessions_end_all(*, user: AbstractBaseUser, keep_session_key: str | None = None) -> int:
    """Delete every stored session of `user` (except `keep_session_key`); return how many."""
    sessions = AccountSession.objects.filter(user_id=user.pk)
    if keep_session_key:
        sessions = sessions.exclude(session_key=keep_session_key)
    deleted, _ = sessions.delete()
    return deleted
