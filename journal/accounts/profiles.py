"""A person's profile, made on first use for accounts created elsewhere."""

from __future__ import annotations

from typing import TypeVar, cast

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpResponseBase

from journal.models import Profile

Response = TypeVar("Response", bound=HttpResponseBase)


def profile_for(user: AbstractBaseUser) -> Profile:
    """The person's profile; made with defaults for accounts created elsewhere (admin, shell).

    Read through `user.profile`, so it is loaded once per user object (once per request).
    """
    try:
        return cast(Profile, user.profile)  # type: ignore[attr-defined]
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def language_cookie(response: Response, language: str) -> Response:
    """Keep the chosen language for the pages seen before logging in again; a blank choice
    (follow the browser) forgets it."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    else:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME, samesite="Lax")
    return response
