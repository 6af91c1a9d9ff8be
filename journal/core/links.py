"""Links to pages, reversed once per page rather than once per item."""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import NoReverseMatch, reverse

_PLACEHOLDER = uuid.UUID(int=0)


def optional_url(name: str, **kwargs: Any) -> str | None:
    """A link to a page another part of the app may not have yet."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


class Links:
    """Links to entries and sessions, each reversed once per page, not once per card."""

    def __init__(self) -> None:
        self._patterns: dict[str, str | None] = {}

    def __call__(self, name: str, kwarg: str, value: uuid.UUID) -> str | None:
        if name not in self._patterns:
            try:
                self._patterns[name] = reverse(name, kwargs={kwarg: _PLACEHOLDER})
            except NoReverseMatch:  # a part of the app that is not installed
                self._patterns[name] = None
        pattern = self._patterns[name]
        return None if pattern is None else pattern.replace(str(_PLACEHOLDER), str(value))
