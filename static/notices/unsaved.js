/* Warn before unsaved edits of a clause version are lost or left out of a publish.
   Progressive enhancement: without it the edit page says that only saved text is published,
   and the confirmation page shows that text. */
(function () {
  "use strict";
  var form = document.querySelector("form[id$='_form'][method='post']");
  var warning = document.getElementById("unsaved-warning");
  if (!form) {
    return;
  }
  function snapshot() {
    return new URLSearchParams(new FormData(form)).toString();
  }
  var saved = snapshot();
  var leaving = false;

  function dirty() {
    return !leaving && snapshot() !== saved;
  }

  form.addEventListener("submit", function () {
    leaving = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  document.querySelectorAll("[data-unsaved-leave]").forEach(function (link) {
    link.addEventListener("click", function () {
      leaving = true;
    });
  });
  document.querySelectorAll("[data-unsaved-guard]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!dirty() || !warning) {
        return;
      }
      event.preventDefault();
      warning.hidden = false;
      warning.focus();
    });
  });
})();
