"""The week's sensations: where they were felt, what they felt like, how strong by day.

Read as database aggregates of the week alone, in three queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db.models import Avg, Count, QuerySet
from django.db.models.functions import TruncDate

from journal.core.dates import Week
from journal.core.vocabulary import QUALITY_LABELS, REGION_LABELS, Feel
from journal.models import Sensation
from journal.review.figures import RegionFigure

TOP_QUALITIES = 6


@dataclass(frozen=True)
class SensationFigures:
    daily_intensity: dict[date, float]  # mean of the unpleasant ones, by local day
    unpleasant: list[RegionFigure]
    ease: list[RegionFigure]
    qualities: list[tuple[str, str, int]]  # label, feel, count


def region_figures(rows: Sequence[tuple[str, int, float | None]]) -> list[RegionFigure]:
    top = max((count for _, count, _ in rows), default=0)
    figures = [
        RegionFigure(
            region=region,
            label=REGION_LABELS.get(region, region),
            count=count,
            mean_intensity=mean,
            level=max(1, min(4, -(-4 * count // top))),
        )
        for region, count, mean in rows
    ]
    return sorted(figures, key=lambda f: (-f.count, f.label))


def _daily_intensity(sensations: QuerySet[Sensation], week: Week) -> dict[date, float]:
    return dict(
        sensations.filter(feel=Feel.UNPLEASANT)
        .annotate(day=TruncDate("occurred_at", tzinfo=week.zone))
        .values("day")
        .annotate(mean=Avg("intensity"))
        .values_list("day", "mean")
    )


def _regions(
    sensations: QuerySet[Sensation],
) -> tuple[list[RegionFigure], list[RegionFigure]]:
    """Unpleasant and pleasant sensations by region; neutral ones are on neither map."""
    unpleasant: list[tuple[str, int, float | None]] = []
    ease: list[tuple[str, int, float | None]] = []
    for region, feel, count, mean in (
        sensations.values("region", "feel")
        .annotate(n=Count("id"), mean=Avg("intensity"))
        .values_list("region", "feel", "n", "mean")
    ):
        if feel == Feel.UNPLEASANT:
            unpleasant.append((region, count, mean))
        elif feel == Feel.PLEASANT:
            ease.append((region, count, mean))
    return region_figures(unpleasant), region_figures(ease)


def _qualities(sensations: QuerySet[Sensation]) -> list[tuple[str, str, int]]:
    return [
        (QUALITY_LABELS.get(quality, quality), feel, count)
        for quality, feel, count in sensations.values("quality", "feel")
        .annotate(n=Count("id"))
        .order_by("-n", "quality")
        .values_list("quality", "feel", "n")[:TOP_QUALITIES]
    ]


def sensation_figures(*, user: User, week: Week) -> SensationFigures:
    sensations = Sensation.objects.for_user(user).filter(
        occurred_at__gte=week.start_at, occurred_at__lt=week.end_at
    )
    daily_intensity = _daily_intensity(sensations, week)
    unpleasant, ease = _regions(sensations)
    return SensationFigures(
        daily_intensity=daily_intensity,
        unpleasant=unpleasant,
        ease=ease,
        qualities=_qualities(sensations),
    )
