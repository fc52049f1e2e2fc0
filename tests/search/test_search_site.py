"""The search files every page loads from its <head>, so search is ready before the theme's scripts run."""

from __future__ import annotations

import pytest
from support.html import exists, page, resolve

PAGES = ["", "glossary/", "glossary/raci/", "comparisons/ux-vs-mlops/", "guide/search/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_starts_search_from_its_head(shipped_site, url):
    head = page(shipped_site, url).css_first("head")
    script = head.css_first('script[src$="assets/crosswalk/search.js"]')
    assert script is not None and "async" in script.attributes
    preload = head.css_first('link[rel="preload"][as="fetch"]')
    assert preload is not None and preload.attributes.get("crossorigin") == "anonymous"  # fetch() can reuse it
    for href, expected in ((script.attributes["src"], "assets/crosswalk/search.js"), (preload.attributes["href"], "search/crosswalk-glossary.json")):
        target, _ = resolve(url, href)
        assert target == expected and exists(shipped_site, target)
    # loaded once: not again with the theme's scripts at the end of the page
    assert len(page(shipped_site, url).css('script[src$="assets/crosswalk/search.js"]')) == 1


def test_the_error_page_searches_too_from_any_depth(shipped_site):
    # A host serves 404.html at whatever path was missing, so its links start from the site root.
    head = page(shipped_site, "404.html").css_first("head")
    script = head.css_first('script[src$="assets/crosswalk/search.js"]')
    preload = head.css_first('link[rel="preload"][as="fetch"]')
    assert script.attributes["src"] == "/assets/crosswalk/search.js"
    assert preload.attributes["href"] == "/search/crosswalk-glossary.json"
    assert exists(shipped_site, "assets/crosswalk/search.js") and exists(shipped_site, "search/crosswalk-glossary.json")
