// Crosswalk search: a prebuilt index (glossary first), ranked exactly as `crosswalk search` ranks.
// The ranking below mirrors core/search.py; tests hold both to the same first results.
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = new URL("../../", script ? script.src : location.href);
  // The order of kinds (ties go to the first) and the levels come with the index, from the site's kinds.
  var KIND_ORDER = [], LEVELS = [];
  var TOKEN = /[\p{L}\p{N}_]+(?:[\/&.+'-][\p{L}\p{N}_]+)*/gu;
  var docs = [], glossary = null, everything = null;

  function normalize(t) { return t.toLowerCase().replace(/\s+/g, " ").trim(); }
  function tokens(t) { return t.toLowerCase().match(TOKEN) || []; }
  function near(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    if (a.length > b.length) { var x = a; a = b; b = x; }
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] !== b[j]) { if (++edits > 1) return false; if (a.length === b.length) i++; j++; }
      else { i++; j++; }
    }
    return edits + (b.length - j) + (a.length - i) <= 1;
  }
  function tokenScore(q, names) {
    if (names.indexOf(q) >= 0) return 1;
    if (names.some(function (t) { return t.indexOf(q) === 0; })) return 0.8;
    if (q.length >= 5 && names.some(function (t) { return near(q, t); })) return 0.6;
    return 0;
  }
  // Each document's names, normalized and split, worked out once: scoring runs on every keystroke.
  var prepared = new WeakMap();
  function prepare(doc) {
    var p = prepared.get(doc);
    if (!p) {
      p = { names: [doc.title].concat(doc.aliases).map(function (name) { return [normalize(name), tokens(name)]; }), text: null };
      prepared.set(doc, p);
    }
    return p;
  }
  function score(doc, query) {
    var q = normalize(query), qt = tokens(query), best = 0, p = prepare(doc);
    if (!qt.length) return 0;
    p.names.forEach(function (name, rank) {
      var w = rank === 0 ? 1 : 0.95, n = name[0];
      if (n === q) best = Math.max(best, 100 * w);
      else if (n.indexOf(q) === 0) best = Math.max(best, 80 * w);
      else {
        var nt = name[1], parts = qt.map(function (t) { return tokenScore(t, nt); });
        if (parts.every(Boolean)) best = Math.max(best, 40 * w * parts.reduce(function (a, b) { return a + b; }) / parts.length);
      }
    });
    if (best === 0) {
      var tt = p.text || (p.text = tokens(doc.summary + " " + doc.tags.join(" ")));
      var found = qt.map(function (t) { return tokenScore(t, tt); });
      if (found.every(Boolean)) best = 10 * found.reduce(function (a, b) { return a + b; }) / found.length;
    }
    return best;
  }
  function search(query, filters, limit) {
    var rows = [];
    docs.forEach(function (doc) {
      if ((filters.kind && doc.kind !== filters.kind) || (filters.level && doc.level !== filters.level) ||
          (filters.domain && doc.domains.indexOf(filters.domain) < 0)) return;
      var s = score(doc, query);
      if (s > 0) rows.push([-s, KIND_ORDER.indexOf(doc.kind), doc.title.length, doc.title.toLowerCase(), doc]);
    });
    rows.sort(function (a, b) { for (var i = 0; i < 4; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; } return 0; });
    return rows.slice(0, limit).map(function (r) { return r[4]; });
  }
  var missing = [];  // shards that could not be loaded: said in the status line, not left as "Loading…"
  function shard(name) {
    return fetch(new URL("search/" + name, ROOT)).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (d) {
      if (d.kinds) KIND_ORDER = d.kinds.map(function (k) { return k[0]; });
      if (d.levels) LEVELS = d.levels;
      d.docs.forEach(prepare);  // now, rather than on the first keystroke
      docs = docs.concat(d.docs); fillFilters(); schedule();
    }).catch(function () { missing.push(name); schedule(); });
  }
  // The glossary answers most queries and comes first (the page's <head> preloads it); the rest of the
  // index follows when the page is idle, or at once when the search box opens.
  function loadGlossary() { return glossary || (glossary = shard("crosswalk-glossary.json")); }
  function loadEverything() {
    return everything || (everything = loadGlossary().then(function () {
      return Promise.all([shard("crosswalk-entries.json"), shard("crosswalk-pages.json")]);
    }));
  }

  // The kind and domain filters offer what the index holds, in the order the site uses.
  function fillFilters() {
    if (!filters) return;
    var kinds = {}, domains = {};
    docs.forEach(function (d) { kinds[d.kind] = d.label; d.domains.forEach(function (x) { domains[x] = true; }); });
    fill(filters[0], KIND_ORDER.filter(function (k) { return kinds[k]; }).map(function (k) { return [k, kinds[k]]; }));
    fill(filters[1], LEVELS.map(function (l) { return [l, l]; }));
    fill(filters[2], Object.keys(domains).sort().map(function (d) { return [d, d]; }));
  }
  function fill(select, pairs) {
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    pairs.forEach(function (pair) { var o = document.createElement("option"); o.value = pair[0]; o.textContent = pair[1]; select.appendChild(o); });
    select.value = keep;
  }

  // --- the search box: a combobox with a listbox of results, usable with the keyboard alone
  var box, input, list, filters, status, active = -1, results = [], lastKey = null;
  function build() {
    var header = document.querySelector(".md-header__inner");
    var opener = document.createElement("button");
    opener.type = "button"; opener.className = "cw-search-open md-header__button"; opener.textContent = "Search";
    opener.setAttribute("aria-label", "Search (press /)");
    (header || document.body).appendChild(opener);
    box = document.createElement("div");
    box.className = "cw-search"; box.hidden = true;
    box.setAttribute("role", "dialog"); box.setAttribute("aria-label", "Search");
    box.innerHTML = '<div class="cw-search__panel"><input type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="cw-search-results" placeholder="Search terms, skills, cases…" aria-label="Search" autocomplete="off">' +
      '<div class="cw-search__filters"><select aria-label="Kind" data-filter="kind"><option value="">All kinds</option></select>' +
      '<select aria-label="Level" data-filter="level"><option value="">Any level</option></select>' +
      '<select aria-label="Domain" data-filter="domain"><option value="">Any domain</option></select></div>' +
      '<p class="cw-search__status" role="status" aria-live="polite"></p><ul id="cw-search-results" role="listbox" aria-label="Results"></ul></div>';
    document.body.appendChild(box);  // the header is inside <body>, so it exists by now
    input = box.querySelector("input"); list = box.querySelector("ul"); status = box.querySelector(".cw-search__status");
    filters = Array.prototype.slice.call(box.querySelectorAll("select"));
    fillFilters();

    opener.addEventListener("click", open);
    input.addEventListener("input", schedule);
    filters.forEach(function (f) { f.addEventListener("change", render); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") { e.preventDefault(); move(e.key === "ArrowDown" ? 1 : -1); }
      else if (e.key === "Enter" && results.length) { e.preventDefault(); go(results[Math.max(active, 0)]); }
    });
    box.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
    box.addEventListener("click", function (e) { if (e.target === box) close(); });
    document.addEventListener("keydown", function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if (!typing && (e.key === "/" || e.key === "s") && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); open(); }
    });
  }
  function open() { box.hidden = false; input.focus(); input.select(); loadEverything(); }
  function close() { box.hidden = true; input.setAttribute("aria-expanded", "false"); }
  function go(doc) { location.href = new URL(doc.url, ROOT).href; }
  function move(step) {
    if (!results.length) return;
    active = (active + step + results.length) % results.length;
    Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
    input.setAttribute("aria-activedescendant", "cw-search-result-" + active);
    list.children[active].scrollIntoView({ block: "nearest" });
  }
  // Keystrokes that arrive within one frame make one search, shown in that frame; no fixed delay.
  var frame = 0;
  function schedule() {
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; render(); });
  }
  function render() {
    if (!input || box.hidden) return;
    var query = input.value, f = {};
    filters.forEach(function (s) { f[s.dataset.filter] = s.value; });
    var key = query + "\u0000" + JSON.stringify(f);
    // A new query starts at the best result; more of the index arriving keeps the reader's selection.
    var selected = key === lastKey && active >= 0 && results[active] ? results[active].id : null;
    lastKey = key;
    results = query.trim() ? search(query, f, 12) : [];
    active = results.length ? Math.max(0, results.findIndex(function (d) { return d.id === selected; })) : -1;
    list.textContent = "";
    results.forEach(function (doc, i) {
      var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
      li.id = "cw-search-result-" + i; li.setAttribute("role", "option"); li.setAttribute("aria-selected", String(i === active));
      li.dataset.cwId = doc.id; li.dataset.cwKind = doc.kind;
      kind.className = "cw-search__kind"; kind.textContent = doc.label;
      a.href = new URL(doc.url, ROOT).href; a.textContent = doc.title; a.tabIndex = -1;
      li.appendChild(kind); li.appendChild(a);
      if (doc.kind === "term") { var def = document.createElement("p"); def.className = "cw-search__definition"; def.textContent = doc.summary; li.appendChild(def); }
      li.addEventListener("click", function () { go(doc); });
      list.appendChild(li);
    });
    input.setAttribute("aria-expanded", String(results.length > 0));
    if (results.length) input.setAttribute("aria-activedescendant", "cw-search-result-" + active); else input.removeAttribute("aria-activedescendant");
    var found = results.length ? results.length + " result" + (results.length === 1 ? "" : "s") : (docs.length || missing.length ? "Nothing found." : "Loading…");
    if (missing.length) found += " Part of the search index could not be loaded, so results may be missing; try reloading the page.";
    status.textContent = query.trim() ? found : "";
  }
  // This script runs from the <head> (async), so search is ready before the page's other scripts:
  // the glossary is fetched at once, and the button goes in as soon as the header has been parsed
  // whole (something follows it), so the header's own buttons keep their order.
  loadGlossary();
  if (window.requestIdleCallback) requestIdleCallback(loadEverything, { timeout: 2000 }); else setTimeout(loadEverything, 500);
  function headerParsed() {  // or the whole page, for a theme without Material's header
    if (document.readyState !== "loading") return true;
    var header = document.querySelector(".md-header");
    return Boolean(header && header.nextElementSibling);
  }
  function buildOnce() { if (!box) build(); }
  if (headerParsed()) buildOnce();
  else {
    var watcher = new MutationObserver(function () { if (headerParsed()) { watcher.disconnect(); buildOnce(); } });
    watcher.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () { watcher.disconnect(); buildOnce(); });
  }
})();
