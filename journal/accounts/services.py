"""Accounts' workflows: signing up, deleting an account (every row that is theirs, and no one
else's), ending log-ins."""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest

from journal.accounts.invitations import (
    Refusal,
    SignupGate,
    invitation_spend,
    signup_gate,
)
from journal.accounts.session_keys import REMEMBER_ASKED
from journal.models import (
    AccountSession,
    EntryEmotion,
    JournalEntry,
    Profile,
    RateLimitCounter,
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
    # So are the rate-limit counts kept under their account number.
    RateLimitCounter.objects.filter(key__contains=f":user:{user.pk}:").delete()
    user.delete()
    return DeletedCounts(
        entries=entries,
        sessions=sessions,
        sensations=sensations,
        tags=tags,
        practices=practices,
        log_ins=log_ins,
    )


class SignupRefused(Exception):
    """Sign-up is not open to this request (any more): closed, or the invitation is spent."""

    def __init__(self, gate: SignupGate) -> None:
        super().__init__(gate.refusal)
        self.gate = gate


@transaction.atomic
def user_signup(
    *,
    username: str,
    password: str,
    email: str = "",
    time_zone: str = "UTC",
    week_start: int = 0,
    invitation_token: str | None = None,
) -> User:
    """Make an account with its profile. With `invitation_token` (from the sign-up page) the
    sign-up mode is checked again inside the transaction and the invitation spent; the first
    account on an empty server becomes the host (staff). Without it (seed_demo, the shell),
    no check."""
    gate = signup_gate(token=invitation_token or "") if invitation_token is not None else None
    if gate is not None and not gate.allowed:
        raise SignupRefused(gate)
    user: User = get_user_model().objects.create_user(
        username=username, email=email, password=password
    )
    if gate is not None and gate.first_account:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    invitation = gate.invitation if gate is not None else None
    if invitation is not None and not invitation_spend(invitation=invitation, user=user):
        raise SignupRefused(SignupGate(refusal=Refusal.INVITATION_SPENT))
    Profile.objects.create(user=user, time_zone=time_zone, week_start=week_start)
    return user


def log_in_remember(request: HttpRequest, *, remember: bool) -> None:
    """Note the "keep me logged in" choice of the log-in form. `login()` runs now or after
    the second step, and the log-in signal turns the note into the longer idle limit."""
    request.session[REMEMBER_ASKED] = remember


@transaction.atomic
def sessions_end_all(*, user: AbstractBaseUser, keep_session_key: str | None = None) -> int:
    """Delete every stored session of `user` (except `keep_session_key`); return how many."""
    sessions = AccountSession.objects.filter(user_id=user.pk)
    if keep_session_key:
        sessions = sessions.exclude(session_key=keep_session_key)
    deleted, _ = sessions.delete()
    return deleted
