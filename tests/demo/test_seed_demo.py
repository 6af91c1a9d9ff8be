from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date, timedelta
from io import StringIO
from typing import cast

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import Count, Q

from journal.accounts.profiles import profile_for
from journal.core.vocabulary import EntryKind
from journal.demo.seed import demo_seed
from journal.models import JournalEntry, Sensation
from practices.models import PracticeSession, SessionState
from tests.factories import CheckInFactory, UserFactory

UNTIL = date(2026, 3, 31)


def _person(username: str = "demo") -> User:
    return cast(User, UserFactory(username=username, profile__time_zone="Europe/London"))


@pytest.fixture
def seeded(db: None) -> User:
    user = _person()
    demo_seed(user=user, years=1, seed=3, until=UNTIL)
    return user


def _rows(user: User) -> list[tuple[object, ...]]:
    entries = JournalEntry.objects.filter(user=user).order_by("occurred_at", "kind")
    sessions = PracticeSession.objects.filter(user=user).order_by("started_at")
    sensations = Sensation.objects.filter(user=user).order_by("occurred_at", "region", "quality")
    return [
        *entries.values_list("kind", "occurred_at", "pain", "tension", "stress", "sleep_hours"),
        *sessions.values_list("practice__slug", "started_at", "before_pain", "after_pain"),
        *sensations.values_list("occurred_at", "region", "quality", "intensity", "feel"),
    ]


def test_it_writes_a_realistic_week_shape(seeded: User) -> None:
    weeks = 365 / 7
    check_ins = JournalEntry.objects.filter(user=seeded, kind=EntryKind.CHECK_IN).count()
    sessions = PracticeSession.objects.filter(user=seeded).count()
    assert 5 * weeks <= check_ins <= 7 * weeks  # most days
    assert 2.5 * weeks <= sessions <= 6 * weeks  # several a week
    assert PracticeSession.objects.filter(user=seeded, state=SessionState.ABANDONED).exists()
    for kind in EntryKind.values:
        assert JournalEntry.objects.filter(user=seeded, kind=kind).exists(), kind
    assert JournalEntry.objects.filter(user=seeded, tags__isnull=False).exists()
    assert JournalEntry.objects.filter(user=seeded, emotions__isnull=False).exists()


def test_it_stays_within_the_chosen_days(seeded: User) -> None:
    local_days = {
        stamp.astimezone(profile_for(seeded).zone).date()
        for stamp in JournalEntry.objects.filter(user=seeded).values_list("occurred_at", flat=True)
    }
    assert max(local_days) <= UNTIL
    assert min(local_days) >= UNTIL - timedelta(days=365)


def test_every_parent_has_one_to_six_sensations_of_its_own(seeded: User) -> None:
    per_entry = JournalEntry.objects.filter(user=seeded).annotate(n=Count("sensations"))
    per_session = PracticeSession.objects.filter(user=seeded).annotate(n=Count("sensations"))
    assert set(per_entry.values_list("n", flat=True)) <= set(range(1, 7))
    assert set(per_session.values_list("n", flat=True)) <= set(range(1, 7))
    mismatched = Sensation.objects.filter(user=seeded).filter(
        (Q(entry__isnull=False) & ~Q(entry__user=seeded))
        | (Q(session__isnull=False) & ~Q(session__user=seeded))
    )
    assert not mismatched.exists()
    for sensation in Sensation.objects.filter(user=seeded).select_related("entry", "session"):
        parent = sensation.entry or sensation.session
        assert parent is not None
        parent_time = parent.occurred_at if sensation.entry else parent.started_at  # type: ignore[union-attr]
        assert sensation.occurred_at == parent_time
    assert Sensation.objects.filter(user=seeded, feel="pleasant").exists()


def test_ratings_are_in_range_and_finished_sessions_have_after_ratings(seeded: User) -> None:
    sessions = PracticeSession.objects.filter(user=seeded)
    for session in sessions:
        assert session.ended_at is not None and session.ended_at >= session.started_at
        if session.state == SessionState.FINISHED:
            assert session.after_pain is not None
        else:
            assert session.after_pain is None


def test_the_same_seed_gives_the_same_rows(db: None) -> None:
    one = _person("one")
    two = _person("two")
    three = _person("three")
    demo_seed(user=one, years=1, seed=11, until=UNTIL)
    demo_seed(user=two, years=1, seed=11, until=UNTIL)
    demo_seed(user=three, years=1, seed=12, until=UNTIL)
    assert _rows(one) == _rows(two)
    assert _rows(one) != _rows(three)


