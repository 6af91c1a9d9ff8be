// The check-in on Today: the warning-sign notice appears as soon as a sign is ticked (before
// saving), and the error banner's links take focus to the field at fault.
(function () {
  "use strict";


  function setupRedFlags(box) {
    var notice = box.querySelector("#red-flag-now");
    var alert = box.querySelector("[data-red-flag-alert]");
    if (!notice) {
      return;
    }
    function update() {
      var ticked = box.querySelectorAll('input[name="red_flags"]:checked').length > 0;
      var wasHidden = notice.hidden;
      notice.hidden = !ticked;
      if (ticked && wasHidden && alert) {
        alert.textContent = gettext(
          "Please seek medical care now. The emergency number is in the notice below the signs."
        );
      } else if (!ticked && alert) {
        alert.textContent = "";
      }
    }
    box.addEventListener("change", update);
    update();
  }

  function openAround(el) {
    for (var node = el.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
  }

  function setupErrorLinks(banner) {
    banner.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        openAround(target);
        target.focus();
        target.scrollIntoView({ block: "center" });
      }
    });
    var first = document.querySelector("[autofocus]");
    if (first) {
      openAround(first);
      first.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-red-flags]").forEach(setupRedFlags);
    var banner = document.getElementById("form-errors");
    if (banner) {
      setupErrorLinks(banner);
    }
  });
})();
