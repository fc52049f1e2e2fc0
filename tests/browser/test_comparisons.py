"""Comparison and journey pictures stay readable on a phone: they scroll sideways instead of shrinking."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["comparisons/ux-vs-mlops/", "comparisons/cloud-tooling/", "journeys/ml-workflow-journey/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_pictures_keep_readable_text_at_any_width(chromium, shipped_url, path, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(shipped_url + path)
    sizes = page.evaluate("""() => {
        const svg = document.querySelector('svg.cw-svg');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const text = svg.querySelector('text');
        return {scale, font: parseFloat(getComputedStyle(text).fontSize) * scale,
                figure: svg.closest('figure').clientWidth, svg: svg.getBoundingClientRect().width};
    }""")
    context.close()
    assert sizes["font"] >= 10  # rendered text is at least 10 px
    assert sizes["scale"] == pytest.approx(1, abs=0.01)
    if width == 390:
        assert sizes["svg"] > sizes["figure"]  # wider than the screen: the figure scrolls
