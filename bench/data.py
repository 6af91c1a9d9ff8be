"""The benchmark's data set, written into the (throwaway) database the harness set up.

- the measured person: `seed_demo`'s 5 years (timed);
- 200 other people with a year each, so every table holds other people's rows as well;
- a light person with three weeks of the same kind of data, to check that query counts do not
  grow with the amount of data;
- a writer, who receives the check-ins posted under load (so the pages measured do not change);
- a person with 40,000 check-ins, for the export goal.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from journal.core.vocabulary import Emotion, EntryKind, Feel, Quality, Region
from journal.demo.seed import demo_seed
from journal.models import EntryEmotion, JournalEntry, Profile, Sensation
from practices.models import PracticeSession

ZONE = "Europe/London"
BATCH = 2000


@dataclass(frozen=True)
class Size:
    years: int  # the measured person
    others: int  # people with a year each
    bulk_check_ins: int  # the export goal's person


FULL = Size(years=5, others=200, bulk_check_ins=40_000)
SMALL = Size(years=1, others=2, bulk_check_ins=500)


@dataclass
class DataSet:
    heavy: User
    light: User
    writer: User
    bulk: User
    until: date
    seconds: dict[str, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)


def people_create(names: list[str]) -> list[User]:
    # Nobody logs in with a password here (the harness signs people in directly), so no slow
    # password hashing: the accounts get unusable passwords.
    unusable = make_password(None)
    users = User.objects.bulk_create(User(username=name, password=unusable) for name in names)
    users = list(User.objects.filter(username__in=names).order_by("id"))
    Profile.objects.bulk_create(Profile(user=u, time_zone=ZONE) for u in users)
    return users


def _trim(user: User, *, keep_days: int, until: date) -> None:
    """Keep only the last `keep_days` of a person's journal."""
    first_day = until - timedelta(days=keep_days)
    cutoff = timezone.make_aware(datetime.combine(first_day, datetime.min.time()))
    JournalEntry.objects.filter(user=user, occurred_at__lt=cutoff).delete()
    PracticeSession.objects.filter(user=user, started_at__lt=cutoff).delete()


@transaction.atomic
def bulk_check_ins(*, user: User, count: int, until: date, seed: int = 7) -> None:
    """`count` check-ins, one every 3 hours back from `until`, each with two sensations and an
    emotion: a long journal written quickly, for the export goal."""
    rng = random.Random(seed)
    end = timezone.make_aware(datetime.combine(until, datetime.min.time()))
    regions = list(Region.values)
    qualities = list(Quality.values)
    feels = list(Feel.values)
    emotions = list(Emotion.values)
    for start in range(0, count, BATCH):
        entries = [
            JournalEntry(
                user=user,
                kind=EntryKind.CHECK_IN,
                occurred_at=end - timedelta(hours=3 * (start + i)),
                pain=rng.randint(0, 10),
                tension=rng.randint(0, 10),
                stress=rng.randint(0, 10),
                sleep_hours=Decimal(rng.randint(8, 18)) / 2,
                sleep_quality=rng.randint(1, 5),
                body="Tight lower back in the morning, easier after a walk." if i % 4 else "",
            )
            for i in range(min(BATCH, count - start))
        ]
        JournalEntry.objects.bulk_create(entries)
        Sensation.objects.bulk_create(
            Sensation(
                user=user,
                entry=entry,
                occurred_at=entry.occurred_at,
                region=rng.choice(regions),
                quality=rng.choice(qualities),
                intensity=rng.randint(0, 10),
                feel=rng.choice(feels),
            )
            for entry in entries
            for _ in range(2)
        )
        EntryEmotion.objects.bulk_create(
            EntryEmotion(entry=entry, emotion=rng.choice(emotions)) for entry in entries
        )


def existing(*, until: date) -> DataSet | None:
    """The data set an earlier run left in this database, if there is one."""
    names = ["bench-demo", "bench-light", "bench-writer", "bench-bulk"]
    found = {u.username: u for u in User.objects.filter(username__in=names)}
    if len(found) != len(names):
        return None
    data = DataSet(
        heavy=found["bench-demo"],
        light=found["bench-light"],
        writer=found["bench-writer"],
        bulk=found["bench-bulk"],
        until=until,
    )
    data.rows = _rows(data)
    return data


def _rows(data: DataSet) -> dict[str, int]:
    return {
        "people": User.objects.count(),
        "entries": JournalEntry.objects.count(),
        "sessions": PracticeSession.objects.count(),
        "sensations": Sensation.objects.count(),
        "measured_person_entries": JournalEntry.objects.filter(user=data.heavy).count(),
        "measured_person_sessions": PracticeSession.objects.filter(user=data.heavy).count(),
        "measured_person_sensations": Sensation.objects.filter(user=data.heavy).count(),
        "light_person_entries": JournalEntry.objects.filter(user=data.light).count(),
        "export_person_check_ins": JournalEntry.objects.filter(user=data.bulk).count(),
    }


def build(*, size: Size, until: date, say: Callable[[str], None]) -> DataSet:
    heavy, light, writer, bulk = people_create(
        ["bench-demo", "bench-light", "bench-writer", "bench-bulk"]
    )
    data = DataSet(heavy=heavy, light=light, writer=writer, bulk=bulk, until=until)

    started = time.perf_counter()
    demo_seed(user=heavy, years=size.years, seed=1, until=until)
    data.seconds["seed_demo"] = time.perf_counter() - started
    say(f"seed_demo, {size.years} years: {data.seconds['seed_demo']:.1f} s")

    started = time.perf_counter()
    others = people_create([f"bench-other-{n:03d}" for n in range(size.others)])
    for n, person in enumerate(others):
        demo_seed(user=person, years=1, seed=100 + n, until=until)
        if (n + 1) % 50 == 0:
            say(f"  {n + 1} of {size.others} other people")
    data.seconds["other_people"] = time.perf_counter() - started
    say(f"{size.others} other people, a year each: {data.seconds['other_people']:.1f} s")

    for person, seed in ((light, 2), (writer, 3)):
        demo_seed(user=person, years=1, seed=seed, until=until)
        _trim(person, keep_days=21, until=until)

    started = time.perf_counter()
    bulk_check_ins(user=bulk, count=size.bulk_check_ins, until=until)
    data.seconds["bulk_check_ins"] = time.perf_counter() - started
    say(f"{size.bulk_check_ins} check-ins to export: {data.seconds['bulk_check_ins']:.1f} s")

    data.rows = _rows(data)
    return data
