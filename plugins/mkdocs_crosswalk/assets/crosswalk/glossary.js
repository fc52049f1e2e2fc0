// Crosswalk glossary: a linked term's definition on hover, keyboard focus and tap, and the glossary page's filter.
(function () {
  "use strict";

  var EDGE = 8; // px kept free between a definition and the window's edges
  var touch = false; // the last pointer was a finger: a first tap shows the definition, a second follows the link
  var placed = null; // the term whose definition was positioned last

  function termAt(node) {
    return node && node.closest ? node.closest(".cw-term") : null;
  }

  // Fixed to the window, so tables and other scrolling boxes cannot clip it, and kept inside the window.
  // Without JavaScript the stylesheet still shows it, under the term.
  function place(term) {
    var link = term.querySelector("a");
    var tip = term.querySelector(".cw-term__tip");
    if (!link || !tip) return;
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var shown = tip.style.display;
    tip.style.position = "fixed";
    tip.style.display = "block"; // measured while hidden; nothing is painted in between
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    tip.style.display = shown;
    var right = document.documentElement.clientWidth - EDGE;
    var top = box.bottom; // touching the term, so the pointer can move onto the definition
    if (top + height > window.innerHeight - EDGE && box.top - height >= EDGE) top = box.top - height;
    tip.style.left = Math.max(EDGE, Math.min(box.left, right - width)) + "px";
    tip.style.top = top + "px";
    placed = term;
  }

  function show(term) {
    term.classList.remove("cw-term--dismissed");
    place(term);
  }

  function closeTapped(except) {
    document.querySelectorAll(".cw-term--open").forEach(function (term) {
      if (term !== except) term.classList.remove("cw-term--open");
    });
  }

  document.addEventListener("pointerover", function (event) {
    var term = termAt(event.target);
    if (term && !term.contains(event.relatedTarget)) show(term);
  });
  document.addEventListener("focusin", function (event) {
    var term = termAt(event.target);
    if (term) show(term);
  });
  document.addEventListener("pointerdown", function (event) {
    touch = event.pointerType === "touch";
  }, true);
  document.addEventListener("click", function (event) {
    if (!touch) return;
    var term = termAt(event.target);
    closeTapped(term);
    if (!term || term.classList.contains("cw-term--open")) return; // the second tap follows the link
    event.preventDefault();
    term.classList.add("cw-term--open");
    show(term);
  });
  // Escape hides an open definition (WCAG 1.4.13: dismissible without moving focus or pointer).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeTapped(null);
    document.querySelectorAll(".cw-term").forEach(function (term) { term.classList.add("cw-term--dismissed"); });
  });
  function follow() {
    if (placed && placed.isConnected) place(placed);
  }
  window.addEventListener("scroll", follow, { capture: true, passive: true });
  window.addEventListener("resize", follow, { passive: true });

  // Cards on deliberate links ([[id]], the glossary, sheets) have no id in the HTML, as a term may be linked
  // several times on a page: give each one, so screen readers announce the definition with its link.
  var cards = 0;
  function describeLinks() {
    document.querySelectorAll(".cw-term > a:not([aria-describedby])").forEach(function (link) {
      var tip = link.nextElementSibling;
      if (!tip || !tip.classList.contains("cw-term__tip")) return;
      if (!tip.id) tip.id = "cw-card-" + (++cards);
      link.setAttribute("aria-describedby", tip.id);
    });
  }

  function setupFilter() {
    describeLinks();
    var box = document.querySelector("[data-cw-glossary-filter]");
    if (!box || box.dataset.cwReady) return;
    box.dataset.cwReady = "true";
    box.hidden = false; // the list works without JavaScript; the filter needs it
    var input = box.querySelector("input");
    var chips = Array.prototype.slice.call(box.querySelectorAll("[data-cw-domain]"));
    var count = box.querySelector("[data-cw-glossary-count]");
    var items = Array.prototype.slice.call(document.querySelectorAll(".cw-glossary__item"));
    var sections = Array.prototype.slice.call(document.querySelectorAll(".cw-letter"));
    // The A to Z bar: a letter whose terms are all filtered out leads nowhere, so it is shown disabled and left
    // out of the tab order (a link without href, announced as a disabled link) until the filter lets a term back.
    // The theme's table of contents lists the same letters: those entries are hidden meanwhile.
    var letters = Array.prototype.slice.call(document.querySelectorAll(".cw-letters a[href^='#']")).map(function (link) {
      var href = link.getAttribute("href");
      var heading = document.getElementById(decodeURIComponent(href.slice(1)));
      var toc = Array.prototype.slice.call(document.querySelectorAll(".md-nav--secondary a.md-nav__link"))
        .filter(function (a) { return a.getAttribute("href") === href; })
        .map(function (a) { return a.closest("li") || a; });
      return { link: link, href: href, section: heading && heading.closest(".cw-letter"), toc: toc };
    });
    // Its own names in the address: the site search (search.js) owns "q" and "domain", opens itself on "q" and
    // clears both when it closes.
    var params = new URLSearchParams(location.search);
    input.value = params.get("filter") || "";
    var wanted = (params.get("domains") || "").split(",").filter(Boolean);
    chips.forEach(function (chip) {
      chip.setAttribute("aria-pressed", String(wanted.indexOf(chip.dataset.cwDomain) >= 0));
      chip.addEventListener("click", function () {
        chip.setAttribute("aria-pressed", String(chip.getAttribute("aria-pressed") !== "true"));
        apply();
      });
    });
    input.addEventListener("input", apply);

    // Spaces and punctuation do not matter in a name, as in the site's search: "ab test" finds A/B test, "ci cd"
    // CI/CD, "mlops" ML Ops; and a plural finds its singular ("a/b tests").
    function squeezed(text) { return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); }
    items.forEach(function (item) { item.cwSqueezed = squeezed(item.dataset.cwText); });
    function matches(item, query, bare) {
      if (item.dataset.cwText.indexOf(query) >= 0) return true;
      return bare.length >= 3 && (item.cwSqueezed.indexOf(bare) >= 0 || (/s$/.test(bare) && item.cwSqueezed.indexOf(bare.slice(0, -1)) >= 0));
    }
    function apply() {
      var query = input.value.trim().toLowerCase(), bare = squeezed(query);
      var domains = chips.filter(function (c) { return c.getAttribute("aria-pressed") === "true"; })
        .map(function (c) { return c.dataset.cwDomain; });
      var shown = 0;
      items.forEach(function (item) {
        var itemDomains = (item.dataset.cwDomains || "").split(" ");
        var ok = (!query || matches(item, query, bare)) &&
          (!domains.length || domains.some(function (d) { return itemDomains.indexOf(d) >= 0; }));
        item.hidden = !ok;
        if (ok) shown++;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector(".cw-glossary__item:not([hidden])");
      });
      letters.forEach(function (letter) {
        if (!letter.section) return;
        if (letter.section.hidden) {
          letter.link.removeAttribute("href");
          letter.link.setAttribute("role", "link");
          letter.link.setAttribute("aria-disabled", "true");
        } else {
          letter.link.setAttribute("href", letter.href);
          letter.link.removeAttribute("role");
          letter.link.removeAttribute("aria-disabled");
        }
        letter.toc.forEach(function (entry) { entry.hidden = letter.section.hidden; });
      });
      count.textContent = (query || domains.length) ? shown + " of " + items.length + " terms" : "";
      var next = new URLSearchParams(location.search);
      query ? next.set("filter", input.value.trim()) : next.delete("filter");  // as typed: it comes back in the box
      domains.length ? next.set("domains", domains.join(",")) : next.delete("domains");
      var search = next.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      if (!shown && query) {  // nothing here: the words may still be in a case study, a skill or a page
        var everywhere = document.createElement("a");
        var withSearch = new URLSearchParams(location.search);  // the filter stays, for when the search closes
        withSearch.set("q", input.value.trim());
        everywhere.href = location.pathname + "?" + withSearch.toString();
        everywhere.textContent = "Search the whole site for “" + input.value.trim() + "”";
        count.append(". ", everywhere);
      }
    }
    apply();
  }

  // Material's instant navigation swaps pages without loading this script again: it announces each page on document$.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setupFilter);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupFilter);
  else setupFilter();
})();
