"""Database sessions that record their user, so every session of a person can be ended
(log-out everywhere, password change, account deletion), and listed as their devices."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.dispatch import receiver
from django.http import HttpRequest

from journal.accounts.session_keys import DEVICE, KEEP, REMEMBER_ASKED, stamp_clocks


# Connected here because this module is imported (as SESSION_ENGINE) before any log-in.
@receiver(user_logged_in, dispatch_uid="journal.session_store.stamp_clocks")
def start_clocks_at_log_in(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if request is None or session is None:
        return
    stamp_clocks(session, int(time.time()))
    if session.pop(REMEMBER_ASKED, False):
        session[KEEP] = True
    from journal.accounts.devices import device_label, log_in_seen

    session[DEVICE] = device_label(request.META.get("HTTP_USER_AGENT", ""))
    user = kwargs.get("user")
    if user is not None:
        log_in_seen(request=request, user=user)


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
