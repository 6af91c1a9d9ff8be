// Small progressive enhancements shared by every page. Nothing here is needed
// for the app to work; no health data is ever written to browser storage.
(function () {
  "use strict";

  // Disable a form's submit buttons once it is sent, so a double click cannot
  // create two rows. Re-enabled if the browser restores the page from cache.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute("data-allow-resubmit")) {
      return;
    }
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) {
        b.setAttribute("disabled", "");
      });
    }, 0);
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form button[disabled][type=submit]").forEach(function (b) {
      b.removeAttribute("disabled");
    });
  });
})();
