"""Who may sign up (SIGNUP_MODE), and the single-use invitation links of `invite` mode."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from journal.models import Invitation


def token_digest(token: str) -> str:
    """Invitations are kept by the SHA-256 of their token: a copy of the database holds no
    link that works."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class Refusal(Enum):
    CLOSED = "closed"
    INVITE_ONLY = "invite_only"
    INVITATION_SPENT = "invitation_spent"


@dataclass(frozen=True)
class SignupGate:
    """Whether this sign-up may go ahead, and why not."""

    refusal: Refusal | None = None
    invitation: Invitation | None = None
    first_account: bool = False

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def signup_gate(*, token: str = "") -> SignupGate:
    if not get_user_model().objects.exists():
        return SignupGate(first_account=True)
    mode = settings.SIGNUP_MODE
    if mode == "open":
        return SignupGate()
    if mode == "closed":
        return SignupGate(refusal=Refusal.CLOSED)
    if not token:
        return SignupGate(refusal=Refusal.INVITE_ONLY)
    invitation = Invitation.objects.usable().filter(digest=token_digest(token)).first()
    if invitation is None:
        return SignupGate(refusal=Refusal.INVITATION_SPENT)
    return SignupGate(invitation=invitation)


def may_invite(user: AbstractBaseUser) -> bool:
    """The host (staff) and the people the host gave the "invite people" permission."""
    if not user.is_authenticated:
        return False
    return bool(user.is_staff or user.has_perm("journal.invite_people"))  # type: ignore[attr-defined]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def invitation_path(token: str) -> str:
    # The token goes in the query string, which no access or security log writes down.
    return f"{reverse('accounts:signup')}?{urlencode({'invite': token})}"


@transaction.atomic
def invitation_create(
    *, created_by: User | None, note: str = "", days: int | None = None
) -> tuple[Invitation, str]:
    """A new invitation and its token (shown once; only its digest is kept)."""
    token = new_token()
    lifetime = timedelta(days=days or settings.INVITATION_DAYS)
    invitation = Invitation.objects.create(
        digest=token_digest(token),
        note=note[:100],
        created_by=created_by,
        expires_at=timezone.now() + lifetime,
    )
    return invitation, token


def invitation_spend(*, invitation: Invitation, user: AbstractBaseUser) -> bool:
    """Mark the invitation used by `user`; False if another sign-up used it first."""
    spent = (
        Invitation.objects.usable()
        .filter(pk=invitation.pk)
        .update(used_at=timezone.now(), used_by=user)
    )
    return spent == 1
