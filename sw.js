// Parallax service worker: keeps the served edition working offline after the first visit.
//
// `cargo xtask dist` fills in the two placeholders below from the build it made (see
// xtask/src/sw.rs): the version (a hash of the build's files) and the list of its hashed
// assets. index.html registers this worker only when they were filled, so under
// `trunk serve` it never runs.
//
// - install: pre-cache the app shell (`./`) and every asset in a cache named after the version;
// - activate: delete this app's caches of other versions, take control of open pages;
// - fetch (same-origin GET only): navigations go to the network first and fall back to the
//   cached shell when the network fails; the hashed assets come from the cache first.
"use strict";

const VERSION = "{{PARALLAX_SW_VERSION}}";
const ASSETS = [/*{{PARALLAX_SW_ASSETS}}*/];

// One cache per version and per scope, so two copies of Parallax on one origin (two folders
// of a static host) never delete each other's caches.
const PREFIX = "parallax " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;
const ASSET_URLS = new Set(ASSETS.map((a) => new URL(a, self.location).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(["./", ...ASSETS]))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)))
      )
      .then(() => self.clients.claim())
  );
});

// The network's answer, or a rejection when it failed or the server is failing (5xx).
function network(request) {
  return fetch(request).then((response) => (response.status >= 500 ? Promise.reject(response) : response));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      network(request).catch((failed) =>
        caches
          .open(CACHE)
          .then((cache) => cache.match("./"))
          .then((shell) => shell || (failed instanceof Response ? failed : Response.error()))
      )
    );
  } else if (ASSET_URLS.has(request.url)) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(request))
        .then((hit) => hit || fetch(request))
    );
  }
});
