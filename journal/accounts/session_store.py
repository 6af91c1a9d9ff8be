"""Database sessions that record their user, so every session of a person can be ended
(log-out everywhere, password change, account deletion)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.dispatch import receiver
from django.http import HttpRequest

# The clocks journal.web.middleware.SessionTimeoutMiddleware reads, in seconds: the log-in time
# and the last visit (moved on at most once a minute, so the session is rarely saved).
LOGIN_AT = "_journal_login_at"
LAST_SEEN = "_journal_last_seen"
LAST_SEEN_STEP = 60


def stamp_clocks(session: Any, now: int) -> None:
    session[LOGIN_AT] = now
    session[LAST_SEEN] = now


# Connected here because this module is imported (as SESSION_ENGINE) before any log-in.
@receiver(user_logged_in, dispatch_uid="journal.session_store.stamp_clocks")
def start_clocks_at_log_in(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if session is not None:
        stamp_clocks(session, int(time.time()))


class SessionStore(DBStore):
    @classmethod
    def get_model_class(cls) -> Any:
        from journal.models import AccountSession

        return AccountSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        instance: Any = super().create_model_instance(data)
        try:
            user_id: int | None = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            user_id = None
        instance.user_id = user_id
        return instance
