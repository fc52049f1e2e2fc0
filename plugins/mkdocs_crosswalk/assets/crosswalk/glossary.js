// Crosswalk glossary: the filter on the glossary page, and Escape to close a term's tooltip.
(function () {
  "use strict";

  function setupFilter() {
    var box = document.querySelector("[data-cw-glossary-filter]");
    if (!box) return;
    box.hidden = false; // the list works without JavaScript; the filter needs it
    var input = box.querySelector("input");
    var chips = Array.prototype.slice.call(box.querySelectorAll("[data-cw-domain]"));
    var count = box.querySelector("[data-cw-glossary-count]");
    var items = Array.prototype.slice.call(document.querySelectorAll(".cw-glossary__item"));
    var sections = Array.prototype.slice.call(document.querySelectorAll(".cw-letter"));
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var wanted = (params.get("domain") || "").split(",").filter(Boolean);
    chips.forEach(function (chip) {
      chip.setAttribute("aria-pressed", String(wanted.indexOf(chip.dataset.cwDomain) >= 0));
      chip.addEventListener("click", function () {
        chip.setAttribute("aria-pressed", String(chip.getAttribute("aria-pressed") !== "true"));
        apply();
      });
    });
    input.addEventListener("input", apply);

    function apply() {
      var query = input.value.trim().toLowerCase();
      var domains = chips.filter(function (c) { return c.getAttribute("aria-pressed") === "true"; })
        .map(function (c) { return c.dataset.cwDomain; });
      var shown = 0;
      items.forEach(function (item) {
        var itemDomains = (item.dataset.cwDomains || "").split(" ");
        var ok = (!query || item.dataset.cwText.indexOf(query) >= 0) &&
          (!domains.length || domains.some(function (d) { return itemDomains.indexOf(d) >= 0; }));
        item.hidden = !ok;
        if (ok) shown++;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector(".cw-glossary__item:not([hidden])");
      });
      count.textContent = (query || domains.length) ? shown + " of " + items.length + " terms" : "";
      var next = new URLSearchParams(location.search);
      query ? next.set("q", query) : next.delete("q");
      domains.length ? next.set("domain", domains.join(",")) : next.delete("domain");
      var search = next.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    apply();
  }

  // Escape hides an open tooltip (WCAG 1.4.13: dismissible without moving focus or pointer).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".cw-term").forEach(function (term) { term.classList.add("cw-term--dismissed"); });
  });
  document.addEventListener("pointerover", function (event) {
    var term = event.target.closest && event.target.closest(".cw-term");
    if (term) term.classList.remove("cw-term--dismissed");
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target.closest && event.target.closest(".cw-term");
    if (term) term.classList.remove("cw-term--dismissed");
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupFilter);
  else setupFilter();
})();
