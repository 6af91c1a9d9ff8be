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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db import transaction

from journal.accounts.profiles import profile_for
from journal.core.vocabulary import Emotion, EntryKind, Feel, Quality, Region
from journal.demo.texts import (
    BELIEFS,
    CHECK_IN_NOTES,
    DEADLINE,
    EASE_REGIONS,
    EXPRESSIVE,
    FAMILY,
    FREE_NOTES,
    LONG_DRIVE,
    NEUTRAL_QUALITIES,
    PLEASANT_QUALITIES,
    PRACTICE_EFFECT,
    PRACTICE_WEIGHT,
    REFLECTIONS,
    SAID_NO,
    TAG_NAMES,
    UNPLEASANT_QUALITIES,
    UNPLEASANT_REGIONS,
    WALK,
)
from journal.models import EntryEmotion, JournalEntry, Sensation, Tag
from practices.models import Practice, PracticeSession, SessionState

BATCH = 1000


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


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    choices, weights = zip(*weighted, strict=True)
    return rng.choices(choices, weights=weights)[0]


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def _at(day: date, hour: float, zone: ZoneInfo) -> datetime:
    minutes = int(hour * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def _tags_for(user: User) -> dict[str, Tag]:
    tags: dict[str, Tag] = {}
    for name in TAG_NAMES:
        tag = Tag.objects.filter(user=user, name__iexact=name).first()
        tags[name] = tag or Tag.objects.create(user=user, name=name)
    return tags


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


class _Year:
    """Rows for one year, written together."""

    def __init__(self) -> None:
        self.sessions: list[PracticeSession] = []
        self.entries: list[JournalEntry] = []
        # Index into entries / sessions, or None.
        self.entry_sessions: list[int | None] = []
        self.entry_tags: list[tuple[int, Tag]] = []
        self.entry_emotions: list[tuple[int, str]] = []
        self.sensations: list[tuple[Sensation, str, int]] = []  # ("entry"|"session", index)

    def save(self) -> None:
        PracticeSession.objects.bulk_create(self.sessions, batch_size=BATCH)
        for entry, session_index in zip(self.entries, self.entry_sessions, strict=True):
            if session_index is not None:
                entry.session = self.sessions[session_index]
        JournalEntry.objects.bulk_create(self.entries, batch_size=BATCH)
        Through = JournalEntry.tags.through
        Through.objects.bulk_create(
            [Through(journalentry=self.entries[i], tag=tag) for i, tag in self.entry_tags],
            batch_size=BATCH,
        )
        EntryEmotion.objects.bulk_create(
            [EntryEmotion(entry=self.entries[i], emotion=e) for i, e in self.entry_emotions],
            batch_size=BATCH,
        )
        rows = []
        for sensation, parent, index in self.sensations:
            if parent == "entry":
                sensation.entry = self.entries[index]
            else:
                sensation.session = self.sessions[index]
            rows.append(sensation)
        Sensation.objects.bulk_create(rows, batch_size=BATCH)


class _Generator:
    def __init__(self, *, user: User, rng: random.Random, zone: ZoneInfo) -> None:
        self.user = user
        self.rng = rng
        self.zone = zone
        self.tags = _tags_for(user)
        practices = Practice.objects.filter(user=None, slug__in=PRACTICE_EFFECT)
        self.practices = {p.slug: p for p in practices}
        if not self.practices:
            raise LookupError("The built-in practice catalog is missing; run migrate first.")
        self.practice_weights = [(slug, PRACTICE_WEIGHT[slug]) for slug in self.practices]
        self.stress_level = 4.0
        self.deadline_left = 0
        self.yesterday_stress = 4
        self.yesterday_tags: set[str] = set()
        self.yesterday_sleep = 7.0

    def sensations(
        self, year: _Year, *, parent: str, index: int, when: datetime, pain: int, ease: float
    ) -> int:
        """1-6 sensations; `ease` (0-1) is the share that are neutral or pleasant."""
        rng = self.rng
        count = rng.choices([1, 2, 3, 4, 5, 6], weights=[3, 5, 5, 3, 2, 1])[0]
        for _ in range(count):
            roll = rng.random()
            if roll < ease * 0.65:
                feel, region = Feel.PLEASANT, _pick(rng, EASE_REGIONS)
                quality = _pick(rng, PLEASANT_QUALITIES)
                intensity = _clamp(rng.gauss(5, 1.8), 1)
            elif roll < ease:
                feel, region = Feel.NEUTRAL, _pick(rng, UNPLEASANT_REGIONS + EASE_REGIONS)
                quality = _pick(rng, NEUTRAL_QUALITIES)
                intensity = _clamp(rng.gauss(3.5, 1.5), 1)
            else:
                feel, region = Feel.UNPLEASANT, _pick(rng, UNPLEASANT_REGIONS)
                quality = _pick(rng, UNPLEASANT_QUALITIES)
                intensity = _clamp(pain + rng.gauss(0, 1.3), 1)
            sensation = Sensation(
                user=self.user,
                occurred_at=when,
                region=region,
                quality=quality,
                intensity=intensity,
                feel=feel,
            )
            year.sensations.append((sensation, parent, index))
        return count

    def day(self, year: _Year, day: date, *, baseline: float) -> tuple[int, int, int]:
        """Generate one local day into `year`."""
        rng = self.rng
        # Today's situation.
        if self.deadline_left == 0 and day.weekday() < 5 and rng.random() < 0.035:
            self.deadline_left = rng.choice([1, 2, 3])
        tags: set[str] = set()
        if self.deadline_left:
            tags.add(DEADLINE)
            self.deadline_left -= 1
        if rng.random() < 0.04:
            tags.add(LONG_DRIVE)
        if rng.random() < 0.03:
            tags.add(SAID_NO)
        if day.weekday() >= 5 and rng.random() < 0.15:
            tags.add(FAMILY)
        if rng.random() < 0.12:
            tags.add(WALK)
        self.stress_level += (4.0 - self.stress_level) * 0.25 + rng.gauss(0, 0.8)
        stress = _clamp(self.stress_level + (3.0 if DEADLINE in tags else 0) + rng.gauss(0, 1))
        if SAID_NO in tags:
            stress = _clamp(stress - 1)
        sleep = max(3.0, min(10.0, rng.gauss(7.1, 1.0) - 0.15 * (stress - 4)))
        sleep_hours = Decimal(str(round(sleep * 2) / 2))
        sleep_quality = max(1, min(5, round((sleep - 4) * 0.9 + rng.gauss(0, 0.6))))

        pain_value = (
            baseline
            + 0.45 * (stress - 4)
            + 0.2 * (self.yesterday_stress - 4)
            + (2.5 if self.yesterday_tags & {DEADLINE, LONG_DRIVE} else 0)
            - (0.5 if WALK in self.yesterday_tags else 0)
            + rng.gauss(0, 0.9)
        )
        pain = _clamp(pain_value)
        tension = _clamp(
            pain_value * 0.8 + 1 + (1.8 if self.yesterday_sleep < 6 else 0) + rng.gauss(0, 0.9)
        )
        self.yesterday_stress = stress
        self.yesterday_tags = tags
        self.yesterday_sleep = sleep

        entries = sessions = sensations = 0
        # Morning check-in, most days.
        if rng.random() < 0.88:
            when = _at(day, rng.uniform(6.5, 9.5), self.zone)
            entry = JournalEntry(
                user=self.user,
                kind=EntryKind.CHECK_IN,
                occurred_at=when,
                body=rng.choice(CHECK_IN_NOTES) if rng.random() < 0.25 else "",
                pain=pain,
                tension=tension,
                stress=stress,
                sleep_hours=sleep_hours,
                sleep_quality=sleep_quality,
            )
            index = self._add_entry(year, entry, None)
            for name in sorted(tags):
                year.entry_tags.append((index, self.tags[name]))
            for emotion in self._emotions(stress, pain):
                year.entry_emotions.append((index, emotion))
            sensations += self.sensations(
                year, parent="entry", index=index, when=when, pain=pain, ease=0.2
            )
            entries += 1

        # Practice sessions: several a week, sometimes two a day.
        count = 0 if rng.random() < 0.45 else (2 if rng.random() < 0.12 else 1)
        for number in range(count):
            slug = _pick(rng, self.practice_weights)
            start = _at(day, rng.uniform(12, 21.5) if number == 0 else 21.7, self.zone)
            session_index, session_sensations, after_pain = self._session(
                year, slug=slug, start=start, pain=pain, tension=tension, stress=stress
            )
            sessions += 1
            sensations += session_sensations
            if after_pain is not None and rng.random() < 0.3:
                session = year.sessions[session_index]
                assert session.ended_at is not None
                entry = JournalEntry(
                    user=self.user,
                    kind=EntryKind.POST_PRACTICE,
                    occurred_at=session.ended_at + timedelta(minutes=2),
                    body=rng.choice(REFLECTIONS),
                )
                index = self._add_entry(year, entry, session_index)
                sensations += self.sensations(
                    year,
                    parent="entry",
                    index=index,
                    when=entry.occurred_at,
                    pain=after_pain,
                    ease=0.55,
                )
                entries += 1

        # Now and then some writing.
        roll = rng.random()
        writing: JournalEntry | None = None
        when = _at(day, rng.uniform(19, 22.5), self.zone)
        if roll < 0.06:
            writing = JournalEntry(
                user=self.user, kind=EntryKind.EXPRESSIVE, occurred_at=when,
                body=rng.choice(EXPRESSIVE),
            )  # fmt: skip
        elif roll < 0.1:
            belief, reframe = rng.choice(BELIEFS)
            before = rng.randint(55, 90)
            writing = JournalEntry(
                user=self.user, kind=EntryKind.REFRAME, occurred_at=when, belief=belief,
                belief_strength_before=before, reframe=reframe,
                belief_strength_after=max(10, before - rng.randint(10, 40)),
            )  # fmt: skip
        elif roll < 0.2:
            writing = JournalEntry(
                user=self.user, kind=EntryKind.FREE, occurred_at=when,
                body=rng.choice(FREE_NOTES),
            )  # fmt: skip
        if writing is not None:
            index = self._add_entry(year, writing, None)
            sensations += self.sensations(
                year, parent="entry", index=index, when=when, pain=pain, ease=0.35
            )
            entries += 1
        return entries, sessions, sensations

    def _add_entry(self, year: _Year, entry: JournalEntry, session_index: int | None) -> int:
        year.entries.append(entry)
        year.entry_sessions.append(session_index)
        return len(year.entries) - 1

    def _emotions(self, stress: int, pain: int) -> list[str]:
        rng = self.rng
        if stress >= 6 or pain >= 6:
            pool = [Emotion.ANXIOUS, Emotion.FRUSTRATED, Emotion.OVERWHELMED, Emotion.TIRED,
                    Emotion.ANGRY, Emotion.SAD]  # fmt: skip
        elif stress <= 3:
            pool = [Emotion.CALM, Emotion.GRATEFUL, Emotion.HOPEFUL, Emotion.CONTENT]
        else:
            pool = [Emotion.TIRED, Emotion.CALM, Emotion.HOPEFUL, Emotion.ANXIOUS, Emotion.CONTENT]
        return sorted(rng.sample(pool, rng.choice([0, 1, 1, 2, 2, 3])))

    def _session(
        self, year: _Year, *, slug: str, start: datetime, pain: int, tension: int, stress: int
    ) -> tuple[int, int, int | None]:
        rng = self.rng
        practice = self.practices[slug]
        effect = PRACTICE_EFFECT[slug]
        before_pain = _clamp(pain + rng.gauss(0, 1))
        before_tension = _clamp(tension + rng.gauss(0, 1))
        before_safety = _clamp(7 - 0.5 * stress + rng.gauss(0, 1.2))
        before_connection = _clamp(rng.gauss(4.5, 1.5))
        abandoned = rng.random() < 0.04
        planned = practice.default_minutes
        if abandoned:
            seconds = int(rng.uniform(0.15, 0.6) * planned * 60)
        else:
            seconds = int(planned * 60 * rng.uniform(0.85, 1.3))
        session = PracticeSession(
            user=self.user,
            practice=practice,
            state=SessionState.ABANDONED if abandoned else SessionState.FINISHED,
            started_at=start,
            ended_at=start + timedelta(seconds=seconds + rng.randint(0, 120)),
            planned_minutes=planned,
            duration_seconds=seconds,
            before_pain=before_pain,
            before_tension=before_tension,
            before_safety=before_safety,
            before_connection=before_connection,
        )
        after_pain: int | None = None
        if not abandoned:
            after_pain = _clamp(before_pain + effect + rng.gauss(0, 0.8))
            session.after_pain = after_pain
            session.after_tension = _clamp(before_tension + effect * 1.1 + rng.gauss(0, 0.9))
            session.after_safety = _clamp(before_safety - effect * 0.8 + rng.gauss(0, 0.8))
            session.after_connection = _clamp(
                before_connection - effect * 0.7 + 0.5 + rng.gauss(0, 0.8)
            )
        year.sessions.append(session)
        index = len(year.sessions) - 1
        count = self.sensations(
            year,
            parent="session",
            index=index,
            when=start,
            pain=before_pain,
            ease=0.3 if abandoned else 0.45,
        )
        return index, count, after_pain


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
