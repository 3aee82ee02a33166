/* Registers the offline-reading service worker (/sw.js). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // On the first visit this page loaded before the worker existed: ask it to keep it.
      if (!navigator.serviceWorker.controller && registration.active) {
        registration.active.postMessage({ type: "keep-page", url: location.href });
      }
    }).catch(function () { /* offline reading is a bonus, never a requirement */ });
  });
})();
