// The service worker. Served at /sw.js by journal.reminders.views.service_worker, which
// puts self.APP_CONFIG (the cache list, the offline page, the version) in front of this.
//
// It caches the app shell only: styles, scripts, icons and the offline page. Pages are
// always fetched from the server and never stored, because they hold the person's journal.
"use strict";

var CONFIG = self.APP_CONFIG;
var CACHE = "shell-" + CONFIG.version;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // The offline page is fetched without cookies, so it is the page anyone would see.
      return Promise.all(
        CONFIG.shell.map(function (url) {
          return fetch(url, { credentials: "omit", cache: "reload" }).then(function (response) {
            if (!response.ok) {
              throw new Error("shell file missing: " + url);
            }
            return cache.put(url, response);
          });
        })
      );
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names.filter(function (name) {
          return name !== CACHE;
        }).map(function (name) {
          return caches.delete(name);
        })
      );
    }).then(function () {
      return self.clients.claim();
    })
  );
});

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.indexOf("/static/") === 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return; // posts go to the network; the page's offline queue keeps what fails
  }
  var url = new URL(request.url);
  if (request.mode === "navigate") {
    // Network only; the offline page when the server cannot be reached.
    event.respondWith(
      fetch(request).catch(function () {
        return caches.match(CONFIG.offline);
      })
    );
    return;
  }
  if (isStatic(url)) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        function fromNetwork() {
          return fetch(request).then(function (response) {
            if (response.ok) {
              cache.put(request, response.clone());
            }
            return response;
          });
        }
        if (!CONFIG.hashed) {
          return fromNetwork().catch(function () {
            return cache.match(request);
          });
        }
        return cache.match(request).then(function (hit) {
          return hit || fromNetwork();
        });
      })
    );
  }
});

// A reminder: {"title": ..., "body": ..., "url": "/path"} sent by `manage.py reminders`.
self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  var title = data.title || "";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || "",
      icon: CONFIG.icon,
      badge: CONFIG.badge,
      tag: data.tag || "reminder",
      data: { url: data.url || "/" },
    })
  );
});

// Which page a notification opens: its own path on this site, never another origin.
function targetUrl(notification) {
  var path = (notification.data && notification.data.url) || "/";
  var url = new URL(path, self.location.origin);
  return url.origin === self.location.origin ? url.href : self.location.origin + "/";
}

function openTarget(href) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
    for (var i = 0; i < list.length; i += 1) {
      var client = list[i];
      if (client.url === href && "focus" in client) {
        return client.focus();
      }
    }
    return self.clients.openWindow(href);
  });
}

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(openTarget(targetUrl(event.notification)));
});
