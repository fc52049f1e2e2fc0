/* Material's navigation drawer on narrow screens, for keyboard and screen-reader users.
   Material opens it with a <label for="__drawer">, which takes no keyboard focus, while the closed drawer's
   links stay in the tab order off screen (crosswalk.css now hides them until it opens). So the menu
   button becomes a real button: focusable, announced with its state, opened with Enter or Space; opening
   it moves focus to the drawer's first link, Escape closes it and gives focus back to the button. */
(function () {
  "use strict";

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

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }

    function firstLink() {
      var links = drawer.querySelectorAll("a[href], label[tabindex], input:not([type=hidden])");
      for (var i = 0; i < links.length; i++) {
        if (links[i].getClientRects().length) return links[i];
      }
      return null;
    }

    function open(byKeyboard) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      sync();
      // the drawer stops being hidden at once (crosswalk.css), so its first link can take focus now
      if (byKeyboard) {
        var link = firstLink();
        if (link) link.focus();
      }
    }

    function close() {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      sync();
      button.focus();
    }

    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        if (toggle.checked) close();
        else open(true);
      }
    });
    drawer.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        event.preventDefault();
        close();
      }
    });
    toggle.addEventListener("change", sync);
    sync();
  }

  // Material swaps pages without a reload under navigation.instant; its document$ says when
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
