// Crosswalk practice: progress, the case finder, assignments and interviewer kits.
// Everything lives in this browser (localStorage) or in the link itself: no server.
// Text from links, files and data is always set with textContent, never as HTML.
(function () {
  "use strict";
  var PROGRESS = "crosswalk:progress:v1";
  var PICKED = "crosswalk:picked:v1";
  var MAX_NOTE = 1000;
  var MAX_TITLE = 120;

  function read(key, fallback) {
    try { var value = JSON.parse(localStorage.getItem(key)); return value == null ? fallback : value; }
    catch (e) { return fallback; }
  }
  function write(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } }
  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function say(node, text) { if (node) node.textContent = text; }

  // --- progress: done boxes keyed by stable ids ("case:ship-it", "path:p/raci", "skill:s/beginner"); a case study
  // has one key wherever it is ticked (its page, a path's step, an assignment)
  function progress() { var p = read(PROGRESS, {}); return p && typeof p === "object" && !Array.isArray(p) ? p : {}; }

  function bindDoneBoxes(root) {
    var done = progress();
    $$("input[data-cw-done]", root).forEach(function (box) {
      var former = box.dataset.cwDoneFormer;  // a path's case step was kept as "path:<path>/<case>" before: moved over
      if (former && done[former]) {
        done[box.dataset.cwDone] = done[box.dataset.cwDone] || done[former];
        delete done[former];
        write(PROGRESS, done);
      }
      box.checked = !!done[box.dataset.cwDone];
      if (box.dataset.cwBound) return;
      box.dataset.cwBound = "1";
      box.addEventListener("change", function () {
        var p = progress();
        if (box.checked) p[box.dataset.cwDone] = { done: true, at: new Date().toISOString() };
        else delete p[box.dataset.cwDone];
        write(PROGRESS, p);
        $$('input[data-cw-done="' + CSS.escape(box.dataset.cwDone) + '"]').forEach(function (other) { other.checked = box.checked; });
        updateProgress();
      });
    });
  }

  function updateProgress() {
    $$("[data-cw-progress]").forEach(function (widget) {
      var boxes = $$("input[data-cw-done]").filter(function (b) { return !b.closest("template"); });
      var unique = {};
      boxes.forEach(function (b) { unique[b.dataset.cwDone] = b.checked; });
      var keys = Object.keys(unique), count = keys.filter(function (k) { return unique[k]; }).length;
      widget.hidden = keys.length === 0;
      say($("[data-cw-progress-text]", widget), count + " of " + keys.length + " done");
      var bar = $("[data-cw-progress-bar]", widget);
      bar.setAttribute("aria-valuemax", String(Math.max(keys.length, 1)));
      bar.setAttribute("aria-valuenow", String(count));
      bar.setAttribute("aria-valuetext", count + " of " + keys.length + " done");
      $(".cw-progress__fill", bar).style.width = (keys.length ? 100 * count / keys.length : 0) + "%";
    });
  }

  // The list of paths says how far this browser is along each ("3 of 10 steps done"), read from the same keys as
  // the path's own boxes ("key former|key former|..."), so a returning new hire sees where they stopped.
  function showPathProgress() {
    var done = progress();
    $$("[data-cw-path-progress]").forEach(function (note) {
      var steps = note.dataset.cwPathProgress.split("|").filter(function (s) { return s.trim(); });
      var count = steps.filter(function (step) { return step.trim().split(/\s+/).some(function (key) { return done[key]; }); }).length;
      note.hidden = count === 0;
      say(note, count + " of " + steps.length + " steps done");
    });
  }

  function setupExportImport() {
    $$("[data-cw-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        var blob = new Blob([JSON.stringify({ format: "crosswalk-progress", version: 1, exported: new Date().toISOString(), progress: progress() }, null, 2)], { type: "application/json" });
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = "crosswalk-progress.json";
        document.body.appendChild(a); a.click(); a.remove();
      });
    });
    $$("[data-cw-import-button]").forEach(function (button) {
      button.addEventListener("click", function () { $("[data-cw-import]", button.parentNode).click(); });
    });
    $$("[data-cw-import]").forEach(function (input) {
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        var status = $("[data-cw-progress-status]", input.closest("[data-cw-progress]"));
        if (!file) return;
        file.text().then(function (text) {
          var data = JSON.parse(text);
          if (!data || data.format !== "crosswalk-progress" || typeof data.progress !== "object") throw new Error("not a Crosswalk progress file");
          var merged = progress(), added = 0;
          Object.keys(data.progress).forEach(function (key) {
            if (typeof key === "string" && key.length < 300 && data.progress[key] && !merged[key]) { merged[key] = { done: true, at: String(data.progress[key].at || "") }; added++; }
          });
          write(PROGRESS, merged);
          bindDoneBoxes(document); updateProgress();
          say(status, "Imported: " + added + " item" + (added === 1 ? "" : "s") + " newly marked done.");
        }).catch(function (error) { say(status, "Could not import that file: " + error.message); });
        input.value = "";
      });
    });
  }

  // --- picking case studies for an assignment
  function picked() { var p = read(PICKED, []); return Array.isArray(p) ? p.filter(function (x) { return typeof x === "string"; }) : []; }

  function setupPicks() {
    $$("input[data-cw-pick]").forEach(function (box) {
      box.checked = picked().indexOf(box.dataset.cwPick) >= 0;
      box.addEventListener("change", function () {
        var list = picked().filter(function (id) { return id !== box.dataset.cwPick; });
        if (box.checked) list.push(box.dataset.cwPick);
        write(PICKED, list);
        $$('input[data-cw-pick="' + CSS.escape(box.dataset.cwPick) + '"]').forEach(function (o) { o.checked = box.checked; });
        refreshBuilder();
      });
    });
    var builder = $("[data-cw-builder]");
    if (builder) {
      $("[data-cw-clear]", builder).addEventListener("click", function () {
        write(PICKED, []); $$("input[data-cw-pick]").forEach(function (b) { b.checked = false; }); refreshBuilder();
      });
      // A link made before the picks or fields changed would not say what the form says now.
      builder.addEventListener("input", function (e) { if (e.target.closest("[data-cw-builder-fields]")) staleLink(); });
      var assign = $("[data-cw-tray-assign]");
      if (assign) assign.addEventListener("click", function (e) {
        e.preventDefault();
        builder.scrollIntoView({ block: "start" });
        $("[data-cw-title]", builder).focus({ preventScroll: true });
      });
      $("[data-cw-make-link]", builder).addEventListener("click", makeLink);
      $("[data-cw-copy]", builder).addEventListener("click", function () {
        var href = $("[data-cw-link]", builder).href;
        (navigator.clipboard ? navigator.clipboard.writeText(href) : Promise.reject()).then(
          function () { say($("[data-cw-status]", builder), "Link copied."); },
          function () { say($("[data-cw-status]", builder), "Copy the link above by hand."); });
      });
    }
    refreshBuilder();
  }

  function titleOf(id) {
    var card = $('.cw-card[data-cw-id="' + CSS.escape(id) + '"] .cw-card__title a');
    return card ? card.textContent : id;
  }

  function countText(n) { return n + " case " + (n === 1 ? "study" : "studies") + " picked"; }

  function staleLink() {
    var builder = $("[data-cw-builder]");
    if (builder) { $("[data-cw-result]", builder).hidden = true; say($("[data-cw-status]", builder), ""); }
  }

  function refreshBuilder() {
    var ids = picked();
    $$("[data-cw-builder-link]").forEach(function (a) { a.hidden = ids.length === 0; });
    var tray = $("[data-cw-tray]");
    if (tray) { tray.hidden = ids.length === 0; say($("[data-cw-tray-count]", tray), countText(ids.length)); }
    var builder = $("[data-cw-builder]");
    if (!builder) return;
    builder.hidden = false;
    staleLink();
    say($("[data-cw-picked-count]", builder), countText(ids.length));  // "1 case study picked"
    // With nothing picked there is nothing to assign: no fields, no "Create link", only how to pick.
    $("[data-cw-picked-summary]", builder).hidden = ids.length === 0;
    $("[data-cw-builder-fields]", builder).hidden = ids.length === 0;
    $("[data-cw-nothing-picked]", builder).hidden = ids.length > 0;
    var list = $("[data-cw-picked-list]", builder);
    list.textContent = "";
    ids.forEach(function (id) { var li = document.createElement("li"); li.textContent = titleOf(id); list.appendChild(li); });
  }

  function makeLink() {
    var builder = $("[data-cw-builder]");
    var url = new URL(builder.dataset.cwAssignment, location.href);
    url.search = "";
    url.hash = "";
    url.searchParams.set("cases", picked().join(","));
    var title = $("[data-cw-title]", builder).value.trim().slice(0, MAX_TITLE);
    if (title) url.searchParams.set("title", title);
    var due = $("[data-cw-due]", builder).value;
    if (due) url.searchParams.set("due", due);
    var note = $("[data-cw-note]", builder).value.trim().slice(0, MAX_NOTE);
    if (note) url.searchParams.set("note", note);
    var link = $("[data-cw-link]", builder);
    link.href = url.href;
    link.textContent = url.href;
    $("[data-cw-result]", builder).hidden = false;
    say($("[data-cw-status]", builder), "Link ready: send it, or open it to print the handout.");
  }

  // --- the case-study finder: filters kept in the address so a filtered list can be shared
  function setupFinder() {
    var form = $("[data-cw-finder]");
    if (!form) return;
    form.hidden = false;
    var list = form.parentNode.querySelector("#finder-results + .cw-cards") || $(".cw-cards");
    var cards = $$(".cw-card", list);
    var groups = $("[data-cw-finder-groups]");
    var params = new URLSearchParams(location.search);
    ["level", "role", "skill", "max"].forEach(function (name) { if (params.get(name)) form.elements[name].value = params.get(name); });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    $("[data-cw-finder-reset]", form).addEventListener("click", function () {
      ["level", "role", "skill", "max"].forEach(function (name) { form.elements[name].value = ""; });
      apply();
      form.elements.level.focus();
    });
    function apply() {
      var f = { level: form.elements.level.value, role: form.elements.role.value, skill: form.elements.skill.value, max: form.elements.max.value };
      var shown = 0, matching = {};
      cards.forEach(function (card) {
        var ok = (!f.level || card.dataset.cwLevel === f.level) &&
          (!f.role || card.dataset.cwRoles.split(" ").indexOf(f.role) >= 0) &&
          (!f.skill || card.dataset.cwSkills.split(" ").indexOf(f.skill) >= 0) &&
          (!f.max || Number(card.dataset.cwMinutes) <= Number(f.max));
        card.hidden = !ok;
        if (ok) { shown++; matching[card.dataset.cwId] = true; }
      });
      say($("[data-cw-finder-count]", form), shown + " of " + cards.length + " case studies");
      var heading = document.getElementById("finder-results");
      if (heading) heading.textContent = shown === cards.length ? "All case studies" : "Matching case studies";
      $("[data-cw-finder-empty]", form).hidden = shown > 0;
      if (groups) narrowGroups(groups, matching);
      var next = new URLSearchParams();
      Object.keys(f).forEach(function (k) { if (f[k]) next.set(k, f[k]); });
      var search = next.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    apply();
  }

  // The lists by level and by role show only what the filters let through; a heading with nothing left goes too.
  function narrowGroups(groups, matching) {
    $$("li[data-cw-id]", groups).forEach(function (li) { li.hidden = !matching[li.dataset.cwId]; });
    $$("ul", groups).forEach(function (ul) {
      var empty = !$$("li", ul).some(function (li) { return !li.hidden; });
      ul.hidden = empty;
      var heading = ul.previousElementSibling;
      if (heading && heading.tagName === "H3") heading.hidden = empty;
    });
    $$("p.cw-muted", groups).forEach(function (p) { p.hidden = Object.keys(matching).length < $$(".cw-card").length; });
    $$("h2", groups).forEach(function (h2) {
      var next = h2.nextElementSibling, any = false;
      while (next && next.tagName !== "H2") { if (!next.hidden && next.tagName === "UL") any = true; next = next.nextElementSibling; }
      h2.hidden = !any;
    });
    // The table of contents leads only to headings that are still shown.
    $$('.md-nav--secondary a[href^="#"]').forEach(function (a) {
      var target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target && groups.contains(target)) a.parentNode.hidden = target.hidden;
    });
  }

  // A local date for "YYYY-MM-DD", or null. Date() rolls impossible days over (Feb 31 -> Mar 3), so check the parts.
  function calendarDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return null;
    var date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return date.getFullYear() === Number(m[1]) && date.getMonth() === Number(m[2]) - 1 && date.getDate() === Number(m[3]) ? date : null;
  }

  // --- the assignment page: read the link, check it against the knowledge base, show it as text
  function setupAssignment() {
    var page = $("[data-cw-assignment-page]");
    if (!page) return;
    var params = new URLSearchParams(location.search);
    var ids = (params.get("cases") || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    ids = ids.filter(function (id, i) { return ids.indexOf(id) === i; }).slice(0, 200);
    var due = (params.get("due") || "").trim();
    var note = (params.get("note") || "").slice(0, MAX_NOTE);
    var title = (params.get("title") || "").trim().slice(0, MAX_TITLE);
    if (title) {
      $("[data-cw-title]", page).textContent = title;
      document.title = title + " - " + page.dataset.cwSiteName;
    }
    var dueDate = calendarDate(due);
    if (dueDate) {
      var dueText = $("[data-cw-due-text]", page);
      dueText.textContent = "Due " + dueDate.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
      dueText.dataset.cwDue = due;
      dueText.hidden = false;
    } else if (due) {
      var bad = $("[data-cw-bad-due]", page);
      bad.textContent = "The due date in this link, “" + due.slice(0, 40) + "”, is not a date on the calendar (year-month-day), so no due date is shown. Ask whoever sent the link for the date.";
      bad.hidden = false;
    }
    if (note) { $("[data-cw-note-text]", page).textContent = note; $("[data-cw-note-box]", page).hidden = false; }
    $("[data-cw-print]", page).addEventListener("click", function () { window.print(); });
    fetch(page.dataset.cwCases).then(function (r) { if (!r.ok) throw new Error(r.statusText); return r.json(); }).then(function (data) {
      var known = ids.filter(function (id) { return Object.prototype.hasOwnProperty.call(data.cases, id); });
      var unknown = ids.filter(function (id) { return known.indexOf(id) < 0; });
      if (unknown.length) {
        var warn = $("[data-cw-unknown]", page);
        warn.textContent = "This link names case studies this knowledge base does not have (renamed or removed?): " + unknown.join(", ") + ".";
        warn.hidden = false;
      }
      // Printing, progress and "done" make sense only when there is a case study to show.
      $("[data-cw-empty]", page).hidden = known.length > 0;
      $("[data-cw-actions]", page).hidden = known.length === 0;
      var template = $("template[data-cw-case-template]", page), list = $("[data-cw-cases-list]", page);
      known.forEach(function (id) {
        var c = data.cases[id], item = template.content.firstElementChild.cloneNode(true);
        var link = $('[data-field="link"]', item);
        link.textContent = c.title; link.href = page.dataset.cwRoot + c.url;
        item.dataset.cwId = id;
        var level = $('[data-field="level"]', item);
        level.textContent = c.level; level.classList.add("cw-badge--" + c.level);
        $('[data-field="duration"]', item).textContent = c.duration;
        $('[data-field="summary"]', item).textContent = c.summary;
        $('[data-field="scenario"]', item).textContent = c.scenario;
        c.steps.forEach(function (step) { var li = document.createElement("li"); li.textContent = step; $('[data-field="steps"]', item).appendChild(li); });
        var done = $('[data-field="done"]', item);
        if (done) { done.dataset.cwDone = "case:" + id; done.setAttribute("aria-label", "Mark as done: " + c.title); }
        list.appendChild(item);
      });
      bindDoneBoxes(page); updateProgress();
      page.dataset.cwReady = "1";
    }).catch(function () {
      $("[data-cw-load-failed]", page).hidden = false;
      page.dataset.cwReady = "1";
    });
  }

  // --- interviewer kits: a practice mode that hides the scale and sample answers until revealed
  function setupKits() {
    var kit = $("[data-cw-kit]");
    if (!kit) return;
    var toggle = $("[data-cw-practice-mode]", kit);
    function apply() {
      $$(".cw-kit__sheet", kit).forEach(function (sheet) {
        $("[data-cw-hideable]", sheet).hidden = toggle.checked;
        $(".cw-kit__reveal", sheet).hidden = !toggle.checked;
      });
    }
    toggle.addEventListener("change", apply);
    $$("[data-cw-reveal]", kit).forEach(function (button) {
      button.addEventListener("click", function () {
        var sheet = button.closest(".cw-kit__sheet");
        $("[data-cw-hideable]", sheet).hidden = false;
        button.parentNode.hidden = true;
      });
    });
    apply();
  }

  function start() {
    bindDoneBoxes(document); updateProgress(); showPathProgress(); setupExportImport(); setupPicks(); setupFinder(); setupAssignment(); setupKits();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
