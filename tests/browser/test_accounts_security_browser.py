"""Sign-up's time-zone picker on a phone, your devices across two browsers, and the new
account pages under axe."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.a11y import serious_violations
from tests.browser.conftest import DESKTOP, PHONE, _context, log_in, screenshot
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def phone_context(browser: Browser, live_server: Any, **kwargs: Any) -> BrowserContext:
    return _context(
        browser, live_server.url, viewport=PHONE, is_mobile=True, has_touch=True, **kwargs
    )


def box(page: Page, selector: str) -> Any:
    found = page.locator(selector).bounding_box()
    assert found is not None, selector
    return found


def test_the_time_zone_picker_on_a_phone(browser: Browser, live_server: Any) -> None:
    UserFactory(username="host")
    context = phone_context(browser, live_server, timezone_id="Asia/Tokyo")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/signup/")

    picker = page.get_by_label("Time zone", exact=True)
    # The zone this phone reports goes first and is chosen.
    assert picker.input_value() == "Asia/Tokyo"
    first_group = page.locator("#id_time_zone optgroup").first
    assert first_group.get_attribute("label") == "On this device"
    assert first_group.locator("option").first.get_attribute("value") == "Asia/Tokyo"
    # Every zone in the list is a current name, not an alias or Etc/*.
    values = page.eval_on_selector_all("#id_time_zone option", "els => els.map(e => e.value)")
    assert len(values) < 130
    assert not [v for v in values if v.startswith("Etc/") or v == "Asia/Calcutta"]

    search = page.get_by_label("Search time zones")
    expect(search).to_be_visible()
    for selector in ("#time-zone-search", "#id_time_zone"):
        assert box(page, selector)["height"] >= 44, selector
        assert box(page, selector)["width"] <= PHONE["width"]
    search.fill("berl")
    assert picker.input_value() == "Europe/Berlin"
    shown = page.eval_on_selector_all(
        "#id_time_zone option:not([hidden])", "els => els.map(e => e.value)"
    )
    assert shown == ["", "Europe/Berlin"]
    search.fill("nowhere at all")
    expect(page.get_by_text("No time zone in the list matches that.")).to_be_visible()
    search.fill("buenos")
    assert picker.input_value() == "America/Argentina/Buenos_Aires"
    screenshot(page, "signup-time-zone-phone")
    assert serious_violations(page) == []

    page.get_by_label("Username").fill("maya")
    page.get_by_label("Password", exact=True).fill("slow breath over the hills")
    page.get_by_label("Password confirmation").fill("slow breath over the hills")
    page.get_by_role("button", name="Create my journal").click()
    page.wait_for_url(f"{live_server.url}/")
    assert User.objects.get(username="maya").profile.time_zone == "America/Argentina/Buenos_Aires"
    expect(page.get_by_text("a forgotten password cannot be reset")).to_be_visible()
    assert errors == []
    context.close()


def test_without_javascript_the_picker_asks(browser: Browser, live_server: Any) -> None:
    UserFactory(username="host")
    context = phone_context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/signup/")
    assert page.get_by_label("Time zone", exact=True).input_value() == ""
    expect(page.get_by_label("Search time zones")).to_be_hidden()
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Password", exact=True).fill("slow breath over the hills")
    page.get_by_label("Password confirmation").fill("slow breath over the hills")
    page.get_by_role("button", name="Create my journal").click()
    expect(page.get_by_text("Choose the time zone you live in")).to_be_visible()
    assert not User.objects.filter(username="maya").exists()
    page.get_by_label("Time zone", exact=True).select_option("Europe/Lisbon")
    page.get_by_label("Password", exact=True).fill("slow breath over the hills")
    page.get_by_label("Password confirmation").fill("slow breath over the hills")
    page.get_by_role("button", name="Create my journal").click()
    page.wait_for_url(f"{live_server.url}/")
    assert User.objects.get(username="maya").profile.time_zone == "Europe/Lisbon"
    context.close()


def test_one_device_ends_the_other_and_its_htmx_request_goes_to_log_in(
    browser: Browser, live_server: Any, alice: User
) -> None:
    laptop_context = _context(browser, live_server.url, viewport=DESKTOP)
    phone = phone_context(browser, live_server)
    laptop, handset = laptop_context.new_page(), phone.new_page()
    log_in(laptop, "alice", PASSWORD)
    log_in(handset, "alice", PASSWORD)

    laptop.goto("/settings/devices/")
    cards = laptop.locator(".device")
    expect(cards).to_have_count(2)
    expect(laptop.locator(".badge", has_text="this device")).to_have_count(1)
    screenshot(laptop, "devices-desktop")
    other = cards.filter(has_not=laptop.locator(".badge"))
    other.get_by_role("button").click()
    expect(laptop.locator(".device")).to_have_count(1)
    expect(laptop.get_by_text("That device is logged out.")).to_be_visible()

    # The phone's next htmx request is answered with HX-Redirect to the log-in page.
    with handset.expect_response(
        lambda r: "HX-Redirect" in r.headers or "hx-redirect" in r.headers
    ):
        handset.evaluate("htmx.ajax('GET', '/settings/devices/', {target: 'main'})")
    handset.wait_for_url("**/accounts/login/**")
    laptop.reload()
    expect(laptop.get_by_role("heading", name="Your devices")).to_be_visible()
    laptop_context.close()
    phone.close()


def test_log_out_on_one_device_leaves_the_other(
    browser: Browser, live_server: Any, alice: User
) -> None:
    first = _context(browser, live_server.url, viewport=DESKTOP)
    second = _context(browser, live_server.url, viewport=DESKTOP)
    one, two = first.new_page(), second.new_page()
    log_in(one, "alice", PASSWORD)
    log_in(two, "alice", PASSWORD)
    one.get_by_role("button", name="Log out").click()
    # Log-out first empties the offline queue, then posts: wait for it to land.
    expect(one.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    one.goto("/settings/")
    assert "/accounts/login/" in one.url
    two.goto("/settings/")
    expect(two.get_by_role("heading", name="Settings")).to_be_visible()
    # Log out everywhere, from the devices page, ends the other one too.
    log_in(one, "alice", PASSWORD)
    one.goto("/settings/devices/")
    one.get_by_role("button", name="Log out everywhere").click()
    two.goto("/settings/")
    assert "/accounts/login/" in two.url
    first.close()
    second.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_new_account_pages_pass_axe(
    browser: Browser, live_server: Any, alice: User, settings: Any, scheme: str
) -> None:
    alice.is_staff = True
    alice.save()
    context = phone_context(browser, live_server, color_scheme=scheme)
    page = context.new_page()
    page.goto("/accounts/login/")
    expect(page.get_by_label("Keep me logged in on this device")).to_be_visible()
    # The label is the touch target (a tap on it ticks the box).
    assert box(page, "label[for=id_remember]")["height"] >= 44
    assert serious_violations(page) == [], "login"
    settings.SIGNUP_MODE = "closed"
    page.goto("/signup/")
    expect(page.get_by_role("heading", name="Sign-up is closed")).to_be_visible()
    assert serious_violations(page) == [], "signup closed"
    settings.PASSWORD_RESET_ENABLED = False
    page.goto("/accounts/password/reset/")
    assert serious_violations(page) == [], "reset unavailable"
    log_in(page, "alice", PASSWORD)
    for path in ("/settings/", "/settings/devices/", "/settings/invitations/"):
        page.goto(path)
        assert serious_violations(page) == [], path
    page.get_by_label("For whom").fill("for maya")
    page.get_by_role("button", name="Make an invitation link").click()
    expect(page.get_by_label("Invitation link")).to_have_value(
        f"{live_server.url}/signup/?invite="
        + page.get_by_label("Invitation link").input_value().split("=", 1)[1]
    )
    assert serious_violations(page) == [], "invitation made"
    screenshot(page, f"invitations-phone-{scheme}")
    context.close()


def test_a_detected_zone_outside_the_short_list_is_offered_first(
    browser: Browser, live_server: Any
) -> None:
    UserFactory(username="host")
    context = phone_context(browser, live_server, timezone_id="America/Boise")
    page = context.new_page()
    page.goto("/signup/")
    picker = page.get_by_label("Time zone", exact=True)
    assert picker.input_value() == "America/Boise"
    first = page.locator("#id_time_zone optgroup").first
    assert first.locator("option").first.inner_text() == "America/Boise"
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Password", exact=True).fill("slow breath over the hills")
    page.get_by_label("Password confirmation").fill("slow breath over the hills")
    page.get_by_role("button", name="Create my journal").click()
    page.wait_for_url(f"{live_server.url}/")
    assert User.objects.get(username="maya").profile.time_zone == "America/Boise"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_rate_limit_page_is_calm_and_passes_axe(
    browser: Browser, live_server: Any, alice: User, settings: Any, scheme: str
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (1, 600)}
    context = phone_context(browser, live_server, color_scheme=scheme)
    page = context.new_page()
    for _ in range(2):
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill("someone")
        page.get_by_label("Password").fill("a guess")
        with page.expect_response("**/accounts/login/") as response:
            page.get_by_role("button", name="Log in", exact=True).click()
    assert response.value.status == 429
    expect(page.get_by_role("heading", name="Please wait a little")).to_be_visible()
    assert serious_violations(page) == []
    context.close()
