"""Demo days: one local day of check-ins, sessions, writing and sensations at a time."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User

from journal.core.vocabulary import Emotion, EntryKind, Feel
from journal.demo.rows import _at, _clamp, _pick, _tags_for, _Year
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
    UNPLEASANT_QUALITIES,
    UNPLEASANT_REGIONS,
    WALK,
)
from journal.models import JournalEntry, Sensation
from practices.models import Practice, PracticeSession, SessionState


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
        """Generate one local day into `year`: (entries, sessions, sensations) added."""
        tags, stress, sleep_hours, sleep_quality, pain, tension = self._situation(day, baseline)
        entries = sessions = sensations = 0
        # Morning check-in, most days.
        if self.rng.random() < 0.88:
            sensations += self._check_in(
                year, day, tags, pain=pain, tension=tension, stress=stress,
                sleep_hours=sleep_hours, sleep_quality=sleep_quality,
            )  # fmt: skip
            entries += 1
        added = self._practice_day(year, day, pain=pain, tension=tension, stress=stress)
        entries, sessions, sensations = (
            entries + added[0], sessions + added[1], sensations + added[2]
        )  # fmt: skip
        wrote = self._writing(year, day, pain=pain)
        if wrote is not None:
            entries += 1
            sensations += wrote
        return entries, sessions, sensations

    def _situation(
        self, day: date, baseline: float
    ) -> tuple[set[str], int, Decimal, int, int, int]:
        """Today's tags, stress, sleep, pain and tension, from yesterday's and chance."""
        rng = self.rng
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
        return tags, stress, sleep_hours, sleep_quality, pain, tension

    def _check_in(
        self,
        year: _Year,
        day: date,
        tags: set[str],
        *,
        pain: int,
        tension: int,
        stress: int,
        sleep_hours: Decimal,
        sleep_quality: int,
    ) -> int:
        """A morning check-in with its tags, emotions and sensations; sensations added."""
        rng = self.rng
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
        return self.sensations(year, parent="entry", index=index, when=when, pain=pain, ease=0.2)

    def _practice_day(
        self, year: _Year, day: date, *, pain: int, tension: int, stress: int
    ) -> tuple[int, int, int]:
        """Practice sessions: several a week, sometimes two a day, some with a reflection."""
        rng = self.rng
        entries = sessions = sensations = 0
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
                sensations += self._reflection(year, session_index, after_pain)
                entries += 1
        return entries, sessions, sensations

    def _reflection(self, year: _Year, session_index: int, after_pain: int) -> int:
        session = year.sessions[session_index]
        assert session.ended_at is not None
        entry = JournalEntry(
            user=self.user,
            kind=EntryKind.POST_PRACTICE,
            occurred_at=session.ended_at + timedelta(minutes=2),
            body=self.rng.choice(REFLECTIONS),
        )
        index = self._add_entry(year, entry, session_index)
        return self.sensations(
            year, parent="entry", index=index, when=entry.occurred_at, pain=after_pain, ease=0.55
        )

    def _writing(self, year: _Year, day: date, *, pain: int) -> int | None:
        """Now and then some writing; the sensations added, or None when nothing was written."""
        rng = self.rng
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
        if writing is None:
            return None
        index = self._add_entry(year, writing, None)
        return self.sensations(year, parent="entry", index=index, when=when, pain=pain, ease=0.35)

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
