// The body map: tapping a region adds a sensation row to the form (an htmx request for
// the row's HTML), with an "Undo" for a few seconds; tapping a marked region again offers
// to remove it. Without JavaScript the plain rows with their list of places do the job.
(function () {
  "use strict";

  var TOAST_MS = 6000;

  function deleteInput(row) {
    return row.querySelector('input[name$="-DELETE"]');
  }

  function setDeleted(row, deleted) {
    var del = deleteInput(row);
    if (del) {
      if (del.type === "checkbox") {
        del.checked = deleted;
      } else {
        del.value = deleted ? "on" : "";
      }
    }
    row.hidden = deleted;
  }

  function isRemoved(row) {
    var del = deleteInput(row);
    return row.hidden || (del && (del.type === "checkbox" ? del.checked : del.value === "on"));
  }

  function regionOf(row) {
    var select = row.querySelector('select[name$="-region"]');
    return select ? select.value : "";
  }

  function parseSuggestions(text) {
    var map = {};
    (text || "").split(",").forEach(function (pair) {
      var parts = pair.split(":");
      if (parts.length === 2) {
        map[parts[0]] = parts[1];
      }
    });
    return map;
  }

  function setup(root) {
    var rows = root.querySelector("[data-rows]");
    var total = root.querySelector('input[name$="-TOTAL_FORMS"]');
    var max = root.querySelector('input[name$="-MAX_NUM_FORMS"]');
    var map = root.querySelector("[data-bodymap]");
    var status = root.querySelector("[data-bodymap-status]");
    var toast = root.querySelector("[data-toast]");
    var bubble = root.querySelector("[data-bodymap-bubble]");
    var figures = root.querySelector("[data-figures]");
    var suggestions = parseSuggestions(root.getAttribute("data-feel-suggestions"));
    var toastTimer = null;
    if (!rows || !total || !map || !window.htmx) {
      return;
    }
    root.classList.add("js-bodymap");

    function liveRows(region) {
      return Array.prototype.filter.call(rows.querySelectorAll("[data-row]"), function (row) {
        return !isRemoved(row) && regionOf(row) && (!region || regionOf(row) === region);
      });
    }

    function refresh() {
      var found = {};
      liveRows().forEach(function (row) {
        found[regionOf(row)] = true;
      });
      map.querySelectorAll("[data-region]").forEach(function (el) {
        var marked = !!found[el.getAttribute("data-region")];
        el.classList.toggle("is-marked", marked);
        if (el.hasAttribute("aria-pressed")) {
          el.setAttribute("aria-pressed", marked ? "true" : "false");
        }
      });
    }

    function announce(text) {
      if (status) {
        status.textContent = text;
      }
    }

    // A short message at the bottom of the screen with one or two actions.
    function showToast(text, action, other) {
      if (!toast) {
        return;
      }
      window.clearTimeout(toastTimer);
      toast.querySelector("[data-toast-text]").textContent = text;
      var buttons = [
        [toast.querySelector("[data-toast-action]"), action],
        [toast.querySelector("[data-toast-other]"), other],
      ];
      buttons.forEach(function (pair) {
        var button = pair[0];
        var spec = pair[1];
        if (!button) {
          return;
        }
        button.hidden = !spec;
        button.onclick = spec
          ? function () {
              hideToast();
              spec.run();
            }
          : null;
        button.textContent = spec ? spec.label : "";
      });
      toast.hidden = false;
      announce(text);
      toastTimer = window.setTimeout(hideToast, TOAST_MS);
    }

    function hideToast() {
      window.clearTimeout(toastTimer);
      if (toast) {
        toast.hidden = true;
      }
    }

    function focusRegion(region) {
      var target = map.querySelector('[data-region="' + region + '"][tabindex], [data-region="' + region + '"]');
      if (target && target.getBoundingClientRect().width) {
        target.focus({ preventScroll: true });
      }
    }

    function removeRow(row, label) {
      setDeleted(row, true);
      refresh();
      showToast(interpolate(gettext("%(place)s removed."), { place: label }, true), {
        label: gettext("Undo"),
        run: function () {
          setDeleted(row, false);
          refresh();
          announce(interpolate(gettext("%(place)s is back."), { place: label }, true));
        },
      });
    }

    function add(region, label) {
      var index = parseInt(total.value, 10) || 0;
      var limit = max ? parseInt(max.value, 10) : 40;
      if (index >= limit) {
        announce(gettext("That is as many sensations as one entry can hold."));
        return;
      }
      total.value = String(index + 1);
      window.htmx
        .ajax("POST", map.getAttribute("data-add-url"), {
          source: map,
          target: rows,
          // The newest row comes first, right under the map, where the thumb already is.
          swap: "afterbegin",
          values: { _add_row: region, _index: String(index) },
        })
        .then(function () {
          return newRow(index);
        })
        .then(function (row) {
          if (!row) {
            return;
          }
          refresh();
          showToast(interpolate(gettext("%(place)s added. Choose what it feels like."), { place: label }, true), {
            label: gettext("Undo"),
            run: function () {
              setDeleted(row, true);
              refresh();
              announce(interpolate(gettext("%(place)s taken off again."), { place: label }, true));
              focusRegion(region);
            },
          });
          var first = row && row.querySelector('input[type="radio"]');
          if (first) {
            first.focus();
          }
        });
    }

    // The row the server sent for this index, once htmx has put it in the page.
    function newRow(index) {
      return new Promise(function (resolve) {
        var tries = 0;
        (function look() {
          var select = rows.querySelector('select[name$="-' + index + '-region"]');
          if (select || tries > 50) {
            resolve(select ? select.closest("[data-row]") : null);
            return;
          }
          tries += 1;
          window.setTimeout(look, 20);
        })();
      });
    }

    // A first tap adds; a tap on a place already noted offers to remove it (or add another).
    function choose(region, label) {
      var existing = liveRows(region);
      if (!existing.length) {
        add(region, label);
        return;
      }
      showToast(
        interpolate(gettext("%(place)s is already noted."), { place: label }, true),
        {
          label: gettext("Remove it"),
          run: function () {
            removeRow(existing[existing.length - 1], label);
          },
        },
        {
          label: gettext("Add another"),
          run: function () {
            add(region, label);
          },
        }
      );
    }

    function regionTarget(event) {
      return event.target.closest ? event.target.closest("[data-region]") : null;
    }

    map.addEventListener("click", function (event) {
      var el = regionTarget(event);
      if (el) {
        hideBubble();
        choose(el.getAttribute("data-region"), el.getAttribute("data-label"));
      }
    });
    map.addEventListener("keydown", function (event) {
      var el = regionTarget(event);
      if (el && el.tagName.toLowerCase() === "path" && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        choose(el.getAttribute("data-region"), el.getAttribute("data-label"));
      }
    });

    // The name of the place under the finger (or the mouse), shown while it is there.
    var bubbleTimer = null;
    function showBubble(el, x, y) {
      if (!bubble || !figures) {
        return;
      }
      window.clearTimeout(bubbleTimer);
      var box = figures.getBoundingClientRect();
      bubble.textContent = el.getAttribute("data-label");
      bubble.style.left = Math.max(60, Math.min(box.width - 60, x - box.left)) + "px";
      bubble.style.top = Math.max(0, y - box.top - 28) + "px";
      bubble.hidden = false;
    }
    function hideBubble(delay) {
      window.clearTimeout(bubbleTimer);
      bubbleTimer = window.setTimeout(function () {
        if (bubble) {
          bubble.hidden = true;
        }
      }, delay || 0);
    }
    if (figures) {
      figures.addEventListener("pointerdown", function (event) {
        var el = regionTarget(event);
        if (el) {
          showBubble(el, event.clientX, event.clientY);
        }
      });
      figures.addEventListener("pointermove", function (event) {
        var el = regionTarget(event);
        if (el && (event.pointerType === "mouse" || event.buttons)) {
          showBubble(el, event.clientX, event.clientY);
        } else if (!el) {
          hideBubble();
        }
      });
      figures.addEventListener("pointerleave", function () {
        hideBubble();
      });
      figures.addEventListener("pointercancel", function () {
        hideBubble();
      });
      figures.addEventListener("pointerup", function (event) {
        if (event.pointerType !== "mouse") {
          hideBubble(900);
        }
      });
    }

    // Back or front, one at a time where the screen is narrow.
    map.querySelectorAll("[data-show-view]").forEach(function (button) {
      button.addEventListener("click", function () {
        var view = button.getAttribute("data-show-view");
        figures.setAttribute("data-view", view);
        map.querySelectorAll("[data-show-view]").forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
      });
    });

    rows.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove-row]");
      if (!button) {
        return;
      }
      var row = button.closest("[data-row]");
      var title = row.querySelector("[data-row-title]");
      var region = regionOf(row);
      removeRow(row, title ? title.textContent : gettext("The sensation"));
      focusRegion(region);
    });

    // Feel follows the quality (ease is pleasant, pain unpleasant) until the person picks one.
    rows.addEventListener("change", function (event) {
      var input = event.target;
      var row = input.closest("[data-row]");
      if (!row) {
        return;
      }
      if (input.matches('input[name$="-feel"]')) {
        row.setAttribute("data-feel-chosen", "1");
        var hint = row.querySelector("[data-feel-hint]");
        if (hint) {
          hint.hidden = true;
        }
      } else if (input.matches('input[name$="-quality"]') && !row.hasAttribute("data-feel-chosen")) {
        var feel = suggestions[input.value];
        var radio = feel && row.querySelector('input[name$="-feel"][value="' + feel + '"]');
        if (radio) {
          radio.checked = true;
          var hintEl = row.querySelector("[data-feel-hint]");
          if (hintEl) {
            hintEl.hidden = false;
          }
        }
      } else if (input.matches('select[name$="-region"]')) {
        var titleEl = row.querySelector("[data-row-title]");
        if (titleEl) {
          titleEl.textContent = input.selectedOptions[0].textContent;
        }
        refresh();
      }
    });

    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-sensations]").forEach(setup);
  });
})();
