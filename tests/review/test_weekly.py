from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.core.vocabulary import EntryKind, Feel, Quality, Region
from journal.review.figures import signed
from journal.review.trends import trends
from journal.review.week import week_review
from practices.models import SessionState
from tests.factories import (
    CheckInFactory,
    JournalEntryFactory,
    PracticeSessionFactory,
    SensationFactory,
    UserFactory,
    builtin_practice,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 3, 2)  # ISO 2026-W10


def at(day: date, hour: int, zone: ZoneInfo = LONDON, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def week_of(user: User, day: date = MONDAY) -> Week:
    profile = profile_for(user)
    return Week.containing(day, week_start=profile.week_start, zone=profile.zone)


def person(*, time_zone: str, week_start: int = 0) -> User:
    return cast(User, UserFactory(profile__time_zone=time_zone, profile__week_start=week_start))


def session(user: User, when: datetime, slug: str = "body-scan", **kwargs: Any) -> Any:
    return PracticeSessionFactory(
        user=user, practice=builtin_practice(slug), started_at=when, **kwargs
    )


def test_day_figures_average_check_ins_and_add_up_practice(alice: User) -> None:
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8), pain=6, tension=5, stress=7,
                   sleep_hours=5.5, sleep_quality=2)  # fmt: skip
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 20), pain=4, tension=3, stress=5,
                   sleep_hours=5.5, sleep_quality=2)  # fmt: skip
    session(alice, at(MONDAY, 12), duration_seconds=600)
    session(alice, at(MONDAY, 18), duration_seconds=1200)
    session(alice, at(MONDAY, 19), duration_seconds=300, state=SessionState.ABANDONED,
            after_pain=None)  # fmt: skip
    session(alice, at(MONDAY, 21), duration_seconds=None, state=SessionState.IN_PROGRESS,
            ended_at=None)  # fmt: skip
    entry = JournalEntryFactory(user=alice, occurred_at=at(MONDAY, 9))
    SensationFactory(entry=entry, intensity=4)
    SensationFactory(entry=entry, intensity=8, region=Region.NECK)
    SensationFactory(entry=entry, intensity=1, feel=Feel.PLEASANT, quality=Quality.WARM)

    review = week_review(user=alice, week=week_of(alice))

    monday = review.days[0]
    assert monday.day == MONDAY
    assert (monday.pain, monday.tension, monday.stress) == (5, 4, 6)
    assert monday.sleep_hours == 5.5
    assert monday.sensation_intensity == 6
    assert monday.minutes == 35  # the abandoned session's 5 minutes count; in progress does not
    assert monday.sessions == 3
    tuesday = review.days[1]
    assert tuesday.pain is None and tuesday.minutes == 0 and not tuesday.logged


def test_counts_compare_with_the_week_before_in_numbers(alice: User) -> None:
    last_monday = MONDAY - timedelta(days=7)
    CheckInFactory(user=alice, occurred_at=at(last_monday, 8))
    session(alice, at(last_monday, 12), duration_seconds=600)
    for offset in range(3):
        CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=offset), 8))
    session(alice, at(MONDAY, 12), duration_seconds=600)

    comparisons = {c.key: c for c in week_review(user=alice, week=week_of(alice)).comparisons}

    days = comparisons["check_ins"]
    assert (days.this, days.last, days.delta) == (3, 1, 2)
    assert days.words == "up 2 from 1 the week before"
    assert comparisons["sessions"].words == "the same as the week before (1)"
    minutes = comparisons["minutes"]
    assert (minutes.this, minutes.last) == (10, 10)


