"""The check-in on a phone (390 x 844, touch): the body map's targets, the number of taps,
undo, clearing, suggestions, errors, warning signs, no JavaScript, and accessibility."""

from __future__ import annotations

import random
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from journal.models import JournalEntry, Sensation
from tests import factories
from tests.browser.conftest import PHONE, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

UserFactory: Any = factories.UserFactory

ROWS = "#sensation-rows fieldset.sensation-row:not(.is-empty):visible"
SCREEN = PHONE["height"]


@pytest.fixture
def maya():
    return UserFactory(username="maya", profile__time_zone="Europe/Berlin")


def show_view(page: Page, view: str) -> None:
    page.locator(f'[data-show-view="{view}"]').tap()
    expect(page.locator(f'[data-figure="{view}"] svg')).to_be_visible()


def fold(page: Page, name: str):
    """The summary that unfolds a part of the form."""
    return page.locator("summary", has_text=name).first


def row_for(page: Page, value: str):
    return page.locator(f'#sensation-rows [data-row-region="{value}"]:visible')


def region(page: Page, view: str, value: str):
    return page.locator(f'[data-figure="{view}"] path[data-region="{value}"]').first


# --- The body map's targets ---------------------------------------------------------------


def test_every_region_is_at_least_44_px_on_a_phone(phone_page: Page, maya) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    small = []
    for view in ("back", "front"):
        show_view(page, view)
        shapes = page.locator(f'[data-figure="{view}"] [data-region]')
        assert shapes.count() >= 20
        for i in range(shapes.count()):
            box = shapes.nth(i).bounding_box()
            assert box is not None
            if box["width"] < 44 or box["height"] < 44:
                small.append((view, shapes.nth(i).get_attribute("data-region"), box))
        screenshot(page, f"bodymap-{view}-phone")
    assert small == []
    # The list beside the map, and the view buttons, are thumb-sized too.
    fold(page, "Choose from a list").tap()
    for locator in (page.locator(".region-button"), page.locator("[data-show-view]")):
        for i in range(locator.count()):
            box = locator.nth(i).bounding_box()
            assert box is not None and box["height"] >= 44, locator.nth(i).inner_text()


_HITS = """([view, offsets]) => {
  const results = {};
  const shapes = document.querySelectorAll(`[data-figure="${view}"] [data-region]`);
  shapes.forEach((el, index) => {
    el.scrollIntoView({block: "center"});
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    let hits = 0;
    for (const [dx, dy] of offsets) {
      const found = document.elementFromPoint(cx + dx, cy + dy);
      const target = found && found.closest("[data-region]");
      if (target && target.dataset.region === el.dataset.region) hits += 1;
    }
    results[`${el.dataset.region}#${index}`] = hits / offsets.length;
  });
  return results;
}"""


def test_taps_scattered_around_each_region_land_on_it(phone_page: Page, maya) -> None:
    """200 taps per shape, Gaussian scatter (sigma 8 px) around its centre: >= 95 % hit it."""
    page = phone_page
    log_in(page, "maya", PASSWORD)
    rng = random.Random(20261202)
    offsets = [(rng.gauss(0, 8), rng.gauss(0, 8)) for _ in range(200)]
    rates: dict[str, float] = {}
    for view in ("back", "front"):
        show_view(page, view)
        found = page.evaluate(_HITS, [view, offsets])
        rates.update({f"{view}:{name}": rate for name, rate in found.items()})
    print("\ntap-scatter hit rates (worst first):")
    for name, rate in sorted(rates.items(), key=lambda kv: kv[1])[:8]:
        print(f"  {name}: {rate:.1%}")
    assert len(rates) >= 40
    assert {name: rate for name, rate in rates.items() if rate < 0.95} == {}


# --- The standard morning check-in ---------------------------------------------------------


