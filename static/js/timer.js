// The practice timer. Progressive enhancement: without it the page shows the
// steps and a Finish link, and the server counts the time since the start.
// All state lives in this page; nothing is written to browser storage.
(function () {
  "use strict";

  var root = document.querySelector("[data-timer]");
  if (!root) {
    return;
  }
  var face = root.querySelector("[data-timer-face]");
  var display = root.querySelector("[data-timer-display]");
  var stateText = root.querySelector("[data-timer-state]");
  var announce = root.querySelector("[data-timer-announce]");
  var ring = root.querySelector("[data-timer-ring]");
  var toggle = root.querySelector("[data-timer-toggle]");
  var addMinute = root.querySelector("[data-timer-add]");
  var finishLink = root.querySelector("[data-timer-finish]");
  var steps = Array.prototype.slice.call(root.querySelectorAll("[data-timer-steps] li"));
  var panel = document.querySelector("[data-finish-panel]");
  var durationField = panel ? panel.querySelector("input[name=duration_seconds]") : null;

  var total = Math.max(1, parseInt(root.getAttribute("data-seconds"), 10) || 600) * 1000;
  var remaining = total;
  var practised = 0;
  var state = "ready"; // ready | running | paused | done
  var lastTick = Date.now();
  var currentStep = -1;
  var audio = null;
  var wakeLock = null;

  function formatTime(ms) {
    var seconds = Math.ceil(ms / 1000);
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function say(message) {
    // Cleared first so the same words are announced again if repeated.
    announce.textContent = "";
    window.setTimeout(function () {
      announce.textContent = message;
    }, 50);
  }

  function render() {
    display.textContent = formatTime(remaining);
    ring.setAttribute("stroke-dashoffset", String(Math.round(1000 * (1 - remaining / total))));
    root.classList.toggle("is-running", state === "running");
    root.classList.toggle("is-done", state === "done");
    var labels = {
      ready: "Ready when you are",
      running: "Practising",
      paused: "Paused",
      done: "Time is up",
    };
    stateText.textContent = labels[state];
    var toggleLabels = { ready: "Begin", running: "Pause", paused: "Resume" };
    toggle.hidden = state === "done";
    if (toggleLabels[state]) {
      toggle.textContent = toggleLabels[state];
    }
    renderStep();
  }

  function renderStep() {
    if (!steps.length || state === "ready") {
      return;
    }
    var fraction = (total - remaining) / total;
    var index = Math.min(steps.length - 1, Math.floor(fraction * steps.length));
    if (index === currentStep) {
      return;
    }
    steps.forEach(function (step, i) {
      step.classList.toggle("is-current", i === index);
      if (i === index) {
        step.setAttribute("aria-current", "step");
      } else {
        step.removeAttribute("aria-current");
      }
    });
    if (state === "running") {
      say("Step " + (index + 1) + " of " + steps.length + ": " + steps[index].textContent);
    }
    currentStep = index;
  }

  function tick() {
    var now = Date.now();
    var delta = Math.max(0, now - lastTick);
    lastTick = now;
    if (state !== "running") {
      return;
    }
    var used = Math.min(delta, remaining);
    remaining -= used;
    practised += used;
    if (remaining <= 0) {
      end();
    }
    render();
  }

  // A soft two-note chime made on the spot: no sound file to download.
  function unlockAudio() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    try {
      audio = audio || new Context();
      if (audio.state === "suspended") {
        audio.resume();
      }
    } catch (e) {
      audio = null;
    }
  }

  function note(frequency, at) {
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.18, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 2.8);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 3);
  }

  function chime() {
    if (audio) {
      try {
        note(528, audio.currentTime);
        note(792, audio.currentTime + 0.7);
      } catch (e) {
        // Sound is a nicety; the words on screen say the same.
      }
    }
    if (navigator.vibrate) {
      navigator.vibrate([180, 120, 180]);
    }
  }

  function keepScreenOn(on) {
    if (on && !wakeLock && navigator.wakeLock) {
      navigator.wakeLock.request("screen").then(
        function (lock) {
          wakeLock = lock;
          lock.addEventListener("release", function () {
            wakeLock = null;
          });
        },
        function () {}
      );
    } else if (!on && wakeLock) {
      wakeLock.release();
      wakeLock = null;
    }
  }

  function run() {
    lastTick = Date.now();
    state = "running";
    keepScreenOn(true);
  }

  function pause() {
    tick();
    state = "paused";
    keepScreenOn(false);
  }

  function end() {
    state = "done";
    keepScreenOn(false);
    chime();
    say("Time is up. Take your time coming back, then say how you are now.");
    showPanel();
  }

  function showPanel() {
    if (!panel) {
      return;
    }
    var wasHidden = panel.hidden;
    panel.hidden = false;
    if (wasHidden) {
      panel.focus();
    }
  }

  toggle.addEventListener("click", function () {
    unlockAudio();
    if (state === "running") {
      pause();
      say("Paused. Resume whenever you like.");
    } else {
      var resuming = state === "paused";
      run();
      say(resuming ? "Resumed." : "Begun.");
    }
    render();
  });

  addMinute.addEventListener("click", function () {
    unlockAudio();
    tick();
    remaining += 60000;
    total += 60000;
    currentStep = -1;
    if (state === "done") {
      run();
    }
    say("One more minute added.");
    render();
  });

  // With the timer running, Finish asks the after-ratings right here and
  // keeps the practised time; the link still works if this script fails.
  finishLink.addEventListener("click", function (event) {
    if (!panel) {
      return;
    }
    event.preventDefault();
    if (state === "running") {
      pause();
    }
    render();
    showPanel();
  });

  if (panel) {
    panel.querySelector("form").addEventListener("submit", function () {
      tick();
      // Never begun: leave it empty and the server counts from the start.
      if (durationField && state !== "ready") {
        durationField.value = String(Math.round(practised / 1000));
      }
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && state === "running") {
      keepScreenOn(true);
    }
  });

  face.hidden = false;
  toggle.hidden = false;
  addMinute.hidden = false;
  render();
  window.setInterval(tick, 250);
})();
