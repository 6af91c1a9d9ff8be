"""The log-in that waits for its second step.

After a correct password for an account with a second factor, the session holds a signed,
short-lived marker naming the account instead of a log-in. The second step reads it back,
counts wrong codes against it, and ends it after too many or when it grows old.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing

SESSION_KEY = "_factors_pending"
FAILURES_KEY = "_factors_pending_failures"
_SALT = "journal.factors.pending"
# Time to find the phone and type a code.
MAX_AGE_SECONDS = 300
# Wrong codes before this pending log-in ends and the password is asked for again.
MAX_FAILURES = 5


@dataclass(frozen=True)
class Pending:
    user: User
    backend: str
    next_url: str


def pending_begin(session: Any, *, user: User, backend: str, next_url: str) -> None:
    session[SESSION_KEY] = signing.dumps(
        {
            "uid": user.pk,
            "backend": backend,
            "next": next_url,
            # A password change in the meantime voids the marker.
            "auth": user.get_session_auth_hash(),
        },
        salt=_SALT,
    )
    session[FAILURES_KEY] = 0


def pending_read(session: Any) -> Pending | None:
    token = session.get(SESSION_KEY)
    if not isinstance(token, str):
        return None
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        pending_end(session)
        return None
    user = get_user_model()._default_manager.filter(pk=data.get("uid"), is_active=True).first()
    if user is None or user.get_session_auth_hash() != data.get("auth"):
        pending_end(session)
        return None
    return Pending(user=user, backend=str(data["backend"]), next_url=str(data["next"]))


def pending_fail(session: Any) -> bool:
    """Count one wrong code; True when that was one too many and the marker is gone."""
    failures = int(session.get(FAILURES_KEY, 0)) + 1
    if failures >= MAX_FAILURES:
        pending_end(session)
        return True
    session[FAILURES_KEY] = failures
    return False


def pending_end(session: Any) -> None:
    session.pop(SESSION_KEY, None)
    session.pop(FAILURES_KEY, None)
