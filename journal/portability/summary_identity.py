"""The name and date of birth on a clinician summary, kept only when the person asks."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from journal.models import SummaryIdentity


def identity_initial(user: User) -> dict[str, Any]:
    """The form's starting values: what the person asked to have remembered, if anything."""
    kept = SummaryIdentity.objects.filter(user=user).values("name", "birth_date").first()
    if kept is None:
        return {}
    return {**kept, "remember": True}


def identity_keep(*, user: User, cleaned: dict[str, Any]) -> None:
    """Keeps the typed name and date of birth when asked, and forgets them when not."""
    if cleaned.get("remember") and (cleaned.get("name") or cleaned.get("birth_date")):
        SummaryIdentity.objects.update_or_create(
            user=user,
            defaults={"name": cleaned.get("name") or "", "birth_date": cleaned.get("birth_date")},
        )
    else:
        SummaryIdentity.objects.filter(user=user).delete()
