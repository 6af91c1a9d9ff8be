// A gentle countdown for expressive writing. It never stops the writing: when
// time is up it only says so.
(function () {
  "use strict";

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
      toggle.textContent = left > 0 ? "Resume the timer" : "Start again";
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
        stop("Time is up. Finish your sentence, or keep going if you want to.");
        root.classList.add("is-done");
        if (navigator.vibrate) {
          navigator.vibrate(200);
        }
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
        stop("Paused. Take all the time you need.");
        return;
      }
      if (left <= 0) {
        left = parseInt(minutes.value, 10) * 60;
        root.classList.remove("is-done");
      }
      endsAt = Date.now() + left * 1000;
      tick = window.setInterval(step, 1000);
      minutes.disabled = true;
      toggle.textContent = "Pause the timer";
      status.textContent = "Writing time has started. Keep the pen moving.";
    });

    show();
    root.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-writing-timer]").forEach(setup);
  });
})();
