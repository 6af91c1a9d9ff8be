"""Recording stand-ins for the browser's voices and sound, and a server clock kept in step.

The page's speechSynthesis and AudioContext are replaced before any script runs
(page.add_init_script), so the tests read what would have been said and rung,
and when (by the page's clock, which page.clock drives). The server's clock
(practices.timing.now) is moved by the same amounts, so the timer the server
keeps and the one the page shows agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page

RECORDING_STUBS = """
window.__sound = {spoken: [], tones: [], cancels: 0, vibrations: 0};
(function () {
  function Utterance(text) { this.text = text; this.rate = 1; this.lang = ""; this.voice = null; }
  window.SpeechSynthesisUtterance = Utterance;
  var voices = [{name: "Calm Test Voice", voiceURI: "calm-test", lang: "en-GB", default: true}];
  var synth = {
    speak: function (u) {
      window.__sound.spoken.push({text: u.text, at: Date.now(), rate: u.rate, lang: u.lang,
                                  voice: u.voice ? u.voice.name : null});
    },
    cancel: function () { window.__sound.cancels += 1; },
    pause: function () {}, resume: function () {},
    getVoices: function () { return window.__noVoices ? [] : voices; },
    addEventListener: function () {}, removeEventListener: function () {},
    speaking: false, pending: false, paused: false
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  function Oscillator() { this.frequency = {value: 0}; this.type = "sine"; }
  Oscillator.prototype.connect = function (node) { return node; };
  Oscillator.prototype.start = function () {
    window.__sound.tones.push({f: this.frequency.value, at: Date.now()});
  };
  Oscillator.prototype.stop = function () {};
  function Gain() {
    this.gain = {setValueAtTime: function () {}, exponentialRampToValueAtTime: function () {}};
  }
  Gain.prototype.connect = function (node) { return node; };
  function Context() { this.state = "running"; this.currentTime = 0; this.destination = {}; }
  Context.prototype.resume = function () { return Promise.resolve(); };
  Context.prototype.createOscillator = function () { return new Oscillator(); };
  Context.prototype.createGain = function () { return new Gain(); };
  window.AudioContext = Context;
  window.webkitAudioContext = Context;
  navigator.vibrate = function () { window.__sound.vibrations += 1; return true; };
  window.__sound.wakeLocks = 0;
  window.__sound.wakeReleases = 0;
  var lock = {
    release: function () { window.__sound.wakeReleases += 1; return Promise.resolve(); },
    addEventListener: function () {}
  };
  Object.defineProperty(navigator, "wakeLock", {configurable: true, value: {
    request: function () { window.__sound.wakeLocks += 1; return Promise.resolve(lock); }
  }});
})();
"""


@dataclass
class ServerClock:
    now: datetime

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def install_server_clock(monkeypatch: Any) -> ServerClock:
    from practices import timing

    clock = ServerClock(now=timezone.now())
    monkeypatch.setattr(timing, "now", lambda: clock.now)
    return clock


def advance(page: Page, clock: ServerClock, seconds: float) -> None:
    """Let `seconds` pass on both clocks: the server's first, then the page's."""
    clock.advance(seconds)
    page.clock.run_for(int(seconds * 1000))


def sound_log(page: Page) -> dict[str, Any]:
    log: dict[str, Any] = page.evaluate("window.__sound")
    tones = page.evaluate("window.PracticeSound.TONES")
    first = {kind: notes[0][0] for kind, notes in tones.items()}
    log["chimes"] = {
        kind: sum(1 for tone in log["tones"] if tone["f"] == frequency)
        for kind, frequency in first.items()
    }
    return log


TIMER_CALL = re.compile(r"/timer/$")


SYNCED = "Number(document.querySelector('[data-timer]').getAttribute('data-timer-synced') || 0)"


def synced_after(page: Page, act: Callable[[], None]) -> None:
    """Do `act` (a press on a timer button), then wait until the page has taken in the
    server's answer: it counts from that moment, so a clock advanced earlier would skew it."""
    before = page.evaluate(SYNCED)
    with page.expect_response(TIMER_CALL):
        act()
    # Polled from here: wait_for_function would evaluate a string in the page, which the
    # app's CSP (no unsafe-eval) refuses.
    for _ in range(250):
        if page.evaluate(SYNCED) > before:
            return
        page.wait_for_timeout(20)
    raise AssertionError("the page never took in the timer's answer")


def press(page: Page, name: str) -> None:
    """Press a timer button and wait for the page to take in the server's answer."""
    synced_after(page, page.get_by_role("button", name=name).click)
