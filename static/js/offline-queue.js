// The offline module: registers the service worker, and keeps forms marked
// data-offline-form from losing what was typed when there is no connection.
//
// A marked form is sent as usual when the server can be reached. When it cannot, the
// page stays as it is, says the entry is not saved yet, and keeps a copy in IndexedDB
// (the one place this app stores health data in the browser) until the server has it:
// it is sent again when the connection returns, from this page or from the next one
// opened, even after the tab was closed. The form's double-submit token keeps a resent
// entry to one row. Logging out empties the queue.
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) {
    return;
  }
  var config = script.dataset;
  var person = config.person || "";
  var DB_NAME = "journal-offline";
  var STORE = "outbox";
  var RETRY_MS = 15000;

  // --- The service worker ---------------------------------------------------------
  if ("serviceWorker" in navigator && config.sw) {
    navigator.serviceWorker.register(config.sw, { scope: "/" }).catch(function () {});
  }

  // --- IndexedDB ----------------------------------------------------------------
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        if (!window.indexedDB) {
          reject(new Error("no IndexedDB"));
          return;
        }
        var open = window.indexedDB.open(DB_NAME, 1);
        open.onupgradeneeded = function () {
          open.result.createObjectStore(STORE, { keyPath: "id" });
        };
        open.onsuccess = function () {
          resolve(open.result);
        };
        open.onerror = function () {
          reject(open.error);
        };
      });
    }
    return dbPromise;
  }
  function withStore(mode, work) {
    return db().then(function (database) {
      return new Promise(function (resolve, reject) {
        var tx = database.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () {
          resolve(result && "result" in result ? result.result : undefined);
        };
        tx.onerror = function () {
          reject(tx.error);
        };
      });
    });
  }
  var store = {
    put: function (item) {
      return withStore("readwrite", function (s) {
        return s.put(item);
      });
    },
    remove: function (id) {
      return withStore("readwrite", function (s) {
        return s.delete(id);
      });
    },
    all: function () {
      return withStore("readonly", function (s) {
        return s.getAll();
      });
    },
    clear: function () {
      return withStore("readwrite", function (s) {
        return s.clear();
      });
    },
  };
  window.offlineQueue = store; // for the browser tests and the log-out below

  // --- Status line ----------------------------------------------------------------
  function statusFor(form) {
    var status = form.querySelector("[data-offline-status]");
    if (!status) {
      status = document.createElement("p");
      status.className = "notice notice-warning offline-status";
      status.setAttribute("role", "status");
      status.setAttribute("data-offline-status", "");
      // Just above the Save button, where the person is looking.
      var button = form.querySelector("button[type=submit], input[type=submit]");
      var row = button && button.parentElement !== form ? button.parentElement : button;
      if (row && row.parentElement) {
        row.parentElement.insertBefore(status, row);
      } else {
        form.appendChild(status);
      }
    }
    return status;
  }
  function showWaiting(count) {
    var main = document.getElementById("main");
    var banner = document.getElementById("offline-waiting");
    if (!count) {
      if (banner) {
        banner.remove();
      }
      return;
    }
    if (!banner && main) {
      banner = document.createElement("p");
      banner.id = "offline-waiting";
      banner.className = "notice notice-warning";
      banner.setAttribute("role", "status");
      main.insertBefore(banner, main.firstChild);
    }
    if (banner) {
      banner.textContent = count === 1 ? config.wordsWaitingOne : config.wordsWaitingMany;
    }
  }

  // --- Sending --------------------------------------------------------------------
  function reachable() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = window.setTimeout(function () {
      if (controller) {
        controller.abort();
      }
    }, 5000);
    return fetch(config.health, {
      cache: "no-store",
      credentials: "omit",
      signal: controller ? controller.signal : undefined,
    }).then(
      function (response) {
        window.clearTimeout(timer);
        return response.ok;
      },
      function () {
        window.clearTimeout(timer);
        return false;
      }
    );
  }
  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) {
      return input.value;
    }
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }
  function serialise(form, submitter) {
    var data;
    try {
      data = new FormData(form, submitter || undefined);
    } catch (error) {
      data = new FormData(form);
    }
    return new URLSearchParams(data).toString();
  }
  function itemId(form) {
    var token = form.querySelector("input[name=token]");
    if (token && token.value) {
      return token.value;
    }
    if (!form.dataset.offlineId) {
      form.dataset.offlineId = String(Date.now()) + "-" + String(Math.random()).slice(2);
    }
    return form.dataset.offlineId;
  }
  function actionPath(form) {
    var url = new URL(form.getAttribute("action") || window.location.href, window.location.href);
    return url.pathname + url.search;
  }
  function sendNatively(form, submitter) {
    form.dataset.offlinePass = "1";
    if (submitter && form.requestSubmit) {
      form.requestSubmit(submitter);
    } else {
      HTMLFormElement.prototype.submit.call(form);
    }
  }
  function enableButtons(form) {
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit][disabled], input[type=submit][disabled]")
        .forEach(function (button) {
          button.removeAttribute("disabled");
        });
    }, 20);
  }
  function keep(form, submitter) {
    var item = {
      id: itemId(form),
      person: person,
      action: actionPath(form),
      body: serialise(form, submitter),
      savedAt: new Date().toISOString(),
    };
    form.dataset.offlineQueued = item.id;
    statusFor(form).textContent = config.wordsOffline;
    enableButtons(form);
    return store.put(item).catch(function () {});
  }
  function retryOnScreen(form) {
    if (!form.dataset.offlineQueued || form.dataset.offlineRetrying) {
      return;
    }
    form.dataset.offlineRetrying = "1";
    statusFor(form).textContent = config.wordsSending;
    reachable().then(function (ok) {
      delete form.dataset.offlineRetrying;
      if (ok) {
        // The server answers: send the form as it is now, as a normal submit, so the
        // server's own page (saved message, warning-sign page, errors) follows.
        sendNatively(form, null);
      } else {
        statusFor(form).textContent = config.wordsOffline;
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    if (config.logout && actionPath(form) === config.logout) {
      if (form.dataset.offlinePass) {
        return;
      }
      event.preventDefault();
      var done = function () {
        sendNatively(form, null);
      };
      store.clear().then(done, done);
      return;
    }
    if (!form.hasAttribute("data-offline-form") || form.dataset.offlinePass) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter || null;
    reachable().then(function (ok) {
      if (ok) {
        sendNatively(form, submitter);
      } else {
        keep(form, submitter);
      }
    });
  });

  // A page restored from the back-forward cache checks its forms again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-offline-pass]").forEach(function (form) {
      delete form.dataset.offlinePass;
    });
  });

  // Edits made while waiting replace the kept copy.
  function refreshKept(event) {
    var form = event.target && event.target.form;
    if (form && form.dataset.offlineQueued) {
      store.put({
        id: form.dataset.offlineQueued,
        person: person,
        action: actionPath(form),
        body: serialise(form, null),
        savedAt: new Date().toISOString(),
      }).catch(function () {});
    }
  }
  document.addEventListener("change", refreshKept);
  document.addEventListener("input", refreshKept);

  // --- The queue, sent from whichever page is open --------------------------------
  function onScreenForm(id) {
    var forms = document.querySelectorAll("form[data-offline-form]");
    for (var i = 0; i < forms.length; i += 1) {
      if (forms[i].dataset.offlineQueued === id) {
        return forms[i];
      }
    }
    return null;
  }
  function restoreInto(item) {
    var forms = document.querySelectorAll("form[data-offline-form]");
    for (var i = 0; i < forms.length; i += 1) {
      var form = forms[i];
      if (actionPath(form) !== item.action) {
        continue;
      }
      var params = new URLSearchParams(item.body);
      form.querySelectorAll("input, select, textarea").forEach(function (field) {
        if (!field.name || field.name === "csrfmiddlewaretoken") {
          return;
        }
        var values = params.getAll(field.name);
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = values.indexOf(field.value) !== -1;
        } else if (values.length) {
          field.value = values[0];
        }
      });
      statusFor(form).textContent = config.wordsCheck;
      return true;
    }
    return false;
  }
  function replay(item) {
    var params = new URLSearchParams(item.body);
    var token = csrfToken();
    if (token) {
      params.set("csrfmiddlewaretoken", token);
    }
    return fetch(item.action, {
      method: "POST",
      body: params,
      credentials: "same-origin",
      redirect: "follow",
    }).then(
      function (response) {
        var landed = new URL(response.url, window.location.href).pathname;
        if (response.redirected && landed.indexOf("/accounts/login/") !== 0) {
          return store.remove(item.id); // saved (or saved before: the token says so)
        }
        if (response.status === 200 || response.status === 400) {
          // The server looked at it and wants changes: put it back in a form to check.
          if (restoreInto(item)) {
            return store.remove(item.id);
          }
        }
        return undefined; // logged out, refused or failing: keep it for later
      },
      function () {
        return undefined;
      }
    );
  }
  var flushing = false;
  function flush() {
    if (flushing || !person) {
      return Promise.resolve();
    }
    flushing = true;
    return store.all().then(function (items) {
      var mine = (items || []).filter(function (item) {
        return item.person === person && !onScreenForm(item.id);
      });
      if (!mine.length) {
        return undefined;
      }
      return reachable().then(function (ok) {
        if (!ok) {
          return undefined;
        }
        return mine.reduce(function (chain, item) {
          return chain.then(function () {
            return replay(item);
          });
        }, Promise.resolve());
      });
    }).catch(function () {}).then(function () {
      flushing = false;
      return updateWaiting();
    });
  }
  function updateWaiting() {
    return store.all().then(function (items) {
      var waiting = (items || []).filter(function (item) {
        return item.person === person && !onScreenForm(item.id);
      });
      showWaiting(waiting.length);
    }).catch(function () {});
  }

  function retryAll() {
    document.querySelectorAll("form[data-offline-form]").forEach(retryOnScreen);
    flush();
  }
  window.addEventListener("online", retryAll);
  if (document.querySelector("[data-offline-page]")) {
    // The offline page stands in for the page asked for: load that page once the server
    // answers again (checked when the browser says it is back, and every few seconds).
    var backTimer = null;
    var tryBack = function () {
      window.clearTimeout(backTimer);
      reachable().then(function (ok) {
        if (ok) {
          window.location.reload();
        } else {
          backTimer = window.setTimeout(tryBack, 5000);
        }
      });
    };
    window.addEventListener("online", tryBack);
    backTimer = window.setTimeout(tryBack, 2000);
  }
  window.setInterval(function () {
    if (document.querySelector("form[data-offline-queued]") || document.getElementById("offline-waiting")) {
      retryAll();
    }
  }, RETRY_MS);
  flush();
})();
