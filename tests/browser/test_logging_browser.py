"""Logging in a real browser: the body map, drafts, the timeline, and no-JS forms."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from journal.models import JournalEntry, Sensation
from tests import factories
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

# factory_boy calls are untyped; the aliases make their results Any for mypy.
CheckInFactory: Any = factories.CheckInFactory
JournalEntryFactory: Any = factories.JournalEntryFactory
UserFactory: Any = factories.UserFactory

ROWS = "#sensation-rows fieldset.sensation-row:not(.is-empty):visible"


@pytest.fixture
def maya():
    return UserFactory(username="maya", profile__time_zone="Europe/Paris")


def tab_to(page: Page, selector: str, *, backwards: bool = False, limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until the element is focused, as a keyboard user would."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if page.locator(f"{selector}:focus").count():
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} never received focus")


def row_for(page: Page, region: str):
    return page.locator(f'#sensation-rows [data-row-region="{region}"]:visible')


def test_check_in_with_two_sensations_picked_by_mouse(page: Page, maya) -> None:
    log_in(page, "maya", PASSWORD)
    screenshot(page, "today-desktop")
    page.get_by_role("group", name="Pain right now").get_by_text("4", exact=True).click()
    page.locator('[data-figure="back"] [data-region="lower_back"]').click()
    expect(page.locator(ROWS)).to_have_count(1)
    row = row_for(page, "lower_back")
    row.get_by_text("Tight", exact=True).click()
    row.get_by_text("Unpleasant", exact=True).click()
    page.locator('[data-figure="front"] [data-region="belly"]').click()
    expect(page.locator(ROWS)).to_have_count(2)
    row = row_for(page, "belly")
    row.get_by_text("Soft", exact=True).click()
    row.get_by_text("Pleasant", exact=True).click()
    expect(page.locator('[data-figure="back"] [data-region="lower_back"]')).to_have_attribute(
        "aria-pressed", "true"
    )
    assert serious_violations(page) == []
    screenshot(page, "checkin-sensations-desktop")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    entry = JournalEntry.objects.get(user=maya)
    assert entry.pain == 4
    assert sorted(s.region for s in entry.sensations.all()) == ["belly", "lower_back"]
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_check_in_by_keyboard_only_on_a_phone(phone_page: Page, maya) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    page.get_by_label("Hours of sleep").focus()
    page.keyboard.type("6.5")
    tab_to(page, '[data-figure="back"] [data-region="lower_back"]')
    page.keyboard.press("Enter")
    expect(page.locator(ROWS)).to_have_count(1)
    # Focus lands on the new row's first quality; Space chooses it.
    expect(row_for(page, "lower_back").locator('input[type="radio"]').first).to_be_focused()
    page.keyboard.press("Space")
    tab_to(page, 'input[name="sens-3-intensity"]')  # lands on "Not rated", the checked one
    for _ in range(8):
        page.keyboard.press("ArrowRight")  # wraps to 0, then up to 7
    tab_to(page, 'input[name="sens-3-feel"]')
    page.keyboard.press("ArrowRight")  # suggested unpleasant -> neutral
    show = page.locator('[data-show-view="front"]')
    tab_to(page, '[data-show-view="front"]', backwards=True)
    page.keyboard.press("Enter")
    expect(show).to_have_attribute("aria-pressed", "true")
    tab_to(page, '[data-figure="front"] [data-region="chest"]')
    page.keyboard.press(" ")
    expect(page.locator(ROWS)).to_have_count(2)
    page.keyboard.press("ArrowDown")  # second quality, aching
    tab_to(page, 'input[name="sens-4-feel"]')
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # pleasant
    screenshot(page, "checkin-sensations-phone")
    tab_to(page, 'button:text("Save check-in")')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    rows = {s.region: s for s in Sensation.objects.filter(user=maya)}
    assert set(rows) == {"lower_back", "chest"}
    assert (rows["lower_back"].quality, rows["lower_back"].intensity) == ("tight", 7)
    assert rows["lower_back"].feel == "neutral"
    assert (rows["chest"].quality, rows["chest"].feel) == ("aching", "pleasant")
    screenshot(page, "today-phone")


def test_the_same_check_in_without_javascript(no_js_page: Page, maya) -> None:
    page = no_js_page
    log_in(page, "maya", PASSWORD)
    expect(page.locator("[data-bodymap]")).to_be_hidden()
    rows = page.locator("fieldset.sensation-row")
    expect(rows).to_have_count(3)
    first, second = rows.nth(0), rows.nth(1)
    first.get_by_label("Where in the body").select_option("neck")
    first.get_by_text("Tight", exact=True).click()
    first.get_by_text("Unpleasant", exact=True).click()
    second.get_by_label("Where in the body").select_option("belly")
    # Half-filled: the quality is missing; the error shows next to it and nothing is lost.
    page.locator("summary", has_text="Add a note").last.click()  # the entry's, after the rows
    page.get_by_label("Anything else you notice").fill("Quiet morning")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Choose what it feels like.").first).to_be_visible()
    expect(page.get_by_label("Anything else you notice")).to_have_value("Quiet morning")
    assert not JournalEntry.objects.exists()
    page.locator("fieldset.sensation-row").nth(1).get_by_text("Warm", exact=True).click()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    assert sorted(Sensation.objects.values_list("region", "feel")) == [
        ("belly", "pleasant"),
        ("neck", "unpleasant"),
    ]


def test_expressive_writing_keeps_a_draft_when_the_page_closes(page: Page, maya) -> None:
    log_in(page, "maya", PASSWORD)
    # Write → Expressive writing is the practice: before-ratings (all optional), then the page.
    page.goto("/journal/new/expressive/")
    page.get_by_role("button", name="Start the practice").click()
    page.get_by_role("button", name="Start the timer").click()
    expect(page.get_by_role("button", name="Pause the timer")).to_be_visible()
    page.get_by_label("Write freely").press_sequentially("My back remembers the move. ")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved")
    screenshot(page, "expressive-desktop")
    context = page.context
    page.close()
    again = context.new_page()
    again.set_viewport_size({"width": 390, "height": 844})
    again.goto("/journal/new/expressive/")
    again.get_by_role("link", name="Continue the draft").click()
    expect(again.get_by_label("Write freely")).to_have_value("My back remembers the move. ")
    screenshot(again, "expressive-phone")
    again.get_by_label("Write freely").press("Control+End")
    again.get_by_label("Write freely").press_sequentially("And then it let go.")
    again.get_by_role("button", name="Finish writing").click()
    again.get_by_role("button", name="Save and finish").click()
    again.wait_for_url("**/practices/sessions/*/")
    entry = JournalEntry.objects.get(user=maya)
    assert not entry.is_draft
    assert entry.body.endswith("And then it let go.")


def test_timeline_filter_edit_and_delete(page: Page, maya) -> None:
    CheckInFactory(user=maya, body="morning check")
    JournalEntryFactory(user=maya, body="a walk by the river")
    log_in(page, "maya", PASSWORD)
    page.get_by_role("link", name="Timeline", exact=True).click()
    screenshot(page, "timeline-desktop")
    page.get_by_text("Filter by kind, practice").click()
    page.get_by_label("Kind").select_option("free")
    expect(page.locator("article.item")).to_have_count(1)
    expect(page.get_by_text("a walk by the river")).to_be_visible()
    page.get_by_role("link", name="Edit free reflection").click()
    page.get_by_label("What you notice").fill("a slow walk by the river")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("a slow walk by the river")).to_be_visible()
    page.get_by_text("Delete this entry…").click()
    page.get_by_role("button", name="Yes, delete this entry").click()
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()
    assert list(JournalEntry.objects.values_list("body", flat=True)) == ["morning check"]
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "timeline-phone")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_logging_pages_pass_an_accessibility_scan(page: Page, maya) -> None:
    entry = CheckInFactory(user=maya, body="scan me", red_flag_night_pain=True)
    log_in(page, "maya", PASSWORD)
    for path in [
        "/",
        "/timeline/",
        "/tags/",
        "/journal/new/free/",
        "/journal/new/expressive/",
        "/journal/new/reframe/",
        f"/journal/{entry.uuid}/",
        f"/journal/{entry.uuid}/edit/",
    ]:
        page.goto(path)
        assert serious_violations(page) == [], path


def test_enter_in_a_text_field_saves_the_check_in(page: Page, maya) -> None:
    log_in(page, "maya", PASSWORD)
    page.locator("summary", has_text="Tags").first.click()
    page.get_by_label("New tags").fill("long drive")
    page.get_by_label("New tags").press("Enter")
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    assert [t.name for t in JournalEntry.objects.get(user=maya).tags.all()] == ["long drive"]


def test_show_older_items_appends_the_next_page(page: Page, maya) -> None:
    now = timezone.now()
    for hours in range(35):
        JournalEntryFactory(user=maya, occurred_at=now - timedelta(hours=hours))
    log_in(page, "maya", PASSWORD)
    page.goto("/timeline/")
    expect(page.locator("article.item")).to_have_count(30)
    page.get_by_role("link", name="Show older items").click()
    expect(page.locator("article.item")).to_have_count(35)
    expect(page.get_by_role("link", name="Show older items")).to_have_count(0)
    assert page.url.endswith("/timeline/")  # the htmx swap keeps the page where it was