def test_running_it_again_adds_nothing(seeded: User) -> None:
    before = _rows(seeded)
    summary = demo_seed(user=seeded, years=1, seed=3, until=UNTIL)
    assert summary.entries == summary.sessions == summary.sensations == 0
    assert _rows(seeded) == before


def test_it_leaves_days_that_already_hold_data_alone(db: None) -> None:
    user = _person()
    own = cast(
        JournalEntry, CheckInFactory(user=user, occurred_at="2026-03-30T08:00:00+01:00", pain=1)
    )
    demo_seed(user=user, years=1, seed=3, until=UNTIL)
    that_day = JournalEntry.objects.filter(
        user=user, occurred_at__date=date(2026, 3, 30)
    ).values_list("pk", flat=True)
    assert list(that_day) == [own.pk]


def test_the_command_creates_the_person_and_prints_progress_per_year(db: None) -> None:
    out = StringIO()
    call_command(
        "seed_demo",
        "--username=newdemo",
        "--years=1",
        "--seed=5",
        "--until=2026-03-31",
        "--password=a long demo password",
        "--time-zone=America/New_York",
        stdout=out,
    )
    user = User.objects.get(username="newdemo")
    assert profile_for(user).time_zone == "America/New_York"
    assert user.check_password("a long demo password")
    assert "2025-" in out.getvalue() and "2026-01-01 to 2026-03-31" in out.getvalue()
    assert JournalEntry.objects.filter(user=user).exists()


def test_planted_patterns_are_there(db: None) -> None:
    user = _person()
    demo_seed(user=user, years=2, seed=1, until=UNTIL)
    check_ins = JournalEntry.objects.filter(user=user, kind=EntryKind.CHECK_IN)

    pairs = [(int(p or 0), int(s or 0)) for p, s in check_ins.values_list("pain", "stress")]
    high = [p for p, s in pairs if s >= 6]
    low = [p for p, s in pairs if s <= 3]
    assert statistics.mean(high) > statistics.mean(low) + 1

    changes: dict[str, list[int]] = defaultdict(list)
    for slug, before, after in PracticeSession.objects.filter(
        user=user, state=SessionState.FINISHED
    ).values_list("practice__slug", "before_pain", "after_pain"):
        changes[slug].append(int(after or 0) - int(before or 0))
    assert statistics.median(changes["somatic-tracking"]) <= -2
    assert statistics.median(changes["gentle-yoga"]) >= -1

    zone = profile_for(user).zone
    by_day = {e.occurred_at.astimezone(zone).date(): e for e in check_ins.prefetch_related("tags")}
    after_deadline: list[int] = []
    other: list[int] = []
    for day, entry in by_day.items():
        yesterday = by_day.get(day - timedelta(days=1))
        if yesterday is None:
            continue
        names = {t.name for t in yesterday.tags.all()}
        (after_deadline if "work deadline" in names else other).append(int(entry.pain or 0))
    assert len(after_deadline) >= 10
    assert statistics.mean(after_deadline) > statistics.mean(other) + 1.5
    # One red flag at most, so the review's notice can be seen without crying wolf.
    assert JournalEntry.objects.filter(user=user).with_red_flags().count() <= 2


@pytest.mark.django_db
def test_the_command_fills_an_existing_account_that_has_no_profile() -> None:
    # As made by createsuperuser or the admin: a user row and nothing else.
    user = User.objects.create_user(username="admin-made", password="a long test password 7")
    out = StringIO()
    call_command("seed_demo", "--username", "admin-made", "--years", "1", stdout=out)
    assert "Filling admin-made" in out.getvalue()
    assert JournalEntry.objects.filter(user=user).exists()
    assert profile_for(user).time_zone == "UTC"


@pytest.mark.django_db
def test_the_command_sets_the_time_zone_of_an_existing_account() -> None:
    user = User.objects.create_user(username="zoned", password="a long test password 7")
    call_command(
        "seed_demo", "--username", "zoned", "--years", "1", "--time-zone", "Asia/Tokyo",
        stdout=StringIO(),
    )  # fmt: skip
    user.refresh_from_db()
    assert user.profile.time_zone == "Asia/Tokyo"
