"""Realistic demo data for developing and showing the review pages.

`demo_seed` writes years of check-ins, practice sessions, reflections and
sensations for one person, with patterns planted so the review has something
true to find:

- stress raises pain the same day and, less, the next day;
- some practices ease pain much more than others (somatic tracking and
  pendulation most, gentle yoga and Pilates least);
- pain flares the day after days tagged "work deadline" or "long drive";
- a short night (under 6 hours) raises tension the next day;
- pain slowly eases over the years.

It is deterministic: the same seed, years and end date give the same rows
(apart from ids, UUIDs and creation times). It fills an existing person: a
local day that already holds any entry or session is left alone, so running it
twice with the same arguments adds nothing the second time. Everything is
written with bulk inserts, one calendar year at a time.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db import transaction

from journal.accounts.profiles import profile_for
from journal.core.vocabulary import EntryKind, Feel, Quality, Region
from journal.demo.generator import _Generator
from journal.demo.rows import _at, _Year
from journal.models import JournalEntry, Sensation
from practices.models import PracticeSession


class Progress(Protocol):
    def write(self, msg: str) -> object: ...

    def flush(self) -> object: ...


@dataclass
class DemoSummary:
    days: int = 0
    skipped_days: int = 0
    check_ins: int = 0
    sessions: int = 0
    entries: int = 0
    sensations: int = 0
    per_year: list[tuple[int, int]] = field(default_factory=list)


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def _occupied_days(user: User, zone: ZoneInfo, start: datetime) -> set[date]:
    """Local days that already hold something of this person's."""
    stamps = list(
        JournalEntry.objects.filter(user=user, occurred_at__gte=start).values_list(
            "occurred_at", flat=True
        )
    ) + list(
        PracticeSession.objects.filter(user=user, started_at__gte=start).values_list(
            "started_at", flat=True
        )
    )
    return {stamp.astimezone(zone).date() for stamp in stamps}


def _plant_red_flag(generator: _Generator, year: _Year, day: date) -> None:
    """One night of severe pain reported, long ago, so the review's notice can be seen."""
    when = _at(day, 22.0, generator.zone)
    entry = JournalEntry(
        user=generator.user,
        kind=EntryKind.FREE,
        occurred_at=when,
        body="Woke in the night with pain that would not settle whatever I did.",
        red_flag_night_pain=True,
    )
    index = generator._add_entry(year, entry, None)
    sensation = Sensation(
        user=generator.user,
        occurred_at=when,
        region=Region.LOWER_BACK,
        quality=Quality.SHARP,
        intensity=8,
        feel=Feel.UNPLEASANT,
    )
    year.sensations.append((sensation, "entry", index))


def demo_seed(
    *,
    user: User,
    years: int,
    seed: int,
    until: date,
    stdout: Progress | None = None,
) -> DemoSummary:
    """Fill `user`'s journal with `years` years of days ending with `until` (a local date)."""
    zone = profile_for(user).zone
    rng = random.Random(seed)
    first = until - timedelta(days=round(365.25 * years) - 1)
    total_days = (until - first).days + 1
    occupied = _occupied_days(user, zone, _at(first, 0, zone))
    generator = _Generator(user=user, rng=rng, zone=zone)
    red_flag_day = until - timedelta(days=min(400, total_days // 2))
    summary = DemoSummary()

    year = _Year()
    year_start = first
    for number, day in enumerate(_days(first, until)):
        # Pain eases slowly over the whole span, with a gentle seasonal swing.
        progress = number / max(1, total_days - 1)
        baseline = 5.2 - 1.6 * progress + 0.4 * math.sin(2 * math.pi * number / 365.25)
        keep = day not in occupied
        # A day the person already filled is generated into a scratch year and dropped, so
        # the days after it come out exactly as in a run without it.
        target = year if keep else _Year()
        entries, sessions, sensations = generator.day(target, day, baseline=baseline)
        if not keep:
            entries = sessions = sensations = 0
        if keep and day == red_flag_day:
            _plant_red_flag(generator, year, day)
            entries += 1
            sensations += 1
        summary.days += 1
        summary.skipped_days += not keep
        summary.entries += entries
        summary.sessions += sessions
        summary.sensations += sensations
        last = day == until
        if (day.month, day.day) == (12, 31) or last:
            with transaction.atomic():
                year.save()
            summary.check_ins += sum(1 for e in year.entries if e.kind == EntryKind.CHECK_IN)
            summary.per_year.append((year_start.year, len(year.entries) + len(year.sessions)))
            if stdout is not None:
                stdout.write(
                    f"{year_start:%Y-%m-%d} to {day:%Y-%m-%d}: {len(year.entries)} entries, "
                    f"{len(year.sessions)} sessions, {len(year.sensations)} sensations\n"
                )
                stdout.flush()
            year = _Year()
            year_start = day + timedelta(days=1)
    return summary
