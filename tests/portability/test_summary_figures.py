"""Known answers for the clinician summary's figures, and that it agrees with the review."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User

from journal.core.dates import Week
from journal.core.vocabulary import EntryKind, Feel, Region
from journal.portability.reader import DateRange, JournalReader
from journal.portability.summary import build_summary
from journal.portability.summary_options import SummaryOptions
from journal.review.week import week_review
from tests.factories import (
    CheckInFactory,
    JournalEntryFactory,
    PracticeSessionFactory,
    SensationFactory,
    builtin_practice,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 3, 2)
RANGE = DateRange(since=MONDAY, until=MONDAY + timedelta(days=13))


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def _journal(alice: User) -> None:
    # Week 1: pain on 3 days (6, 4, 5: a point of 5.0). Week 2: on 4 days (2, 3, 4, 3: 3.0).
    # Tension on one day only. Stress on 2 days of each week: never a point.
    week_one = [(0, 6), (1, 4), (2, 5)]
    week_two = [(7, 2), (8, 3), (9, 4), (10, 3)]
    for offset, pain in week_one + week_two:
        CheckInFactory(
            user=alice,
            occurred_at=at(MONDAY + timedelta(days=offset), 8),
            pain=pain,
            tension=3 if offset == 0 else None,
            stress=5 if offset in (0, 1, 7, 8) else None,
            sleep_hours=7,
        )
    # Body scan on three days of week 1: pain -2, -1, -3 (median -2), safety +1, +2, +2 (2).
    for offset, (pain_change, safety_change) in enumerate([(-2, 1), (-1, 2), (-3, 2)]):
        PracticeSessionFactory(
            user=alice,
            practice=builtin_practice("body-scan"),
            started_at=at(MONDAY + timedelta(days=offset), 12),
            before_pain=6,
            after_pain=6 + pain_change,
            before_safety=4,
            after_safety=4 + safety_change,
        )
    # One pendulation session, on a day without a check-in: too few to say it helped.
    PracticeSessionFactory(
        user=alice,
        practice=builtin_practice("pendulation"),
        started_at=at(MONDAY + timedelta(days=11), 12),
        before_pain=7,
        after_pain=2,
    )
    # Outside the range: never counted.
    CheckInFactory(user=alice, occurred_at=at(MONDAY - timedelta(days=1), 8), pain=10)
    CheckInFactory(user=alice, occurred_at=at(MONDAY + timedelta(days=14), 8), pain=10)


def test_the_overview_figures_have_known_answers(alice: User) -> None:
    _journal(alice)
    summary = build_summary(JournalReader(alice, RANGE), SummaryOptions(date_range=RANGE))

    assert (summary.first_day, summary.last_day) == (MONDAY, MONDAY + timedelta(days=13))
    assert summary.days_logged == 8  # 7 check-in days and the pendulation day
    trends = {t.key: t for t in summary.trends}
    pain = trends["pain"]
    assert pain.days == 7
    assert pain.mean == pytest.approx(27 / 7)
    assert pain.first is not None and pain.last is not None
    assert (pain.first.value, pain.first.days) == (5.0, 3)
    assert (pain.last.value, pain.last.days) == (3.0, 4)
    assert pain.words == (
        "5.0 in the week of 2 March 2026 (3 days), 3.0 in the week of 9 March 2026 (4 days); "
        "3.9 on average over 7 days"
    )
    assert trends["tension"].words == "rated on 1 day: too few to show a trend"
    # Stress on 4 days, but never 3 in one week: an average, no trend.
    assert trends["stress"].words == "5.0 on average over 4 days"


def test_practices_carry_the_median_change_and_its_n(alice: User) -> None:
    _journal(alice)
    summary = build_summary(JournalReader(alice, RANGE), SummaryOptions(date_range=RANGE))
    rows = {r.name: r for r in summary.practices}
    body_scan = rows["Body scan"]
    assert (body_scan.sessions, body_scan.rated) == (3, 3)
    assert (body_scan.pain_median, body_scan.safety_median) == (-2, 2)
    assert dict(body_scan.changes)["Pain"] == "−2"
    assert [r.name for r in summary.helped] == ["Body scan"]
    assert summary.helped[0].helped_words == ("pain −2, safety +2 (medians of 3 rated sessions)")
    assert rows["Pendulation"].rated == 1 and not rows["Pendulation"].helped


def test_no_chart_point_rests_on_fewer_than_three_days(alice: User) -> None:
    _journal(alice)
    summary = build_summary(JournalReader(alice, RANGE), SummaryOptions(date_range=RANGE))
    charts = {c.title: c for c in summary.charts}
    check_ins = {line.label: line for line in charts["Pain, tension and stress day to day"].legend}
    assert (check_ins["Pain"].first, check_ins["Pain"].last) == (5.0, 3.0)
    assert check_ins["Tension"].first is None  # one day
    assert check_ins["Stress"].first is None  # two days a week
    around = {line.label: line for line in charts["Pain around practice"].legend}
    # Week 1's three sessions make a point (mean 6 before, 4 after); week 2's one does not.
    assert (around["Before practice"].first, around["Before practice"].last) == (6.0, 6.0)
    assert (around["After practice"].first, around["After practice"].last) == (4.0, 4.0)
    svg = str(charts["Pain around practice"].svg)
    assert svg.count("<title>Before practice") == 1  # a single point: drawn as a marker


def test_the_review_and_the_summary_give_the_same_medians(alice: User) -> None:
    _journal(alice)
    week = Week.containing(MONDAY + timedelta(days=7), week_start=0, zone=LONDON)
    review = week_review(user=alice, week=week.previous)
    effect = next(e for e in review.practices if e.name == "Body scan")
    summary = build_summary(JournalReader(alice, RANGE), SummaryOptions(date_range=RANGE))
    row = next(r for r in summary.practices if r.name == "Body scan")
    assert (effect.median("pain"), effect.sessions) == (row.pain_median, row.rated)
    assert effect.median("safety") == row.safety_median


def test_sections_left_out_are_not_computed_or_shown(alice: User) -> None:
    _journal(alice)
    flagged = JournalEntryFactory(user=alice, occurred_at=at(MONDAY, 20), red_flag_night_pain=True)
    SensationFactory(entry=flagged, region=Region.LOWER_BACK, feel=Feel.UNPLEASANT)
    options = SummaryOptions(date_range=RANGE, sections=frozenset({"charts"}))
    summary = build_summary(JournalReader(alice, RANGE), options)
    assert summary.charts and not summary.practices and not summary.helped
    assert summary.red_flags == [] and summary.regions == [] and summary.reflections == []


def test_reflections_are_only_the_chosen_ones_in_the_range(alice: User, bob: User) -> None:
    inside: Any = JournalEntryFactory(user=alice, kind=EntryKind.FREE, occurred_at=at(MONDAY, 9),
                                 body="inside words")  # fmt: skip
    expressive: Any = JournalEntryFactory(user=alice, kind=EntryKind.EXPRESSIVE,
                                     occurred_at=at(MONDAY, 10), body="raw words")  # fmt: skip
    earlier = at(MONDAY - timedelta(days=3), 9)
    outside: Any = JournalEntryFactory(user=alice, kind=EntryKind.FREE, occurred_at=earlier,
                                       body="old")  # fmt: skip
    bobs: Any = JournalEntryFactory(user=bob, kind=EntryKind.FREE, occurred_at=at(MONDAY, 9),
                               body="bob's words")  # fmt: skip
    reader = JournalReader(alice, RANGE)
    default = build_summary(reader, SummaryOptions(date_range=RANGE))
    assert [r.text for r in default.reflections] == ["inside words"]  # never expressive
    uuids = frozenset(str(e.uuid) for e in (inside, expressive, outside, bobs))
    chosen = build_summary(reader, SummaryOptions(date_range=RANGE, reflections=uuids))
    assert sorted(r.text for r in chosen.reflections) == ["inside words", "raw words"]
    none = build_summary(reader, SummaryOptions(date_range=RANGE, reflections=frozenset()))
    assert none.reflections == []


def test_a_range_into_the_future_stops_at_today(alice: User, monkeypatch: Any) -> None:
    far = DateRange(since=MONDAY, until=date(2099, 1, 1))
    CheckInFactory(user=alice, occurred_at=at(MONDAY, 8))
    summary = build_summary(JournalReader(alice, far), SummaryOptions(date_range=far))
    assert summary.last_day is not None and summary.last_day <= date.today() + timedelta(days=1)
