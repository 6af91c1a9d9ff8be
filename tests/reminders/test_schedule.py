"""Reminder slots in the person's time zone, across both daylight-saving changes of
Pacific/Auckland, America/New_York and Europe/London; quiet hours; pauses; the week's end."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from journal.reminders.models import ALL_DAYS, Reminder, ReminderKind, ReminderPreferences
from journal.reminders.schedule import (
    due_slots,
    in_quiet_hours,
    last_day_of_week,
    local_instant,
    next_slot,
    slots_between,
)


def reminder(at: time, kind: str = ReminderKind.CHECK_IN, days: str = ALL_DAYS) -> Reminder:
    return Reminder(kind=kind, at=at, days=days)


def slots(r: Reminder, zone: str, first: date, last: date, **kwargs: object) -> list[datetime]:
    tz = ZoneInfo(zone)
    return slots_between(
        r,
        zone=tz,
        week_start=kwargs.get("week_start", 0),  # type: ignore[arg-type]
        preferences=kwargs.get("preferences"),  # type: ignore[arg-type]
        start=datetime.combine(first, time(0), tz),
        end=datetime.combine(last, time(23, 59, 59), tz),
    )


# (zone, the day the clocks go forward, the day they go back) in 2026.
CHANGES = [
    ("Pacific/Auckland", date(2026, 9, 27), date(2026, 4, 5)),
    ("America/New_York", date(2026, 3, 8), date(2026, 11, 1)),
    ("Europe/London", date(2026, 3, 29), date(2026, 10, 25)),
]


@pytest.mark.parametrize(("zone", "forward", "back"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_morning_reminder_keeps_its_local_time_across_both_changes(
    zone: str, forward: date, back: date
) -> None:
    tz = ZoneInfo(zone)
    for change in (forward, back):
        found = slots(
            reminder(time(7, 30)), zone, change - timedelta(days=2), change + timedelta(days=2)
        )
        local = [s.astimezone(tz) for s in found]
        assert [d.date() for d in local] == [change + timedelta(days=n) for n in range(-2, 3)]
        assert {(d.hour, d.minute) for d in local} == {(7, 30)}
        # The UTC instant moves by the hour the clocks moved.
        offsets = {d.utcoffset() for d in local}
        assert len(offsets) == 2, offsets


@pytest.mark.parametrize(("zone", "forward", "back"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_time_the_clocks_skip_comes_later_and_a_repeated_time_comes_once(
    zone: str, forward: date, back: date
) -> None:
    tz = ZoneInfo(zone)
    # The skipped and repeated local hours of each zone.
    skipped = {"Pacific/Auckland": time(2, 30), "America/New_York": time(2, 30)}.get(
        zone, time(1, 30)
    )
    repeated = {"Pacific/Auckland": time(2, 30), "America/New_York": time(1, 30)}.get(
        zone, time(1, 30)
    )
    spring = slots(reminder(skipped), zone, forward, forward)
    assert len(spring) == 1
    moved = spring[0].astimezone(tz)
    assert (moved.hour, moved.minute) == (skipped.hour + 1, skipped.minute)

    autumn = slots(reminder(repeated), zone, back, back)
    assert len(autumn) == 1  # the hour happens twice; the reminder once
    first = autumn[0].astimezone(tz)
    assert (first.hour, first.minute) == (repeated.hour, repeated.minute)
    assert first.fold == 0 and first.dst()  # the first occurrence, still on summer time


def test_the_new_york_examples_in_utc() -> None:
    ny = ZoneInfo("America/New_York")
    assert local_instant(date(2026, 3, 7), time(7, 30), ny) == datetime(
        2026, 3, 7, 12, 30, tzinfo=UTC
    )
    assert local_instant(date(2026, 3, 9), time(7, 30), ny) == datetime(
        2026, 3, 9, 11, 30, tzinfo=UTC
    )
    assert local_instant(date(2026, 3, 8), time(2, 30), ny) == datetime(
        2026, 3, 8, 7, 30, tzinfo=UTC
    )
    assert local_instant(date(2026, 11, 1), time(1, 30), ny) == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


def test_only_the_chosen_weekdays() -> None:
    found = slots(
        reminder(time(8), days="02"), "Europe/London", date(2026, 6, 1), date(2026, 6, 14)
    )
    assert [s.date() for s in found] == [
        date(2026, 6, 1),
        date(2026, 6, 3),
        date(2026, 6, 8),
        date(2026, 6, 10),
    ]


@pytest.mark.parametrize(
    ("quiet_from", "quiet_until", "at", "quiet"),
    [
        (time(22), time(7), time(6, 59), True),
        (time(22), time(7), time(7), False),
        (time(22), time(7), time(23, 30), True),
        (time(22), time(7), time(12), False),
        (time(13), time(15), time(14), True),
        (time(13), time(15), time(15), False),
        (None, None, time(3), False),
    ],
)
def test_quiet_hours(
    quiet_from: time | None, quiet_until: time | None, at: time, quiet: bool
) -> None:
    assert in_quiet_hours(at, quiet_from, quiet_until) is quiet


def test_a_reminder_in_quiet_hours_is_not_sent() -> None:
    prefs = ReminderPreferences(quiet_from=time(22), quiet_until=time(7))
    early = slots(
        reminder(time(6, 30)),
        "Pacific/Auckland",
        date(2026, 6, 1),
        date(2026, 6, 3),
        preferences=prefs,
    )
    later = slots(
        reminder(time(7, 30)),
        "Pacific/Auckland",
        date(2026, 6, 1),
        date(2026, 6, 3),
        preferences=prefs,
    )
    assert early == []
    assert len(later) == 3


def test_a_pause_holds_every_slot_until_it_ends() -> None:
    london = ZoneInfo("Europe/London")
    prefs = ReminderPreferences(paused_until=datetime(2026, 6, 4, 12, 0, tzinfo=london))
    found = slots(
        reminder(time(9)), "Europe/London", date(2026, 6, 1), date(2026, 6, 7), preferences=prefs
    )
    assert [s.astimezone(london).date() for s in found] == [
        date(2026, 6, 5),
        date(2026, 6, 6),
        date(2026, 6, 7),
    ]


@pytest.mark.parametrize("week_start", range(7))
def test_the_week_reminder_comes_on_the_last_day_of_each_kind_of_week(week_start: int) -> None:
    weekly = reminder(time(18), kind=ReminderKind.WEEK, days="0")  # its own days are ignored
    found = slots(
        weekly, "America/New_York", date(2026, 6, 1), date(2026, 6, 21), week_start=week_start
    )
    last = last_day_of_week(week_start)
    assert len(found) == 3
    assert {s.astimezone(ZoneInfo("America/New_York")).weekday() for s in found} == {last}
    assert (week_start - last) % 7 == 1  # the day before the week starts again


def test_due_slots_catch_up_one_hour_and_skip_older() -> None:
    london = ZoneInfo("Europe/London")
    now = datetime(2026, 6, 2, 9, 40, tzinfo=london)

    def due(at: time) -> list[datetime]:
        return due_slots(reminder(at), zone=london, week_start=0, preferences=None, now=now)

    assert due(time(9, 0)) == [datetime(2026, 6, 2, 8, 0, tzinfo=UTC)]
    assert due(time(8, 30)) == []  # 70 minutes late: skipped
    assert due(time(9, 41)) == []  # not yet


def test_next_slot_looks_past_a_pause() -> None:
    london = ZoneInfo("Europe/London")
    prefs = ReminderPreferences(paused_until=datetime(2026, 6, 20, tzinfo=london))
    after = datetime(2026, 6, 1, 12, tzinfo=london)
    upcoming = next_slot(
        reminder(time(8)), zone=london, week_start=0, preferences=prefs, after=after
    )
    assert upcoming == datetime(2026, 6, 20, 8, tzinfo=london)
