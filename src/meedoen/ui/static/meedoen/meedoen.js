/*
 * Meedoen page behaviour. Loaded with `defer` from ui/document.html; the CSP allows no inline
 * scripts, so everything that needs JavaScript lives here.
 */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Send Django's CSRF token with every htmx request (the cookie is HttpOnly).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRFToken"] = token;
    }
  });
})();
