from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.demo.seed import demo_seed
from journal.portability.reader import DateRange
from journal.portability.summary_options import SummaryOptions
from journal.sharing.services import share_create
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import CheckInFactory, UserFactory

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
    page.locator(".cal-year a").first.click()
    page.wait_for_url("**/timeline/?start=*")


NO_SIDEWAYS = "document.documentElement.scrollWidth <= window.innerWidth"
# Every text of a chart, as drawn on the screen: its font size times the SVG's scale.
SMALLEST_CHART_TEXT = """() => Math.min(...[...document.querySelectorAll('svg.chart text')].map(
  t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a))"""
CUT_CAPTIONS = """() => [...document.querySelectorAll('.cal-month caption, .cal-month th')].filter(
  e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth
       || e.getBoundingClientRect().left < 0).map(e => e.textContent)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_year_calendar_has_cells_a_thumb_can_use(
    phone_page: Page, seeded: tuple[User, Week], password: str, scheme: str
) -> None:
    user, _ = seeded
    phone_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    log_in(phone_page, user.username, password)
    phone_page.goto("/review/trends/")
    months = phone_page.locator(".cal-month caption")
    today = timezone.localdate(timezone=profile_for(user).zone)
    expect(months.first).to_have_text(f"{today:%B %Y}")  # the latest month first
    for cell in phone_page.locator(".cal-day").all()[:40]:
        box = cell.bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    assert phone_page.evaluate(CUT_CAPTIONS) == []
    assert phone_page.evaluate(NO_SIDEWAYS)
    assert phone_page.evaluate(SMALLEST_CHART_TEXT) >= 12
    screenshot(phone_page, f"review-trends-phone-{scheme}")
    assert serious_violations(phone_page) == []


@pytest.fixture
def level_week(password: str) -> tuple[User, Week]:
    """A past week where pain and tension are the same every day."""
    user = cast(User, UserFactory(username="sol", profile__time_zone="Europe/London"))
    profile = profile_for(user)
    today = timezone.localdate(timezone=profile.zone)
    week = Week.containing(today, week_start=profile.week_start, zone=profile.zone).previous
    for offset, level in enumerate([4, 5, 5, 6, 4, 3, 4]):
        day = week.start + timedelta(days=offset)
        CheckInFactory(
            user=user,
            occurred_at=datetime(day.year, day.month, day.day, 8, tzinfo=profile.zone),
            pain=level,
            tension=level,
        )
    return user, week


def test_equal_pain_and_tension_are_both_visible_on_a_phone(
    phone_page: Page, level_week: tuple[User, Week], password: str
) -> None:
    user, week = level_week
    log_in(phone_page, user.username, password)
    phone_page.goto(f"/review/{week.year}/{week.number}/")
    chart = phone_page.get_by_role("img", name="Pain and tension by day")
    chart.scroll_into_view_if_needed()
    pain = chart.locator(".mark.series-pain").nth(2)
    tension = chart.locator(".mark.series-tension").nth(2)
    for mark in (pain, tension):
        expect(mark).to_be_in_viewport()
        box = mark.bounding_box()
        assert box is not None
        # What the eye sees at the marker's centre is that marker, not the other one.
        hit = phone_page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).getAttribute('class')",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert hit == mark.get_attribute("class")
    labels = chart.locator(".direct-label")
    expect(labels).to_have_count(2)
    first, second = (labels.nth(i).bounding_box() for i in range(2))
    assert first is not None and second is not None
    assert abs(first["y"] - second["y"]) >= first["height"] * 0.9  # the names do not overlap
    assert phone_page.evaluate(SMALLEST_CHART_TEXT) >= 12


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_review_fits_a_phone_without_sideways_scroll(
    phone_page: Page, seeded: tuple[User, Week], password: str, scheme: str
) -> None:
    user, week = seeded
    phone_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    log_in(phone_page, user.username, password)
    last_week = f"/review/{week.previous.year}/{week.previous.number}/"
    for url, name in (("/review/", "this-week"), (last_week, "last-week")):
        phone_page.goto(url)
        for details in phone_page.locator("details.numbers").all():
            details.locator("summary").click()
        assert phone_page.evaluate(NO_SIDEWAYS), url
        assert phone_page.evaluate(SMALLEST_CHART_TEXT) >= 12, url
        screenshot(phone_page, f"review-{name}-phone-{scheme}")
        assert serious_violations(phone_page) == [], url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_shared_summary_reads_well_on_a_clinicians_phone(
    phone_page: Page, seeded: tuple[User, Week], scheme: str
) -> None:
    user, week = seeded
    since = week.shifted(-8).start
    _, token = share_create(
        user=user,
        options=SummaryOptions(date_range=DateRange(since=since), name="Rowan Ash"),
        days=7,
    )
    phone_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    response = phone_page.goto(f"/share/s/{token}/")
    assert response is not None and response.headers["referrer-policy"] == "no-referrer"
    expect(phone_page.get_by_role("heading", name="Overview")).to_be_visible()
    expect(phone_page.get_by_text("Rowan Ash")).to_be_visible()
    assert phone_page.evaluate(NO_SIDEWAYS)
    screenshot(phone_page, f"share-phone-{scheme}")
    assert serious_violations(phone_page) == []


def test_the_summary_and_links_pages_are_accessible(
    page: Page, seeded: tuple[User, Week], password: str
) -> None:
    user, _ = seeded
    log_in(page, user.username, password)
    for url, name in (("/export/summary/", "summary"), ("/share/", "share-links")):
        page.goto(url)
        screenshot(page, f"{name}-desktop")
        assert serious_violations(page) == [], url
    page.get_by_label("The link works for (days)").fill("3")
    page.get_by_role("button", name="Make the link").click()
    link = page.get_by_role("textbox", name="Link", exact=True).input_value()
    assert "/share/s/" in link
    page.goto(link)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
