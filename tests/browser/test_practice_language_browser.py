"""A practice for a German-speaking person, in a real browser on a phone: the page is German,
the spoken guidance receives the German cues with lang "de" and a German voice, and the
run page does not scroll sideways. Controls are found by their data attributes, so the test
holds before and after the German catalogue is compiled."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect

from practices.models import Practice
from tests.browser.conftest import PHONE, log_in, screenshot
from tests.browser.guidance_stubs import (
    RECORDING_STUBS,
    TIMER_CALL,
    advance,
    install_server_clock,
    sound_log,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Besides the stubs' English voice, this device has a German and a Brazilian one.
MORE_VOICES = """
(function () {
  var synth = window.speechSynthesis;
  var english = synth.getVoices;
  synth.getVoices = function () {
    return english().concat([
      {name: "Voz Teste", voiceURI: "voz-teste", lang: "pt-BR", default: false},
      {name: "Ruhige Teststimme", voiceURI: "ruhig-test", lang: "de-DE", default: false}
    ]);
  };
})();
"""

GERMAN_CUES = ["Komm ganz in Ruhe an und lass den Atem kommen.", "Spür, wo der Atem dich berührt."]


@pytest.fixture
def lena(db: None) -> User:
    user: User = UserFactory.create(username="lena", profile__language="de")
    return user


@pytest.fixture
def quiet_practice(db: None) -> Practice:
    return Practice.objects.create(
        user=None,
        slug="quiet-test",
        name="Quiet test",
        category="awareness",
        summary="A short quiet practice.",
        steps=["Settle.", "Breathe."],
        guidance={
            "steps": [
                {"text": "Settle.", "seconds": 60, "cues": [{"at": 0, "text": "Settle in."}]},
                {"text": "Breathe.", "seconds": 60, "cues": [{"at": 0, "text": "Breathe."}]},
            ]
        },
        default_minutes=2,
        translations={
            "de": {
                "name": "Stille Probe mit einem ziemlich langen Übungsnamen",
                "summary": "Eine kurze stille Übung.",
                "steps": ["Ankommen.", "Atmen."],
                "script": [
                    {
                        "text": "Ankommen.",
                        "seconds": 60,
                        "cues": [{"at": 0, "text": GERMAN_CUES[0], "silence": 50}],
                    },
                    {
                        "text": "Atmen.",
                        "seconds": 60,
                        "cues": [{"at": 0, "text": GERMAN_CUES[1], "silence": 50}],
                    },
                ],
            }
        },
    )


def test_a_practice_in_german_is_spoken_in_german_on_a_phone(
    page: Page, lena: User, quiet_practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = install_server_clock(monkeypatch)
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    page.add_init_script(MORE_VOICES)
    log_in(page, "lena", PASSWORD)

    page.goto(f"/practices/{quiet_practice.slug}/start/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1 + p.lead")).to_contain_text("Stille Probe")
    page.locator("form.start-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/run/$"))
    expect(page.locator("h1.run-title")).to_have_text(
        "Stille Probe mit einem ziemlich langen Übungsnamen"
    )

    with page.expect_response(TIMER_CALL):
        page.locator("[data-timer-toggle]").click()
    advance(page, clock, 121)
    screenshot(page, "practice-run-de-phone")

    spoken = sound_log(page)["spoken"]
    assert [s["text"] for s in spoken] == GERMAN_CUES
    assert {s["lang"] for s in spoken} == {"de"}
    assert {s["voice"] for s in spoken} == {"Ruhige Teststimme"}
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for button in page.locator(".timer-controls .button:visible").all():
        box = button.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_voice_setting_lists_the_page_languages_voices_first(page: Page, lena: User) -> None:
    page.add_init_script(RECORDING_STUBS)
    page.add_init_script(MORE_VOICES)
    log_in(page, "lena", PASSWORD)
    page.goto(reverse("practices:sound_settings"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    options = page.locator("select[name=voice] option")
    expect(options).to_have_count(4)
    # The first option is the automatic choice; then German, then the others.
    assert options.nth(1).inner_text() == "Ruhige Teststimme (de-DE)"
    assert page.console_errors == []  # type: ignore[attr-defined]
