"""Workflows that write to several tables."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction

from journal.models import Profile


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


def profile_for(user: AbstractBaseUser) -> Profile:
    """The person's profile; made with defaults for accounts created elsewhere (admin, shell)."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile
