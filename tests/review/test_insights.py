from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.demo.seed import demo_seed
from journal.review.insights import DayRecord, findings
from journal.review.week import week_review

START = date(2026, 3, 2)


def _days(records: list[DayRecord]) -> dict[date, DayRecord]:
    return {START + timedelta(days=i): record for i, record in enumerate(records)}


def _check_in(**kwargs: object) -> DayRecord:
    return DayRecord(checked_in=True, logged=True, **kwargs)  # type: ignore[arg-type]


def test_it_reports_a_tag_with_both_means_and_day_counts() -> None:
    records = [_check_in(pain=7, tags={"work deadline"}) for _ in range(3)]
    records += [_check_in(pain=4) for _ in range(5)]
    result = findings(_days(records))
    tagged = [f for f in result if f.key == "tag:work deadline" and f.lag == 0]
    assert len(tagged) == 1
    finding = tagged[0]
    assert (finding.with_mean, finding.without_mean) == (7, 4)
    assert (finding.with_days, finding.without_days) == (3, 5)
    assert finding.text == (
        "Days tagged “work deadline”: your pain averaged 7.0; on other days, 4.0."
    )
    assert finding.days_words == "3 days like this, 5 other days"


def test_it_needs_three_days_with_and_three_without() -> None:
    records = [_check_in(pain=8, tags={"long drive"}) for _ in range(2)]
    records += [_check_in(pain=2) for _ in range(20)]
    assert not [f for f in findings(_days(records)) if f.key == "tag:long drive"]

    only_tagged = [_check_in(pain=8, tags={"long drive"}) for _ in range(10)]
    only_tagged += [_check_in(pain=2) for _ in range(2)]
    assert not [f for f in findings(_days(only_tagged)) if f.key == "tag:long drive"]


def test_a_difference_under_one_point_is_not_worth_mentioning() -> None:
    records = [_check_in(pain=5, stress=8) for _ in range(5)]
    records += [_check_in(pain=4.2, stress=2) for _ in range(5)]
    assert findings(_days(records)) == []


def test_the_previous_day_is_compared_for_a_next_day_flare() -> None:
    # Pain 8 the day after each tagged day, 3 otherwise; the tagged days themselves are calm.
    records: list[DayRecord] = []
    for _ in range(4):
        records += [
            _check_in(pain=3, tags={"long drive"}),
            _check_in(pain=8),
            _check_in(pain=3),
        ]
    result = [f for f in findings(_days(records)) if f.key == "tag:long drive"]
    assert len(result) == 1
    assert result[0].lag == 1
    assert result[0].with_mean == 8
    assert result[0].without_mean == 3
    assert (result[0].with_days, result[0].without_days) == (4, 7)
    assert result[0].text.startswith("The day after a day tagged “long drive”: your pain")


def test_days_without_a_check_in_count_neither_way_for_tags() -> None:
    records = [_check_in(pain=7, tags={"said no"}) for _ in range(3)]
    records += [DayRecord(pain=None) for _ in range(10)]  # nothing known
    records += [_check_in(pain=5) for _ in range(3)]
    tagged = [f for f in findings(_days(records)) if f.key == "tag:said no" and f.lag == 0]
    assert (tagged[0].with_days, tagged[0].without_days) == (3, 3)


def test_short_sleep_is_compared_for_tension_and_says_lower_when_lower() -> None:
    records = [_check_in(tension=8, sleep_hours=5) for _ in range(4)]
    records += [_check_in(tension=4, sleep_hours=8) for _ in range(4)]
    sleep = [f for f in findings(_days(records)) if f.key == "sleep"]
    assert sleep[0].outcome == "tension"
    assert sleep[0].is_higher
    assert sleep[0].direction == "higher"


def test_only_the_strongest_comparison_per_factor_is_kept_and_they_are_ranked() -> None:
    records = [_check_in(pain=9, tension=6, stress=8, tags={"a"}) for _ in range(4)]
    records += [_check_in(pain=2, tension=4, stress=2) for _ in range(4)]
    result = findings(_days(records))
    keys = [f.key for f in result]
    assert len(keys) == len(set(keys))
    assert result[0].outcome == "pain"
    differences = [abs(f.difference) for f in result]
    assert differences == sorted(differences, reverse=True)


@pytest.mark.django_db
def test_the_planted_stress_and_deadline_patterns_are_found_in_seeded_data(alice: User) -> None:
    demo_seed(user=alice, years=1, seed=2, until=date(2026, 6, 30))
    profile = profile_for(alice)
    week = Week.containing(date(2026, 6, 30), week_start=profile.week_start, zone=profile.zone)
    review = week_review(user=alice, week=week)
    keys = {f.key: f for f in review.findings}
    assert "stress" in keys
    assert keys["stress"].is_higher and keys["stress"].outcome == "pain"
    deadline = keys["tag:work deadline"]
    assert deadline.lag == 1 and deadline.outcome == "pain" and deadline.is_higher
    assert all(f.with_days >= 3 and f.without_days >= 3 for f in review.findings)
