// The screen player (docs/screens.md): plays the screen's playlist muted, with captions, in a
// loop; keeps the videos in Cache Storage after checking their SHA-256; keeps playing and
// queues its play reports while the network or the platform is down.
"use strict";

(() => {
  const config = JSON.parse(document.getElementById("player-config").textContent);
  const VIDEO_CACHE = "screen-videos-v1";
  const QUEUE_LIMIT = 20000;
  const BATCH_SIZE = 500;
  const key = (name) => `screen:${config.screen_id}:${name}`;
  const body = document.body;
  const players = Array.from(document.querySelectorAll("#stage video"));
  const standby = document.getElementById("standby");
  const statusLine = document.getElementById("status");

  let playlist = readJSON(key("playlist"), null);
  let queue = readJSON(key("plays"), []);
  const verified = new Set(); // URLs in the cache whose content was checked
  let onTop = 0; // index in `players` of the element on top
  let lastItemId = null;
  let flushing = false;
  let playingNow = ""; // what the status report says is playing
  const recentErrors = []; // the last few, newest last, for the status report
  const PLAYER_VERSION = "open-doors-player/2";

  function remember(message) {
    recentErrors.push(`${new Date().toISOString()} ${message}`.slice(0, 300));
    while (recentErrors.length > 10) recentErrors.shift();
  }

  function readJSON(name, fallback) {
    try {
      const value = localStorage.getItem(name);
      return value === null ? fallback : JSON.parse(value);
    } catch (error) {
      return fallback;
    }
  }

  function showStatus() {
    body.dataset.queued = String(queue.length);
    body.dataset.cached = String(verified.size);
    statusLine.textContent = `${body.dataset.online === "no" ? "offline · " : ""}${queue.length} ⟳ · ${verified.size} ▣`;
  }

  // --- The token: from the URL fragment (never sent to a server) or the setup form ---------
  function takeToken() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const token = fragment.get("token");
    if (token) {
      localStorage.setItem(key("token"), token);
      history.replaceState(null, "", location.pathname);
    }
    return localStorage.getItem(key("token"));
  }

  function askForToken() {
    const form = document.getElementById("setup");
    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const token = form.elements.token.value.trim();
      if (token) {
        localStorage.setItem(key("token"), token);
        form.hidden = true;
        flush();
      }
    });
  }

  // --- The service worker, which answers videos from the cache ------------------------------
  async function startWorker() {
    if (!("serviceWorker" in navigator)) return;
    try {
      await navigator.serviceWorker.register(config.worker_url, { scope: config.worker_scope });
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
        setTimeout(resolve, 10000);
      });
    } catch (error) {
      console.warn("Service worker not available; videos stream from the network.", error);
    }
  }

  // --- The playlist ----------------------------------------------------------------------------
  async function poll() {
    const headers = {};
    const etag = localStorage.getItem(key("etag"));
    if (etag && playlist) headers["If-None-Match"] = etag;
    try {
      const response = await fetch(config.playlist_url, { headers, cache: "no-store" });
      body.dataset.online = "yes";
      let changed = false;
      if (response.status === 200) {
        playlist = await response.json();
        localStorage.setItem(key("playlist"), JSON.stringify(playlist));
        changed = localStorage.getItem(key("etag")) !== (response.headers.get("ETag") || "");
        localStorage.setItem(key("etag"), response.headers.get("ETag") || "");
      } else if (response.status === 404 || response.status === 410) {
        playlist = { items: [], refresh_seconds: 300 };
        localStorage.setItem(key("playlist"), JSON.stringify(playlist));
        localStorage.removeItem(key("etag"));
      }
      showAlerts(); // at once: an alert does not wait for the next tick
      if (playlist) await fillCache(playlist);
      if (changed || !reported) sendStatus(); // a change applied, or the first poll
      flush();
    } catch (error) {
      body.dataset.online = "no"; // keep playing what is cached
    }
    showStatus();
    const seconds = (playlist && playlist.refresh_seconds) || 60;
    setTimeout(poll, seconds * 1000);
  }

  async function sha256(buffer) {
    const digest = await crypto.subtle.digest("SHA-256", buffer);
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  async function fillCache(list) {
    const cache = await caches.open(VIDEO_CACHE);
    const wanted = new Map(); // URL → expected SHA-256 ("" for captions, which have none)
    for (const item of list.items) {
      const media = item.video || item.photo;
      wanted.set(media.url, media.sha256 || "");
      for (const caption of item.captions) wanted.set(caption.url, "");
    }
    for (const [url, expected] of wanted) {
      if (verified.has(url)) continue;
      const cached = await cache.match(url);
      if (cached && cached.headers.get("X-Checked-Sha256") === expected) {
        verified.add(url);
        continue;
      }
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) continue;
        const buffer = await response.arrayBuffer();
        if (expected && (await sha256(buffer)) !== expected) {
          console.warn(`Not using ${url}: its SHA-256 does not match the playlist.`);
          remember(`SHA-256 mismatch: ${url}`);
          continue;
        }
        await cache.put(
          url,
          new Response(buffer, {
            headers: {
              "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
              "Content-Length": String(buffer.byteLength),
              "X-Checked-Sha256": expected,
            },
          }),
        );
        verified.add(url);
        showStatus();
      } catch (error) {
        return; // offline: the next poll tries again
      }
    }
    for (const request of await cache.keys()) {
      if (!wanted.has(request.url)) {
        await cache.delete(request);
        verified.delete(request.url);
      }
    }
  }

  async function restoreCache() {
    // After a restart: what the cache holds was checked when it was stored.
    if (!playlist) return;
    const cache = await caches.open(VIDEO_CACHE);
    for (const item of playlist.items) {
      for (const url of [mediaUrl(item), ...item.captions.map((caption) => caption.url)]) {
        if (await cache.match(url)) verified.add(url);
      }
    }
  }

  // --- Playing ----------------------------------------------------------------------------------
  const photoBox = document.getElementById("photo");

  const qrImage = document.getElementById("qr");

  // The item's QR code (to its story or campaign, in the screen's language), in a corner.
  function showQr(item) {
    if (item && item.qr) {
      qrImage.src = item.qr.svg;
      qrImage.hidden = false;
      qrImage.dataset.url = item.qr.url;
    } else {
      qrImage.hidden = true;
      qrImage.removeAttribute("src");
      delete qrImage.dataset.url;
    }
  }

  function mediaUrl(item) {
    return (item.video || item.photo).url;
  }

  function playableNow() {
    const now = Date.now();
    return ((playlist && playlist.items) || []).filter(
      (item) =>
        verified.has(mediaUrl(item)) &&
        item.windows.some((w) => Date.parse(w.starts_at) <= now && now < Date.parse(w.ends_at)),
    );
  }

  function nextItem() {
    const items = playableNow();
    if (!items.length) return null;
    const last = items.findIndex((item) => item.id === lastItemId);
    return items[(last + 1) % items.length];
  }

  function setStandby(on) {
    standby.hidden = !on;
    body.dataset.state = on ? "standby" : "playing";
  }

  function load(element, item) {
    return new Promise((resolve, reject) => {
      for (const track of Array.from(element.querySelectorAll("track"))) track.remove();
      const caption = item.captions.find((c) => verified.has(c.url));
      if (caption) {
        const track = document.createElement("track");
        Object.assign(track, { kind: "captions", src: caption.url, srclang: caption.language, label: caption.name, default: true });
        element.appendChild(track);
      }
      const done = () => {
        element.removeEventListener("loadeddata", done);
        element.removeEventListener("error", failed);
        if (element.textTracks.length) element.textTracks[0].mode = "showing";
        resolve(caption ? caption.language : playlist.screen ? playlist.screen.language : "");
      };
      const failed = () => {
        element.removeEventListener("loadeddata", done);
        element.removeEventListener("error", failed);
        reject(element.error);
      };
      element.addEventListener("loadeddata", done);
      element.addEventListener("error", failed);
      element.src = item.video.url;
      element.load();
    });
  }

  // A resident's photo, with its caption (in the language it was written in) and the name its
  // sender chose, for its duration; the video underneath is paused. Photos are not counted
  // as plays (a play is a video's).
  function showPhoto(item) {
    const photo = item.photo;
    const image = photoBox.querySelector("img");
    image.src = photo.url; // from Cache Storage, through the service worker
    image.alt = photo.alt_text || "";
    const caption = photoBox.querySelector(".photo-caption");
    caption.textContent = photo.caption;
    caption.lang = photo.language;
    caption.dir = photo.dir;
    photoBox.querySelector(".photo-author").textContent = photo.author || "";
    photoBox.hidden = false;
    showQr(item);
    players[onTop].pause();
    setStandby(false);
    body.dataset.showing = "photo";
    lastItemId = item.id;
    playingNow = `${item.id}: photo ${photo.id}`;
    setTimeout(() => {
      photoBox.hidden = true;
      delete body.dataset.showing;
      playNext();
    }, (item.duration_seconds || 10) * 1000);
  }

  async function playNext() {
    const item = nextItem();
    if (!item) {
      showQr(null);
      setStandby(true);
      setTimeout(playNext, 1000);
      return;
    }
    if (item.photo) {
      showPhoto(item);
      return;
    }
    // Load into the element underneath; the one on top keeps showing its last frame.
    const below = 1 - onTop;
    const element = players[below];
    let language;
    try {
      language = await load(element, item);
      await element.play();
    } catch (error) {
      console.warn(`Could not play ${item.video.url}`, error);
      remember(`Could not play ${item.video.url}: ${(error && error.message) || error}`);
      verified.delete(item.video.url); // fetch and check it again at the next poll
      lastItemId = item.id;
      setTimeout(playNext, 500);
      return;
    }
    element.classList.add("on-top");
    showQr(item);
    players[onTop].classList.remove("on-top");
    players[onTop].pause();
    onTop = below;
    setStandby(false);
    lastItemId = item.id;
    playingNow = `${item.id}: ${item.video.title || item.video.url}`.slice(0, 200);
    const startedAt = new Date();
    const coveredAtStart = coveredTicks;
    const limit = item.duration_seconds || Infinity;
    const finish = () => {
      element.removeEventListener("ended", finish);
      element.removeEventListener("timeupdate", check);
      // A play a full-screen alert covered was not seen: it is not reported as played.
      if (coveredTicks === coveredAtStart && body.dataset.alert !== "full") {
        record(item, startedAt, language);
      }
      playNext();
    };
    const check = () => {
      if (element.currentTime >= limit) finish();
    };
    element.addEventListener("ended", finish);
    element.addEventListener("timeupdate", check);
  }

  // --- Alerts -----------------------------------------------------------------------------------
  // An alert in force shows over the videos (extreme and severe: the whole screen; the others:
  // a band), each of its languages in turn, the screen's first. It is kept with the playlist,
  // so a screen that loses the network shows it until its end time by its own clock.
  const alertBox = document.getElementById("alert");
  const ALERT_LANGUAGE_SECONDS = 8;
  let coveredTicks = 0; // how often a full-screen alert was found covering the videos
  let alertsShown = ""; // which alerts are up, and since when: each shows the screen's language first
  let alertsSince = 0;

  function alertsNow() {
    const now = Date.now();
    const inForce = ((playlist && playlist.alerts) || []).filter(
      (alert) => Date.parse(alert.starts_at) <= now && now < Date.parse(alert.ends_at),
    );
    const fullScreen = inForce.filter((alert) => alert.full_screen);
    return fullScreen.length ? fullScreen : inForce;
  }

  function showAlerts() {
    const shown = alertsNow();
    if (!shown.length) {
      alertsShown = "";
      alertBox.hidden = true;
      delete body.dataset.alert;
      return;
    }
    const shownKey = shown.map((alert) => `${alert.id}:${alert.language}`).join(" ");
    if (shownKey !== alertsShown) {
      alertsShown = shownKey;
      alertsSince = Date.now();
    }
    const turn = Math.floor((Date.now() - alertsSince) / (ALERT_LANGUAGE_SECONDS * 1000));
    const alert = shown[turn % shown.length];
    alertBox.querySelector(".alert-title").textContent = alert.title;
    alertBox.querySelector(".alert-text").textContent = alert.text;
    alertBox.querySelector(".alert-note").hidden = !alert.machine_translated;
    alertBox.lang = alert.language;
    alertBox.dir = alert.dir || "auto";
    alertBox.className = `alert-${alert.severity}`;
    alertBox.dataset.alertId = String(alert.id);
    alertBox.hidden = false;
    body.dataset.alert = alert.full_screen ? "full" : "band";
    if (alert.full_screen) coveredTicks += 1;
  }

  // --- Proof of play ----------------------------------------------------------------------------
  function saveQueue() {
    if (queue.length > QUEUE_LIMIT) queue = queue.slice(queue.length - QUEUE_LIMIT);
    localStorage.setItem(key("plays"), JSON.stringify(queue));
    showStatus();
  }

  function record(item, startedAt, language) {
    queue.push({
      event_id: crypto.randomUUID(),
      video_id: item.video.id,
      started_at: startedAt.toISOString(),
      duration_seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      language,
    });
    saveQueue();
  }

  async function flush() {
    const token = localStorage.getItem(key("token"));
    if (flushing || !queue.length || !token) return;
    flushing = true;
    try {
      while (queue.length) {
        const batch = queue.slice(0, BATCH_SIZE);
        const response = await fetch(config.plays_url, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ events: batch }),
        });
        if (response.status === 202) {
          forget(batch);
        } else if (response.status === 400) {
          // Drop the events the platform refuses (they would be refused forever); keep the rest.
          const answer = await response.json().catch(() => ({}));
          const errors = answer.errors && answer.errors.events;
          const bad = errors && typeof errors === "object" ? batch.filter((_, i) => errors[i] && Object.keys(errors[i]).length) : batch;
          console.warn("Play events refused", answer);
          forget(bad.length ? bad : batch);
        } else {
          body.dataset.plays = String(response.status); // 401: wrong token; 429: later
          break;
        }
      }
    } catch (error) {
      body.dataset.online = "no";
    } finally {
      flushing = false;
      showStatus();
    }
  }

  // --- Status: what this player holds, plays and caches (docs/screens.md) -----------------------
  let reported = false;
  async function sendStatus() {
    const token = localStorage.getItem(key("token"));
    if (!token) return;
    let cachedBytes = 0;
    let free = null;
    try {
      const cache = await caches.open(VIDEO_CACHE);
      for (const request of await cache.keys()) {
        const cached = await cache.match(request);
        cachedBytes += Number(cached.headers.get("Content-Length") || 0);
      }
      if (navigator.storage && navigator.storage.estimate) {
        const estimate = await navigator.storage.estimate();
        if (estimate.quota) free = Math.max(0, Math.round(estimate.quota - estimate.usage));
      }
    } catch (error) {
      /* sizes unknown: reported as none */
    }
    try {
      const response = await fetch(config.status_url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          playlist_etag: localStorage.getItem(key("etag")) || "",
          playing: playingNow,
          cached_items: verified.size,
          cached_bytes: cachedBytes,
          free_bytes: free,
          player_version: PLAYER_VERSION,
          clock: new Date().toISOString(),
          errors: recentErrors.slice(-10),
        }),
      });
      const text = await response.text(); // read to the end: the request is then finished
      reported = response.status === 202;
      body.dataset.reported = String(response.status);
      const answer = reported ? JSON.parse(text || "{}") : {};
      if (answer.screenshot) await sendScreenshot(token);
    } catch (error) {
      body.dataset.online = "no";
    }
  }

  // --- Screenshot ---------------------------------------------------------------------------------
  // What the screen shows, drawn again on a canvas: the video's current frame (when its file is
  // on this origin or allows CORS), its caption, the standby card and an alert over them.
  function drawLines(context, text, x, y, width, lineHeight, align) {
    const words = String(text).split(/\s+/);
    let line = "";
    const lines = [];
    for (const word of words) {
      const tried = line ? `${line} ${word}` : word;
      if (context.measureText(tried).width > width && line) {
        lines.push(line);
        line = word;
      } else {
        line = tried;
      }
    }
    if (line) lines.push(line);
    context.textAlign = align;
    lines.forEach((text, index) => context.fillText(text, x, y + index * lineHeight));
    return lines.length * lineHeight;
  }

  function drawPicture(withVideo) {
    const width = Math.min(1280, window.innerWidth || 1280);
    const height = Math.round((width * (window.innerHeight || 720)) / (window.innerWidth || 1280));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    context.fillStyle = "#000";
    context.fillRect(0, 0, width, height);
    const top = players[onTop];
    const unit = Math.min(width, height) / 100;
    context.font = `${4 * unit}px "DejaVu Sans", sans-serif`;
    if (!standby.hidden) {
      context.fillStyle = "#123c69";
      context.fillRect(0, 0, width, height);
      context.fillStyle = "#fff";
      drawLines(context, standby.innerText, width / 2, height / 2, width * 0.8, 6 * unit, "center");
    } else if (top && top.readyState >= 2 && top.videoWidth) {
      if (withVideo) {
        const scale = Math.min(width / top.videoWidth, height / top.videoHeight);
        const w = top.videoWidth * scale;
        const h = top.videoHeight * scale;
        context.drawImage(top, (width - w) / 2, (height - h) / 2, w, h);
      }
      const track = top.textTracks[0];
      const cue = track && track.activeCues && track.activeCues[0];
      if (cue) {
        context.fillStyle = "rgba(0,0,0,0.8)";
        context.fillRect(0, height - 14 * unit, width, 14 * unit);
        context.fillStyle = "#fff";
        drawLines(context, cue.text, width / 2, height - 9 * unit, width * 0.9, 5 * unit, "center");
      }
    }
    if (!alertBox.hidden) {
      const full = body.dataset.alert === "full";
      const boxTop = full ? 0 : height * 0.75;
      context.fillStyle = full ? "#a4161a" : "#ffd166";
      context.fillRect(0, boxTop, width, height - boxTop);
      context.fillStyle = full ? "#fff" : "#000";
      context.direction = alertBox.dir === "rtl" ? "rtl" : "ltr";
      const x = alertBox.dir === "rtl" ? width * 0.95 : width * 0.05;
      const align = alertBox.dir === "rtl" ? "right" : "left";
      context.font = `bold ${6 * unit}px "DejaVu Sans", sans-serif`;
      const title = alertBox.querySelector(".alert-title").textContent;
      const used = drawLines(context, title, x, boxTop + 10 * unit, width * 0.9, 7 * unit, align);
      context.font = `${4.5 * unit}px "DejaVu Sans", sans-serif`;
      const text = alertBox.querySelector(".alert-text").textContent;
      drawLines(context, text, x, boxTop + 12 * unit + used, width * 0.9, 6 * unit, align);
    }
    return canvas;
  }

  async function sendScreenshot(token) {
    let canvas = drawPicture(true);
    let picture;
    try {
      picture = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.8));
    } catch (error) {
      // The video's file is on another origin without CORS: the frame cannot be read back.
      remember("Screenshot without the video frame: its file is on another origin");
      canvas = drawPicture(false);
      picture = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.8));
    }
    if (!picture) return;
    const response = await fetch(config.screenshot_url, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg", Authorization: `Bearer ${token}` },
      body: picture,
    });
    await response.text();
    body.dataset.screenshot = String(response.status);
  }

  function forget(events) {
    const sent = new Set(events.map((event) => event.event_id));
    queue = queue.filter((event) => !sent.has(event.event_id));
    saveQueue();
  }

  // --- Start ------------------------------------------------------------------------------------
  async function start() {
    if (!takeToken()) askForToken();
    showStatus();
    await startWorker();
    await restoreCache();
    showAlerts();
    setInterval(showAlerts, 1000);
    playNext();
    poll();
    setInterval(flush, config.flush_seconds * 1000);
    setInterval(sendStatus, config.status_seconds * 1000);
  }

  start();
})();
