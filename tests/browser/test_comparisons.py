"""Every picture of the shipped site shows every word inside its box: at phone, tablet and desktop widths, light
and dark, on paper, and in two font families (each Chromium sees only that family's folder, whatever the machine
has installed)."""

from __future__ import annotations

import os

import pytest

from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.fonts import DEJAVU, LIBERATION, write_fontconfig

WIDTHS = [320, 390, 768, 1280]
PRINT_WIDTH = 718  # px: an A4 page less Chromium's default margins, at 96 px to the inch
FONT_FOLDERS = {"DejaVu Sans": DEJAVU, "Liberation Sans": LIBERATION}

# For each picture form on screen: every piece of text outside its box or the viewport, text cut with "…",
# the smallest text, the weakest contrast, boxes that overlap, and whether the picture or page scrolls sideways.
MEASURE = """() => {
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
  const luminance = c => { const l = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                          return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = el => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor); if (c[3] > 0.5) return c; }
                             return [255, 255, 255, 1]; };
  const forms = [...document.querySelectorAll('.cw-diagram__form')].filter(f => f.offsetParent !== null);
  const outside = [], offscreen = [], cut = [], sizes = [], contrasts = [], boxes = [];
  let words = 0;
  for (const form of forms) {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, text = node.textContent.trim();
      if (!text) continue;
      words += text.split(/\\s+/).length;
      const holder = node.parentElement.closest('.cw-pic-box, .cw-pic-loop, .cw-pic-axis');
      const b = holder.getBoundingClientRect(), range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 0.5) continue;
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) outside.push(text.slice(0, 40));
        if (r.left < -0.5 || r.right > innerWidth + 0.5) offscreen.push(text.slice(0, 40));
      }
      if (text.endsWith('…')) cut.push(text.slice(-40));
      const style = getComputedStyle(node.parentElement);
      sizes.push(parseFloat(style.fontSize));
      contrasts.push(contrast(rgba(style.color), background(node.parentElement)));
    }
    for (const el of form.querySelectorAll('.cw-pic-box, .cw-pic-loop__label, .cw-pic-axis > span')) boxes.push(el.getBoundingClientRect());
  }
  // The journey's feeling line runs down the whole of each phone row, joining the next stage's.
  const strips = forms.flatMap(f => [...f.querySelectorAll('.cw-pic-feeling')]);
  const broken = strips.filter(s => Math.abs(s.querySelector('svg').getBoundingClientRect().height - s.getBoundingClientRect().height) > 1).length;
  let overlaps = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++; }));
  return {forms: forms.map(f => f.className), words, outside, offscreen, cut, overlaps, broken,
          smallest: Math.min(...sizes), contrast: Math.min(...contrasts),
          sideways: document.documentElement.scrollWidth > innerWidth, scrolls: forms.some(f => f.scrollWidth > f.clientWidth + 1)};
}"""


def _pages_with_pictures(site) -> list[str]:
    pages = sorted(
        str(path.parent.relative_to(site)) + "/" for path in site.rglob("index.html") if 'class="cw-diagram' in path.read_text(encoding="utf-8")
    )
    assert len(pages) >= 4, pages  # three comparisons and a journey at least
    return pages


@pytest.fixture(scope="module", params=list(FONT_FOLDERS))
def font_chromium(request, playwright_driver, tmp_path_factory):
    """Chromium that sees the fonts of one family only."""
    conf = write_fontconfig(tmp_path_factory.mktemp("fonts") / "fonts.conf", [FONT_FOLDERS[request.param]])
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, env={**os.environ, "FONTCONFIG_FILE": str(conf)}
    )
    browser.font_family = request.param
    yield browser
    browser.close()


def _problems(seen: dict, form: str) -> list[str]:
    found = []
    if len(seen["forms"]) != 1 or f"cw-diagram__form--{form}" not in seen["forms"][0]:
        found.append(f"shows {seen['forms']}, not the {form} form")
    if seen["words"] < 20:
        found.append(f"only {seen['words']} words in the picture")
    for key, message in (("outside", "text outside its box"), ("offscreen", "text outside the page"), ("cut", "text cut short")):
        if seen[key]:
            found.append(f"{message}: {seen[key][:3]}")
    if seen["overlaps"]:
        found.append(f"{seen['overlaps']} boxes overlap")
    if seen["broken"]:
        found.append(f"the feeling line stops short in {seen['broken']} rows")
    if seen["smallest"] < 11:
        found.append(f"text of {seen['smallest']} px")
    if seen["contrast"] < 4.5:
        found.append(f"text contrast {seen['contrast']:.2f} is below WCAG AA")
    if seen["sideways"] or seen["scrolls"]:
        found.append("scrolls sideways")
    return found


def test_every_word_of_every_picture_is_inside_its_box(font_chromium, shipped_site, shipped_url):
    failures = []
    for path in _pages_with_pictures(shipped_site):
        for scheme in ("light", "dark"):
            context = font_chromium.new_context(viewport={"width": WIDTHS[-1], "height": 900}, color_scheme=scheme)
            page = context.new_page()
            page.goto(shipped_url + path)
            page.add_style_tag(content="*, *::before { transition: none !important; }")  # measure colours as they end up
            assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                form = "wide" if width >= 720 else "narrow"
                failures += [f"{path} {width}px {scheme}: {p}" for p in _problems(page.evaluate(MEASURE), form)]
            if scheme == "light":
                page.emulate_media(media="print")
                page.set_viewport_size({"width": PRINT_WIDTH, "height": 1000})
                failures += [f"{path} printed: {p}" for p in _problems(page.evaluate(MEASURE), "wide")]
            context.close()
    assert not failures, f"in {font_chromium.font_family}:\n" + "\n".join(failures)


def test_on_paper_a_phone_prints_the_wide_picture(browser_page, shipped_url):
    browser_page.set_viewport_size({"width": 390, "height": 900})
    browser_page.goto(shipped_url + "comparisons/ai-product-lifecycle/")
    browser_page.emulate_media(media="print")
    shown = browser_page.evaluate("[...document.querySelectorAll('.cw-diagram__form')].filter(f => f.offsetParent !== null).map(f => f.className)")
    assert len(shown) == 1 and "cw-diagram__form--wide" in shown[0]


def test_a_stage_in_the_picture_opens_its_page_and_the_keyboard_skips_the_picture(browser_page, shipped_url):
    browser_page.goto(shipped_url + "comparisons/ux-vs-mlops/")
    focusable = browser_page.evaluate("""() => [...document.querySelectorAll('.cw-diagram a, .cw-diagram [tabindex]')]
        .filter(el => el.tabIndex >= 0).length""")
    assert focusable == 0, "links inside the picture are in the tab order (the table below has the same links)"
    assert browser_page.locator(".cw-diagram__form--wide").get_attribute("aria-hidden") == "true"
    stage = browser_page.locator(".cw-diagram__form--wide a.cw-pic-stage").nth(1)
    with browser_page.expect_navigation():
        stage.click()
    assert browser_page.url.endswith("comparisons/ux-vs-mlops/ideation-experiment/")
    assert browser_page.locator("article h1").inner_text() == "Ideation vs Experiment"
