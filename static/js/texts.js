// Compliance-text proposals (templates/registration/texts.html): an "Insert" button copies
// its proposal into the campaign builder's field of the same name, where the user can edit
// it. Buttons stay hidden when the page has no such field (the copy-only page, or no JS).
(function () {
  "use strict";

  function fieldFor(button) {
    var name = button.getAttribute("data-insert-field");
    return document.querySelector(
      'form [name="' + name + '"]:not([readonly]):not([type="hidden"])'
    );
  }

  function reveal(root) {
    var buttons = (root.querySelectorAll ? root : document).querySelectorAll(
      "button.insert-text"
    );
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = !fieldFor(button);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    reveal(document);
  });
  document.addEventListener("htmx:afterSwap", function () {
    reveal(document);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.insert-text");
    if (!button) {
      return;
    }
    var field = fieldFor(button);
    var source = document.getElementById(button.getAttribute("data-insert-source"));
    if (!field || !source) {
      return;
    }
    field.value = source.value;
    // Let live checks (htmx triggers on input/change) see the new text.
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    field.focus();
    button.textContent = "Inserted";
  });
})();
