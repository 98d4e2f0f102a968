/* Progressive enhancement of the list pages; everything works without it. */
(function () {
  "use strict";
  // A filter form sends every field; leave the empty ones out so that the address the reader
  // shares (htmx pushes it into the address bar) carries only the filters in force.
  document.addEventListener("htmx:configRequest", function (event) {
    var parameters = event.detail.parameters;
    var drop = [];
    var entries = parameters instanceof FormData ? Array.from(parameters.keys()) : Object.keys(parameters);
    entries.forEach(function (name) {
      var values = parameters instanceof FormData ? parameters.getAll(name) : [].concat(parameters[name]);
      if (values.every(function (v) { return String(v).trim() === ""; })) drop.push(name);
    });
    drop.forEach(function (name) {
      if (parameters instanceof FormData) parameters.delete(name); else delete parameters[name];
    });
  });
  // A filter the server cannot read comes back as 400 with its message in place of the rows:
  // show it, as a page loaded without htmx would.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // htmx puts the filtered list's address in the address bar without reloading the page; point
  // the language links at it too, so that switching language keeps the filters just chosen.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll(".languages a[hreflang]").forEach(function (link) {
      var path = window.location.pathname.replace(/^\/[a-z]{2}\//, "/");
      link.setAttribute("href", "/" + link.getAttribute("hreflang") + path + window.location.search);
    });
  });
})();
