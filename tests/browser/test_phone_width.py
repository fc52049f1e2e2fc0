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
