/* SIAGA intake form: while the title is typed, show similar past repairs (a fragment from /pengetahuan/saran). */
(function () {
  "use strict";

  function wire(panel) {
    var input = document.getElementById(panel.getAttribute("data-suggest-from"));
    var target = panel.querySelector("[data-suggest-target]");
    var url = panel.getAttribute("data-suggest-url");
    if (!input || !target || !url || !window.fetch) {
      return;
    }
    var timer = null;
    var asked = "";
    function ask() {
      var title = input.value.trim();
      if (title === asked) {
        return;
      }
      asked = title;
      if (title.length < 3) {
        panel.hidden = true;
        return;
      }
      window.fetch(url + "?judul=" + encodeURIComponent(title), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          if (title !== asked) {
            return;
          }
          // the fragment is rendered by the server from escaped text
          target.innerHTML = html;
          panel.hidden = html.trim() === "";
        })
        .catch(function () { panel.hidden = true; });
    }
    input.addEventListener("input", function () {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(ask, 350);
    });
    ask();
  }

  function start() {
    var panels = document.querySelectorAll("[data-suggest-url]");
    for (var i = 0; i < panels.length; i++) {
      wire(panels[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
