/* SIAGA intake form: when the application or the server is chosen, show the open tickets for them (a fragment from
   /tiket/terkait), each with a button that posts this form as a linked report on that ticket. */
(function () {
  "use strict";

  function wire(panel) {
    var application = document.getElementById("application");
    var server = document.getElementById("serverId");
    var target = panel.querySelector("[data-related-target]");
    var url = panel.getAttribute("data-related-url");
    if (!application || !server || !target || !url || !window.fetch) {
      return;
    }
    var latest = 0;
    function refresh() {
      var asked = ++latest;
      var query = "?aplikasi=" + encodeURIComponent(application.value) + "&server=" + encodeURIComponent(server.value);
      window.fetch(url + query, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          if (asked !== latest) {
            return;
          }
          // the fragment is rendered by the server from escaped text
          target.innerHTML = html;
          panel.hidden = target.querySelector("[data-ticket]") === null;
        })
        .catch(function () { /* the panel keeps what it showed */ });
    }
    application.addEventListener("change", refresh);
    server.addEventListener("change", refresh);
  }

  // loaded with defer: the form is parsed by now
  var panels = document.querySelectorAll("[data-related-url]");
  for (var i = 0; i < panels.length; i++) {
    wire(panels[i]);
  }
})();
