// Offer the browser's own time zone on sign-up when the person has not chosen one.
(function () {
  "use strict";
  var select = document.getElementById("id_time_zone");
  if (!select || select.dataset.chosen === "true") {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (zone && select.querySelector('option[value="' + zone.replace(/"/g, "") + '"]')) {
    select.value = zone;
  }
})();
