// runlift pages: what every page shares. Pages work without this; it only enhances them.
"use strict";

window.runlift = (function () {
  /** The page's CSRF value, sent with every write the scripts make. */
  function csrf() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  /** A JSON call to the API as the signed-in page (session cookie + CSRF header). */
  async function api(path, options) {
    const init = Object.assign({ credentials: "same-origin" }, options || {});
    init.headers = Object.assign(
      { "Accept": "application/json", "X-CSRF-Token": csrf() },
      init.body ? { "Content-Type": "application/json" } : {},
      init.headers || {}
    );
    return fetch("/api/v1" + path, init);
  }

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    });
  }

  // Signing out forgets the copies of this runner's pages kept for offline use, so the next
  // person on a shared phone cannot open them without a connection.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.getAttribute("action") !== "/signout") return;
    if (!("caches" in window) || form.dataset.cleared) return;
    event.preventDefault();
    form.dataset.cleared = "1";
    caches.delete("runlift-pages").catch(function () {}).then(function () { form.submit(); });
  });

  return { csrf: csrf, api: api };
})();
