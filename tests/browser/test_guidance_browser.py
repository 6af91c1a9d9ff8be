"""Guided practice in a real browser: spoken cues, chimes, the server's timer, the run view."""

from __future__ import annotations

import re
import time
from typing import Literal

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from practices.catalog import CATALOG
from practices.models import GuidanceSettings, PracticeSession, SessionState
from tests.browser.a11y import serious_violations
from tests.browser.conftest import DESKTOP, PHONE, log_in, screenshot
from tests.browser.guidance_stubs import (
    RECORDING_STUBS,
    TIMER_CALL,
    advance,
    install_server_clock,
    press,
    sound_log,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCHEMES: tuple[Literal["light"], Literal["dark"]] = ("light", "dark")
BODY_SCAN = next(item for item in CATALOG if item["slug"] == "body-scan")


@pytest.fixture
def maya(db: None) -> User:
    return UserFactory.create(username="maya")


@pytest.fixture
def clock(monkeypatch):
    return install_server_clock(monkeypatch)


def start(page: Page, slug: str = "body-scan", minutes: str | None = None) -> PracticeSession:
    page.goto(f"/practices/{slug}/start/")
    if minutes:
        page.get_by_label("How many minutes").fill(minutes)
    page.get_by_role("button", name="Start the practice").click()
    page.wait_for_url(re.compile(r"/(run|write)/[0-9a-f-]*/?$|/run/$"))
    return PracticeSession.objects.latest("started_at")


def begin(page: Page) -> int:
    """Press Begin; returns the page's time at that moment (ms)."""
    t0 = int(page.evaluate("Date.now()"))
    press(page, "Begin")
    return t0


def test_a_body_scan_speaks_its_cues_in_order_at_their_times(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    start(page)
    t0 = begin(page)
    advance(page, clock, 601)
    expect(page.get_by_text("Time is up", exact=True)).to_be_visible()

    log = sound_log(page)
    expected = []
    offset = 0
    for step in BODY_SCAN["script"]:
        expected += [(cue["text"], offset + cue["at"]) for cue in step["cues"]]
        offset += step["seconds"]
    assert [s["text"] for s in log["spoken"]] == [text for text, _ in expected]
    for spoken, (text, at) in zip(log["spoken"], expected, strict=True):
        # Each cue within a tick (a quarter second) of its time, never early.
        assert 0 <= (spoken["at"] - t0) / 1000 - at <= 1.0, text
    assert {s["rate"] for s in log["spoken"]} == {0.85}
    assert {s["voice"] for s in log["spoken"]} == {"Calm Test Voice"}
    # The start bell once, a soft chime at each of the five step changes, the end chime once.
    assert log["chimes"]["start"] == 1
    assert log["chimes"]["step"] == len(BODY_SCAN["script"]) - 1
    assert log["chimes"]["end"] == 1
    step_times = [(t["at"] - t0) / 1000 for t in log["tones"] if t["f"] == 660]
    starts = [sum(s["seconds"] for s in BODY_SCAN["script"][:i]) for i in range(1, 6)]
    assert [round(t) for t in step_times] == starts
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_pause_stops_speech_and_time(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    session = start(page)
    begin(page)
    advance(page, clock, 40)
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("9:20")
    spoken = len(sound_log(page)["spoken"])
    assert sound_log(page)["wakeLocks"] == 1  # the screen stays on while practising
    press(page, "Pause")
    assert sound_log(page)["cancels"] >= 1
    assert sound_log(page)["wakeReleases"] == 1
    advance(page, clock, 120)
    expect(timer).to_have_text("9:20")
    assert len(sound_log(page)["spoken"]) == spoken
    # A tap anywhere on the screen resumes.
    with page.expect_response(TIMER_CALL):
        page.locator(".cue-panel").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    advance(page, clock, 10)
    expect(timer).to_have_text("9:10")
    session.refresh_from_db()
    assert len(session.timer_intervals) == 2


def test_chimes_only_speaks_nothing(page: Page, maya: User, clock):
    GuidanceSettings.objects.create(user=maya, sound="chimes", interval_minutes=2)
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    start(page)
    begin(page)
    advance(page, clock, 601)
    log = sound_log(page)
    assert log["spoken"] == []
    assert log["chimes"]["step"] == 5
    assert log["chimes"]["interval"] == 4  # at 2, 4, 6 and 8 minutes
    assert log["chimes"]["end"] == 1
    # The cue still shows on the screen for eyes that open.
    expect(page.locator("[data-cue-text]")).not_to_be_empty()


def test_switching_to_silent_on_the_run_page_is_kept(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    start(page)
    begin(page)
    with page.expect_response(re.compile(r"/sound/$")):
        page.get_by_text("Silent", exact=True).click()
    assert GuidanceSettings.objects.get(user=maya).sound == "silent"
    before = sound_log(page)
    advance(page, clock, 120)
    after = sound_log(page)
    assert len(after["spoken"]) == len(before["spoken"])
    assert len(after["tones"]) == len(before["tones"])


def test_without_a_voice_the_page_says_so_and_chimes(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS + "window.__noVoices = true;")
    log_in(page, "maya", PASSWORD)
    start(page)
    begin(page)
    expect(page.get_by_text("no voice to speak the guidance", exact=False)).to_be_visible()
    advance(page, clock, 100)
    assert sound_log(page)["chimes"]["step"] == 1


def test_a_reload_at_3_20_continues_at_6_40(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    start(page)
    # The page's clock stands still between the test's steps (and across the reload).
    page.clock.pause_at(int(page.evaluate("Date.now()")) + 1000)
    begin(page)
    advance(page, clock, 200)
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("6:40")
    page.reload()
    expect(timer).to_have_text("6:40")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    advance(page, clock, 20)
    expect(timer).to_have_text("6:20")
    # The cue on screen is the one of the present step, not the first.
    expect(page.locator("[data-cue-step]")).to_contain_text("3 / 6")


def test_resume_from_today_continues(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    start(page)
    begin(page)
    advance(page, clock, 100)
    press(page, "Pause")
    page.goto("/")
    page.get_by_role("link", name="Resume Body scan").click()
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("8:20")
    press(page, "Resume")
    advance(page, clock, 20)
    expect(timer).to_have_text("8:00")


def test_finishing_from_a_second_tab_after_the_first_ran_out(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    session = start(page, minutes="2")
    begin(page)
    advance(page, clock, 130)
    expect(page.get_by_text("Time is up", exact=True)).to_be_visible()

    second = page.context.new_page()
    second.goto(f"/practices/sessions/{session.uuid}/run/")
    panel = second.get_by_role("region", name="How are you now?")
    expect(panel).to_be_visible()
    second.get_by_role("group", name="Pain").get_by_text("3", exact=True).click()
    second.get_by_role("button", name="Save and finish").click()
    second.wait_for_url(f"**/practices/sessions/{session.uuid}/")
    session.refresh_from_db()
    assert (session.state, session.duration_seconds, session.after_pain) == (
        SessionState.FINISHED,
        120,
        3,
    )


def test_finishing_early_stores_what_was_practised(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    session = start(page)
    begin(page)
    advance(page, clock, 90)
    with page.expect_response(TIMER_CALL):
        page.get_by_role("link", name="Finish").click()
    page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(f"**/practices/sessions/{session.uuid}/")
    session.refresh_from_db()
    assert session.duration_seconds == 90
    expect(page.get_by_text("2 minutes practised", exact=False)).to_be_visible()


def test_expressive_writing_from_ratings_to_words_to_ratings(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    page.goto("/")
    page.get_by_role("link", name="Expressive writing").click()
    page.get_by_role("group", name="Pain").get_by_text("6", exact=True).click()
    page.get_by_role("button", name="Start the practice").click()
    page.wait_for_url(re.compile(r"/journal/write/[0-9a-f-]+/$"))
    session = PracticeSession.objects.get(user=maya)
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("15:00")

    box = page.get_by_label("Write freely")
    with page.expect_response(TIMER_CALL):
        box.press_sequentially("The deadline sits in my shoulders")
    advance(page, clock, 120)
    expect(timer).to_have_text("13:00")
    expect(page.get_by_text("Draft saved", exact=False)).to_be_visible()
    screenshot(page, "writing-practice-desktop")

    # The tab closes mid-draft: the words are kept and the writing time stops.
    context = page.context
    page.close(run_before_unload=True)
    for _ in range(100):  # the beacon is sent as the tab closes; wait for it to land
        session.refresh_from_db()
        if session.timer_intervals and session.timer_intervals[-1][1]:
            break
        time.sleep(0.05)
    assert session.timer_intervals[-1][1] is not None
    assert len(session.timer_intervals) == 1
    clock.advance(3600)  # an hour later

    later = context.new_page()
    later.clock.install()
    later.add_init_script(RECORDING_STUBS)
    later.goto("/")
    expect(later.get_by_role("heading", name="A draft is waiting — continue?")).to_be_visible()
    screenshot(later, "today-draft-waiting-desktop")
    later.get_by_role("link", name=re.compile("Continue the draft")).first.click()
    later.wait_for_url(f"**/journal/write/{session.uuid}/")
    expect(later.get_by_role("timer")).to_have_text("13:00")
    box = later.get_by_label("Write freely")
    expect(box).to_have_value("The deadline sits in my shoulders")
    box.press("End")
    with later.expect_response(TIMER_CALL):
        box.press_sequentially(", and then it softens.")
    advance(later, clock, 780)
    expect(later.get_by_text("Time is up. Finish your sentence", exact=False)).to_be_visible()
    log = sound_log(later)
    assert (log["chimes"]["end"], log["vibrations"]) == (1, 1)
    # Time is up, but the writing is never stopped.
    box.press_sequentially(" More.")
    later.get_by_role("button", name="Finish writing").click()
    later.wait_for_url(f"**/practices/sessions/{session.uuid}/finish/")
    later.get_by_role("group", name="Pain").get_by_text("4", exact=True).click()
    later.get_by_role("button", name="Save and finish").click()
    later.wait_for_url(f"**/practices/sessions/{session.uuid}/")

    session.refresh_from_db()
    entry = session.entries.get()
    assert entry.body == "The deadline sits in my shoulders, and then it softens. More."
    assert not entry.is_draft
    assert (session.before_pain, session.after_pain, session.duration_seconds) == (6, 4, 900)
    later.get_by_role("link", name="Read it").click()
    expect(later.get_by_text("and then it softens", exact=False)).to_be_visible()


def test_voice_and_sound_settings_follow_the_person_to_another_device(
    browser, live_server, maya: User
):
    phone = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True)
    laptop = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    try:
        first = phone.new_page()
        first.add_init_script(RECORDING_STUBS)
        log_in(first, "maya", PASSWORD)
        first.goto("/settings/")
        first.get_by_role("link", name="Voice and sound for practices").click()
        expect(first.get_by_label("Voice")).to_contain_text("Calm Test Voice")
        first.get_by_text("Chimes only", exact=True).click()
        first.get_by_label("Voice").select_option("calm-test")
        first.get_by_text("Slow", exact=True).click()
        first.get_by_text("Every 5 minutes", exact=True).click()
        first.get_by_text("30 seconds", exact=True).click()
        screenshot(first, "sound-settings-phone")
        first.get_by_role("button", name="Save").click()
        expect(first.get_by_text("saved, for every device", exact=False)).to_be_visible()
        # Nothing about it was left in the browser (htmx keeps only the current path).
        stored = first.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        assert set(stored) <= {"htmx-current-path-for-history"}

        second = laptop.new_page()
        log_in(second, "maya", PASSWORD)
        second.goto("/practices/settings/sound/")
        expect(second.get_by_label("Chimes only")).to_be_checked()
        expect(second.get_by_label("Slow")).to_be_checked()
        expect(second.get_by_label("Every 5 minutes")).to_be_checked()
        expect(second.get_by_label("30 seconds")).to_be_checked()
        # This device has no such voice: it is still shown as the choice, and kept.
        expect(second.get_by_label("Voice")).to_have_value("calm-test")
        start(second)
        expect(second.get_by_label("Chimes only")).to_be_checked()
    finally:
        phone.close()
        laptop.close()


def test_the_run_view_keeps_the_cue_in_view_on_a_phone(phone_page: Page, maya: User, clock):
    page = phone_page
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    start(page)
    cue = page.locator("[data-cue-text]")

    def in_view() -> None:
        box = cue.bounding_box()
        assert box is not None and box["height"] > 20
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box

    in_view()
    begin(page)
    advance(page, clock, 310)  # the lower back, among the longest cue lines
    expect(cue).to_contain_text("name what you find")
    in_view()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Every control a thumb needs is at least 44 px tall.
    targets = [page.get_by_role("button", name=name) for name in ("Pause", "Add a minute")]
    targets += [page.get_by_role("link", name=name) for name in ("Leave", "Finish")]
    for target in targets:
        box = target.bounding_box()
        assert box is not None and box["height"] >= 44
    page.emulate_media(color_scheme="light")
    screenshot(page, "run-view-phone-light")
    page.emulate_media(color_scheme="dark")
    screenshot(page, "run-view-phone-dark")
    # A clear way back: Leave goes to the session, which offers Resume.
    page.get_by_role("link", name="Leave").click()
    expect(page.get_by_role("link", name="Resume")).to_be_visible()


def test_the_guided_pages_pass_an_accessibility_scan(page: Page, maya: User, clock):
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    session = start(page)
    run_url = page.url
    begin(page)
    advance(page, clock, 30)
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        assert serious_violations(page) == [], f"run view, {scheme}"
    page.get_by_role("button", name="Pause").click()
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        assert serious_violations(page) == [], f"run view paused on a phone, {scheme}"
    page.set_viewport_size({"width": DESKTOP["width"], "height": DESKTOP["height"]})
    writing = start(page, "expressive-writing")
    page.get_by_label("Write freely").fill("Words")
    paths = [
        "/practices/settings/sound/",
        f"/journal/write/{writing.uuid}/",
        "/journal/new/expressive/",
    ]
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        for path in [*paths, run_url]:
            page.goto(path)
            assert serious_violations(page) == [], f"{path}, {scheme}"
    assert session.uuid


def test_without_javascript_the_guided_practices_can_still_be_logged(no_js_page: Page, maya: User):
    page = no_js_page
    log_in(page, "maya", PASSWORD)
    session = start(page)
    # The steps are listed, the sound can be switched with a button, Finish logs it.
    expect(page.get_by_text("Start at your feet.", exact=False)).to_be_visible()
    page.get_by_text("Chimes only", exact=True).click()
    page.get_by_role("button", name="Use this sound").click()
    page.wait_for_url(f"**/sessions/{session.uuid}/run/")
    assert GuidanceSettings.objects.get(user=maya).sound == "chimes"
    page.get_by_role("link", name="Finish").click()
    page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(f"**/sessions/{session.uuid}/")
    session.refresh_from_db()
    assert session.state == SessionState.FINISHED
    assert session.duration_seconds is not None

    writing = start(page, "expressive-writing")
    page.get_by_label("Write freely").fill("Written without scripts.")
    page.get_by_role("button", name="Finish writing").click()
    page.get_by_role("button", name="Save and finish").click()
    page.wait_for_url(f"**/sessions/{writing.uuid}/")
    assert writing.entries.get().body == "Written without scripts."


def test_a_settling_delay_comes_before_the_start_bell(page: Page, maya: User, clock):
    GuidanceSettings.objects.create(user=maya, settling_seconds=10)
    page.clock.install()
    page.add_init_script(RECORDING_STUBS)
    log_in(page, "maya", PASSWORD)
    session = start(page)
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_text("Settling in", exact=False)).to_be_visible()
    advance(page, clock, 5)
    assert sound_log(page)["chimes"]["start"] == 0
    assert sound_log(page)["spoken"] == []
    with page.expect_response(TIMER_CALL):
        advance(page, clock, 5)
    log = sound_log(page)
    assert log["chimes"]["start"] == 1
    assert [s["text"] for s in log["spoken"]] == [BODY_SCAN["script"][0]["cues"][0]["text"]]
    expect(page.get_by_role("timer")).to_have_text("10:00")
    session.refresh_from_db()
    # The practice time starts with the bell, not with the settling.
    assert session.timer_intervals[0][0] == clock.now.isoformat()
