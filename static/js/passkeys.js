// Passkeys (WebAuthn): logging in with one on the log-in and second-step pages, and
// adding one in Settings. The server (py_webauthn) sends its options as JSON with
// base64url strings; the browser's API takes ArrayBuffers, and its answer goes back to
// the server as base64url again. Without this script (or passkey support) the buttons
// stay hidden and the password and code forms work as before.
(function () {
  "use strict";

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function toBuffer(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) {
      base64 += "=";
    }
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, body) {
    return window
      .fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify(body || {}),
      })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            var error = new Error("refused");
            error.serverMessage = data && data.error;
            throw error;
          }
          return data;
        });
      });
  }

  function withBuffers(descriptors) {
    (descriptors || []).forEach(function (descriptor) {
      descriptor.id = toBuffer(descriptor.id);
    });
  }

  function extras(credential) {
    var json = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults
        ? credential.getClientExtensionResults()
        : {},
    };
    if (credential.authenticatorAttachment) {
      json.authenticatorAttachment = credential.authenticatorAttachment;
    }
    return json;
  }

  function assertionJSON(credential) {
    var json = extras(credential);
    var response = credential.response;
    json.response = {
      clientDataJSON: toText(response.clientDataJSON),
      authenticatorData: toText(response.authenticatorData),
      signature: toText(response.signature),
      userHandle: response.userHandle ? toText(response.userHandle) : null,
    };
    return json;
  }

  function attestationJSON(credential) {
    var json = extras(credential);
    var response = credential.response;
    json.response = {
      clientDataJSON: toText(response.clientDataJSON),
      attestationObject: toText(response.attestationObject),
      transports: response.getTransports ? response.getTransports() : [],
    };
    return json;
  }

  function logIn(box) {
    return post(box.dataset.optionsUrl)
      .then(function (options) {
        options.challenge = toBuffer(options.challenge);
        withBuffers(options.allowCredentials);
        return navigator.credentials.get({ publicKey: options });
      })
      .then(function (credential) {
        return post(box.dataset.finishUrl, {
          credential: assertionJSON(credential),
          next: box.dataset.next || "",
        });
      });
  }

  function register(form) {
    var name = form.querySelector("input[name=name]");
    return post(form.dataset.optionsUrl)
      .then(function (options) {
        options.challenge = toBuffer(options.challenge);
        options.user.id = toBuffer(options.user.id);
        withBuffers(options.excludeCredentials);
        return navigator.credentials.create({ publicKey: options });
      })
      .then(function (credential) {
        return post(form.dataset.finishUrl, {
          credential: attestationJSON(credential),
          name: name ? name.value : "",
        });
      });
  }

  function run(root, button, ceremony) {
    var status = root.querySelector("[data-passkey-status]");
    button.disabled = true;
    status.textContent = root.dataset.messageWorking;
    ceremony(root)
      .then(function (data) {
        window.location.assign(data.redirect);
      })
      .catch(function (error) {
        status.textContent = (error && error.serverMessage) || root.dataset.messageFailed;
        button.disabled = false;
      });
  }

  document.querySelectorAll("[data-passkey-login]").forEach(function (box) {
    var button = box.querySelector("[data-passkey-start]");
    box.hidden = false;
    button.addEventListener("click", function () {
      run(box, button, logIn);
    });
  });

  document.querySelectorAll("[data-passkey-register]").forEach(function (form) {
    var button = form.querySelector("button[type=submit]");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(form, button, register);
    });
  });

  document.querySelectorAll("[data-passkey-unsupported]").forEach(function (note) {
    note.hidden = true;
  });
})();
