"""Every read of personal data goes through a user-scoped QuerySet.

`for_user(user)` is the only way views reach rows; `get_owned_or_404` turns
another person's id into a 404 so it never reveals that the row exists.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404

_M = TypeVar("_M", bound=models.Model)


class OwnedQuerySet(models.QuerySet[_M]):
    def for_user(self, user: AbstractBaseUser | AnonymousUser) -> OwnedQuerySet[_M]:
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


def get_owned_or_404(queryset: models.QuerySet[_M], **lookup: Any) -> _M:
    """Fetch one row from an already user-scoped queryset, or raise 404."""
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
        # A malformed id (not a UUID, not a number) is just as absent as a missing one.
        raise Http404 from None
