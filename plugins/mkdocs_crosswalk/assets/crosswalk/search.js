// Crosswalk search: lunr.js over the indexes core/search.py built and serialized with lunr (Python).
// The query tiers, the kind order, the levels and the limits come from the index itself (its "meta"),
// so this file builds exactly the lunr clauses `crosswalk search` builds; nothing is parsed as query syntax.
// Only words() and stem() are written here a second time (a test holds them to core/search.py's).
//
// The page answers from the names index at once; the full text is searched in a Web Worker (this same
// file), so fetching and joining the text index's shards and scoring thousands of sections never blocks typing.
(function () {
  "use strict";
  var IN_WORKER = typeof document === "undefined";
  var script = IN_WORKER ? null : document.currentScript;
  var ROOT = IN_WORKER ? null : new URL("../../", script ? script.src : location.href);
  var WORD = /[\p{L}\p{N}]+/gu, LETTERS = /^\p{L}+$/u;
  var meta = null, docs = [], indexes = {}, sections = null, missing = [];

  // --- words and clauses: the same as words(), stem(), query_terms() and add_clauses() in core/search.py
  function chars(text) { return Array.from(text); }
  function words(text) { return text.toLowerCase().match(WORD) || []; }
  function stem(word) {  // plural to singular: stem() in core/search.py, held to the same output by a test
    var length = chars(word).length;
    if (length < 4 || !LETTERS.test(word)) return word;
    if (/ies$/.test(word) && length > 4) return word.slice(0, -3) + "y";
    if (/(sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
    if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }
  var DOUBLED = /([b-df-hj-np-tv-z])\1$/;
  function root(word) {  // a word's root, to find a name in another form: root() in core/search.py, held to it by a test
    if (chars(word).length < 6 || !LETTERS.test(word)) return word;
    var endings = ["ing", "ed", "e"];
    for (var i = 0; i < endings.length; i++) {
      if (word.slice(-endings[i].length) === endings[i]) return word.slice(0, -endings[i].length).replace(DOUBLED, "$1");
    }
    return word;
  }
  function queryTerms(spec, qw) {
    if (spec.term === "key" || spec.term === "stem_key" || spec.term === "root_key") {
      var lastWord = qw[qw.length - 1];
      if (spec.term !== "key") lastWord = stem(lastWord);
      if (spec.term === "root_key") lastWord = root(lastWord);
      var keyWords = qw.slice(0, -1).concat([lastWord]);
      var key = chars(keyWords.join("")).slice(0, meta.limits.key_length).join("");
      return key ? [[key, true]] : [];
    }
    var last = qw.length - 1;
    if (spec.term === "surface") return qw.map(function (w, i) { return [w, i === last]; }).filter(function (pair) { return stem(pair[0]) !== pair[0]; });
    return qw.map(function (w, i) { return [spec.term === "stem" ? stem(w) : w, i === last]; });
  }
  function expansion(spec, term, isLast) {
    var length = chars(term).length;
    if (spec.wildcard === "last" && isLast && length >= (spec.wildcard_min || 1)) return "wildcard";
    if (spec.fuzzy && length >= meta.limits.fuzzy_min && length <= meta.limits.word_length) return "fuzzy";
    return "";
  }
  function addClauses(q, specs, qw) {
    var added = false;
    specs.forEach(function (spec) {
      queryTerms(spec, qw).forEach(function (pair) {
        var term = pair[0], how = expansion(spec, term, pair[1]);
        var options = { fields: [spec.field], usePipeline: false, boost: 1 };
        if (spec.required) options.presence = lunr.Query.presence.REQUIRED;
        if (how === "wildcard") options.wildcard = lunr.Query.wildcard.TRAILING;
        else if (how === "fuzzy") options.editDistance = 1;
        q.term(term, options);
        added = true;
      });
    });
    return added;
  }
  // The text index's shards these words can touch (shards_for() in core/search.py): a term lives in the
  // last shard starting at or before it; a prefix also in the following shards that start with it.
  // null: every shard.
  function shardsFor(starts, qw) {
    var wanted = {}, all = false;
    meta.plan.forEach(function (step) {
      if (step.index !== "text") return;
      step.clauses.forEach(function (spec) {
        queryTerms(spec, qw).forEach(function (pair) {
          var term = pair[0], how = expansion(spec, term, pair[1]), first = 0;
          if (how === "fuzzy") { all = true; return; }
          while (first + 1 < starts.length && starts[first + 1] <= term) first++;
          wanted[first] = true;
          while (how === "wildcard" && first + 1 < starts.length && starts[first + 1].indexOf(term) === 0) wanted[++first] = true;
        });
      });
    });
    var numbers = all ? starts.map(function (_, i) { return i; }) : Object.keys(wanted).map(Number);
    return numbers.sort(function (a, b) { return a - b; });
  }
  function unpackSections(packed) {  // unpack_sections() in core/search.py
    var number = 0;
    return packed.docs.map(function (gap, i) { number += gap; return [number, packed.places[packed.at[i]][0], packed.places[packed.at[i]][1]]; });
  }
  function round(score) { return Math.round(score * 1e4) / 1e4; }
  function queryWords(query) {
    return words(query).slice(0, meta.limits.words).map(function (w) { return chars(w).slice(0, meta.limits.word_length).join(""); });
  }
  // The tiers of the query plan over the indexes loaded here (in the page: names only; in the worker: all).
  function search(query, f, limit) {
    if (!meta) return [];
    var qw = queryWords(query);
    if (!qw.length) return [];
    var best = {}, rows = [];
    meta.plan.forEach(function (step, tier) {
      var index = indexes[step.index];
      if (!index) return;
      var matches = index.query(function (q) { addClauses(q, step.clauses, qw); });
      matches.forEach(function (m) {
        var number, heading = "", anchor = "", ref = Number(m.ref);
        if (step.index === "text") { number = sections[ref][0]; heading = sections[ref][1]; anchor = sections[ref][2]; }
        else number = ref;
        if (best[number]) return;
        var doc = docs[number];
        if ((f.kind && doc.kind !== f.kind) || (f.level && doc.level !== f.level) || (f.domain && doc.domains.indexOf(f.domain) < 0)) return;
        best[number] = { doc: doc, tier: tier, score: round(m.score), heading: heading, anchor: anchor, section: step.index === "text" ? ref : -1 };
        rows.push(best[number]);
      });
    });
    rows.sort(function (a, b) {
      return a.tier - b.tier || b.score - a.score || meta.kinds.indexOf(a.doc.kind) - meta.kinds.indexOf(b.doc.kind) ||
        a.doc.title.length - b.doc.title.length || (a.doc.title.toLowerCase() < b.doc.title.toLowerCase() ? -1 : a.doc.title.toLowerCase() > b.doc.title.toLowerCase() ? 1 : 0);
    });
    var shown = rows.slice(0, limit);
    shown.total = rows.length;  // how many there are: the box says "12 of 27" and offers more
    return shown;
  }

  // --- loading. A part that cannot be loaded is said in the box, never left as "Loading…".
  var FORMAT = 5;  // of the index files (FORMAT in core/search.py): a stale cached file is reported, not misread
  var FILES = { names: "search/crosswalk-names.json", text: "search/crosswalk-text.json", shard: "search/text/{}.json", snippets: "search/snippets/{}.json" };
  var fetched = {};  // path -> promise: each file is fetched once, however many queries need it
  function json(part, number) {
    var path = FILES[part].replace("{}", number);
    return fetched[path] || (fetched[path] = fetch(new URL(path, ROOT)).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { if (data.format !== FORMAT) throw new Error("format " + data.format); return data; })
      .catch(function () { delete fetched[path]; throw { part: { shard: "text", snippets: "passages" }[part] || part }; }));
  }
  // lunr's serialized index from the compact form core/search.py writes (compact() and expand() there).
  // Written for speed: a million pairs at 5,000 entries. lunr only reads a posting's metadata, so all
  // postings share one empty object; vectors are gathered per field by document number.
  // A shard of the text index is expanded once (its postings, and its part of each section's vector, terms
  // numbered from "base" so that shards joined in order keep every vector sorted); joining the shards a
  // query needs then costs little more than a list of vectors (merge_shards() and expand() in core/search.py).
  var NO_METADATA = Object.freeze({}), SHARD_NUMBERS = 1048576;  // term numbers per shard, more than any shard holds
  var NO_POSTING = [[], []];  // a term in no document of a field is 0 there (compact() in core/search.py)
  function expandPart(packed, fields, base) {
    var entries = new Array(packed.terms.length), vectors = {};
    fields.forEach(function (field) { vectors[field] = []; });
    packed.terms.forEach(function (term, i) {
      var number = base + i, posting = { _index: number };
      fields.forEach(function (field) {
        var pair = packed.postings[field][i] || NO_POSTING, gaps = pair[0], scores = pair[1], refs = {}, ref = 0, byRef = vectors[field];
        for (var k = 0; k < gaps.length; k++) {
          ref += gaps[k];
          refs[ref] = NO_METADATA;
          (byRef[ref] || (byRef[ref] = [])).push(number, scores[k] / 1000);
        }
        posting[field] = refs;
      });
      entries[i] = [term, posting];
    });
    return { entries: entries, vectors: vectors };
  }
  function joinParts(parts, index) {  // lunr's serialized index over these expanded parts, in order
    var fieldVectors = [];
    index.fields.forEach(function (field) {
      var joined = [];
      parts.forEach(function (part) {
        part.vectors[field].forEach(function (elements, ref) { joined[ref] = joined[ref] ? joined[ref].concat(elements) : elements; });
      });
      joined.forEach(function (elements, ref) { fieldVectors.push([field + "/" + ref, elements]); });
    });
    return { version: index.version, fields: index.fields, pipeline: index.pipeline, fieldVectors: fieldVectors,
             invertedIndex: [].concat.apply([], parts.map(function (part) { return part.entries; })) };
  }
  function expand(packed) { return joinParts([expandPart(packed, packed.fields, 0)], packed); }
  function useNames(data) {
    meta = data.meta;
    docs = meta.docs.map(function (row) {
      return { number: 0, id: row[0], kind: row[1], label: row[2], title: row[3], url: row[4], level: row[5], domains: row[6], summary: row[7] };
    });
    docs.forEach(function (d, i) { d.number = i; });
    indexes.names = lunr.Index.load(expand(data.index));
  }
  function snippetOf(text, qw) {  // the passage around the first word found (as snippet() in core/search.py)
    var lower = text.toLowerCase(), at = -1;
    qw.forEach(function (w) { [w, stem(w)].forEach(function (c) { var i = lower.indexOf(c); if (i >= 0 && (at < 0 || i < at)) at = i; }); });
    var start = at >= 0 ? Math.max(0, at - 53) : 0;
    return (start ? "…" : "") + text.slice(start, start + 160) + (start + 160 < text.length ? "…" : "");
  }

  if (IN_WORKER) {  // the whole search, names and text, as `crosswalk search` runs it
    var manifest = null, parts = {}, passages = {}, textIndexes = [];  // textIndexes: the last few [shard list, lunr index]
    // lunr's index over the shards these words touch, fetched if not yet here (Searcher.text_index in core/search.py).
    function textIndex(qw) {
      var wanted = shardsFor(manifest.index.shards, qw), key = wanted.join(",");
      for (var i = 0; i < textIndexes.length; i++) if (textIndexes[i][0] === key) return Promise.resolve(textIndexes[i][1]);
      return Promise.all(wanted.map(function (n) {
        return parts[n] ? parts[n] : json("shard", n).then(function (data) { return (parts[n] = parts[n] || expandPart(data, manifest.index.fields, n * SHARD_NUMBERS)); });
      })).then(function (loaded) {
        var index = lunr.Index.load(joinParts(loaded, manifest.index));
        textIndexes.unshift([key, index]); textIndexes.length = Math.min(textIndexes.length, 8);
        return index;
      });
    }
    function passage(section) {  // Searcher.passage: from the chunk of passages it is in, once that is here
      var chunk = Math.floor(section / manifest.snippet_chunk);
      return passages[chunk] ? passages[chunk][section % manifest.snippet_chunk] : null;
    }
    function answer(message, rows, qw) {
      self.postMessage({ type: "results", key: message.key, total: rows.total, rows: rows.map(function (r) {
        var text = r.section >= 0 ? passage(r.section) : null;
        return { number: r.doc.number, tier: r.tier, score: r.score, heading: r.heading, anchor: r.anchor, section: r.section,
                 snippet: text === null ? "" : snippetOf(text, qw) };
      }) });
    }
    self.onmessage = function (event) {
      var message = event.data;
      if (message.type === "load") {
        ROOT = new URL(message.root);
        importScripts(new URL("assets/crosswalk/lunr.js", ROOT).href);
        Promise.all([json("names"), json("text")]).then(function (parts) {
          useNames(parts[0]);
          manifest = parts[1]; sections = unpackSections(manifest.sections);
          self.postMessage({ type: "ready" });
        }).catch(function (error) { self.postMessage({ type: "failed", part: error.part || "text" }); });
      } else if (message.type === "search") {
        // Results as soon as the shards they need are in; again with their passages once those follow.
        var qw = queryWords(message.query);
        (qw.length ? textIndex(qw) : Promise.resolve(null)).then(function (index) { indexes.text = index; }, function (error) {
          indexes.text = null; self.postMessage({ type: "failed", part: error.part || "text" });
        }).then(function () {
          var rows = search(message.query, message.filters, message.limit), chunks = {};
          answer(message, rows, qw);
          rows.forEach(function (r) { if (r.section >= 0 && passage(r.section) === null) chunks[Math.floor(r.section / manifest.snippet_chunk)] = true; });
          var missingChunks = Object.keys(chunks);
          if (!missingChunks.length) return;
          Promise.all(missingChunks.map(function (c) { return json("snippets", c).then(function (data) { passages[c] = data.text; }); }))
            .then(function () { answer(message, rows, qw); }, function (error) { self.postMessage({ type: "failed", part: error.part }); });
        });
      }
    };
    return;
  }

  // In the page: lunr.js and the names index first (both preloaded from the <head>); the worker with the
  // full text when the box opens or the page is idle.
  var lunrReady = new Promise(function (resolve, reject) {
    if (window.lunr) return resolve();
    var tag = document.createElement("script");
    tag.src = new URL("assets/crosswalk/lunr.js", ROOT).href; tag.async = true;
    tag.onload = resolve; tag.onerror = function () { reject({ part: "lunr.js" }); };
    document.head.appendChild(tag);
  });
  var namesLoaded = Promise.all([lunrReady, json("names")]).then(function (loaded) { useNames(loaded[1]); fillFilters(); schedule(); })
    .catch(function (error) { missing.push(error.part || "names"); schedule(); });
  var worker = null, workerReady = false, complete = null;  // complete: the worker's answer to the current query
  function loadEverything() {  // not before the names are in and drawn: they answer most queries and must not wait
    namesLoaded.then(function () { requestAnimationFrame(function () { setTimeout(startWorker, 0); }); });
  }
  function startWorker() {
    if (worker) return;
    try {
      worker = new Worker(script.src);
    } catch (error) {
      worker = {}; missing.push("text"); schedule(); return;
    }
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.type === "ready") { workerReady = true; lastAsked = null; schedule(); }
      else if (message.type === "failed") { if (missing.indexOf(message.part) < 0) missing.push(message.part); schedule(); }
      else if (message.type === "results") {
        asking = false;
        if (message.key !== lastKey) { schedule(); return; }  // typed on meanwhile: ask again, for the latest only
        complete = message.rows.map(function (r) { r.doc = docs[r.number]; return r; });
        complete.total = message.total;
        show(complete, true);
        if (lastAsked !== message.key) schedule();  // the worker was asked afresh meanwhile: ask once more
      }
    };
    worker.onerror = function () { missing.push("text"); schedule(); };
    worker.postMessage({ type: "load", root: ROOT.href });
  }

  // The kind and domain filters offer what the index holds, in the order the index gives.
  function fillFilters() {
    if (!filters || !meta) return;
    var kinds = {}, domains = {};
    docs.forEach(function (d) { kinds[d.kind] = d.label; d.domains.forEach(function (x) { domains[x] = true; }); });
    fill(filters[0], meta.kinds.filter(function (k) { return kinds[k]; }).map(function (k) { return [k, kinds[k]]; }));
    fill(filters[1], meta.levels.map(function (l) { return [l, l]; }));
    fill(filters[2], Object.keys(domains).sort().map(function (d) { return [d, d]; }));
  }
  function fill(select, pairs) {
    var keep = select.value || select.dataset.wanted || "";
    while (select.options.length > 1) select.remove(1);
    pairs.forEach(function (pair) { var o = document.createElement("option"); o.value = pair[0]; o.textContent = pair[1]; select.appendChild(o); });
    select.value = keep;
  }

  // --- the search box: a combobox with a listbox of results, usable with the keyboard alone
  var box, input, list, filters, status, more, firstAdded = -1, active = -1, results = [], lastKey = null, shownKey = null;
  var HIGHLIGHT = "h";  // the words a search result's page marks
  var PARAMS = ["q", "kind", "level", "domain"];  // the box's state in the address: a search can be linked and reloaded
  function build() {
    var header = document.querySelector(".md-header__inner");
    var opener = document.createElement("button");
    opener.type = "button"; opener.className = "cw-search-open md-header__button"; opener.textContent = "Search";
    opener.setAttribute("aria-label", "Search (press /)");
    (header || document.body).appendChild(opener);
    box = document.createElement("div");
    box.className = "cw-search"; box.hidden = true;
    box.setAttribute("role", "dialog"); box.setAttribute("aria-label", "Search");
    box.innerHTML = '<div class="cw-search__panel"><input type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="cw-search-results" placeholder="Search terms, cases, rubrics, pages…" aria-label="Search" autocomplete="off">' +
      '<div class="cw-search__filters"><select aria-label="Kind" data-filter="kind"><option value="">All kinds</option></select>' +
      '<select aria-label="Level" data-filter="level"><option value="">Any level</option></select>' +
      '<select aria-label="Domain" data-filter="domain"><option value="">Any domain</option></select></div>' +
      '<p class="cw-search__status" role="status" aria-live="polite"></p><ul id="cw-search-results" role="listbox" aria-label="Results"></ul></div>';
    document.body.appendChild(box);  // the header is inside <body>, so it exists by now
    input = box.querySelector("input"); list = box.querySelector("ul"); status = box.querySelector(".cw-search__status");
    // More than the first twelve on request: the status says "12 of 27 results" and this adds the next twelve.
    more = document.createElement("button"); more.type = "button"; more.className = "cw-search__more md-button"; more.hidden = true;
    list.parentNode.appendChild(more);
    // The answer shown stays until the longer one comes (no names-only answer in between, which hid the button
    // and dropped the focus); then the focus goes back to the box, on the first result added.
    more.addEventListener("click", function () {
      firstAdded = results.length; limit += LIMIT; render();
    });
    filters = Array.prototype.slice.call(box.querySelectorAll("select"));
    fillFilters();

    opener.addEventListener("click", open);
    input.addEventListener("input", schedule);
    filters.forEach(function (f) { f.addEventListener("change", render); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") { e.preventDefault(); move(e.key === "ArrowDown" ? 1 : -1); }
      else if (e.key === "Enter" && results.length) { e.preventDefault(); go(results[Math.max(active, 0)]); }
    });
    // Escape closes the open box wherever the focus is (a box opened from the address on load may not hold it yet)
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !box.hidden) close(); });
    // Tab goes round the box's own controls, as in any dialog, not out to the page behind the backdrop
    box.addEventListener("keydown", function (e) {
      if (e.key !== "Tab") return;
      var controls = [input].concat(filters, more.hidden ? [] : [more]), at = controls.indexOf(document.activeElement);
      if (e.shiftKey && at <= 0) { e.preventDefault(); controls[controls.length - 1].focus(); }
      else if (!e.shiftKey && at === controls.length - 1) { e.preventDefault(); controls[0].focus(); }
    });
    box.addEventListener("click", function (e) { if (e.target === box) close(); });
    document.addEventListener("keydown", function (e) {
      // "/" and "s" are typed into a text field or pick an option in a list; on a checkbox or a button they search
      var el = document.activeElement;
      var typing = el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable ||
        (el.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset|range|color|file)$/.test(el.type));
      if (!typing && (e.key === "/" || e.key === "s") && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); open(); }
    });
    var params = new URLSearchParams(location.search);
    if (params.get("q")) {
      input.value = params.get("q");
      filters.forEach(function (s) { s.dataset.wanted = params.get(s.dataset.filter) || ""; });
      fillFilters(); open();
    }
  }
  // Closing gives the focus back to where it was when the box opened (the Search button, a link), as a dialog does.
  var returnTo = null;
  function open() {
    if (box.hidden && document.activeElement && !box.contains(document.activeElement)) returnTo = document.activeElement;
    box.hidden = false; input.focus(); input.select(); loadEverything(); render();
  }
  function close() {
    box.hidden = true; input.setAttribute("aria-expanded", "false"); remember({});
    var back = returnTo && document.contains(returnTo) && returnTo !== document.body ? returnTo : document.querySelector(".cw-search-open");
    returnTo = null;
    if (back) back.focus();
  }
  function href(row) { return new URL(row.doc.url, ROOT).href + (row.anchor ? "#" + encodeURIComponent(row.anchor) : ""); }
  // The page a result opens marks the words searched for (markLanding), as Material's search.highlight does.
  function go(row) {
    var url = new URL(href(row)), query = input.value.trim();
    if (query) url.searchParams.set(HIGHLIGHT, query);
    location.href = url.href;
  }
  function remember(state) {
    var url = new URL(location.href);
    PARAMS.forEach(function (p) { if (state[p]) url.searchParams.set(p, state[p]); else url.searchParams.delete(p); });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }
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
  // The snippet as text nodes, the query's words (or words they are the start or stem of) in <mark>.
  // "A/B" and "CI/CD" are also words of their own, "ab" and "cicd" (text_terms() in core/search.py).
  var SLASHED_OR_WORD = /[\p{L}\p{N}]{1,4}(?:\/[\p{L}\p{N}]{1,4})+(?![\p{L}\p{N}\/])|[\p{L}\p{N}]+/gu;
  function highlighted(text, qw, found) {
    var out = document.createDocumentFragment(), last = 0, match;
    var stems = qw.map(stem);
    SLASHED_OR_WORD.lastIndex = 0;
    while ((match = SLASHED_OR_WORD.exec(text))) {
      var piece = match[0];
      if (piece.indexOf("/") >= 0 && qw.indexOf(piece.toLowerCase().replace(/\//g, "")) < 0) {
        piece = piece.slice(0, piece.indexOf("/"));  // not asked for as one word: its parts are words of their own
        SLASHED_OR_WORD.lastIndex = match.index + piece.length;
      }
      var w = piece.toLowerCase().replace(/\//g, ""), hit = qw.some(function (q, i) {  // the last word may be half typed
        return w === q || stem(w) === stems[i] || (i === qw.length - 1 && w.indexOf(q) === 0);
      });
      if (!hit) continue;
      out.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark"); mark.textContent = piece; out.appendChild(mark);
      if (found) { mark.dataset.cwHit = ""; found.push(mark); }
      last = match.index + piece.length;
    }
    out.appendChild(document.createTextNode(text.slice(last)));
    return out;
  }
  // Arriving from a search result (?h=words): the words in the page's text are marked, never inside a definition
  // card, a picture for the eye only, code blocks or the search box; the first mark below the top is where to read.
  function markLanding() {
    var asked = new URL(location.href).searchParams.get(HIGHLIGHT), article = document.querySelector("article.md-content__inner");
    var qw = asked ? words(asked).slice(0, 12) : [];
    if (!qw.length || !article) return;
    var skip = "script, style, svg, pre, mark, textarea, .cw-term__tip, [aria-hidden='true'], .cw-search";
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, { acceptNode: function (node) {
      return node.nodeValue.trim() && !node.parentElement.closest(skip) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    } });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var found = [], fragment = highlighted(node.nodeValue, qw, found);
      if (found.length) node.parentNode.replaceChild(fragment, node);
    });
  }
  if (!IN_WORKER) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markLanding); else markLanding();
  }
  var LIMIT = 12;  // results shown at first, and added by "Show 12 more"
  var lastAsked = null, asking = false, limit = LIMIT, lastAskedFor = null;
  function render() {
    if (!input || box.hidden) return;
    var query = input.value, f = {};
    filters.forEach(function (s) { f[s.dataset.filter] = s.value; });
    remember({ q: query.trim() ? query : "", kind: f.kind, level: f.level, domain: f.domain });
    var asked = query + "\u0000" + JSON.stringify(f), sameQuestion = asked === lastAskedFor;
    if (!sameQuestion) { limit = LIMIT; firstAdded = -1; }  // a new question starts again at the first twelve
    lastAskedFor = asked;
    var key = asked + "\u0000" + limit;
    if (key !== lastKey && !sameQuestion) complete = null;  // more of the same: the answer shown stays meanwhile
    lastKey = key;
    // Names answer now; the worker's whole answer (names and text, ranked together) replaces them when it comes.
    if (!complete) show(query.trim() ? search(query, f, limit) : [], false);
    if (workerReady && query.trim() && lastAsked !== key && !asking) {  // one question at a time
      lastAsked = key; asking = true;
      worker.postMessage({ type: "search", key: key, query: query, filters: f, limit: limit });
    }
  }
  function show(rows, isComplete) {
    var query = input.value;
    // A new query starts at the best result; the full answer arriving keeps the reader's selection.
    var selected = active >= 0 && results[active] && shownKey === lastKey ? href(results[active]) : null;
    shownKey = lastKey;
    results = rows;
    active = results.length ? Math.max(0, results.findIndex(function (r) { return href(r) === selected; })) : -1;
    var added = isComplete && firstAdded >= 0 && results.length > firstAdded ? firstAdded : -1;
    if (added >= 0) { active = added; firstAdded = -1; }
    var qw = words(query);
    list.textContent = "";
    list.dataset.cwComplete = String(isComplete);  // for tests and the benchmark: which answer is shown
    list.dataset.cwQuery = query;
    results.forEach(function (row, i) {
      // An option holds no link of its own (a control inside a control): Enter and a click on the option open it.
      var doc = row.doc, li = document.createElement("li"), title = document.createElement("span"), kind = document.createElement("span");
      li.id = "cw-search-result-" + i; li.setAttribute("role", "option"); li.setAttribute("aria-selected", String(i === active));
      li.dataset.cwId = doc.id; li.dataset.cwKind = doc.kind;
      li.dataset.cwMatch = row.section >= 0 ? "text" : "name";
      if (row.anchor) li.dataset.cwAnchor = row.anchor;
      kind.className = "cw-search__kind"; kind.textContent = doc.label;
      title.className = "cw-search__title"; title.textContent = doc.title + (row.heading ? " › " + row.heading : "");
      li.dataset.cwHref = href(row);
      li.appendChild(kind); li.appendChild(title);
      if (doc.kind === "term" && row.section < 0) { var def = document.createElement("p"); def.className = "cw-search__definition"; def.textContent = doc.summary; li.appendChild(def); }
      else if (row.snippet) { var p = document.createElement("p"); p.className = "cw-search__snippet"; p.appendChild(highlighted(row.snippet, qw)); li.appendChild(p); }
      li.addEventListener("click", function () { go(row); });
      list.appendChild(li);
    });
    input.setAttribute("aria-expanded", String(results.length > 0));
    if (results.length) input.setAttribute("aria-activedescendant", "cw-search-result-" + active); else input.removeAttribute("aria-activedescendant");
    if (added >= 0) { input.focus(); list.children[added].scrollIntoView({ block: "nearest" }); }
    var waiting = meta && !missing.length && (!workerReady || !isComplete);
    var total = Math.max(rows.total || 0, results.length);
    var found = results.length
      ? (total > results.length ? results.length + " of " + total + " results" : results.length + " result" + (results.length === 1 ? "" : "s"))
      : (meta || missing.length ? (waiting ? "No name matches." : "Nothing found.") : "Loading…");
    more.hidden = !(query.trim() && total > results.length);
    more.textContent = "Show " + Math.min(LIMIT, total - results.length) + " more";
    if (missing.length) found += " Part of the search index could not be loaded (" + missing.join(", ") + "), so results may be missing; try reloading the page.";
    else if (meta && !workerReady) found += " Searching names; the full text is still loading.";
    status.textContent = query.trim() ? found : "";
  }
  // This script runs from the <head> (async), so search is ready before the page's other scripts:
  // the names index is fetched at once, and the button goes in as soon as the header has been parsed
  // whole (something follows it), so the header's own buttons keep their order.
  window.__crosswalkSearch = { words: words, stem: stem, root: root, expand: expand, shardsFor: function (starts, query) { return shardsFor(starts, queryWords(query)); } };  // for the tests that hold them to core/search.py
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
