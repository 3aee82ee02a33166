/* Saving lessons and courses for offline use, by the reader's choice (docs/offline.md).
   The page asks the server what saving takes (/<lang>/offline/<id>.json: every page, its
   pictures and its narration, with their sizes), shows the size, and on the reader's "yes"
   keeps every file in a cache of its own ("saved:<key>"); the service worker (/sw.js)
   answers from these caches when the network fails. What is saved, the bookmarks and the
   progress stay in this browser: the server never learns any of it. */
(function () {
  "use strict";
  if (!("caches" in window)) return;
  var SAVED = "open-doors:saved";
  var BOOKMARKS = "open-doors:bookmarks";

  function read(name) {
    try {
      var value = JSON.parse(localStorage.getItem(name) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (error) {
      return {};
    }
  }

  function write(name, value) {
    try {
      localStorage.setItem(name, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  function size(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  // Answers marked private or no-store are one reader's own: never kept (as in /sw.js).
  function mayKeep(response) {
    var control = response.headers.get("Cache-Control") || "";
    return response.ok && !/(^|[\s,])(no-store|private)([\s,=]|$)/i.test(control);
  }

  function isQuotaError(error) {
    return error && (error.name === "QuotaExceededError" || error.code === 22);
  }

  async function save(manifest, savedPage, onProgress) {
    var name = "saved:" + manifest.key;
    var urls = manifest.files.map(function (file) { return file.url; });
    urls.push(location.pathname, savedPage);
    var cache = await caches.open(name);
    var done = 0;
    try {
      for (var i = 0; i < urls.length; i += 1) {
        var response = await fetch(urls[i], { cache: "no-cache", credentials: "same-origin" });
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + urls[i]);
        if (mayKeep(response)) await cache.put(urls[i], response);
        done += 1;
        onProgress(done, urls.length);
      }
    } catch (error) {
      await caches.delete(name); // nothing half-saved; what was saved before stays
      throw error;
    }
    var saved = read(SAVED);
    saved[manifest.key] = {
      title: manifest.title,
      url: manifest.url,
      bytes: manifest.bytes,
      lessons: manifest.lessons.length,
      savedAt: new Date().toISOString(),
    };
    if (!write(SAVED, saved)) {
      await caches.delete(name);
      var full = new Error("no room for the list of saved things");
      full.name = "QuotaExceededError";
      throw full;
    }
  }

  async function remove(key) {
    await caches.delete("saved:" + key);
    var saved = read(SAVED);
    delete saved[key];
    write(SAVED, saved);
  }

  function setUpSaveBox(box) {
    var button = box.querySelector("[data-offline-button]");
    var sizeLine = box.querySelector("[data-offline-size]");
    var confirm = box.querySelector("[data-offline-confirm]");
    var confirmButton = box.querySelector("[data-offline-confirm-button]");
    var status = box.querySelector("[data-offline-status]");
    var manifest = null;
    var key = null;

    function show() {
      var isSaved = key !== null && key in read(SAVED);
      button.setAttribute("aria-pressed", String(isSaved));
      button.textContent = isSaved ? box.dataset.labelSaved : box.dataset.labelSave;
    }

    function ask() {
      status.textContent = "";
      return fetch(box.dataset.manifest, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          manifest = data;
          key = data.key;
          return data;
        });
    }

    button.addEventListener("click", async function () {
      try {
        if (!manifest) await ask();
      } catch (error) {
        status.textContent = box.dataset.labelFailed;
        return;
      }
      if (key in read(SAVED)) {
        await remove(key);
        status.textContent = box.dataset.labelRemoved;
        show();
        return;
      }
      sizeLine.textContent = fill(box.dataset.labelSize, {
        size: size(manifest.bytes),
        text: size(manifest.sizes.text),
        images: size(manifest.sizes.images),
        narration: size(manifest.sizes.narration),
      });
      confirmButton.textContent = fill(box.dataset.labelConfirm, { size: size(manifest.bytes) });
      sizeLine.hidden = false;
      confirm.hidden = false;
      confirmButton.focus();
    });

    box.querySelector("[data-offline-cancel]").addEventListener("click", function () {
      sizeLine.hidden = true;
      confirm.hidden = true;
      button.focus();
    });

    confirmButton.addEventListener("click", async function () {
      confirm.hidden = true;
      try {
        await save(manifest, box.dataset.savedPage, function (done, total) {
          status.textContent = fill(box.dataset.labelSaving, { done: done, total: total });
        });
        status.textContent = box.dataset.labelDone;
      } catch (error) {
        status.textContent = isQuotaError(error) ? box.dataset.labelNoSpace : box.dataset.labelFailed;
      }
      sizeLine.hidden = true;
      show();
    });

    // Whether this page is saved already: its key is in the manifest, asked for lazily;
    // the key is also the page's own when it was saved from here.
    var known = Object.keys(read(SAVED)).filter(function (savedKey) {
      return read(SAVED)[savedKey].url === location.pathname;
    });
    key = known.length ? known[0] : null;
    box.hidden = false;
    show();
  }

  function setUpBookmark(button) {
    function show() {
      var marked = button.dataset.key in read(BOOKMARKS);
      button.setAttribute("aria-pressed", String(marked));
      button.textContent = marked ? button.dataset.labelAdded : button.dataset.labelAdd;
    }
    button.addEventListener("click", function () {
      var marks = read(BOOKMARKS);
      if (button.dataset.key in marks) {
        delete marks[button.dataset.key];
      } else {
        marks[button.dataset.key] = { title: button.dataset.title, url: button.dataset.url };
      }
      write(BOOKMARKS, marks);
      show();
    });
    show();
  }

  function item(list, title, url, detail, onRemove, removeLabel) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = url;
    link.textContent = title;
    link.setAttribute("dir", "auto");
    entry.appendChild(link);
    if (detail) {
      var about = document.createElement("span");
      about.className = "saved-detail";
      about.textContent = " · " + detail + " ";
      entry.appendChild(about);
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = removeLabel;
    button.setAttribute("aria-label", removeLabel + ": " + title);
    button.addEventListener("click", function () {
      onRemove().then(function () { entry.remove(); });
    });
    entry.appendChild(button);
    list.appendChild(entry);
  }

  function showSavedList(root) {
    var list = root.querySelector("[data-saved-items]");
    var saved = read(SAVED);
    var keys = Object.keys(saved);
    root.querySelector("[data-saved-empty]").hidden = keys.length > 0;
    keys.forEach(function (key) {
      var entry = saved[key];
      var detail = size(entry.bytes);
      if (entry.lessons > 1) detail += ", " + fill(root.dataset.labelLessons, { count: entry.lessons });
      item(list, entry.title, entry.url, detail, function () { return remove(key).then(usage); },
        root.dataset.labelRemove);
    });
    var bookmarks = read(BOOKMARKS);
    var marks = root.querySelector("[data-bookmarks]");
    root.querySelector("[data-bookmarks-empty]").hidden = Object.keys(bookmarks).length > 0;
    Object.keys(bookmarks).forEach(function (key) {
      item(marks, bookmarks[key].title, bookmarks[key].url, "", function () {
        var all = read(BOOKMARKS);
        delete all[key];
        write(BOOKMARKS, all);
        return Promise.resolve();
      }, root.dataset.labelRemove);
    });
    function usage() {
      if (!navigator.storage || !navigator.storage.estimate) return;
      navigator.storage.estimate().then(function (estimate) {
        root.querySelector("[data-saved-usage]").textContent =
          fill(root.dataset.labelUsage, { used: size(estimate.usage || 0) });
      });
    }
    usage();
  }

  document.querySelectorAll("[data-offline-save]").forEach(setUpSaveBox);
  document.querySelectorAll("[data-bookmark]").forEach(setUpBookmark);
  var savedList = document.querySelector("[data-saved-list]");
  if (savedList) showSavedList(savedList);
})();
