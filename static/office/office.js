// The office portal, enhanced: the notices' status updates in place, unsaved changes are
// guarded, and the error summary takes focus. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function pollStatus(region) {
    var url = region.getAttribute("data-status-url");
    var seconds = Number(region.getAttribute("data-poll-seconds")) || 3;
    var limit = Number(region.getAttribute("data-poll-limit")) || 40;
    var asked = 0;

    function giveUp() {
      var note = document.createElement("p");
      note.className = "status-summary";
      note.textContent = "This is taking longer than usual. Your notices will be updated when " +
        "the background work catches up: come back to this page later to check.";
      region.appendChild(note);
    }

    function ask() {
      asked += 1;
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (status) {
          if (!status.updating) {
            region.innerHTML = status.html;
            region.setAttribute("data-updating", "false");
          } else if (asked >= limit) {
            giveUp();
          } else {
            window.setTimeout(ask, seconds * 1000);
          }
        })
        .catch(function () {
          if (asked >= limit) { giveUp(); } else { window.setTimeout(ask, seconds * 1000); }
        });
    }

    window.setTimeout(ask, seconds * 1000);
  }

  function guardUnsaved(form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function focusErrors(summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var region = document.getElementById("notice-status");
    if (region && region.getAttribute("data-updating") === "true") { pollStatus(region); }
    document.querySelectorAll("form[data-warn-unsaved]").forEach(guardUnsaved);
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { focusErrors(summary); }
  });
})();