def test_mean_pain_is_compared_with_the_week_before(alice: User) -> None:
    last_monday = MONDAY - timedelta(days=7)
    for offset, pain in enumerate((6, 5, 4)):
        CheckInFactory(user=alice, occurred_at=at(last_monday + timedelta(days=offset), 8),
                       pain=pain)  # fmt: skip
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8), pain=4)
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 20), pain=2)  # Monday's mean is 3
    review = week_review(user=alice, week=week_of(alice))
    assert review.pain_words == (
        "on 1 day with a pain rating: too few days to compare with the week before"
    )
    CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=1), 8), pain=3)
    CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=2), 8), pain=6)

    review = week_review(user=alice, week=week_of(alice))

    assert (review.pain, review.previous_pain) == (4, 5)  # the mean of daily means
    assert (review.pain_days, review.previous_pain_days) == (3, 3)
    assert review.pain_words == "lower than 5.0 the week before"
    assert week_review(user=alice, week=week_of(alice).next).pain_words == ""
    CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=3), 8), pain=8)
    review = week_review(user=alice, week=week_of(alice))
    assert review.pain == 5
    assert review.pain_words == "about the same as the week before (5.0)"


def test_what_helped_ranks_by_median_pain_change_over_12_weeks(alice: User) -> None:
    def rated(slug: str, day: date, before: int, after: int) -> None:
        session(alice, at(day, 12), slug, before_pain=before, after_pain=after,
                before_tension=6, after_tension=5, before_safety=4, after_safety=7,
                before_connection=5, after_connection=5)  # fmt: skip

    # Somatic tracking: -3, -1, -2 -> median -2 (one this week).
    rated("somatic-tracking", MONDAY - timedelta(weeks=5), 6, 3)
    rated("somatic-tracking", MONDAY - timedelta(weeks=2), 5, 4)
    rated("somatic-tracking", MONDAY + timedelta(days=1), 6, 4)
    # Pendulation: -4, -3, -2, -2 -> median -2.5 (two this week).
    rated("pendulation", MONDAY - timedelta(weeks=11), 7, 3)
    rated("pendulation", MONDAY - timedelta(weeks=3), 6, 3)
    rated("pendulation", MONDAY, 5, 3)
    rated("pendulation", MONDAY + timedelta(days=2), 4, 2)
    # Too long ago to count: outside the 12 weeks.
    rated("pendulation", MONDAY - timedelta(weeks=12), 9, 0)
    # Gentle yoga: only one session, this week.
    rated("gentle-yoga", MONDAY + timedelta(days=3), 5, 5)
    # Body scan: plenty, but none this week, so not listed.
    for weeks in (1, 2, 3):
        rated("body-scan", MONDAY - timedelta(weeks=weeks), 8, 2)

    review = week_review(user=alice, week=week_of(alice))

    assert [e.name for e in review.practices] == ["Pendulation", "Somatic tracking"]
    pendulation, somatic = review.practices
    assert pendulation.median("pain") == -2.5
    assert pendulation.sessions == 4
    assert pendulation.week_sessions == 2
    assert pendulation.week_median("pain") == -2
    assert somatic.median("pain") == -2
    assert somatic.medians == [-2, -1, 3, 0]
    assert somatic.median_labels == ["−2", "−1", "+3", "0"]
    assert [e.name for e in review.too_few] == ["Gentle yoga"]
    assert review.too_few[0].sessions == 1
    assert somatic.cells == [
        ("Pain", "−2"), ("Tension", "−1"), ("Safety", "+3"), ("Connection", "0")
    ]  # fmt: skip
    assert review.too_few_list == "Gentle yoga (1 session with ratings in 12 weeks)"
    assert review.too_few_sentence == (
        "Also this week: Gentle yoga (1 session with ratings in 12 weeks). That is too few"
        " sessions to say how it tends to help; a few more will tell."
    )


def test_signed_changes_read_naturally() -> None:
    assert [signed(v) for v in (-2.0, -1.5, 0.0, 1.0, 2.5, None)] == [
        "−2", "−1.5", "0", "+1", "+2.5", "–"
    ]  # fmt: skip


