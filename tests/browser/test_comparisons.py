"""The shipped comparison and journey pictures read well in Chromium: on a desktop and a phone, light and dark, and on paper."""

from __future__ import annotations

import pytest

PICTURES = ["comparisons/ux-vs-mlops/", "comparisons/cloud-tooling/", "comparisons/ai-product-lifecycle/", "journeys/ml-workflow-journey/"]

# For the picture on screen: the form shown, its text size, whether any label leaves its box or
# collides with another, the weakest text contrast, and whether the page scrolls sideways.
MEASURE = """() => {
  const forms = [...document.querySelectorAll('.cw-diagram__form')].filter(f => f.offsetParent !== null);
  const svg = forms[0].querySelector('svg');
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3]));
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const luminance = c => { const l = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                          return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const overflow = [], contrasts = [];
  for (const node of svg.querySelectorAll('.cw-svg-node')) {
    const rect = node.querySelector('rect').getBBox(), text = node.querySelector('text');
    const box = text.getBBox();
    if (box.x < rect.x - 0.5 || box.y < rect.y - 0.5 || box.x + box.width > rect.x + rect.width + 0.5 || box.y + box.height > rect.y + rect.height + 0.5)
      overflow.push(text.textContent.slice(0, 40));
    const fill = over(rgba(getComputedStyle(node.querySelector('rect')).fill), page);
    for (const span of text.querySelectorAll('tspan')) contrasts.push(contrast(over(rgba(getComputedStyle(span).fill), fill), fill));
  }
  const labels = [...svg.querySelectorAll('.cw-svg-arrow text, .cw-svg-node rect')].map(e => e.getBoundingClientRect());
  let collisions = 0;
  labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) collisions++; }));
  return {forms: forms.map(f => f.className), font: parseFloat(getComputedStyle(svg.querySelector('.cw-svg-node text')).fontSize) * scale,
          overflow, collisions, contrast: Math.min(...contrasts), sideways: document.documentElement.scrollWidth > innerWidth,
          clipped: forms[0].scrollWidth > forms[0].clientWidth + 1};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PICTURES)
def test_pictures_fit_the_screen_with_every_label_inside_its_box(browser_page, shipped_url, path, width, scheme):
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.emulate_media(color_scheme=scheme)
    browser_page.goto(shipped_url + path)
    assert browser_page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    seen = browser_page.evaluate(MEASURE)
    expected = "wide" if width == 1280 else "narrow"
    assert len(seen["forms"]) == 1 and f"cw-diagram__form--{expected}" in seen["forms"][0]
    assert seen["font"] >= 11.5, "the picture's text was shrunk"
    assert not seen["overflow"], f"labels run out of their boxes: {seen['overflow']}"
    assert seen["collisions"] == 0, "boxes or loop labels overlap"
    assert seen["contrast"] >= 4.5, f"text contrast {seen['contrast']:.2f} is below WCAG AA"
    assert not seen["sideways"], "the page scrolls sideways"
    assert not seen["clipped"], "the picture is wider than the page and needs scrolling"


def test_on_paper_the_wide_picture_prints_within_the_page(browser_page, shipped_url):
    browser_page.set_viewport_size({"width": 390, "height": 900})  # even when printed from a phone
    browser_page.goto(shipped_url + "comparisons/ai-product-lifecycle/")
    browser_page.emulate_media(media="print")
    shown = browser_page.evaluate("""() => [...document.querySelectorAll('.cw-diagram__form')]
        .filter(f => f.offsetParent !== null).map(f => [f.className, f.querySelector('svg').getBoundingClientRect().width <= f.clientWidth + 1])""")
    assert len(shown) == 1 and "cw-diagram__form--wide" in shown[0][0] and shown[0][1]


def test_every_stage_in_the_picture_is_a_link_that_opens_its_page(browser_page, shipped_url):
    browser_page.goto(shipped_url + "comparisons/ux-vs-mlops/")
    stage = browser_page.locator(".cw-diagram__form--wide a.cw-svg-stage").nth(1)
    with browser_page.expect_navigation():
        stage.click()
    assert browser_page.url.endswith("comparisons/ux-vs-mlops/ideation-experiment/")
    assert browser_page.locator("article h1").inner_text() == "Ideation vs Experiment"
