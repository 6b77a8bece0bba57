// runlift's service worker: keeps the pages' assets and the last copy of each page, so that
// the gym page opens without a connection. Writes never go through a cache: the page's outbox
// (IndexedDB) keeps sets until the server has them.
"use strict";

const VERSION = "runlift-v2";
const PAGES = "runlift-pages";  // copies of pages, kept across versions (today.js adds too)
const ASSETS = [
  "/static/app.css",
  "/static/app.js",
  "/static/manifest.webmanifest",
  "/static/today.css",
  "/static/today.js",
  "/static/outbox.js",
  "/static/timer.js",
];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) { return cache.addAll(ASSETS); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n !== VERSION && n !== PAGES; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function keep(cacheName, request, response) {
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(cacheName).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/static/")) {
    // The cached copy at once; a fresh one fetched behind it for next time.
    event.respondWith(caches.match(request).then(function (hit) {
      const fresh = fetch(request).then(function (response) { return keep(VERSION, request, response); });
      if (hit) {
        event.waitUntil(fresh.catch(function () {}));
        return hit;
      }
      return fresh;
    }));
    return;
  }
  if (request.mode === "navigate") {
    // Network first; the last good copy of the page when offline.
    event.respondWith(fetch(request).then(function (response) {
      return response.redirected ? response : keep(PAGES, request, response);
    }).catch(function () {
      return caches.match(request).then(function (hit) {
        return hit || caches.match("/today").then(function (page) { return page || Response.error(); });
      });
    }));
  }
});
