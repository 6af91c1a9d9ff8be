"""Database sessions that record their user, so every session of a person can be ended
(log-out everywhere, password change, account deletion)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore


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
