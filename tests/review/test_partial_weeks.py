"""A week still under way is set beside the same days of the week before, never a whole week,
and no date range runs past today."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.review.trends import trends
from journal.review.week import week_review
from journal.review.week_charts import trend_chart
from tests.factories import CheckInFactory, PracticeSessionFactory, UserFactory, builtin_practice

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 3, 2)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _person(week_start: int) -> User:
    return cast(
        User, UserFactory(profile__time_zone="Europe/London", profile__week_start=week_start)
    )


def _log_every_day(user: User, first: date, days: int) -> None:
    for offset in range(days):
        day = first + timedelta(days=offset)
        morning = datetime(day.year, day.month, day.day, 8, tzinfo=LONDON)
        CheckInFactory(user=user, occurred_at=morning, pain=4)
        PracticeSessionFactory(
            user=user,
            practice=builtin_practice("body-scan"),
            started_at=datetime(day.year, day.month, day.day, 12, tzinfo=LONDON),
            duration_seconds=600,
        )


@pytest.mark.parametrize("week_start", [0, 6], ids=["monday-start", "sunday-start"])
@pytest.mark.parametrize("elapsed", range(1, 8), ids=[f"day-{n}" for n in range(1, 8)])
def test_a_week_under_way_meets_the_same_days_of_the_week_before(
    week_start: int, elapsed: int
) -> None:
    user = _person(week_start)
    week = Week.containing(MONDAY, week_start=week_start, zone=profile_for(user).zone)
    today = week.start + timedelta(days=elapsed - 1)
    # The whole week before is logged, and this week up to today.
    _log_every_day(user, week.previous.start, 7)
    _log_every_day(user, week.start, elapsed)

    review = week_review(user=user, week=week, today=today)

    assert [d.day for d in review.days] == week.days[:elapsed]
    assert review.last_day == today
    by_key = {c.key: c for c in review.comparisons}
    assert (by_key["check_ins"].this, by_key["check_ins"].last) == (elapsed, elapsed)
    assert (by_key["minutes"].this, by_key["minutes"].last) == (10 * elapsed, 10 * elapsed)
    assert review.findings_to == today
    first_name = WEEKDAYS[week.start.weekday()]
    if elapsed < 7:
        assert review.in_progress
        days = first_name if elapsed == 1 else f"{first_name}–{WEEKDAYS[today.weekday()]}"
        assert by_key["check_ins"].words == f"so far, {days}; the same days last week: {elapsed}"
        assert "down" not in by_key["minutes"].words
        assert f"{week.end:%-d %B}" not in review.label or week.end == today
    else:
        assert not review.in_progress
        assert by_key["check_ins"].words == "the same as the week before (7)"
    if elapsed < 3:
        assert "too few days to compare" in review.pain_words
    elif elapsed < 7:
        assert review.pain_words == "about the same as on the same days last week (4.0)"


def test_a_partial_week_with_fewer_sessions_so_far_is_not_a_fall(alice: User) -> None:
    # Tuesday: 2 days against a full week of 6 would read "down 4 from 6".
    week = Week.containing(MONDAY, week_start=0, zone=LONDON)
    _log_every_day(alice, week.previous.start, 6)
    _log_every_day(alice, week.start, 2)
    review = week_review(user=alice, week=week, today=MONDAY + timedelta(days=1))
    check_ins = review.comparisons[0]
    assert (check_ins.this, check_ins.last) == (2, 2)
    assert check_ins.words == "so far, Monday–Tuesday; the same days last week: 2"
    assert review.label == "2 to 3 March 2026"


def test_a_week_not_begun_has_no_days(alice: User) -> None:
    week = Week.containing(MONDAY, week_start=0, zone=LONDON)
    review = week_review(user=alice, week=week.next, today=MONDAY)
    assert review.days == [] and review.is_quiet


def test_trends_stop_at_today_and_mark_the_week_under_way(alice: User) -> None:
    wednesday = MONDAY + timedelta(days=2)
    _log_every_day(alice, MONDAY - timedelta(days=7), 10)
    data = trends(user=alice, today=wednesday, week_start=0, zone=LONDON)
    current = data.weeks[-1]
    assert current.partial and current.days == 3
    assert current.label == "2 to 4 March 2026"
    assert current.minutes == 30 and current.days_logged == 3
    assert not any(w.partial for w in data.weeks[:-1])
    assert data.calendar[-1].day == wednesday
    svg = str(trend_chart(data.weeks))
    assert svg.count("bar series-pain partial") == 1
    assert "so far" in svg


@pytest.mark.parametrize("week_start", [0, 6])
def test_the_current_week_page_names_no_day_after_today(
    alice: User, alice_client, week_start: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = profile_for(alice)
    profile.week_start = week_start
    profile.time_zone = "Europe/London"
    profile.save()
    wednesday = MONDAY + timedelta(days=2)
    monkeypatch.setattr("journal.review.views.timezone.localdate", lambda timezone=None: wednesday)
    _log_every_day(alice, MONDAY - timedelta(days=7), 10)
    content = alice_client.get("/review/").content.decode()
    assert "in progress" in content
    week = Week.containing(wednesday, week_start=week_start, zone=LONDON)
    for later in (wednesday + timedelta(days=n) for n in range(1, 8)):
        if later <= week.end:
            assert f"{later:%a} {later.day} {later:%b}" not in content
    assert "the same days last week" in content
