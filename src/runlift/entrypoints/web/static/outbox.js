// runlift's outbox: every set logged on the page goes into IndexedDB FIRST, then to the API.
// A set leaves the outbox only when the server answered 2xx (201 stored, 200 already stored);
// a refusal (409, 422, ...) is kept aside and shown, never retried; anything else waits.
"use strict";

window.runlift = window.runlift || {};
window.runlift.outbox = (function () {
  const DB = "runlift";
  const STORE = "outbox";
  const listeners = [];
  let opening = null;
  let flushing = null;
  let again = false;
  // Answers that will not change on a retry (a reused client id, a bad value, an unknown
  // exercise): shown to the runner, never sent again. Signed out (401/403), too many requests
  // or server trouble: the set waits for the next try.
  const REFUSED = [400, 404, 409, 413, 422];

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        const request = indexedDB.open(DB, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(STORE, { keyPath: "client_id" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opening;
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        const tx = db.transaction(STORE, mode);
        const result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function changed() {
    all().then(function (entries) {
      listeners.forEach(function (listener) { listener(entries); });
    });
  }

  /** This account's entries, oldest first: {client_id, body, account, added, state:
   *  "waiting"|"refused", message}. Another account's sets wait for it to sign in again. */
  function all() {
    const mine = account();
    return run("readonly", function (store) { return store.getAll(); }).then(function (entries) {
      return (entries || []).filter(function (e) { return mine !== null && e.account === mine; })
        .sort(function (a, b) { return a.added - b.added; });
    });
  }

  /** The signed-in account of this page: each set is sent only as the account that logged it. */
  function account() {
    const holder = document.querySelector("[data-account]");
    return holder ? holder.dataset.account : null;
  }

  /** Keep a set (the API body, with its client id) until the server has it. */
  function add(body) {
    const entry = {
      client_id: body.client_id, body: body, account: account(), added: Date.now(),
      state: "waiting", message: "",
    };
    return run("readwrite", function (store) { store.put(entry); }).then(function () {
      changed();
      return entry;
    });
  }

  function remove(id) {
    return run("readwrite", function (store) { store.delete(id); }).then(changed);
  }

  function refuse(entry, message) {
    const kept = Object.assign({}, entry, { state: "refused", message: message });
    return run("readwrite", function (store) { store.put(kept); });
  }

  function reason(response) {
    return response.json().then(function (body) {
      return (body && body.error && body.error.message) || ("refused (" + response.status + ")");
    }, function () { return "refused (" + response.status + ")"; });
  }

  /** Send one set; true when the server has it (and it left the outbox). */
  function send(entry) {
    return window.runlift.api("/athletes/me/sets", { method: "POST", body: JSON.stringify(entry.body) })
      .then(function (response) {
        if (response.ok) return remove(entry.client_id).then(function () { return true; });
        if (REFUSED.indexOf(response.status) >= 0) {
          return reason(response).then(function (text) { return refuse(entry, text); })
            .then(function () { return false; });
        }
        return false;  // signed out, server trouble: keep it for the next try
      }, function () { return false; });  // no connection
  }

  /** Send every waiting set, each on its own; one flush at a time, and one more after it
   *  when sets were added meanwhile. */
  function flush() {
    if (flushing) {
      again = true;
      return flushing;
    }
    again = false;
    flushing = all().then(function (entries) {
      const waiting = entries.filter(function (e) { return e.state === "waiting"; });
      return waiting.reduce(function (chain, entry) {
        return chain.then(function () { return send(entry); });
      }, Promise.resolve());
    }).catch(function () {}).then(function () {
      flushing = null;
      changed();
      if (again) return flush();
      return undefined;
    });
    return flushing;
  }

  function onChange(listener) { listeners.push(listener); }

  window.addEventListener("online", flush);
  window.addEventListener("load", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") flush();
  });

  return { add: add, all: all, remove: remove, flush: flush, onChange: onChange, changed: changed };
})();
