/* SIAGA pages: reload the status board every N seconds (pausable), and print buttons. No other script. */
(function () {
  "use strict";
  var KEY = "siaga-refresh-paused";

  function paused() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function setPaused(value) {
    try { window.localStorage.setItem(KEY, value ? "1" : "0"); } catch (e) { /* private mode: not remembered */ }
  }

  function startRefresh() {
    var seconds = parseInt(document.body.getAttribute("data-refresh") || "0", 10);
    var toggle = document.querySelector("[data-refresh-toggle]");
    if (!seconds) {
      return;
    }
    var timer = null;
    function schedule() {
      if (timer) { window.clearTimeout(timer); timer = null; }
      if (!paused()) {
        timer = window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
      }
      if (toggle) {
        var isPaused = paused();
        toggle.setAttribute("aria-pressed", isPaused ? "true" : "false");
        toggle.textContent = toggle.getAttribute(isPaused ? "data-label-resume" : "data-label-pause");
      }
    }
    if (toggle) {
      toggle.addEventListener("click", function () { setPaused(!paused()); schedule(); });
    }
    schedule();
  }

  function wirePrintButtons() {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () { window.print(); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    startRefresh();
    wirePrintButtons();
  });
})();
