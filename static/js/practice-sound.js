// Chimes made on the spot with the Web Audio API (no sound files to download),
// and spoken cues through the browser's own voices (speechSynthesis), which
// phones and desktop browsers ship and which work offline.
(function () {
  "use strict";

  // Each chime is a few soft sine notes: [frequency in Hz, delay s, length s, loudness].
  // The step chime is one short, quiet note, unlike the two-note end chime.
  var TONES = {
    start: [[396, 0, 4.5, 0.14], [594, 0.05, 3.5, 0.05]],
    step: [[660, 0, 2.2, 0.08]],
    interval: [[440, 0, 3.2, 0.09]],
    end: [[528, 0, 2.8, 0.16], [792, 0.7, 2.8, 0.16]],
  };

  var audio = null;
  var synth = window.speechSynthesis || null;
  var voice = null;
  var settings = { voice: "", rate: 0.85, lang: document.documentElement.lang || "en" };

  function unlock() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    try {
      audio = audio || new Context();
      if (audio.state === "suspended") {
        audio.resume();
      }
    } catch (e) {
      audio = null;
    }
  }

  function note(frequency, at, length, loudness) {
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(loudness, at + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + length + 0.2);
  }

  function chime(kind) {
    if (!audio) {
      return;
    }
    try {
      var now = audio.currentTime;
      TONES[kind].forEach(function (tone) {
        note(tone[0], now + tone[1], tone[2], tone[3]);
      });
    } catch (e) {
      // Sound is a nicety; the words on screen say the same.
    }
  }

  function languageOf(tag) {
    return String(tag || "").toLowerCase().split(/[-_]/)[0];
  }

  function sameTag(a, b) {
    return String(a || "").toLowerCase().replace("_", "-") === String(b || "").toLowerCase().replace("_", "-");
  }

  // The chosen voice if it speaks the page's language; otherwise a voice for the
  // page's full tag ("pt-BR"), then one for its base language ("pt").
  function chooseVoice() {
    voice = null;
    if (!synth) {
      return;
    }
    var voices = synth.getVoices() || [];
    var wanted = languageOf(settings.lang);
    var tests = [
      function (candidate) {
        return settings.voice && (candidate.voiceURI === settings.voice || candidate.name === settings.voice) &&
          languageOf(candidate.lang) === wanted;
      },
      function (candidate) {
        return sameTag(candidate.lang, settings.lang);
      },
      function (candidate) {
        return languageOf(candidate.lang) === wanted;
      },
    ];
    for (var i = 0; i < tests.length && !voice; i += 1) {
      voice = voices.filter(tests[i])[0] || null;
    }
  }

  function configure(options) {
    settings.voice = options.voice || "";
    settings.rate = options.rate || 0.85;
    settings.lang = options.lang || settings.lang;
    chooseVoice();
    if (synth && synth.addEventListener) {
      synth.addEventListener("voiceschanged", chooseVoice);
    }
  }

  function hasVoice() {
    return Boolean(synth) && (synth.getVoices() || []).length > 0;
  }

  function speak(text) {
    if (!synth || !window.SpeechSynthesisUtterance) {
      return false;
    }
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = settings.lang;
    utterance.rate = settings.rate;
    if (voice) {
      utterance.voice = voice;
    }
    synth.speak(utterance);
    return true;
  }

  function hush() {
    if (synth) {
      synth.cancel();
    }
  }

  window.PracticeSound = {
    TONES: TONES,
    unlock: unlock,
    chime: chime,
    configure: configure,
    hasVoice: hasVoice,
    speak: speak,
    hush: hush,
    voices: function () {
      return synth ? synth.getVoices() || [] : [];
    },
    synth: synth,
  };
})();
