from __future__ import annotations

from datetime import timedelta
from typing import cast

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.demo.seed import demo_seed
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seeded(password: str) -> tuple[User, Week]:
    user = cast(User, UserFactory(username="rowan", profile__time_zone="Europe/London"))
    profile = profile_for(user)
    today = timezone.localdate(timezone=profile.zone)
    demo_seed(user=user, years=1, seed=9, until=today)
    return user, Week.containing(today, week_start=profile.week_start, zone=profile.zone)


def test_it_moves_to_the_previous_week_and_is_accessible(
    page: Page, seeded: tuple[User, Week], password: str
) -> None:
    user, week = seeded
    previous = week.previous
    log_in(page, user.username, password)
    page.goto("/review/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("This week")

    page.get_by_role("link", name="← Previous week").click()
    page.wait_for_url(f"**/review/{previous.year}/{previous.number}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(previous.label)
    expect(page).to_have_title(f"Week of {previous.label} · Soma journal")
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    expect(page.get_by_role("heading", name="What helped")).to_be_visible()
    expect(page.get_by_role("img", name="Pain and tension by day")).to_be_visible()
    screenshot(page, "review-previous-week-desktop")
    assert serious_violations(page) == []

    page.emulate_media(color_scheme="dark")
    screenshot(page, "review-previous-week-desktop-dark")
    assert serious_violations(page) == []

    # The day table behind the chart opens from the keyboard.
    page.get_by_text("The numbers for each day").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("table").first).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_it_reads_well_on_a_phone(
    phone_page: Page, seeded: tuple[User, Week], password: str
) -> None:
    user, week = seeded
    previous = week.previous
    log_in(phone_page, user.username, password)
    phone_page.goto(f"/review/{previous.year}/{previous.number}/")
    expect(phone_page.get_by_role("heading", name="Where")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(phone_page, "review-previous-week-phone")
    assert serious_violations(phone_page) == []


def test_the_week_links_work_without_javascript(
    no_js_page: Page, seeded: tuple[User, Week], password: str
) -> None:
    user, week = seeded
    log_in(no_js_page, user.username, password)
    no_js_page.goto("/review/")
    no_js_page.get_by_role("link", name="← Previous week").click()
    two_back = week.shifted(-2)
    no_js_page.get_by_role("link", name="← Previous week").click()
    no_js_page.wait_for_url(f"**/review/{two_back.year}/{two_back.number}/")
    target = week.shifted(-4)
    no_js_page.get_by_label("Go to the week of").fill(
        (target.start + timedelta(days=2)).isoformat()
    )
    no_js_page.get_by_role("button", name="Open that week").click()
    no_js_page.wait_for_url(f"**/review/{target.year}/{target.number}/")


def test_trends_calendar_days_lead_to_the_timeline(
    page: Page, seeded: tuple[User, Week], password: str
) -> None:
    user, _ = seeded
    log_in(page, user.username, password)
    page.goto("/review/trends/")
    expect(page.get_by_role("heading", name="A year of days")).to_be_visible()
    screenshot(page, "review-trends-desktop")
    assert serious_violations(page) == []
    page.locator("svg.calendar a").last.click()
    page.wait_for_url("**/timeline/?start=*")


def test_on_a_phone_the_year_calendar_opens_at_the_latest_months(
    phone_page: Page, seeded: tuple[User, Week], password: str
) -> None:
    user, _ = seeded
    log_in(phone_page, user.username, password)
    phone_page.goto("/review/trends/")
    scroller = phone_page.locator(".calendar-scroll")
    expect(phone_page.get_by_text("scroll sideways for earlier ones")).to_be_visible()
    box = scroller.bounding_box()
    days = phone_page.locator("svg.calendar a")
    latest, earliest = days.last.bounding_box(), days.first.bounding_box()
    assert box is not None and latest is not None and earliest is not None
    assert box["x"] <= latest["x"] and latest["x"] + latest["width"] <= box["x"] + box["width"]
    assert earliest["x"] < box["x"], "the oldest days are off to the left, a scroll away"
    screenshot(phone_page, "review-trends-phone")
    assert serious_violations(phone_page) == []