def test_where_counts_regions_by_feel_with_mean_intensity(alice: User) -> None:
    entry = JournalEntryFactory(user=alice, occurred_at=at(MONDAY, 9))
    other = session(alice, at(MONDAY + timedelta(days=1), 12))
    SensationFactory(entry=entry, region=Region.LOWER_BACK, intensity=4)
    SensationFactory(entry=None, session=other, region=Region.LOWER_BACK, intensity=7,
                     quality=Quality.ACHING)  # fmt: skip
    SensationFactory(entry=entry, region=Region.NECK, intensity=3)
    SensationFactory(entry=entry, region=Region.BELLY, intensity=6, feel=Feel.PLEASANT,
                     quality=Quality.WARM)  # fmt: skip
    SensationFactory(entry=entry, region=Region.CHEST, intensity=2, feel=Feel.NEUTRAL,
                     quality=Quality.TINGLING)  # fmt: skip
    # Last week's sensation stays out.
    earlier = JournalEntryFactory(user=alice, occurred_at=at(MONDAY - timedelta(days=1), 9))
    SensationFactory(entry=earlier, region=Region.JAW, intensity=9)

    review = week_review(user=alice, week=week_of(alice))

    unpleasant = [(r.region, r.count, r.mean_intensity, r.level) for r in review.unpleasant]
    assert unpleasant == [("lower_back", 2, 5.5, 4), ("neck", 1, 3.0, 2)]
    assert [(r.region, r.count) for r in review.ease] == [("belly", 1)]
    assert review.qualities[0] == ("Tight", "unpleasant", 2)
    assert ("Tingling", "neutral", 1) in review.qualities


def test_discoveries_and_red_flags_come_from_this_week_only(alice: User) -> None:
    reflection: Any = JournalEntryFactory(
        user=alice,
        kind=EntryKind.POST_PRACTICE,
        occurred_at=at(MONDAY, 20),
        body="**Breath** slowed. " * 30,
    )
    JournalEntryFactory(user=alice, kind=EntryKind.REFRAME, occurred_at=at(MONDAY, 21),
                        belief="Bending hurts me.", reframe="Bending is safe.",
                        belief_strength_before=80, belief_strength_after=40)  # fmt: skip
    JournalEntryFactory(user=alice, kind=EntryKind.FREE, occurred_at=at(MONDAY, 22))
    JournalEntryFactory(user=alice, kind=EntryKind.POST_PRACTICE,
                        occurred_at=at(MONDAY - timedelta(days=2), 20))  # fmt: skip
    JournalEntryFactory(user=alice, kind=EntryKind.POST_PRACTICE, is_draft=True,
                        occurred_at=at(MONDAY, 19))  # fmt: skip
    flagged: Any = JournalEntryFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=4), 23),
                                  red_flag_leg_weakness=True)  # fmt: skip
    JournalEntryFactory(user=alice, occurred_at=at(MONDAY - timedelta(days=3), 9),
                        red_flag_night_pain=True)  # fmt: skip

    review = week_review(user=alice, week=week_of(alice))

    assert [d.kind for d in review.discoveries] == ["post_practice", "reframe"]
    first = review.discoveries[0]
    assert first.uuid == str(reflection.uuid)
    assert first.excerpt.startswith("Breath slowed.")
    assert len(first.excerpt) <= 181 and first.excerpt.endswith("…")
    assert review.discoveries[1].strength_after == 40
    assert [(r.uuid, r.day) for r in review.red_flags] == [
        (str(flagged.uuid), MONDAY + timedelta(days=4))
    ]
    assert "legs" in review.red_flags[0].labels[0]


def test_bobs_data_never_reaches_alices_review(alice: User, bob: User) -> None:
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8), pain=2)
    CheckInFactory(user=bob, occurred_at=at(MONDAY, 8), pain=10, red_flag_night_pain=True)
    bob_session = session(bob, at(MONDAY, 12), "pendulation", duration_seconds=3600)
    SensationFactory(entry=None, session=bob_session, region=Region.JAW)
    JournalEntryFactory(user=bob, kind=EntryKind.POST_PRACTICE, occurred_at=at(MONDAY, 13))

    review = week_review(user=alice, week=week_of(alice))

    assert review.days[0].pain == 2
    assert review.days[0].minutes == 0
    assert review.practices == review.too_few == []
    assert review.unpleasant == review.discoveries == review.red_flags == []


def test_a_week_with_one_day_logged_is_quiet(alice: User) -> None:
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8))
    quiet = week_review(user=alice, week=week_of(alice))
    assert quiet.is_quiet
    assert quiet.days_logged_words == "something on 1 day"
    CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=1), 8))
    assert not week_review(user=alice, week=week_of(alice)).is_quiet


