"""The week review and trends in German: Django's own month and weekday names, numbers for
people with a decimal comma, SVG numbers unlocalised, and the same queries as in English."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from tests.factories import CheckInFactory
from tests.i18n.german import make_german

pytestmark = pytest.mark.django_db


WEEK_URL = "/review/2026/10/"  # Monday 2 to Sunday 8 March 2026
LONDON = ZoneInfo("Europe/London")
# Single numbers in SVG attributes; German must not turn "12.5" into "12,5" there.
SVG_NUMBER = re.compile(r'\s(?:x|y|x1|x2|y1|y2|width|height|cx|cy|r|dy)="([^"]*)"')


def _week(user: User) -> None:
    for day, pain in ((2, 2.5), (3, 4), (4, 3), (5, 5)):
        CheckInFactory(
            user=user,
            occurred_at=datetime(2026, 3, day, 8, 0, tzinfo=LONDON),
            pain=int(pain),
            tension=3,
            sleep_hours=7.5,
        )


def _svg_numbers(html: str) -> list[str]:
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert svgs
    return [value for svg in svgs for value in SVG_NUMBER.findall(svg)]


def test_the_week_reads_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
    _week(alice)
    response = alice_client.get(WEEK_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "März" in html  # the week's dates
    assert "Montag" in html  # the chart's marks name their weekday
    assert "7,5" in html  # hours of sleep in the day table, as a German reader writes it
    numbers = _svg_numbers(html)
    assert not [n for n in numbers if "," in n]
    assert any("." in n for n in numbers)  # there are decimals, written with a point


def test_the_same_week_in_english_has_english_names(alice_client: Client, alice: User) -> None:
    _week(alice)
    html = alice_client.get(WEEK_URL).content.decode()
    assert "March" in html and "Monday" in html
    assert "März" not in html


def test_trends_read_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
    CheckInFactory(user=alice, pain=3)
    response = alice_client.get("/review/trends/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "Dezember" in html  # the year calendar has a month of December in any year back
    assert not [n for n in _svg_numbers(html) if "," in n]


def test_german_pages_run_the_same_queries(
    alice_client: Client,
    alice: User,
    django_assert_num_queries: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _week(alice)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    alice_client.get(WEEK_URL)
    # The same 10 as the English page (test_review_views): the words cost no query.
    with django_assert_num_queries(10):
        alice_client.get(WEEK_URL)
    make_german(alice)
    alice_client.get(WEEK_URL)
    with django_assert_num_queries(10):
        response = alice_client.get(WEEK_URL)
    assert '<html lang="de"' in response.content.decode()
    with django_assert_num_queries(5):
        alice_client.get("/review/trends/")


def test_a_week_in_progress_names_its_days_in_german(alice: User) -> None:

    from journal.review.figures import span_label, weekday_span

    with translation.override("de"):
        assert weekday_span(date(2026, 3, 2), date(2026, 3, 3)) == "Montag–Dienstag"
        assert "Dezember" in span_label(date(2026, 11, 30), date(2026, 12, 6))
    with translation.override("en-gb"):
        assert weekday_span(date(2026, 3, 2), date(2026, 3, 3)) == "Monday–Tuesday"
        assert span_label(date(2026, 3, 2), date(2026, 3, 8)) == "2 to 8 March 2026"
