"""A person's profile, made on first use for accounts created elsewhere."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.base_user import AbstractBaseUser

from journal.models import Profile


def profile_for(user: AbstractBaseUser) -> Profile:
    """The person's profile; made with defaults for accounts created elsewhere (admin, shell).

    Read through `user.profile`, so it is loaded once per user object (once per request).
    """
    try:
        return cast(Profile, user.profile)  # type: ignore[attr-defined]
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile
