from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.dates import Week, local_day, weeks_in_year

UTC = ZoneInfo("UTC")
AUCKLAND = ZoneInfo("Pacific/Auckland")
NEW_YORK = ZoneInfo("America/New_York")


def test_a_monday_week_is_the_iso_week() -> None:
    week = Week.containing(date(2026, 11, 19), week_start=0, zone=UTC)
    assert week.start == date(2026, 11, 16)
    assert (week.year, week.number) == (2026, 47)
    assert Week.named(2026, 47, week_start=0, zone=UTC) == week


def test_a_sunday_week_is_named_after_the_iso_week_of_its_wednesday() -> None:
    week = Week.containing(date(2026, 11, 19), week_start=6, zone=UTC)
    assert week.start == date(2026, 11, 15)
    assert week.end == date(2026, 11, 21)
    assert (week.year, week.number) == (2026, 47)
    assert Week.named(2026, 47, week_start=6, zone=UTC).start == date(2026, 11, 15)


def test_week_53_exists_in_2026_and_crosses_the_year() -> None:
    assert weeks_in_year(2026) == 53
    assert weeks_in_year(2025) == 52
    week = Week.named(2026, 53, week_start=0, zone=UTC)
    assert week.start == date(2026, 12, 28)
    assert week.end == date(2027, 1, 3)
    assert (week.next.year, week.next.number) == (2027, 1)
    assert (week.previous.year, week.previous.number) == (2026, 52)
    assert week.label == "28 December 2026 to 3 January 2027"


def test_a_saturday_week_at_the_year_end() -> None:
    # 1 January 2027 is a Friday; a Saturday week holding it is ISO 2026-W53 (its Tuesday).
    week = Week.containing(date(2027, 1, 1), week_start=5, zone=UTC)
    assert week.start == date(2026, 12, 26)
    assert (week.year, week.number) == (2026, 53)


def test_there_is_no_week_54() -> None:
    with pytest.raises(ValueError):
        Week.named(2026, 54, week_start=0, zone=UTC)
    with pytest.raises(ValueError):
        Week.named(2025, 53, week_start=0, zone=UTC)


def test_new_york_week_across_the_autumn_change_is_169_hours() -> None:
    # Clocks went back on Sunday 1 November 2026.
    week = Week.named(2026, 44, week_start=0, zone=NEW_YORK)
    assert week.start == date(2026, 10, 26)
    # Same-tzinfo subtraction in Python ignores the offset; compare real instants.
    assert week.end_at.astimezone(UTC) - week.start_at.astimezone(UTC) == timedelta(hours=169)
    assert week.start_at.utcoffset() == timedelta(hours=-4)
    assert week.end_at.utcoffset() == timedelta(hours=-5)


def test_auckland_week_across_the_spring_change_is_167_hours() -> None:
    # New Zealand moved to daylight time on Sunday 27 September 2026.
    week = Week.containing(date(2026, 9, 27), week_start=0, zone=AUCKLAND)
    assert week.start == date(2026, 9, 21)
    assert week.end_at.astimezone(UTC) - week.start_at.astimezone(UTC) == timedelta(hours=167)
    # Local midnight on Monday in Auckland is still Sunday in UTC.
    assert week.start_at.astimezone(UTC) == datetime(2026, 9, 20, 12, 0, tzinfo=UTC)


def test_a_moment_belongs_to_the_local_day() -> None:
    moment = datetime(2026, 11, 15, 23, 30, tzinfo=UTC)  # Monday 12:30 in Auckland
    assert local_day(moment, AUCKLAND) == date(2026, 11, 16)
    assert local_day(moment, NEW_YORK) == date(2026, 11, 15)


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    week_start=st.integers(min_value=0, max_value=6),
)
def test_every_day_is_in_exactly_the_week_its_name_gives(day: date, week_start: int) -> None:
    week = Week.containing(day, week_start=week_start, zone=UTC)
    assert day in week
    assert week.start.weekday() == week_start
    assert Week.named(week.year, week.number, week_start=week_start, zone=UTC) == week
    assert week.next.start == week.end + timedelta(days=1)
