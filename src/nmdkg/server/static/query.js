// The query page: YASGUI (served from this server, see web/package.json) preloaded with the named queries.
// Without YASGUI the page keeps its plain form, which works without any script.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("nmdkg-queries").textContent);
  var byName = {};
  data.forEach(function (q) { byName[q.name] = q; });
  var select = document.getElementById("nmdkg-examples");
  var description = document.getElementById("nmdkg-example-description");
  var container = document.getElementById("yasgui");

  function describe(name) {
    description.textContent = byName[name] ? byName[name].description : "";
  }

  if (!container || typeof window.Yasgui !== "function") {
    select.addEventListener("change", function () { describe(select.value); });
    return;
  }

  var endpoint = new URL(container.getAttribute("data-endpoint"), window.location.href).href;
  var fallback = document.getElementById("nmdkg-fallback");
  if (fallback && !fallback.hasAttribute("data-keep")) { fallback.hidden = true; }

  // Only completers that work offline: LOV lookups would send the user's typing to another site.
  window.Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var first = byName[select.value] || data[0];
  var yasgui = new window.Yasgui(container, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { value: first ? first.text : "", autocompleters: ["prefixes", "variables"] },
    yasr: { prefixes: {} }
  });

  function load(name, inNewTab) {
    var q = byName[name];
    if (!q) { return; }
    var tab = inNewTab ? yasgui.addTab(true, { name: q.name }) : yasgui.getTab();
    tab.setQuery(q.text);
    if (tab.setName) { tab.setName(q.name); }
    describe(name);
  }

  var form = select.form;
  form.addEventListener("submit", function (event) { event.preventDefault(); load(select.value, false); });
  select.addEventListener("change", function () { load(select.value, false); });
  var newTab = document.getElementById("nmdkg-new-tab");
  newTab.hidden = false;
  newTab.addEventListener("click", function () { load(select.value, true); });
  if (first) { load(first.name, false); }
  window.nmdkgYasgui = yasgui;
})();
