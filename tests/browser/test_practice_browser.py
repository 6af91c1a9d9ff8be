"""The practice flow in a real browser: ratings, the timer, finishing, keyboard use."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from practices.models import PracticeSession, SessionState
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.browser.guidance_stubs import (
    RECORDING_STUBS,
    advance,
    install_server_clock,
    press,
    sound_log,
    synced_after,
)
from tests.factories import PASSWORD, PracticeSessionFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def maya(db: None) -> User:
    return UserFactory.create(username="maya")


def choose(page: Page, group: str, value: str) -> None:
    """Pick a rating chip the way a person does: by its visible label."""
    page.get_by_role("group", name=group).get_by_text(value, exact=True).click()


def start_body_scan(page: Page, minutes: str = "1", double_click: bool = False) -> None:
    page.goto("/practices/body-scan/start/")
    choose(page, "Pain", "6")
    choose(page, "Tension", "7")
    page.get_by_label("How many minutes").fill(minutes)
    button = page.get_by_role("button", name="Start the practice")
    if double_click:
        button.dblclick()
    else:
        button.click()
    page.wait_for_url(re.compile(r"/run/$"))


def test_a_practice_from_before_to_after_with_a_shortened_timer(
    page: Page, maya: User, monkeypatch
):
    clock = install_server_clock(monkeypatch)
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    page.goto("/practices/body-scan/")
    screenshot(page, "practice-detail-desktop")
    page.get_by_role("link", name="Start", exact=True).click()
    choose(page, "Pain", "6")
    choose(page, "Sense of safety and calm", "3")
    page.get_by_label("How many minutes").fill("1")
    screenshot(page, "practice-start-desktop")
    page.get_by_role("button", name="Start the practice").click()
    page.wait_for_url(re.compile(r"/run/$"))

    session = PracticeSession.objects.get(user=maya)
    assert session.state == SessionState.IN_PROGRESS
    assert (session.before_pain, session.before_safety, session.planned_minutes) == (6, 3, 1)

    timer = page.get_by_role("timer")
    expect(timer).to_have_text("1:00")
    press(page, "Begin")
    assert sound_log(page)["chimes"] == {"start": 1, "step": 0, "interval": 0, "end": 0}
    advance(page, clock, 10)
    expect(timer).to_have_text("0:50")
    expect(page.locator("[data-timer-steps] li.is-current")).to_have_count(1)
    screenshot(page, "practice-timer-desktop")

    press(page, "Pause")
    advance(page, clock, 30)
    expect(timer).to_have_text("0:50")
    press(page, "Resume")
    press(page, "Add a minute")
    expect(timer).to_have_text("1:50")

    # A one-minute body scan reaches its second step after six seconds.
    assert sound_log(page)["chimes"] == {"start": 1, "step": 1, "interval": 0, "end": 0}
    advance(page, clock, 111)
    expect(page.get_by_text("Time is up", exact=True)).to_be_visible()
    log = sound_log(page)
    assert log["chimes"] == {"start": 1, "step": 5, "interval": 0, "end": 1}
    assert log["vibrations"] == 1
    panel = page.get_by_role("region", name="How are you now?")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    choose(page, "Pain", "4")
    choose(page, "Sense of safety and calm", "6")
    page.get_by_label("Anything you noticed").fill("My shoulders dropped.")
    screenshot(page, "practice-timer-finished-desktop")
    page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(f"**/practices/sessions/{session.uuid}/")

    session.refresh_from_db()
    assert session.state == SessionState.FINISHED
    # One planned minute plus one added; the 30 paused seconds do not count.
    assert session.duration_seconds == 120
    assert (session.after_pain, session.after_safety) == (4, 6)
    assert session.notes == "My shoulders dropped."
    expect(page.get_by_role("row", name="Pain 6 4 2 lower")).to_be_visible()
    reflect = page.get_by_role("link", name="Write a reflection")
    expect(reflect).to_have_attribute("href", f"/journal/reflect/{session.uuid}/")
    screenshot(page, "practice-session-detail-desktop")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_closing_the_tab_mid_session_keeps_it_open(page: Page, maya: User):
    log_in(page, "maya", PASSWORD)
    start_body_scan(page, minutes="10", double_click=True)
    assert PracticeSession.objects.filter(user=maya).count() == 1
    press(page, "Begin")
    context = page.context
    page.close()

    later = context.new_page()
    later.goto("/practices/body-scan/")
    later.get_by_role("link", name="Resume, finish or set it aside").click()
    expect(later.get_by_role("heading", name="This session is still open")).to_be_visible()
    session = PracticeSession.objects.get(user=maya)
    assert session.state == SessionState.IN_PROGRESS
    later.get_by_role("link", name="Resume").click()
    # The timer kept running on the server while the tab was closed.
    expect(later.get_by_role("button", name="Pause")).to_be_visible()
    later.go_back()
    later.get_by_role("button", name="Set it aside").click()
    expect(later.get_by_text("Set aside", exact=True)).to_be_visible()
    expect(later.get_by_text("Abandoned")).to_have_count(0)
    session.refresh_from_db()
    assert session.state == SessionState.ABANDONED


def tab_to(page: Page, name: str, limit: int = 40) -> None:
    """Press Tab until the focused element's text is `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} never got the keyboard focus")


