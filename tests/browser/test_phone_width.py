"""Every page of the shipped site at phone widths: nothing makes the page scroll sideways."""

from __future__ import annotations

import pytest

from support.browser import serve_directory

# What sticks out past the window's right edge, leaving out what sits inside a box that scrolls on its own
# (a wide table or a code block scrolls inside itself, which is fine; the page itself must not).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true; } return false; };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 1 && !scrolls(el)) out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(r.right) + 'px');
  }
  return [document.documentElement.scrollWidth + 'px wide'].concat(out.slice(0, 4));
}"""


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(chromium, shipped_site, width):
    pages = sorted(p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*.html") if p.parts[len(shipped_site.parts)] != "assets")
    assert len(pages) > 300, "the shipped site should have every page built"
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    wide: dict[str, list[str]] = {}
    with serve_directory(shipped_site) as base:
        for path in pages:
            page.goto(base + path.removesuffix("index.html"))
            found = page.evaluate(OVERFLOW)
            if found:
                wide[path] = found
    context.close()
    assert not wide, f"{len(wide)} of {len(pages)} pages scroll sideways at {width} px:\n" + "\n".join(
        f"{p}: {', '.join(w)}" for p, w in list(wide.items())[:30]
    )


# The focused element: its accessible name, and whether a sighted reader can see it (on screen, not hidden).
FOCUSED = """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
  return {name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
          seen: r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight && getComputedStyle(e).visibility !== 'hidden',
          drawer: !!e.closest('.md-sidebar--primary')}; }"""


def press(page, key: str, settle: int = 400) -> dict:
    """Press ``key`` and let the drawer or a panel finish sliding: what has the focus then (FOCUSED)."""
    page.keyboard.press(key)
    page.wait_for_timeout(settle)
    return page.evaluate(FOCUSED)


def tab_stops(page, count: int) -> list[dict]:
    return [press(page, "Tab", 0) for _ in range(count)]


def test_the_phone_menu_works_by_keyboard_and_its_closed_drawer_takes_no_focus(chromium, shipped_url):
    """At 390 px the navigation drawer is closed: Tab must not wander through its links off screen (it did,
    twenty presses of nothing visible); the menu button takes focus, says whether it is open, opens with
    Enter, focus moves into the drawer and goes round what is on screen there (a closed section's links
    and the menu a section's panel covers took focus unseen), a section opens into its panel and its title
    leads back, and Escape closes the drawer and returns to the button."""
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(shipped_url + "glossary/drift/")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert not [s for s in stops if s["drawer"]], f"Tab reached the closed drawer: {stops}"
    menu = page.locator('.md-header label[for="__drawer"]')
    assert "Navigation menu" in [s["name"] for s in stops[:3]], stops
    assert menu.get_attribute("role") == "button" and menu.get_attribute("aria-expanded") == "false"

    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)  # the drawer slides in
    inside = page.evaluate(FOCUSED)
    assert inside["drawer"] and inside["seen"], inside
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["name"] == "Home"  # the drawer's links, in order, now on screen

    # every Tab stop in the open drawer is on screen, and Tab goes round it rather than out to the page behind
    stops = tab_stops(page, 20)
    assert [s for s in stops if not (s["drawer"] and s["seen"])] == [], stops
    names = [s["name"] for s in stops]
    assert "Practice" in names and names.count("Home") >= 2  # round again
    # a section opens by keyboard into its panel, whose items alone take focus; its title leads back
    page.locator('.md-nav__item--nested > label.md-nav__link:has-text("Practice")').focus()
    assert press(page, "Enter") == {"name": "Back from Practice", "seen": True, "drawer": True}
    inside = tab_stops(page, 5)
    assert [s["name"] for s in inside] == ["Case studies", "Skill guides", "Interview rubrics", "Back from Practice", "Case studies"]
    assert all(s["seen"] for s in inside), inside
    page.locator('[aria-label="Back from Practice"]').focus()
    assert press(page, "Enter") == {"name": "Practice", "seen": True, "drawer": True}

    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate(FOCUSED)["name"] == "Navigation menu" and menu.get_attribute("aria-expanded") == "false"
    page.wait_for_timeout(400)  # the drawer slides out, then hides
    page.keyboard.press("Tab")
    assert not page.evaluate(FOCUSED)["drawer"]
    context.close()


def test_the_phone_menu_by_keyboard_on_a_page_inside_a_section(chromium, shipped_url):
    """On a page of the Guide the drawer opens in the Guide's panel. Going back from it used to drop the focus
    to the page (Material leaves the label of the reader's own section out of the tab order), and the next Tab
    went to links behind the overlay. Back now lands on "Guide", which Tab reaches again, and Escape closes the
    drawer wherever the focus is."""
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(shipped_url + "guide/search/")
    page.locator('.md-header label[for="__drawer"]').focus()
    assert press(page, "Enter") == {"name": "Back from Guide", "seen": True, "drawer": True}
    assert press(page, "Enter") == {"name": "Guide", "seen": True, "drawer": True}
    stops = tab_stops(page, 10)
    assert [s for s in stops if not (s["drawer"] and s["seen"])] == [], stops
    names = [s["name"] for s in stops]
    assert names.count("Guide") == 1 and "Practice" in names  # round the menu, the reader's own section included
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    # closed with a click on the page behind it, the focus goes back to the menu button, not to the page
    page.locator('.md-header label[for="__drawer"]').focus()
    press(page, "Enter")
    page.mouse.click(370, 500)
    page.wait_for_timeout(400)
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate(FOCUSED)["name"] == "Navigation menu"
    context.close()
