// The practice timer and its spoken guidance. The server keeps the timer (when
// it ran and when it paused); this page asks it to begin, pause, resume or add
// a minute, and counts between answers. A reload, another tab or another device
// therefore continue from the real time. Nothing goes into browser storage.
// Without this script the page shows the steps and a Finish link.
(function () {
  "use strict";

  var root = document.querySelector("[data-timer]");
  var configNode = document.getElementById("run-config");
  if (!root || !configNode) {
    return;
  }
  var config = JSON.parse(configNode.textContent);
  var words = config.words;
  var sound = window.PracticeSound;
  var $ = function (selector) {
    return root.querySelector(selector);
  };
  var face = $("[data-timer-face]");
  var display = $("[data-timer-display]");
  var stateText = $("[data-timer-state]");
  var announce = $("[data-timer-announce]");
  var ring = $("[data-timer-ring]");
  var toggle = $("[data-timer-toggle]");
  var addMinute = $("[data-timer-add]");
  var finishLink = $("[data-timer-finish]");
  var cuePanel = $("[data-cue-panel]");
  var cueStep = $("[data-cue-step]");
  var cueText = $("[data-cue-text]");
  var note = $("[data-sound-note]");
  var stepItems = Array.prototype.slice.call(root.querySelectorAll("[data-timer-steps] li"));
  var panel = document.querySelector("[data-finish-panel]");
  var steps = config.steps || [];
  var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];

  var total = config.timer.total_ms;
  var base = config.timer.elapsed_ms; // elapsed when last heard from the server
  var baseAt = Date.now();
  var running = config.timer.running;
  var begun = config.timer.begun;
  var settlingUntil = 0;
  var mode = config.sound;
  var lastSeen = begun ? base / 1000 : -1;
  var currentStep = -1;
  var ended = begun && base >= total;
  var soundLocked = running && mode !== "silent";
  var wakeLock = null;

  sound.configure({ voice: config.voice, rate: config.rate, lang: config.lang });

  function elapsed() {
    var ms = running ? base + (Date.now() - baseAt) : base;
    return Math.min(total, Math.max(0, ms));
  }

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

  function showNote(text) {
    note.textContent = text;
    note.hidden = !text;
  }

  // Without an action: only ask, e.g. when the phone wakes and another device may have paused.
  function server(action) {
    var options = { method: "GET", credentials: "same-origin" };
    if (action) {
      options.method = "POST";
      options.body = new FormData();
      options.body.set("action", action);
      options.headers = { "X-CSRFToken": csrf };
    }
    return fetch(config.timer_url, options)
      .then(function (response) {
        return response.ok ? response.json() : Promise.reject(response.status);
      })
      .then(function (state) {
        if (!state.open) {
          window.location.reload();
          return;
        }
        var before = elapsed();
        var wasRunning = running;
        base = state.elapsed_ms;
        baseAt = Date.now();
        total = state.total_ms;
        running = state.running;
        if (Math.abs(elapsed() - before) > 2000) {
          // Another tab or device moved the timer: skip the cues in between, show the present one.
          lastSeen = elapsed() / 1000;
          currentStep = stepAt(lastSeen);
          showCue(currentStep, lastCueBefore(lastSeen));
        }
        if (wasRunning && !running) {
          sound.hush();
          keepScreenOn(false);
        }
        render();
        // How many of the server's answers the page has taken in: the page counts from the last.
        root.setAttribute("data-timer-synced", String(Number(root.getAttribute("data-timer-synced") || 0) + 1));
      })
      .catch(function () {
        showNote(words.offline);
      });
  }

  function stepAt(seconds) {
    var index = -1;
    steps.forEach(function (step, i) {
      if (step.start <= seconds) {
        index = i;
      }
    });
    return index;
  }

  function showCue(stepIndex, text) {
    if (stepIndex < 0) {
      return;
    }
    cueStep.textContent = (stepIndex + 1) + " / " + steps.length + " · " + steps[stepIndex].text;
    if (text) {
      cueText.textContent = text;
    }
    stepItems.forEach(function (item, i) {
      item.classList.toggle("is-current", i === stepIndex);
      if (i === stepIndex) {
        item.setAttribute("aria-current", "step");
      } else {
        item.removeAttribute("aria-current");
      }
    });
  }

  function lastCueBefore(seconds) {
    var text = "";
    steps.forEach(function (step) {
      step.cues.forEach(function (cue) {
        if (cue.at <= seconds) {
          text = cue.text;
        }
      });
    });
    return text;
  }

  // Everything due between the last look and now: step chimes, cues, interval bells.
  function guide(now) {
    var index = stepAt(now);
    if (index !== currentStep) {
      if (currentStep !== -1 && mode !== "silent") {
        sound.chime("step");
      }
      currentStep = index;
      showCue(index, "");
    }
    steps.forEach(function (step) {
      step.cues.forEach(function (cue) {
        if (cue.at > lastSeen && cue.at <= now) {
          cueText.textContent = cue.text;
          if (mode === "speak") {
            sound.speak(cue.text);
          }
        }
      });
    });
    var every = (config.interval_minutes || 0) * 60;
    if (every > 0 && mode !== "silent" && lastSeen >= 0) {
      if (Math.floor(now / every) > Math.floor(lastSeen / every) && now * 1000 < total) {
        sound.chime("interval");
      }
    }
    lastSeen = now;
  }

  function render() {
    var ms = elapsed();
    var remaining = total - ms;
    display.textContent = formatTime(remaining);
    ring.setAttribute("stroke-dashoffset", String(Math.round(1000 * (ms / total))));
    var state = ended ? "done" : settlingUntil ? "settling" : running ? "running" : begun ? "paused" : "ready";
    root.classList.toggle("is-running", state === "running");
    root.classList.toggle("is-done", state === "done");
    stateText.textContent = words[state];
    toggle.hidden = state === "done";
    toggle.textContent = running || settlingUntil ? words.pause : begun ? words.resume : words.begin;
  }

  function tick() {
    if (settlingUntil && Date.now() >= settlingUntil) {
      settlingUntil = 0;
      begin();
      return;
    }
    if (running && !ended) {
      guide(elapsed() / 1000);
      if (elapsed() >= total) {
        end();
      }
    }
    render();
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

  function checkVoice() {
    if (mode === "speak" && !sound.hasVoice()) {
      showNote(words.no_voice);
    }
  }

  function begin() {
    var first = !begun;
    base = elapsed(); // before running is set, so the paused time is not counted
    baseAt = Date.now();
    begun = true;
    running = true;
    if (first && mode !== "silent") {
      sound.chime("start");
    }
    keepScreenOn(true);
    server(first ? "begin" : "resume");
    tick();
  }

  function pause() {
    base = elapsed();
    baseAt = Date.now();
    running = false;
    sound.hush();
    keepScreenOn(false);
    server("pause");
  }

  function end() {
    ended = true;
    running = false;
    base = total;
    keepScreenOn(false);
    sound.chime("end");
    if (navigator.vibrate) {
      navigator.vibrate([180, 120, 180]);
    }
    say(words.ended);
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

  function startOrPause() {
    sound.unlock();
    soundLocked = false;
    if (running || settlingUntil) {
      settlingUntil = 0;
      if (running) {
        pause();
      }
      say(words.paused_say);
    } else if (!begun && config.settling_seconds > 0) {
      settlingUntil = Date.now() + config.settling_seconds * 1000;
      checkVoice();
    } else {
      var resuming = begun;
      checkVoice();
      begin();
      say(resuming ? words.resumed : words.begun);
    }
    render();
  }

  toggle.addEventListener("click", startOrPause);

  // A tap anywhere that is not a control pauses or resumes; the first tap after a
  // reload only wakes the sound, which browsers keep off until someone touches the page.
  root.addEventListener("click", function (event) {
    if (event.target.closest("a, button, input, label, select, details, textarea, form") || ended) {
      return;
    }
    if (soundLocked) {
      sound.unlock();
      soundLocked = false;
      showNote("");
      return;
    }
    startOrPause();
  });

  addMinute.addEventListener("click", function () {
    sound.unlock();
    base = elapsed();
    baseAt = Date.now();
    total += 60000;
    if (ended) {
      ended = false;
      running = true;
      keepScreenOn(true);
    }
    server("add_minute");
    say(words.added);
    render();
  });

  // Finish asks the after-ratings right here; the link still works without this script.
  finishLink.addEventListener("click", function (event) {
    if (!panel) {
      return;
    }
    event.preventDefault();
    if (running) {
      pause();
    }
    settlingUntil = 0;
    render();
    showPanel();
  });

  // The sound switch on this page: speech, chimes only or silence, from the next cue on.
  document.addEventListener("change", function (event) {
    if (event.target.name === "sound" && event.target.closest("[data-sound-switch]")) {
      mode = event.target.value;
      if (mode !== "speak") {
        sound.hush();
        showNote("");
      } else {
        checkVoice();
      }
    }
  });

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !ended) {
      server(null);
      if (running) {
        keepScreenOn(true);
      }
    }
  });

  face.hidden = false;
  cuePanel.hidden = false;
  toggle.hidden = false;
  addMinute.hidden = false;
  $("[data-tap-hint]").hidden = false;
  $("[data-timer-nojs]").hidden = true;
  var stepsBox = $("[data-steps-box]");
  if (stepsBox) {
    stepsBox.open = false; // the current cue says it all; the list stays one tap away
  }
  if (begun) {
    var now = elapsed() / 1000;
    currentStep = stepAt(now);
    showCue(currentStep, lastCueBefore(now));
    if (soundLocked) {
      showNote(words.tap_sound);
    }
  }
  if (ended) {
    showPanel();
  }
  if (running) {
    keepScreenOn(true);
  }
  render();
  window.setInterval(tick, 250);
})();