def keys(page: Page, key: str) -> None:
    """Press a key on a timer button and wait for the page to take in the server's answer."""
    synced_after(page, lambda: page.keyboard.press(key))


def test_the_timer_works_with_the_keyboard_alone(page: Page, maya: User, monkeypatch):
    clock = install_server_clock(monkeypatch)
    page.clock.install()
    log_in(page, "maya", PASSWORD)
    start_body_scan(page)
    timer = page.get_by_role("timer")
    tab_to(page, "Begin")
    keys(page, "Enter")
    advance(page, clock, 5)
    expect(timer).to_have_text("0:55")
    keys(page, "Space")  # the same button, now "Pause"
    expect(page.get_by_role("button", name="Resume")).to_be_focused()
    keys(page, "Enter")
    tab_to(page, "Add a minute")
    keys(page, "Enter")
    expect(timer).to_have_text("1:55")
    tab_to(page, "Finish")
    page.keyboard.press("Enter")
    panel = page.get_by_role("region", name="How are you now?")
    expect(panel).to_be_focused()
    # Into the first rating group, then arrow keys move along the 0-10 chips.
    page.keyboard.press("Tab")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_role("group", name="Pain").get_by_label("2", exact=True)).to_be_checked()
    tab_to(page, "Save and finish")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sessions/[0-9a-f-]+/$"))
    session = PracticeSession.objects.get(user=maya)
    assert session.state == SessionState.FINISHED
    assert session.after_pain == 2
    assert session.duration_seconds == 5


def test_without_javascript_the_steps_and_finish_still_work(no_js_page: Page, maya: User):
    page = no_js_page
    log_in(page, "maya", PASSWORD)
    start_body_scan(page)
    expect(page.get_by_text("Start at your feet.", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Begin")).to_be_hidden()
    page.get_by_role("link", name="Finish").click()
    choose(page, "Tension", "3")
    page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(re.compile(r"/sessions/[0-9a-f-]+/$"))
    session = PracticeSession.objects.get(user=maya)
    assert session.state == SessionState.FINISHED
    assert session.after_tension == 3
    assert session.duration_seconds is not None


def test_practice_pages_at_phone_width(phone_page: Page, maya: User):
    page = phone_page
    page.clock.install()
    log_in(page, "maya", PASSWORD)
    page.goto("/practices/body-scan/start/")
    choose(page, "Pain", "5")
    screenshot(page, "practice-start-phone")
    page.get_by_role("button", name="Start the practice").click()
    page.wait_for_url(re.compile(r"/run/$"))
    page.get_by_role("button", name="Begin").click()
    page.clock.run_for(65_000)
    screenshot(page, "practice-timer-phone")
    breath = page.locator(".timer-breath")
    assert breath.evaluate("el => getComputedStyle(el).animationName") == "breathe"
    page.emulate_media(reduced_motion="reduce")
    assert breath.evaluate("el => getComputedStyle(el).animationName") == "none"
    finish_url = page.get_by_role("link", name="Finish").get_attribute("href")
    page.goto(str(finish_url))
    screenshot(page, "practice-finish-phone")
    page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(re.compile(r"/sessions/[0-9a-f-]+/$"))
    screenshot(page, "practice-session-detail-phone")
    # Nothing sticks out sideways on a 390 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_practice_pages_pass_an_accessibility_scan(page: Page, maya: User):
    finished = PracticeSessionFactory.create(user=maya, notes="Calmer.")
    log_in(page, "maya", PASSWORD)
    start_body_scan(page)
    run_url = page.url
    session_url = f"/practices/sessions/{finished.uuid}/"
    paths = [
        "/practices/",
        "/practices/body-scan/",
        "/practices/body-scan/start/",
        run_url,
        run_url.replace("/run/", "/finish/"),
        run_url.replace("/run/", "/"),
        session_url,
        f"{session_url}edit/",
        f"{session_url}delete/",
        "/practices/sessions/log/",
        "/practices/own/new/",
    ]
    for path in paths:
        page.goto(path)
        assert serious_violations(page) == [], path
    # A form showing its errors.
    page.get_by_role("button", name="Add the practice").click()
    assert serious_violations(page) == [], "own practice errors"
    # The dark theme's contrast, on the pages with the most colour.
    page.emulate_media(color_scheme="dark")
    for path in ["/practices/body-scan/", "/practices/body-scan/start/", session_url]:
        page.goto(path)
        assert serious_violations(page) == [], f"dark {path}"
    # The timer page with the after-ratings revealed, in both themes.
    page.goto(run_url)
    page.get_by_role("link", name="Finish").click()
    assert serious_violations(page) == [], "dark finish panel"
    page.emulate_media(color_scheme="light")
    assert serious_violations(page) == [], "finish panel"
