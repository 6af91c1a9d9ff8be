// The time-zone picker: the zone this device reports goes first (and is chosen when the person
// has not chosen one), and a search box narrows the list. Without JavaScript the grouped list
// asks for a choice and nothing is assumed.
(function () {
  "use strict";
  var select = document.querySelector("select[data-time-zone-picker]");
  if (!select) {
    return;
  }

  function detectedZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  function putDetectedFirst(zone) {
    if (!zone) {
      return;
    }
    var option = null;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === zone) {
        option = select.options[i];
        break;
      }
    }
    if (!option) {
      // Not among the common zones: offered as its full name (the server accepts any IANA zone).
      option = document.createElement("option");
      option.value = zone;
      option.textContent = zone.replace(/_/g, " ");
    }
    var group = document.createElement("optgroup");
    group.label = select.dataset.detectedLabel || zone;
    group.appendChild(option);
    var placeholder = select.options[0] && select.options[0].value === "" ? select.options[0] : null;
    select.insertBefore(group, placeholder ? placeholder.nextSibling : select.firstChild);
    if (select.dataset.chosen !== "true" || select.value === "") {
      select.value = zone;
    }
  }

  function normalise(text) {
    return text.toLowerCase().replace(/[_\s/]+/g, " ").trim();
  }

  function setUpSearch() {
    var box = document.querySelector("[data-time-zone-search]");
    if (!box) {
      return;
    }
    var input = box.querySelector("input");
    var none = box.querySelector("[data-time-zone-none]");
    box.hidden = false;
    input.addEventListener("input", function () {
      var wanted = normalise(input.value);
      var first = null;
      var selectedShown = false;
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        var shown = 0;
        Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
          var text = normalise(option.textContent + " " + option.value + " " + group.label);
          var match = wanted === "" || text.indexOf(wanted) !== -1;
          option.hidden = !match;
          option.disabled = !match && !option.selected;
          if (match) {
            shown++;
            first = first || option;
            selectedShown = selectedShown || option.selected;
          }
        });
        group.hidden = shown === 0;
      });
      if (first && !selectedShown && wanted !== "") {
        select.value = first.value;
      }
      if (none) {
        none.hidden = first !== null;
      }
    });
  }

  putDetectedFirst(detectedZone());
  setUpSearch();
})();
