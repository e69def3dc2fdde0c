// Tendlc's only script besides htmx (the CSP allows scripts from this origin only).
// After a submission that failed validation, keyboard and screen-reader users land on the
// first field that needs fixing: on a full page load, and inside content htmx swaps in.
(function () {
  "use strict";

  // htmx would inject its request-indicator rules as an inline <style>, which the CSP
  // (style-src 'self') blocks; the same rules live in app.css instead. This deferred script
  // runs before DOMContentLoaded, when htmx reads the setting.
  // Settling copies the listed attributes from the old element onto the new one with
  // setAttribute; a `style` attribute (even an empty one the browser left behind) is an inline
  // style the CSP (style-src-attr) blocks, so only classes and sizes are settled.
  if (window.htmx) {
    window.htmx.config.includeIndicatorStyles = false;
    window.htmx.config.attributesToSettle = ["class", "width", "height"];
  }

  var ERROR_FIELD =
    '[aria-invalid="true"], .has-error input, .has-error select, .has-error textarea';

  function firstErrorField(root) {
    if (root.matches && root.matches(ERROR_FIELD)) {
      return root;
    }
    return root.querySelector ? root.querySelector(ERROR_FIELD) : null;
  }

  function focusFirstError(root) {
    var field = firstErrorField(root);
    if (field) {
      field.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusFirstError(document);
  });

  // Fired on each element htmx swapped in; only that content is searched, so a polling
  // fragment elsewhere on the page never steals focus.
  document.addEventListener("htmx:afterSwap", function (event) {
    focusFirstError(event.target);
  });
})();
