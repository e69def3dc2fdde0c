// Tendlc's only script besides htmx (the CSP allows scripts from this origin only).
// After a submission that failed validation, keyboard and screen-reader users land on the
// first field that needs fixing: on a full page load, and inside a form htmx swaps in after a
// submit. A live field check never moves focus: the user may be typing somewhere else.
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

  // Whether a form marked data-warn-unsaved holds typing that was not saved.
  var dirty = false;

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

  // A table wider than the screen scrolls inside its .table-wrap; keyboard users reach the
  // scrolling with Tab (then the arrow keys), and screen readers hear what it holds.
  function makeScrollableTablesFocusable() {
    var wraps = document.querySelectorAll(".table-wrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute(
          "aria-label",
          (caption ? caption.textContent.trim() : "Table") + " (scrolls sideways)"
        );
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusFirstError(document);
    makeScrollableTablesFocusable();
  });
  window.addEventListener("resize", makeScrollableTablesFocusable);
  document.addEventListener("htmx:afterSettle", makeScrollableTablesFocusable);

  // Only a form's own submission may move focus; a live check, a poll or any other swap
  // answers while the user may be typing in another field.
  function wasSubmit(detail) {
    var config = detail && detail.requestConfig;
    if (!config || !config.elt || config.elt.tagName !== "FORM") {
      return false;
    }
    return !config.triggeringEvent || config.triggeringEvent.type === "submit";
  }

  // Fired on each element htmx swapped in; only that content is searched, so a polling
  // fragment elsewhere on the page never steals focus.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (wasSubmit(event.detail)) {
      focusFirstError(event.target);
      // Refused: what the user typed is still unsaved.
      dirty = firstErrorField(event.target) !== null;
    }
  });

  // A live check swaps only the region next to a field (data-errors-for="<input id>"), never
  // the input itself, so nothing typed meanwhile is lost; the input's invalid state follows
  // what the region now says.
  function syncCheckedFields() {
    var regions = document.querySelectorAll("[data-errors-for]");
    Array.prototype.forEach.call(regions, function (region) {
      var input = document.getElementById(region.getAttribute("data-errors-for"));
      if (!input) {
        return;
      }
      var invalid = region.querySelector(".errorlist li, .finding.error") !== null;
      if (invalid) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
      var wrapper = input.closest(".field");
      if (wrapper) {
        wrapper.classList.toggle("has-error", invalid);
      }
    });
  }
  document.addEventListener("htmx:afterSettle", syncCheckedFields);
  document.addEventListener("htmx:oobAfterSwap", syncCheckedFields);

  // Leaving a wizard or campaign-edit step with unsaved typing (a step link, another page, a reload) asks
  // first. Saving the form is not leaving: its submission clears the flag.
  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form.hasAttribute("data-warn-unsaved")) {
      dirty = true;
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.form && event.target.form.hasAttribute("data-warn-unsaved")) {
      dirty = true;
    }
  });
  document.addEventListener("submit", function () {
    dirty = false;
  });
  // A link that says it leaves without saving ("Leave without saving") does not ask again.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-leave-unsaved]")) {
      dirty = false;
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
