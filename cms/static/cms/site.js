/* Registers the offline-reading service worker (/sw.js). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // On the first visit this page loaded before the worker existed: ask it to keep it
      // (not a page that says it must not be fetched again, such as a search: counted).
      if (!navigator.serviceWorker.controller && registration.active &&
          !document.body.hasAttribute("data-not-kept")) {
        registration.active.postMessage({ type: "keep-page", url: location.href });
      }
    }).catch(function () { /* offline reading is a bonus, never a requirement */ });
  });
})();
