"""When a reminder is due: its slots as instants, worked out in the person's time zone.

A slot is one reminder on one local day. A local time that the clocks skip (the spring
change) falls the length of the gap later; a time they repeat (the autumn change) is its
first occurrence, so each local day gives exactly one instant.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.reminders.models import Reminder, ReminderKind, ReminderPreferences

# A sender that was down sends what it missed in the last hour and skips anything older.
CATCH_UP = timedelta(hours=1)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone`, as an aware UTC datetime."""
    # fold=0 reads a skipped time with the offset from before the change, which lands it
    # the gap's length later; a repeated time gets its first (summer) occurrence.
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def last_day_of_week(week_start: int) -> int:
    return (week_start - 1) % 7


def reminder_weekdays(reminder: Reminder, week_start: int) -> set[int]:
    if reminder.kind == ReminderKind.WEEK:
        return {last_day_of_week(week_start)}
    return reminder.weekdays


def in_quiet_hours(moment: time, quiet_from: time | None, quiet_until: time | None) -> bool:
    """Quiet hours run from `quiet_from` up to `quiet_until`, across midnight if needed."""
    if quiet_from is None or quiet_until is None or quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= moment < quiet_until
    return moment >= quiet_from or moment < quiet_until


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def slots_between(
    reminder: Reminder,
    *,
    zone: ZoneInfo,
    week_start: int,
    preferences: ReminderPreferences | None,
    start: datetime,
    end: datetime,
) -> list[datetime]:
    """The reminder's slots in [start, end], minus quiet hours and any pause."""
    weekdays = reminder_weekdays(reminder, week_start)
    first = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    slots = []
    for day in _days(first, last):
        if day.weekday() not in weekdays:
            continue
        slot = local_instant(day, reminder.at, zone)
        if not start <= slot <= end:
            continue
        if preferences is not None:
            local = slot.astimezone(zone).time()
            if in_quiet_hours(local, preferences.quiet_from, preferences.quiet_until):
                continue
            if preferences.is_paused(slot):
                continue
        slots.append(slot)
    return slots


def due_slots(
    reminder: Reminder,
    *,
    zone: ZoneInfo,
    week_start: int,
    preferences: ReminderPreferences | None,
    now: datetime,
) -> list[datetime]:
    """Slots that should have gone out by `now`, no older than the catch-up window."""
    return slots_between(
        reminder,
        zone=zone,
        week_start=week_start,
        preferences=preferences,
        start=now - CATCH_UP,
        end=now,
    )


def next_slot(
    reminder: Reminder,
    *,
    zone: ZoneInfo,
    week_start: int,
    preferences: ReminderPreferences | None,
    after: datetime,
) -> datetime | None:
    """The next slot after `after`, looking up to five weeks ahead (a pause may be long)."""
    for week in range(5):
        start = after + timedelta(weeks=week)
        found = slots_between(
            reminder,
            zone=zone,
            week_start=week_start,
            preferences=preferences,
            start=start + timedelta(microseconds=1) if week == 0 else start,
            end=start + timedelta(weeks=1),
        )
        if found:
            return found[0]
    return None
