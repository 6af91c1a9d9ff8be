// Expressive writing: the draft is saved to the server as the person types
// (debounced), and once more when the page is hidden or closed. Nothing is
// kept in the browser. Each save sends the draft's version and the answer
// brings the new one; a refusal (a text over the limit, or a draft changed in
// another tab meanwhile) is shown as the server words it, and nothing is lost.
(function () {
  "use strict";

  var DELAY = 1200;

  function setup(form) {
    var textarea = form.querySelector("textarea[name=body]");
    var status = document.getElementById("autosave-status");
    if (!textarea) {
      return;
    }
    if (status) {
      status.hidden = false; // the promise to save as you type holds only with JavaScript
    }
    var timer = null;
    var dirty = false;
    var inFlight = false;

    function payload() {
      var data = new FormData(form);
      data.set("autosave", "1");
      return data;
    }

    function save() {
      timer = null;
      if (!dirty) {
        return;
      }
      if (inFlight) {
        timer = window.setTimeout(save, DELAY);
        return;
      }
      dirty = false;
      inFlight = true;
      window.htmx
        .ajax("POST", form.getAttribute("action") || window.location.pathname, {
          source: form,
          target: "#autosave-status",
          swap: "outerHTML",
          values: { autosave: "1" },
        })
        .catch(function () {
          dirty = true;
          var current = document.getElementById("autosave-status");
          if (current) {
            current.textContent = gettext("Not saved yet: the connection dropped. Keep writing; we will try again.");
          }
          timer = window.setTimeout(save, DELAY * 5);
        })
        .finally(function () {
          inFlight = false;
        });
    }

    // Refusals the server explains: show its words in place of the status.
    form.addEventListener("htmx:beforeSwap", function (event) {
      var code = event.detail.xhr.status;
      if (code === 409 || code === 422) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
        dirty = true; // not saved; the next keystroke tries again
      }
    });

    // The server refused otherwise (a 4xx or 5xx): keep the words marked as unsaved.
    form.addEventListener("htmx:responseError", function () {
      dirty = true;
      var current = document.getElementById("autosave-status");
      if (current) {
        current.textContent = gettext("Not saved yet. Keep this page open and try again in a moment.");
      }
    });

    textarea.addEventListener("input", function () {
      dirty = true;
      if (timer) {
        window.clearTimeout(timer);
      }
      timer = window.setTimeout(save, DELAY);
    });

    // A closing tab cannot wait for a reply: hand the last words to the browser to send.
    function flush() {
      if (dirty && navigator.sendBeacon) {
        dirty = false;
        navigator.sendBeacon(form.getAttribute("action") || window.location.pathname, payload());
      }
    }
    window.addEventListener("pagehide", flush);
    // A hidden page is still alive: save as usual, so the answer's version reaches the form.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && dirty) {
        if (timer) {
          window.clearTimeout(timer);
        }
        save();
      }
    });
    form.addEventListener("submit", function () {
      dirty = false;
      if (timer) {
        window.clearTimeout(timer);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave]").forEach(setup);
  });
})();
