/* Offline reading. Keeps the site's own static files and the last {{ max_pages }} pages the
   reader opened, so an opened lesson stays readable without a network. Pages come from the
   network first (always fresh when online) and from this cache only when it fails. */
"use strict";
const STATIC_CACHE = "static-{{ version }}";
const PAGES_CACHE = "pages-v1";
const MAX_PAGES = {{ max_pages }};
const PRECACHE = {{ precache_json|safe }};
const PAGE_PATH = /^\/[a-z]{2,3}(-[a-z0-9]+)?\//i;
const MEDIA_PREFIX = "{{ media_prefix|escapejs }}";
const SAVED_PREFIX = "saved:"; // lessons and courses the reader saved (learning/offline.js)
const OFFLINE_PAGE = `{{ offline_html|escapejs }}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("static-") && name !== STATIC_CACHE)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

// An answer marked private or no-store is one reader's own (a poll they voted in, a
// withdrawal page): it is shown, never kept on the phone.
function mayKeep(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && !/(^|[\s,])(no-store|private)([\s,=]|$)/i.test(control);
}

async function keepPage(url, response) {
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(url); // re-adding moves it to the end: the most recently read
  await cache.put(url, response);
  const keys = await cache.keys();
  const surplus = keys.length - MAX_PAGES;
  for (let i = 0; i < surplus; i += 1) await cache.delete(keys[i]);
}

async function page(event) {
  const url = event.request.url;
  try {
    // Asks the server every time (a 304 costs a few hundred bytes): the browser's own cache
    // may hold the page for max-age, and network first means fresh whenever online.
    const response = await fetch(new Request(event.request, { cache: "no-cache" }));
    if (response.type === "basic" && mayKeep(response)) {
      event.waitUntil(keepPage(url, response.clone()));
    }
    return response;
  } catch (error) {
    const cached = (await caches.match(url, { cacheName: PAGES_CACHE, ignoreVary: true }))
      || (await savedCopy(url));
    return cached || new Response(OFFLINE_PAGE, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  }
}

// A file the reader saved for offline use, from whichever saved lesson or course holds it.
async function savedCopy(url) {
  const names = (await caches.keys()).filter((name) => name.startsWith(SAVED_PREFIX));
  for (const name of names) {
    const found = await (await caches.open(name)).match(url, { ignoreVary: true });
    if (found) return found;
  }
  return null;
}

// Media players ask for byte ranges; a cached answer is whole, so the range is cut from it.
async function partOf(response, range) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(range || "");
  if (!match) return response;
  const body = await response.arrayBuffer();
  const total = body.byteLength;
  let start = match[1] === "" ? Math.max(0, total - Number(match[2])) : Number(match[1]);
  let end = match[1] !== "" && match[2] !== "" ? Number(match[2]) : total - 1;
  end = Math.min(end, total - 1);
  if (start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${total}` } });
  }
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": `bytes ${start}-${end}/${total}`,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes",
    },
  });
}

// Pictures, narration and its timings: the network first (the reader may be online);
// without it, the saved copy. Nothing is kept here that the reader did not save.
async function mediaFile(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const saved = await savedCopy(request.url);
    if (!saved) throw error;
    return partOf(saved, request.headers.get("Range"));
  }
}

async function staticFile(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (mayKeep(response)) {
    const cache = await caches.open(STATIC_CACHE);
    cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && PAGE_PATH.test(url.pathname)) {
    event.respondWith(page(event));
  } else if (url.pathname.startsWith("/static/") && !url.pathname.startsWith("/static/wagtail")) {
    event.respondWith(staticFile(request));
  } else if (MEDIA_PREFIX && url.pathname.startsWith(MEDIA_PREFIX)) {
    event.respondWith(mediaFile(request));
  }
});

self.addEventListener("message", (event) => {
  // A page opened before this worker existed asks to be kept too.
  const data = event.data || {};
  if (data.type === "keep-page" && typeof data.url === "string") {
    const url = new URL(data.url, self.location.origin);
    if (url.origin === self.location.origin && PAGE_PATH.test(url.pathname)) {
      event.waitUntil(
        fetch(url.href).then((response) => mayKeep(response) ? keepPage(url.href, response) : null)
          .catch(() => null)
      );
    }
  }
});
