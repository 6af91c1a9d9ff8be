// The body map: choosing a region adds a sensation row to the form (an htmx
// request for the row's HTML). Without JavaScript the plain rows do the same job.
(function () {
  "use strict";

  function deleteInput(row) {
    return row.querySelector('input[name$="-DELETE"]');
  }

  function isRemoved(row) {
    var del = deleteInput(row);
    return row.hidden || (del && (del.type === "checkbox" ? del.checked : del.value === "on"));
  }

  function setup(root) {
    var rows = root.querySelector("[data-rows]");
    var total = root.querySelector('input[name$="-TOTAL_FORMS"]');
    var max = root.querySelector('input[name$="-MAX_NUM_FORMS"]');
    var map = root.querySelector("[data-bodymap]");
    var status = root.querySelector("[data-bodymap-status]");
    if (!rows || !total || !map || !window.htmx) {
      return;
    }
    root.classList.add("js-bodymap");

    function markedRegions() {
      var found = {};
      rows.querySelectorAll("[data-row]").forEach(function (row) {
        var select = row.querySelector('select[name$="-region"]');
        if (select && select.value && !isRemoved(row)) {
          found[select.value] = (found[select.value] || 0) + 1;
        }
      });
      return found;
    }

    function refresh() {
      var found = markedRegions();
      map.querySelectorAll("[data-region]").forEach(function (el) {
        var count = found[el.getAttribute("data-region")] || 0;
        var label = el.getAttribute("data-label");
        el.classList.toggle("is-marked", count > 0);
        el.setAttribute("aria-label", count ? label + ", marked" : label);
      });
    }

    function announce(text) {
      if (status) {
        status.textContent = text;
      }
    }

    function add(region, label) {
      var index = parseInt(total.value, 10) || 0;
      var limit = max ? parseInt(max.value, 10) : 40;
      if (index >= limit) {
        announce("That is as many sensations as one entry can hold.");
        return;
      }
      total.value = String(index + 1);
      window.htmx
        .ajax("POST", map.getAttribute("data-add-url"), {
          source: map,
          target: rows,
          swap: "beforeend",
          values: { _add_row: region, _index: String(index) },
        })
        .then(function () {
          var row = rows.lastElementChild;
          refresh();
          announce(label + " added. Choose what it feels like.");
          var first = row && row.querySelector('input[type="radio"]');
          if (first) {
            first.focus();
          }
        });
    }

    map.addEventListener("click", function (event) {
      var el = event.target.closest("[data-region]");
      if (el) {
        add(el.getAttribute("data-region"), el.getAttribute("data-label"));
      }
    });
    map.addEventListener("keydown", function (event) {
      var el = event.target.closest("[data-region]");
      if (el && el.tagName.toLowerCase() === "path" && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        add(el.getAttribute("data-region"), el.getAttribute("data-label"));
      }
    });

    rows.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove-row]");
      if (!button) {
        return;
      }
      var row = button.closest("[data-row]");
      var del = deleteInput(row);
      if (del) {
        if (del.type === "checkbox") {
          del.checked = true;
        } else {
          del.value = "on";
        }
      }
      row.hidden = true;
      refresh();
      announce("Sensation removed.");
      var region = row.querySelector('select[name$="-region"]');
      var target = region && map.querySelector('[data-region="' + region.value + '"]');
      (target || map).focus();
    });

    rows.addEventListener("change", function (event) {
      if (event.target.matches('select[name$="-region"]')) {
        var row = event.target.closest("[data-row]");
        var title = row && row.querySelector("[data-row-title]");
        if (title) {
          title.textContent = event.target.selectedOptions[0].textContent;
        }
        refresh();
      }
    });

    refresh();
  }

  // Show the value of each intensity slider beside it as it moves.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (input.type === "range") {
      var output = input.parentElement.querySelector("[data-range-output]");
      if (output) {
        output.textContent = input.value;
      }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-sensations]").forEach(setup);
  });
})();
