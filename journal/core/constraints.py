"""Database CHECK constraints shared by the models."""

from __future__ import annotations

from typing import Any

from django.db import models


def in_range(field: str, low: int, high: int, *, name: str) -> models.CheckConstraint:
    """`field` is NULL or between low and high inclusive."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": low, f"{field}__lte": high}),
        name=name,
    )


def one_of(field: str, values: list[Any], *, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(**{f"{field}__in": values}), name=name)
