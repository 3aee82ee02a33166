// The screen player's service worker (docs/screens.md). It answers videos and captions
// from Cache Storage, where the player puts them only after checking their SHA-256, and
// keeps the player page and its files so that a screen restarted offline still plays.
"use strict";

const VIDEO_CACHE = "screen-videos-v1";
const SHELL_CACHE = "screen-shell-v1";
const NETWORK_TIMEOUT_MS = 5000;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // The playlist and plays go to the network: the player decides what to do offline.
  if (url.origin === self.location.origin && url.pathname.startsWith("/api/")) return;
  event.respondWith(answer(request, url));
});

async function answer(request, url) {
  const videos = await caches.open(VIDEO_CACHE);
  const cached = await videos.match(request.url);
  if (cached) {
    const range = request.headers.get("range");
    return range ? slice(cached, range) : cached;
  }
  const isShell =
    url.origin === self.location.origin &&
    (request.mode === "navigate" || url.pathname.startsWith("/static/"));
  if (!isShell) return fetch(request);
  const shell = await caches.open(SHELL_CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await shell.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await shell.match(request, { ignoreSearch: request.mode === "navigate" });
    if (kept) return kept;
    throw error;
  }
}

function withTimeout(promise, milliseconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), milliseconds);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error) => { clearTimeout(timer); reject(error); },
    );
  });
}

// Media elements ask for byte ranges; Cache Storage holds whole files.
async function slice(response, range) {
  const blob = await response.blob();
  const size = blob.size;
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === "" && match[2] === "")) return new Response(blob, { headers: response.headers });
  let start;
  let end;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes",
    },
  });
}
