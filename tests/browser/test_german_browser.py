"""The check-in and a body scan in German, on a phone (390 x 844): the words are German, the
longer words do not break the layout (no sideways scroll, nothing clipped or overlapping),
and the body scan is spoken from the German catalog with lang "de"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import Page, expect

from journal.models import JournalEntry
from tests import factories
from tests.browser.conftest import log_in, screenshot
from tests.browser.guidance_stubs import (
    RECORDING_STUBS,
    advance,
    install_server_clock,
    sound_log,
    synced_after,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

UserFactory: Any = factories.UserFactory
GERMAN_CATALOG = json.loads(
    (Path(settings.BASE_DIR) / "practices" / "catalog_i18n" / "de.json").read_text("utf-8")
)
GERMAN_VOICE = """
(function () {
  var synth = window.speechSynthesis, english = synth.getVoices;
  synth.getVoices = function () {
    return english().concat([{name: "Deutsche Teststimme", voiceURI: "de-test", lang: "de-DE",
                              default: false}]);
  };
})();
"""
# Every element a person reads or taps whose text could be cut off by a longer word.
LAYOUT_PROBLEMS = """
() => {
  const found = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) found.push("the page scrolls sideways");
  // Shown on screen: not hidden, and not only for screen readers (.visually-hidden).
  const seen = el => el.offsetParent !== null && el.getClientRects().length > 0
    && !el.closest(".visually-hidden");
  for (const el of document.querySelectorAll("button, a.button, label, legend, h1, h2, summary")) {
    if (!seen(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) found.push("off screen: " + el.textContent.trim());
    const style = getComputedStyle(el);
    if (style.overflow !== "visible" && el.scrollWidth > el.clientWidth + 1)
      found.push("clipped: " + el.textContent.trim());
  }
  for (const group of document.querySelectorAll("[data-scale]")) {
    const legend = group.querySelector("legend"), clear = group.querySelector(".scale-clear label");
    if (!legend || !clear || !seen(legend)) continue;
    const range = document.createRange();
    range.selectNodeContents(legend);
    const a = range.getBoundingClientRect(), b = clear.getBoundingClientRect();
    if (a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom)
      found.push("overlap: " + legend.textContent.trim() + " / " + clear.textContent.trim());
  }
  return found;
}
"""


def german(text: str) -> str:
    with translation.override("de"):
        words = translation.gettext(text)
    assert words != text, f"not in the German catalogue: {text!r}"
    return words


@pytest.fixture
def jonas():
    return UserFactory(username="jonas", profile__language="de", profile__time_zone="Europe/Berlin")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_check_in_in_german_on_a_phone(
    phone_page: Page, jonas: Any, scheme: Literal["light", "dark"]
) -> None:
    page = phone_page
    page.emulate_media(color_scheme=scheme)
    log_in(page, "jonas", PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.get_by_role("group", name=german("Pain right now")).get_by_text("3", exact=True).tap()
    page.get_by_role("group", name=german("Tension")).get_by_text("5", exact=True).tap()
    page.locator('[data-figure="back"] path[data-region="lower_back"]').first.tap()
    row = page.locator('#sensation-rows [data-row-region="lower_back"]:visible')
    expect(row).to_have_count(1)
    row.get_by_text(german("Tight"), exact=True).tap()
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    screenshot(page, f"checkin-de-phone-{scheme}")
    page.get_by_role("button", name=german("Save check-in")).tap()
    expect(page.get_by_text(german("Check-in saved."))).to_be_visible()
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    entry = JournalEntry.objects.get(user=jonas)
    assert (entry.pain, entry.tension) == (3, 5)
    assert [(s.region, s.quality) for s in entry.sensations.all()] == [("lower_back", "tight")]
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_body_scan_in_german_is_spoken_from_the_german_catalog(
    phone_page: Page, jonas: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = phone_page
    clock = install_server_clock(monkeypatch)
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    page.add_init_script(GERMAN_VOICE)
    log_in(page, "jonas", PASSWORD)
    page.goto("/practices/body-scan/start/")
    expect(page.locator("h1 + p.lead")).to_contain_text(GERMAN_CATALOG["body-scan"]["name"])
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    page.get_by_role("button", name=german("Start the practice")).tap()
    page.wait_for_url("**/run/")
    synced_after(page, page.get_by_role("button", name=german("Begin")).tap)
    steps = GERMAN_CATALOG["body-scan"]["steps"]
    advance(page, clock, 61)  # the first step and the first cue of the second
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    screenshot(page, "practice-body-scan-de-phone")
    spoken = sound_log(page)["spoken"]
    assert [s["text"] for s in spoken] == [*steps[0]["cues"], steps[1]["cues"][0]]
    assert {s["lang"] for s in spoken} == {"de"}
    assert {s["voice"] for s in spoken} == {"Deutsche Teststimme"}
    expect(page.locator("[data-cue-text]")).to_have_text(steps[1]["cues"][0])
    assert page.console_errors == []  # type: ignore[attr-defined]