class Thumb:
    """Taps counted, and the furthest the page was scrolled from the top."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.taps = 0
        self.furthest = 0.0
        self.steps: list[int] = []

    def tap(self, locator) -> None:
        locator.tap()
        self.taps += 1
        self.note_scroll()

    def type_into(self, locator, text: str) -> None:
        locator.fill(text)  # typing: the tap that focuses the field is part of it
        self.note_scroll()

    def note_scroll(self) -> None:
        at = self.page.evaluate("window.scrollY")
        self.steps.append(round(at))
        self.furthest = max(self.furthest, at)


def test_the_standard_morning_check_in_takes_at_most_12_taps(phone_page: Page, maya) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    thumb = Thumb(page)
    scales = page.locator("[data-scale]")
    thumb.tap(page.get_by_role("group", name="Pain right now").get_by_text("3", exact=True))
    thumb.tap(page.get_by_role("group", name="Tension").get_by_text("5", exact=True))
    thumb.tap(page.get_by_role("group", name="Stress").get_by_text("4", exact=True))
    thumb.type_into(page.get_by_label("Hours of sleep"), "6.5")
    thumb.tap(page.get_by_text("Okay", exact=True))
    thumb.tap(fold(page, "Emotions"))
    thumb.tap(page.get_by_text("Calm", exact=True))
    thumb.tap(page.get_by_text("Tired", exact=True))
    thumb.tap(region(page, "back", "lower_back"))
    expect(page.locator(ROWS)).to_have_count(1)
    thumb.tap(row_for(page, "lower_back").get_by_text("Tight", exact=True))
    thumb.tap(region(page, "back", "right_hand"))
    expect(page.locator(ROWS)).to_have_count(2)
    thumb.tap(row_for(page, "right_hand").get_by_text("At ease", exact=True))
    screenshot(page, "checkin-standard-phone")
    save = page.get_by_role("button", name="Save check-in")
    # The Save button stays in reach: it is on screen wherever the page is.
    box = save.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN
    save.tap()  # the sticky bar: on screen already, so no scrolling is needed to reach it
    thumb.taps += 1
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    print(f"\nscroll position after each step: {thumb.steps}")
    print(
        f"\nstandard morning check-in: {thumb.taps} taps plus typing the hours of sleep; "
        f"scrolled at most {thumb.furthest:.0f} px = {thumb.furthest / SCREEN:.2f} screens"
    )
    assert thumb.taps <= 12
    assert thumb.furthest <= 3 * SCREEN
    assert scales.count() >= 5
    entry = JournalEntry.objects.get(user=maya)
    assert (entry.pain, entry.tension, entry.stress, entry.sleep_quality) == (3, 5, 4, 3)
    assert str(entry.sleep_hours) == "6.5"
    assert sorted(e.emotion for e in entry.emotions.all()) == ["calm", "tired"]
    found = {s.region: (s.quality, s.feel, s.intensity) for s in entry.sensations.all()}
    assert found == {
        "lower_back": ("tight", "unpleasant", None),
        "right_hand": ("at_ease", "pleasant", None),
    }


# --- Undo, clearing, suggestions -------------------------------------------------------------


def test_a_mis_tap_is_undone_and_a_second_tap_offers_to_remove(phone_page: Page, maya) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    toast = page.locator("[data-toast]")
    region(page, "back", "neck").tap()
    expect(toast).to_contain_text("Neck added")
    expect(page.locator(ROWS)).to_have_count(1)
    toast.get_by_role("button", name="Undo").tap()
    expect(page.locator(ROWS)).to_have_count(0)
    expect(region(page, "back", "neck")).to_have_attribute("aria-pressed", "false")

    region(page, "back", "lower_back").tap()
    expect(page.locator(ROWS)).to_have_count(1)
    expect(region(page, "back", "lower_back")).to_have_attribute("aria-pressed", "true")
    region(page, "back", "lower_back").tap()
    expect(toast).to_contain_text("Lower back (lumbar) is already noted")
    toast.get_by_role("button", name="Remove it").tap()
    expect(page.locator(ROWS)).to_have_count(0)
    expect(toast).to_contain_text("removed")
    toast.get_by_role("button", name="Undo").tap()
    expect(page.locator(ROWS)).to_have_count(1)
    page.locator(ROWS).nth(0).get_by_text("Aching", exact=True).tap()
    page.wait_for_timeout(6500)
    expect(toast).to_be_hidden()  # the toast goes by itself after a few seconds
    page.get_by_role("button", name="Save check-in").tap()
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    assert list(Sensation.objects.values_list("region", "quality")) == [("lower_back", "aching")]


def test_a_rating_can_be_cleared_and_the_feel_is_suggested_but_overridable(
    phone_page: Page, maya
) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    pain = page.get_by_role("group", name="Pain right now")
    pain.get_by_text("6", exact=True).tap()
    pain.get_by_text("Not rated", exact=True).tap()
    page.get_by_role("group", name="Tension").get_by_text("2", exact=True).tap()
    show_view(page, "front")
    region(page, "front", "left_knee").tap()
    row = page.locator(ROWS).nth(0)
    row.get_by_text("At ease", exact=True).tap()
    expect(row.locator('input[value="pleasant"]')).to_be_checked()  # suggested
    row.get_by_text("Unpleasant", exact=True).tap()
    row.get_by_text("Warm", exact=True).tap()  # the person's choice is kept from now on
    expect(row.locator('input[value="unpleasant"]')).to_be_checked()
    row.get_by_role("group", name="How strong").get_by_text("7", exact=True).tap()
    row.get_by_role("group", name="How strong").get_by_text("Not rated", exact=True).tap()
    page.get_by_role("button", name="Save check-in").tap()
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    entry = JournalEntry.objects.get(user=maya)
    assert (entry.pain, entry.tension) == (None, 2)
    sensation = entry.sensations.get()
    assert (sensation.region, sensation.quality, sensation.feel, sensation.intensity) == (
        "left_knee",
        "warm",
        "unpleasant",
        None,
    )


def test_the_page_opens_at_the_first_error_with_focus_on_it(phone_page: Page, maya) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    page.get_by_role("group", name="Pain right now").get_by_text("5", exact=True).tap()
    region(page, "back", "sacrum").tap()
    expect(page.locator(ROWS)).to_have_count(1)
    page.get_by_role("button", name="Save check-in").tap()
    banner = page.locator("#form-errors")
    expect(banner).to_contain_text("Sacrum: What it feels like: Choose what it feels like.")
    expect(banner).not_to_contain_text("nothing to save")
    focused = page.evaluate("document.activeElement.name")
    assert focused.endswith("-quality")
    assert page.evaluate("window.scrollY") > SCREEN  # opened down at the row, not at the top
    screenshot(page, "checkin-error-phone")
    assert not JournalEntry.objects.exists()


# --- Warning signs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "number"),
    [
        ("Europe/Berlin", "112"),
        ("America/Chicago", "911"),
        ("Australia/Sydney", "000"),
        ("Asia/Tokyo", "119"),
    ],
)
def test_the_warning_notice_shows_before_saving_with_the_local_number(
    phone_page: Page, zone: str, number: str
) -> None:
    UserFactory(username="sam", profile__time_zone=zone)
    page = phone_page
    log_in(page, "sam", PASSWORD)
    notice = page.locator("#red-flag-now")
    expect(notice).to_be_hidden()
    fold(page, "Warning signs (rare)").tap()
    page.get_by_text("Severe pain that does not ease and is worse at night").tap()
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Please seek medical care now")
    first_call = notice.locator("a[href^='tel:']").first
    expect(first_call).to_have_attribute("href", f"tel:{number}")
    expect(page.locator("[data-red-flag-alert]")).to_contain_text("seek medical care now")
    assert not JournalEntry.objects.exists()  # nothing was saved to show it
    if zone == "Europe/Berlin":
        screenshot(page, "checkin-warning-phone")
    page.get_by_text("Severe pain that does not ease and is worse at night").tap()
    expect(notice).to_be_hidden()


# --- Without JavaScript ----------------------------------------------------------------------


def test_the_whole_check_in_works_without_javascript(no_js_page: Page, maya) -> None:
    page = no_js_page
    log_in(page, "maya", PASSWORD)
    expect(page.locator("[data-bodymap]")).to_be_hidden()
    rows = page.locator("fieldset.sensation-row")
    expect(rows).to_have_count(3)
    page.get_by_role("group", name="Pain right now").get_by_text("4", exact=True).click()
    page.get_by_label("Hours of sleep").fill("7")
    first, second = rows.nth(0), rows.nth(1)
    first.get_by_label("Where in the body").select_option("lower_back")
    first.get_by_text("Tight", exact=True).click()
    second.get_by_label("Where in the body").select_option("left_hand")
    fold(page, "Emotions").click()
    page.get_by_text("Calm", exact=True).click()
    page.get_by_role("button", name="Save check-in").click()
    # The second row has no quality: the banner names it, the rest is kept.
    expect(page.locator("#form-errors")).to_contain_text("Left hand: What it feels like")
    pain = page.get_by_role("group", name="Pain right now")
    expect(pain.locator("input[value='4']")).to_be_checked()
    assert not JournalEntry.objects.exists()
    page.locator("fieldset.sensation-row").nth(1).get_by_text("At ease", exact=True).click()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    entry = JournalEntry.objects.get(user=maya)
    assert entry.pain == 4
    found = {s.region: (s.quality, s.feel, s.intensity) for s in entry.sensations.all()}
    # The feel, never asked, is the one the quality suggests.
    assert found == {
        "lower_back": ("tight", "unpleasant", None),
        "left_hand": ("at_ease", "pleasant", None),
    }
