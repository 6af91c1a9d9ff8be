// A gentle countdown for expressive writing. It never stops the writing: when
// time is up it says so with a soft chime and a vibration. On the practice's
// writing page the time lives on the server (the session's timer), so a closed
// tab continues with the time that was left; older drafts keep a page-only timer.
(function () {
  "use strict";

  // Django's JavaScript catalogue (base.html); the English words where it is missing.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) {
    return text;
  };

  function timeUp() {
    if (window.PracticeSound) {
      window.PracticeSound.unlock();
      window.PracticeSound.chime("end");
    }
    if (navigator.vibrate) {
      navigator.vibrate([200, 100, 200]);
    }
  }

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function setup(root) {
    var minutes = root.querySelector("[data-timer-minutes]");
    var display = root.querySelector("[data-timer-display]");
    var toggle = root.querySelector("[data-timer-toggle]");
    var status = root.querySelector("[data-timer-status]");
    var left = parseInt(minutes.value, 10) * 60;
    var tick = null;
    var endsAt = 0;

    function show() {
      display.textContent = format(Math.max(0, left));
    }

    function stop(text) {
      window.clearInterval(tick);
      tick = null;
      toggle.textContent = left > 0 ? gettext("Resume the timer") : gettext("Start again");
      minutes.disabled = false;
      if (text) {
        status.textContent = text;
      }
    }

    function step() {
      left = Math.round((endsAt - Date.now()) / 1000);
      show();
      if (left <= 0) {
        left = 0;
        stop(gettext("Time is up. Finish your sentence, or keep going if you want to."));
        root.classList.add("is-done");
        timeUp();
      }
    }

    minutes.addEventListener("change", function () {
      if (!tick) {
        left = parseInt(minutes.value, 10) * 60;
        show();
      }
    });

    toggle.addEventListener("click", function () {
      if (tick) {
        stop(gettext("Paused. Take all the time you need."));
        return;
      }
      if (left <= 0) {
        left = parseInt(minutes.value, 10) * 60;
        root.classList.remove("is-done");
      }
      endsAt = Date.now() + left * 1000;
      tick = window.setInterval(step, 1000);
      minutes.disabled = true;
      toggle.textContent = gettext("Pause the timer");
      status.textContent = gettext("Writing time has started. Keep the pen moving.");
    });

    show();
    root.hidden = false;
  }

  function setupSession(root, config) {
    var display = root.querySelector("[data-timer-display]");
    var toggle = root.querySelector("[data-timer-toggle]");
    var status = root.querySelector("[data-timer-status]");
    var textarea = document.querySelector("form[data-autosave] textarea[name=body]");
    var words = config.words;
    var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
    var total = config.timer.total_ms;
    var base = config.timer.elapsed_ms;
    var baseAt = Date.now();
    var running = config.timer.running;
    var begun = config.timer.begun;
    var done = begun && base >= total;
    var hiddenPause = false;

    function elapsed() {
      return Math.min(total, running ? base + (Date.now() - baseAt) : base);
    }

    function show() {
      display.textContent = format(Math.ceil((total - elapsed()) / 1000));
      toggle.hidden = done;
      toggle.textContent = running ? words.pause : begun ? words.resume : words.start;
    }

    function post(action) {
      var body = new FormData();
      body.set("action", action);
      return fetch(config.timer_url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf },
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (state) {
          base = state.elapsed_ms;
          baseAt = Date.now();
          running = state.running;
          total = state.total_ms;
          show();
        })
        .catch(function () {});
    }

    function run(on, text) {
      base = elapsed();
      baseAt = Date.now();
      running = on;
      post(on ? (begun ? "resume" : "begin") : "pause");
      begun = true;
      status.textContent = text;
      show();
    }

    toggle.addEventListener("click", function () {
      if (window.PracticeSound) {
        window.PracticeSound.unlock();
      }
      hiddenPause = false;
      run(!running, running ? words.paused : words.running);
    });

    // Typing starts the timer the first time, and again after the page was left.
    textarea.addEventListener("input", function () {
      if (!done && !running && (!begun || hiddenPause)) {
        hiddenPause = false;
        run(true, words.running);
      }
    });

    // Leaving the page stops the writing time; a closing tab cannot wait for a reply.
    function leave() {
      if (!running) {
        return;
      }
      base = elapsed();
      baseAt = Date.now();
      running = false;
      hiddenPause = true;
      var body = new FormData();
      body.set("action", "pause");
      body.set("csrfmiddlewaretoken", csrf);
      if (!navigator.sendBeacon || !navigator.sendBeacon(config.timer_url, body)) {
        post("pause");
      }
      show();
    }
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        leave();
      }
    });

    window.setInterval(function () {
      if (running && !done && elapsed() >= total) {
        done = true;
        running = false;
        base = total;
        root.classList.add("is-done");
        status.textContent = words.done;
        timeUp();
      }
      show();
    }, 250);
    if (done) {
      root.classList.add("is-done");
      status.textContent = words.done;
    } else if (begun && !running) {
      hiddenPause = true;
      status.textContent = words.paused;
    }
    show();
    root.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-writing-timer]").forEach(function (root) {
      var config = document.getElementById("writing-config");
      if (root.hasAttribute("data-session-timer") && config) {
        setupSession(root, JSON.parse(config.textContent));
      } else {
        setup(root);
      }
    });
  });
})();