def test_auckland_days_follow_local_midnight() -> None:
    user = person(time_zone="Pacific/Auckland")
    utc = ZoneInfo("UTC")
    # Sunday 1 March 12:30 UTC is Monday 2 March 01:30 in Auckland (UTC+13).
    CheckInFactory(user=user, occurred_at=datetime(2026, 3, 1, 12, 30, tzinfo=utc), pain=9)
    # Monday 2 March 11:30 UTC is already Tuesday 00:30 in Auckland.
    CheckInFactory(user=user, occurred_at=datetime(2026, 3, 2, 11, 30, tzinfo=utc), pain=1)
    review = week_review(user=user, week=week_of(user))
    assert [d.pain for d in review.days[:2]] == [9, 1]


def test_new_york_sunday_week_across_the_spring_change() -> None:
    zone = ZoneInfo("America/New_York")
    user = person(time_zone="America/New_York", week_start=6)
    # Clocks go forward on Sunday 8 March 2026; the week runs Sunday 8 to Saturday 14.
    CheckInFactory(user=user, occurred_at=at(date(2026, 3, 8), 0, zone, 30), pain=3)
    CheckInFactory(user=user, occurred_at=at(date(2026, 3, 14), 23, zone, 30), pain=7)
    CheckInFactory(user=user, occurred_at=at(date(2026, 3, 15), 0, zone, 30), pain=10)
    CheckInFactory(user=user, occurred_at=at(date(2026, 3, 7), 23, zone, 30), pain=10)
    week = week_of(user, date(2026, 3, 10))
    assert (week.year, week.number) == (2026, 11)
    review = week_review(user=user, week=week)
    assert [d.day for d in review.days][0] == date(2026, 3, 8)
    assert [d.pain for d in review.days] == [3, None, None, None, None, None, 7]


def test_week_53_gathers_days_from_both_years() -> None:
    user = person(time_zone="UTC")
    utc = ZoneInfo("UTC")
    CheckInFactory(user=user, occurred_at=at(date(2026, 12, 31), 8, utc), pain=4)
    CheckInFactory(user=user, occurred_at=at(date(2027, 1, 3), 8, utc), pain=6)
    CheckInFactory(user=user, occurred_at=at(date(2027, 1, 4), 8, utc), pain=9)
    week = Week.named(2026, 53, week_start=0, zone=utc)
    review = week_review(user=user, week=week)
    assert [d.pain for d in review.days] == [None, None, None, 4, None, None, 6]


def test_trends_average_weekly_pain_and_mark_logged_days(alice: User) -> None:
    today = MONDAY + timedelta(days=2)
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8), pain=2)
    CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=1), 8), pain=6)
    session(alice, at(MONDAY - timedelta(days=7), 12), duration_seconds=1500)
    CheckInFactory(user=alice, occurred_at=at(MONDAY - timedelta(weeks=30), 8), pain=8)

    data = trends(user=alice, today=today, week_start=0, zone=LONDON)

    assert len(data.weeks) == 12
    assert data.weeks[-1].week.start == MONDAY
    assert (data.weeks[-1].pain, data.weeks[-1].days_logged) == (4, 2)
    assert (data.weeks[-2].minutes, data.weeks[-2].pain, data.weeks[-2].days_logged) == (
        25,
        None,
        1,
    )
    assert data.calendar[-1].day == today
    assert data.calendar[0].day.weekday() == 0
    assert 364 <= len(data.calendar) <= 371
    logged = {c.day: c.pain for c in data.calendar if c.logged}
    assert logged == {
        MONDAY - timedelta(weeks=30): 8,
        MONDAY - timedelta(days=7): None,
        MONDAY: 2,
        MONDAY + timedelta(days=1): 6,
    }


def test_a_check_in_without_ratings_still_counts_as_a_day(alice: User) -> None:
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8), pain=None, tension=None, stress=None,
                   sleep_hours=None, sleep_quality=None)  # fmt: skip
    JournalEntryFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=1), 8))
    comparisons = {c.key: c for c in week_review(user=alice, week=week_of(alice)).comparisons}
    assert comparisons["check_ins"].this == 1
