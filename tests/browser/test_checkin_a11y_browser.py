"""The check-in's accessibility (axe, light and dark) and the body map on a desktop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests import factories
from tests.browser.a11y import serious_violations
from tests.browser.conftest import DESKTOP, PHONE, _context, log_in, screenshot
from tests.browser.test_checkin_browser import ROWS, fold, region
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

UserFactory: Any = factories.UserFactory


@pytest.fixture
def maya():
    return UserFactory(username="maya", profile__time_zone="Europe/Berlin")


@pytest.fixture
def dark_phone_page(browser: Browser, live_server) -> Iterator[Page]:
    ctx = _context(
        browser,
        live_server.url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        color_scheme="dark",
    )
    yield ctx.new_page()
    ctx.close()


# --- Accessibility and screenshots ---------------------------------------------------------


def _open_everything(page: Page) -> None:
    region(page, "back", "lower_back").tap()
    expect(page.locator(ROWS)).to_have_count(1)
    fold(page, "Warning signs (rare)").tap()
    page.get_by_text("Fever, or weight loss you cannot explain").tap()
    fold(page, "Choose from a list").tap()
    fold(page, "Emotions").tap()


def test_the_check_in_passes_an_accessibility_scan_light_and_dark(
    phone_page: Page, dark_phone_page: Page, maya
) -> None:
    for page, name in ((phone_page, "light"), (dark_phone_page, "dark")):
        log_in(page, "maya", PASSWORD)
        assert serious_violations(page) == [], name
        _open_everything(page)
        assert serious_violations(page) == [], name
        screenshot(page, f"checkin-open-phone-{name}")


def test_the_map_on_a_desktop_grows_with_the_screen(page: Page, maya) -> None:
    log_in(page, "maya", PASSWORD)
    figures = page.locator(".bodymap-figure svg")
    expect(figures).to_have_count(2)
    boxes = [figures.nth(i).bounding_box() for i in range(2)]
    assert all(b is not None and b["width"] > 330 for b in boxes)  # both views, side by side
    page.locator('[data-figure="back"] [data-region="mid_back"]').hover()
    expect(page.locator("[data-bodymap-bubble]")).to_have_text("Mid back")
    screenshot(page, "checkin-desktop")
    page.set_viewport_size({"width": 1600, "height": 1000})
    wider = page.locator(".bodymap-figure svg").first.bounding_box()
    assert wider is not None and wider["width"] >= boxes[0]["width"]  # type: ignore[index]
    page.set_viewport_size({"width": DESKTOP["width"], "height": DESKTOP["height"]})
    assert serious_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_other_changed_pages_pass_an_accessibility_scan(
    browser: Browser, live_server, maya, scheme: str
) -> None:
    entry: Any = factories.CheckInFactory(user=maya, body="scan me", red_flag_night_pain=True)
    factories.SensationFactory(entry=entry, region="right_hand", intensity=None)
    ctx = _context(browser, live_server.url, viewport=PHONE, color_scheme=scheme)
    page = ctx.new_page()
    try:
        log_in(page, "maya", PASSWORD)
        for path in [
            "/journal/new/free/",
            f"/journal/{entry.uuid}/",
            f"/journal/{entry.uuid}/edit/",
            "/review/",
            "/practices/sessions/log/",
        ]:
            page.goto(path)
            assert serious_violations(page) == [], (scheme, path)
        # The entry page's notice calls the local number (Europe/Berlin: 112).
        page.goto(f"/journal/{entry.uuid}/")
        expect(page.locator(".notice-urgent a[href^='tel:']").first).to_have_attribute(
            "href", "tel:112"
        )
    finally:
        ctx.close()
