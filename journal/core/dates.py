"""Week boundaries in a person's own time zone and week start.

A person's week starts on their chosen weekday (`Profile.week_start`) at local
midnight. Weeks are named like ISO weeks, `(year, week)`: a week is named after
the ISO week that holds its fourth day (its middle day). With weeks starting on
Monday this is exactly ISO 8601 (the middle day is the Thursday); with any other
start each ISO week number still names exactly one of the person's weeks, so
`/review/2026/53/` style URLs are stable and bookmarkable. Day boundaries are
local midnights, so a week across a daylight-saving change is 167 or 169 hours
long, not 168.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import pgettext

DAYS = 7
MIDDLE = 3  # the fourth day names the week

# The days the app accepts from a person (forms, URLs): far enough from
# date.min/date.max that a week or a time zone shift around them cannot overflow.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9998, 12, 31)


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True)
class Week:
    start: date
    zone: ZoneInfo

    @classmethod
    def containing(cls, day: date, *, week_start: int, zone: ZoneInfo) -> Week:
        return cls(start=day - timedelta(days=(day.weekday() - week_start) % DAYS), zone=zone)

    @classmethod
    def named(cls, year: int, week: int, *, week_start: int, zone: ZoneInfo) -> Week:
        """The week called (year, week); ValueError if there is no such ISO week.

        Years outside FIRST_DAY..LAST_DAY are refused too: their neighbours or local
        midnights would fall outside what `date` can hold.
        """
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise ValueError(f"year {year} is out of range")
        monday = date.fromisocalendar(year, week, 1)
        middle_weekday = (week_start + MIDDLE) % DAYS
        return cls(start=monday + timedelta(days=middle_weekday - MIDDLE), zone=zone)

    @property
    def year(self) -> int:
        return (self.start + timedelta(days=MIDDLE)).isocalendar().year

    @property
    def number(self) -> int:
        return (self.start + timedelta(days=MIDDLE)).isocalendar().week

    @property
    def end(self) -> date:
        """The last day, inclusive."""
        return self.start + timedelta(days=DAYS - 1)

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(DAYS)]

    @property
    def start_at(self) -> datetime:
        return local_midnight(self.start, self.zone)

    @property
    def end_at(self) -> datetime:
        """Exclusive: the next week's first local midnight."""
        return local_midnight(self.start + timedelta(days=DAYS), self.zone)

    def shifted(self, weeks: int) -> Week:
        return Week(start=self.start + timedelta(days=DAYS * weeks), zone=self.zone)

    @property
    def previous(self) -> Week:
        return self.shifted(-1)

    @property
    def next(self) -> Week:
        return self.shifted(1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def label(self) -> str:
        return span_words(self.start, self.end)


def date_words(day: date | datetime, format_string: str) -> str:
    """A date in words in the active language: Django's date format characters, whose
    weekday and month names ("l", "D", "F", "M") come from Django's own catalogues."""
    return dateformat.format(day, format_string)


def long_date(day: date | datetime) -> str:
    """ "2 December 2026" """
    return date_words(day, pgettext("date format: day, month name and year", "j F Y"))


def weekday_name(day: date | datetime) -> str:
    """ "Monday", in the active language."""
    return date_words(day, "l")


def weekday_short(day: date | datetime) -> str:
    """ "Mon", in the active language."""
    return date_words(day, "D")


def span_words(first: date, last: date) -> str:
    """ "1 to 7 December 2026": the days of a range, in the active language."""
    if first == last:
        return long_date(first)
    if first.year != last.year:
        start = long_date(first)
    elif first.month != last.month:
        start = date_words(first, pgettext("date format: the first day and month of a span", "j F"))
    else:
        start = date_words(
            first, pgettext("date format: the first day of a span in one month", "j")
        )
    return pgettext("a span of days", "%(first)s to %(last)s") % {
        "first": start,
        "last": long_date(last),
    }


def day_bounds(day: date, zone: Any) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
