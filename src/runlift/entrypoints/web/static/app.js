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

  return { csrf: csrf, api: api };
})();
