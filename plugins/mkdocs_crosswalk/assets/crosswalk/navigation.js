/* Material's navigation drawer on narrow screens, for keyboard and screen-reader users.
   Material opens it with a <label for="__drawer">, which takes no keyboard focus, while the closed drawer's
   links stayed in the tab order off screen (crosswalk.css now hides what is out of sight: the closed drawer,
   a section's closed panel, the menu a panel covers). So:
   - the menu button is a real button: focusable, announced with its state, opened with Enter or Space;
     opening moves focus into the drawer, Escape closes it and gives focus back to the button;
   - a section opened with Enter moves focus into its panel; the panel's title, the way back, is a button
     too ("Back from Practice"), and going back returns focus to the section;
   - Tab and Shift+Tab go round the open drawer instead of leaving it for the page behind its overlay.
   Focus moves into what slides in without scrolling: the drawer would otherwise scroll sideways, blank. */
(function () {
  "use strict";

  var FOCUSABLE = "a[href], label[tabindex], button, input:not([type=hidden]):not(.md-toggle), [tabindex='0']";

  function setUp() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('.md-header label[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !drawer || button.hasAttribute("data-cw-drawer")) return;
    button.setAttribute("data-cw-drawer", "");
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Navigation menu");
    button.setAttribute("aria-controls", drawer.id || (drawer.id = "cw-drawer"));

    // Each section panel's title (an arrow and the section's name) takes the panel back out.
    drawer.querySelectorAll(".md-nav--primary .md-nav .md-nav__title[for]").forEach(function (title) {
      title.setAttribute("tabindex", "0");
      title.setAttribute("role", "button");
      title.setAttribute("aria-label", "Back from " + title.textContent.trim());
    });
    // In the drawer every section opens by keyboard, the reader's own too: Material leaves the label of the
    // section the page is in (and of its table of contents) out of the tab order, which stranded the keyboard
    // once it went back from that section's panel. On wide screens the sidebar keeps Material's own order.
    var narrow = window.matchMedia("(max-width: 76.234375em)");
    var openers = Array.prototype.filter.call(drawer.querySelectorAll(".md-nav--primary label.md-nav__link[for]"), function (label) {
      var target = document.getElementById(label.getAttribute("for"));
      return target && target.classList.contains("md-nav__toggle");
    });
    openers.forEach(function (label) { label.dataset.cwTabindex = label.getAttribute("tabindex") === null ? "none" : label.getAttribute("tabindex"); });
    function fitTabOrder() {
      openers.forEach(function (label) {
        var own = label.dataset.cwTabindex;
        if (narrow.matches) label.setAttribute("tabindex", "0");
        else if (own === "none") label.removeAttribute("tabindex");
        else label.setAttribute("tabindex", own);
      });
    }
    fitTabOrder();
    if (narrow.addEventListener) narrow.addEventListener("change", fitTabOrder);

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }

    function shown() {  // what can take focus in the drawer now: on screen, not hidden
      return Array.prototype.filter.call(drawer.querySelectorAll(FOCUSABLE), function (el) {
        return el.getClientRects().length && getComputedStyle(el).visibility === "visible";
      });
    }

    function open(byKeyboard) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));  // its listener keeps aria-expanded true
      // the drawer stops being hidden at once (crosswalk.css), so its first link can take focus now
      if (byKeyboard) {
        var first = shown()[0];
        if (first) first.focus({ preventScroll: true });
      }
    }

    function close() {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    }

    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        if (toggle.checked) close();
        else open(true);
      }
    });
    // Escape closes the open drawer wherever the focus is (a link behind it, the page itself)
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && !event.defaultPrevented && narrow.matches) {
        event.preventDefault();
        close();
      }
    });
    drawer.addEventListener("keydown", function (event) {
      if (!toggle.checked) return;
      if (event.key === "Tab") {
        var items = shown(), at = items.indexOf(document.activeElement);
        if (items.length && event.shiftKey && at <= 0) {
          event.preventDefault();
          items[items.length - 1].focus();
        } else if (items.length && !event.shiftKey && at === items.length - 1) {
          event.preventDefault();
          items[0].focus();
        }
      } else if (event.key === "Enter" || event.key === " ") {
        var label = event.target.closest && event.target.closest("label[for]");
        var section = label && document.getElementById(label.getAttribute("for"));
        if (!section || !section.classList.contains("md-nav__toggle")) return;
        event.preventDefault();
        event.stopPropagation();  // Material's own keys (on the window) would toggle the section a second time
        section.checked = !section.checked;
        var item = section.parentElement;
        if (section.checked) {
          var panel = item.querySelector(":scope > .md-nav");
          var inside = panel && shown().filter(function (el) { return panel.contains(el); })[0];
          if (inside) inside.focus({ preventScroll: true });
        } else {
          var opener = item.querySelector(':scope > label.md-nav__link[for="' + section.id + '"]');
          if (opener && opener.getAttribute("tabindex") === "0") opener.focus();
          else if (shown()[0]) shown()[0].focus();
        }
      }
    });
    toggle.addEventListener("change", function () {
      sync();
      // closed by a click on the page behind it (Material's overlay): the focus goes back to the button, not the page
      var focused = document.activeElement;
      if (!toggle.checked && (!focused || focused === document.body || drawer.contains(focused))) button.focus();
    });
    sync();
  }

  // Material swaps pages without a reload under navigation.instant; its document$ says when
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
