/* opros seal: decrypts this page in the browser. Key: PBKDF2-SHA256 over the
   passphrase (from the form or a #key= link fragment, which browsers never
   send to the server); page: AES-256-GCM. A wrong key fails GCM's
   authentication and nothing of the page is shown. The derived key (not the
   passphrase) is kept in sessionStorage, per deliverable (its salt), so the
   other pages open without asking again; it goes when the tab closes. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sealed").textContent);
  var form = document.getElementById("seal-form");
  var input = document.getElementById("seal-pass");
  var status = document.getElementById("seal-status");
  var error = document.getElementById("seal-error");
  var t = document.getElementById("seal-texts").dataset;
  var slot = "opros-seal:" + data.salt;
  function bytes(b64) {
    var s = atob(b64), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function b64(buf) {
    var s = "", u = new Uint8Array(buf);
    for (var i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);
    return btoa(s);
  }
  function fail(text) {
    status.textContent = "";
    error.textContent = text;
  }
  if (data.v !== 1) { fail(t.broken); return; }
  if (!window.crypto || !crypto.subtle) { fail(t.nocrypto); return; }
  var subtle = crypto.subtle;
  function derive(passphrase) {
    return subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveBits"])
      .then(function (base) {
        return subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: bytes(data.salt), iterations: data.iter }, base, 256);
      });
  }
  // open resolves to the page's HTML, or rejects when the key is wrong.
  function open(raw) {
    return subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"])
      .then(function (key) { return subtle.decrypt({ name: "AES-GCM", iv: bytes(data.nonce) }, key, bytes(data.ct)); })
      .then(function (page) { return new TextDecoder().decode(page); });
  }
  function show(raw, html) {
    try { sessionStorage.setItem(slot, b64(raw)); } catch (e) { /* storage off: ask on every page */ }
    var hash = location.hash;
    // Replacing the document runs the page's own scripts and loads its
    // stylesheet, as if it had been served in the clear.
    document.open();
    document.write(html);
    document.close();
    if (hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }
  // document.open() while this shell is still loading is ignored (a key
  // kept from the previous page decrypts that fast): wait for the load.
  function loaded() {
    return new Promise(function (resolve) {
      if (document.readyState === "complete") resolve();
      else window.addEventListener("load", function () { resolve(); }, { once: true });
    });
  }
  function attempt(raw, onWrong) {
    status.textContent = t.busy;
    return open(raw).then(function (html) {
      return loaded().then(function () { show(raw, html); });
    }, onWrong);
  }
  function ask() {
    status.textContent = "";
    form.hidden = false;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      error.textContent = "";
      status.textContent = t.busy;
      derive(input.value).then(function (raw) {
        return attempt(raw, function () {
          fail(t.wrong);
          input.select();
          input.focus();
        });
      }).then(function () { button.disabled = false; }, function () { button.disabled = false; fail(t.nocrypto); });
    });
    input.focus();
  }
  var m = /(?:^#|&)key=([^&]*)/.exec(location.hash);
  if (m) {
    // The link carried the passphrase: take it out of the address bar and
    // the history before anything else happens.
    var passphrase = decodeURIComponent(m[1]);
    history.replaceState(null, "", location.pathname + location.search);
    derive(passphrase).then(function (raw) {
      return attempt(raw, function () { ask(); fail(t.wrong); });
    }, function () { fail(t.nocrypto); });
    return;
  }
  var kept = null;
  try { kept = sessionStorage.getItem(slot); } catch (e) { /* storage off */ }
  if (kept) {
    attempt(bytes(kept), function () {
      try { sessionStorage.removeItem(slot); } catch (e) { /* storage off */ }
      ask();
    });
    return;
  }
  ask();
})();
