from __future__ import annotations

import re
import time
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.core.vocabulary import EntryKind
from journal.demo.seed import demo_seed
from tests.factories import CheckInFactory, JournalEntryFactory, TagFactory

pytestmark = pytest.mark.django_db

WEEK_URL = "/review/2026/10/"


def _this_week(user: User) -> Week:
    profile = profile_for(user)
    today = timezone.localdate(timezone=profile.zone)
    return Week.containing(today, week_start=profile.week_start, zone=profile.zone)


@pytest.mark.parametrize("url", ["/review/", WEEK_URL, "/review/trends/"])
def test_anonymous_visitors_are_sent_to_log_in(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("url", ["/review/", WEEK_URL, "/review/trends/"])
def test_it_only_reads(alice_client: Client, url: str) -> None:
    assert alice_client.post(url).status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/review/2026/54/",
        "/review/2025/53/",
        "/review/2026/0/",
        "/review/9999/52/",
        "/review/1/1/",
        "/review/1899/52/",
        "/review/10000/1/",
        "/review/99999999999999999999/1/",
        "/review/2026/99999999999999999999/",
    ],
)
def test_a_week_that_does_not_exist_is_404(alice_client: Client, url: str) -> None:
    assert alice_client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/review/1900/1/", "/review/9998/53/"])
def test_the_first_and_last_years_open(alice_client: Client, url: str) -> None:
    assert alice_client.get(url).status_code == 200


def test_review_opens_the_current_week(alice_client: Client, alice: User) -> None:
    week = _this_week(alice)
    response = alice_client.get("/review/")
    assert response.status_code == 200
    assert response.context["review"].week == week
    assert response.context["is_current"]
    assert response.context["next_url"] == ""
    assert b"This week" in response.content


def test_the_week_picker_redirects_to_the_bookmarkable_week(alice_client: Client) -> None:
    response = alice_client.get("/review/", {"day": "2027-01-01"})
    assert response.status_code == 302
    assert response["Location"] == "/review/2026/53/"


def test_a_bad_picker_date_shows_the_form_error(alice_client: Client) -> None:
    response = alice_client.get("/review/", {"day": "not a date"})
    assert response.status_code == 200
    assert b"Enter a valid date" in response.content


def test_previous_and_next_links(alice_client: Client) -> None:
    response = alice_client.get("/review/2020/53/")
    assert response.context["previous_url"] == "/review/2020/52/"
    assert response.context["next_url"] == "/review/2021/1/"
    content = response.content.decode()
    assert 'href="/review/2020/52/"' in content
    assert 'hx-get="/review/2020/52/"' in content


def test_a_quiet_week_invites_rather_than_shows_zeros(alice_client: Client, alice: User) -> None:
    CheckInFactory(user=alice, occurred_at="2026-03-03T08:00:00Z")
    response = alice_client.get(WEEK_URL)
    content = response.content.decode()
    assert "A quiet week" in content
    assert reverse("today:home") in content
    assert "At a glance" not in content
    assert "<svg" not in content


def test_a_full_week_shows_every_section_with_charts_and_tables(
    alice_client: Client, alice: User
) -> None:
    demo_seed(user=alice, years=1, seed=4, until=date(2026, 3, 8))
    content = alice_client.get(WEEK_URL).content.decode()
    for heading in ("At a glance", "Day by day", "What helped", "Where",
                    "Days that often came together", "Discoveries"):  # fmt: skip
        assert f">{heading}</h2>" in content
    assert content.count('<svg class="chart"') == 2
    assert content.count('<svg class="body-map"') == 4
    assert "<table" in content
    assert "The numbers for each day" in content


def test_pages_carry_no_inline_styles_or_scripts(alice_client: Client, alice: User) -> None:
    demo_seed(user=alice, years=1, seed=4, until=date(2026, 3, 8))
    for url in (WEEK_URL, "/review/trends/"):
        content = alice_client.get(url).content.decode()
        assert not re.search(r"\sstyle=", content), url
        assert not re.search(r"\son[a-z]+=", content), url
        assert not re.search(r"<script(?![^>]*\bsrc=)", content), url


def test_discoveries_link_to_the_entry(alice_client: Client, alice: User) -> None:
    CheckInFactory(user=alice, occurred_at="2026-03-02T08:00:00Z")
    entry = JournalEntryFactory(
        user=alice,
        kind=EntryKind.POST_PRACTICE,
        occurred_at="2026-03-03T20:00:00Z",
        body="Warmth in the belly.",
    )
    content = alice_client.get(WEEK_URL).content.decode()
    assert "Warmth in the belly." in content
    assert reverse("entries:detail", kwargs={"entry_uuid": entry.uuid}) in content  # type: ignore[attr-defined]


