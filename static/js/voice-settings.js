// The voice setting lists the voices this device has, with those for the page's
// language first; the saved choice stays selectable even where it is missing.
(function () {
  "use strict";

  var select = document.querySelector("select[name=voice]");
  var sound = window.PracticeSound;
  if (!select || !sound) {
    return;
  }
  var none = document.querySelector("[data-voice-none]");
  var tryBox = document.querySelector("[data-voice-try]");
  var tryButton = document.querySelector("[data-voice-try-button]");
  var tag = (document.documentElement.lang || "en").toLowerCase().replace("_", "-");
  var lang = tag.split("-")[0];
  var saved = select.value;

  // Voices of the page's full language tag first, then of its base language, then the rest.
  function rank(voice) {
    var voiceTag = String(voice.lang || "").toLowerCase().replace("_", "-");
    if (voiceTag === tag) {
      return 0;
    }
    return voiceTag.split("-")[0] === lang ? 1 : 2;
  }

  function fill() {
    var voices = sound.voices().slice();
    if (!voices.length) {
      none.hidden = false;
      return;
    }
    none.hidden = true;
    tryBox.hidden = false;
    voices.sort(function (a, b) {
      return rank(a) - rank(b) || a.name.localeCompare(b.name);
    });
    Array.prototype.slice.call(select.options, 1).forEach(function (option) {
      option.remove();
    });
    var found = false;
    voices.forEach(function (voice) {
      var option = new Option(voice.name + " (" + voice.lang + ")", voice.voiceURI || voice.name);
      found = found || option.value === saved;
      select.add(option);
    });
    if (saved && !found) {
      select.add(new Option(saved, saved));
    }
    select.value = saved;
  }

  tryButton.addEventListener("click", function () {
    var rate = document.querySelector("input[name=rate_percent]:checked");
    sound.configure({
      voice: select.value,
      rate: rate ? parseInt(rate.value, 10) / 100 : 0.85,
      lang: document.documentElement.lang,
    });
    sound.hush();
    sound.speak(tryButton.getAttribute("data-sample"));
  });

  select.addEventListener("change", function () {
    saved = select.value;
  });
  if (sound.synth && sound.synth.addEventListener) {
    sound.synth.addEventListener("voiceschanged", fill);
  }
  fill();
})();
