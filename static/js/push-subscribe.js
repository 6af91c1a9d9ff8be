// The reminder settings page: "Get notifications on this device" subscribes this browser
// to Web Push with the server's public VAPID key and sends the subscription to the server.
(function () {
  "use strict";

  var box = document.querySelector("[data-push-subscribe]");
  if (!box || !box.dataset.key || !("serviceWorker" in navigator) || !("PushManager" in window)) {
    return;
  }
  var button = box.querySelector("[data-push-button]");
  var status = box.querySelector("[data-push-status]");
  box.hidden = false;

  function keyBytes(base64) {
    var padded = (base64 + "===".slice((base64.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  // A name the person recognises in the list of devices, e.g. "Firefox on Android".
  function deviceName() {
    var ua = navigator.userAgent;
    var browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox"
      : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : gettext("Browser");
    var system = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS"
      : /Mac OS X/.test(ua) ? "macOS" : /Windows/.test(ua) ? "Windows"
      : /Linux/.test(ua) ? "Linux" : "";
    return system ? browser + " · " + system : browser;
  }

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }

  function say(key) {
    status.textContent = status.dataset[key] || "";
  }

  button.addEventListener("click", function () {
    button.setAttribute("disabled", "");
    Notification.requestPermission()
      .then(function (permission) {
        if (permission !== "granted") {
          say("wordsDenied");
          throw new Error("denied");
        }
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        return registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(box.dataset.key),
        });
      })
      .then(function (subscription) {
        var json = subscription.toJSON();
        var body = new URLSearchParams({
          endpoint: json.endpoint,
          p256dh: json.keys.p256dh,
          auth: json.keys.auth,
          device: deviceName(),
        });
        return fetch(box.dataset.url, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken() },
        });
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("refused");
        }
        say("wordsDone");
        window.location.reload();
      })
      .catch(function (error) {
        if (error && error.message !== "denied") {
          say("wordsFailed");
        }
        button.removeAttribute("disabled");
      });
  });
})();