def test_a_red_flag_this_week_is_shown_first(alice_client: Client, alice: User) -> None:
    CheckInFactory(user=alice, occurred_at="2026-03-02T08:00:00Z", red_flag_bladder_bowel=True)
    content = alice_client.get(WEEK_URL).content.decode()
    assert "please seek medical care" in content
    assert content.index("notice-urgent") < content.index("A quiet week")


def test_bob_sees_none_of_alices_week(alice: User, bob_client: Client) -> None:
    demo_seed(user=alice, years=1, seed=4, until=date(2026, 3, 8))
    response = bob_client.get(WEEK_URL)
    assert response.status_code == 200
    assert response.context["review"].days_logged == 0
    assert "A quiet week" in response.content.decode()
    trends = bob_client.get("/review/trends/").context["trends"]
    assert not any(day.logged for day in trends.calendar)


def test_htmx_gets_only_the_review_fragment(alice_client: Client) -> None:
    response = alice_client.get(WEEK_URL, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert content.lstrip().startswith("<title>Week of 2 to 8 March 2026")
    assert '<div id="review"' in content
    assert "<html" not in content
    assert "autofocus" in content  # focus lands on the new week's heading


def test_trends_link_each_logged_day_to_the_timeline(alice_client: Client, alice: User) -> None:
    today = timezone.localdate(timezone=profile_for(alice).zone)
    CheckInFactory(user=alice, occurred_at=timezone.now() - timedelta(days=3), pain=7)
    content = alice_client.get("/review/trends/").content.decode()
    day = today - timedelta(days=3)
    assert f'href="/timeline/?start={day:%Y-%m-%d}&amp;end={day:%Y-%m-%d}"' in content
    assert content.count('href="/timeline/?') == 1


def test_the_week_page_runs_a_fixed_number_of_queries_on_five_years(
    alice_client: Client,
    alice: User,
    django_assert_num_queries: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Five years up to today: week 10 of 2026 is among them, and trends' last year is full.
    demo_seed(user=alice, years=5, seed=1, until=timezone.localdate())
    # A still clock, so the session's once-a-minute last-seen write stays out of the count.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    alice_client.get("/review/trends/")
    # Session, user, profile; the 12 weeks' entries, sessions, tags and emotions; the week's
    # sensations per day, per region and per quality.
    with django_assert_num_queries(10):
        response = alice_client.get(WEEK_URL)
    assert len(response.context["review"].practices) >= 2
    assert response.context["review"].findings
    # Trends: session, user, profile, entries per local day, sessions per local day.
    with django_assert_num_queries(5):
        response = alice_client.get("/review/trends/")
    assert response.context["logged_days"] > 80  # the seeded days within the last year


def test_a_quiet_current_week_points_to_last_weeks_review(
    alice_client: Client, alice: User
) -> None:
    content = alice_client.get("/review/").content.decode()
    previous = _this_week(alice).previous
    assert "only just begun" in content
    assert f'<a href="/review/{previous.year}/{previous.number}/">Last week' in content


def test_tag_names_in_findings_are_escaped(alice_client: Client, alice: User) -> None:
    tag = TagFactory(user=alice, name="<b>boss</b>")
    for offset in range(8):
        CheckInFactory(
            user=alice,
            occurred_at=f"2026-03-0{offset + 1}T08:00:00Z",
            pain=8 if offset % 2 else 2,
            tags=[tag] if offset % 2 else [],
        )
    content = alice_client.get(WEEK_URL).content.decode()
    assert "&lt;b&gt;boss&lt;/b&gt;" in content
    assert "<b>boss</b>" not in content


def test_links_carry_no_health_data(alice_client: Client, alice: User) -> None:
    demo_seed(user=alice, years=1, seed=4, until=date(2026, 3, 8))
    for url in (WEEK_URL, "/review/trends/"):
        content = alice_client.get(url).content.decode()
        for href in re.findall(r'(?:href|hx-get)="([^"]*)"', content):
            query = href.partition("?")[2]
            assert re.fullmatch(r"(start=\d{4}-\d\d-\d\d&amp;end=\d{4}-\d\d-\d\d)?", query), href
