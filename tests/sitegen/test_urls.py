"""render/urls.py: links between site-relative URLs, and field links resolved on the page that shows them."""

from __future__ import annotations

import posixpath

import pytest

from mkdocs_crosswalk.render.urls import href_placeholder, relative_url, resolve_hrefs, site_url

RELATIVE = [
    # (target, page URL, expected href)
    ("glossary/raci/", "glossary/prd/", "../raci/"),
    ("glossary/raci/", "", "glossary/raci/"),
    ("", "glossary/raci/", "../../"),
    ("glossary/raci/", "glossary/raci/", "./"),
    ("glossary/raci/#how", "glossary/raci/", "./#how"),
    ("comparisons/ux-vs-ml/discover/", "comparisons/ux-vs-ml/", "discover/"),
    ("comparisons/ux-vs-ml/", "comparisons/ux-vs-ml/discover/", "../"),
    ("cases/ship-it/", "skills/collaboration/kit/", "../../../cases/ship-it/"),
    ("glossary/", "glossary/raci/", "../"),
    ("assets/crosswalk/search.js", "404.html", "assets/crosswalk/search.js"),
    ("search/crosswalk-glossary.json", "guide/cli/", "../../search/crosswalk-glossary.json"),
    ("roles/#pairs", "roles/pairs/", "../#pairs"),
]


@pytest.mark.parametrize("target, page, expected", RELATIVE)
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


@pytest.mark.parametrize("target, page, href", RELATIVE)
def test_site_url_undoes_relative_url(target, page, href):
    assert site_url(href, page) == target


@pytest.mark.parametrize(
    "href, page, expected",
    [
        ("../../glossary/raci/", "guide/glossary/", "glossary/raci/"),
        ("../raci.html#how", "glossary/prd.html", "raci.html#how"),  # use_directory_urls: false
        ("https://example.org/glossary/raci/", "", None),
        ("//example.org/glossary/raci/", "", None),
        ("mailto:team@example.org", "", None),
        ("/glossary/raci/", "guide/", None),  # from the server's root: not a link within the site's relative URLs
        ("#how", "glossary/raci/", None),
        ("../../../x/", "glossary/raci/", None),
    ],
)
def test_site_url_of_links_that_leave_or_stay(href, page, expected):
    assert site_url(href, page) == expected


@pytest.mark.parametrize("target, page, expected", RELATIVE)
def test_relative_url_leads_back_to_the_target(target, page, expected):
    folder = page.rsplit("/", 1)[0] if "/" in page else ""
    path, _, fragment = expected.partition("#")
    landed = posixpath.normpath(posixpath.join(folder, path)) if path else page
    landed = "" if landed == "." else landed + ("/" if path.endswith("/") and landed else "")
    assert landed + ("#" + fragment if fragment else "") == target


RESOLVE = [
    # (HTML with placeholders, page URL, expected)
    (
        f'<a class="cw-ref" href="{href_placeholder("glossary/raci/")}">RACI</a>',
        "cases/ship-it/",
        '<a class="cw-ref" href="../../glossary/raci/">RACI</a>',
    ),
    (f'<a href="{href_placeholder("glossary/raci/")}" class="x">R</a>', "glossary/", '<a href="raci/" class="x">R</a>'),
    (f'<a href="{href_placeholder("comparisons/c/#stage-s")}">S</a>', "comparisons/c/", '<a href="./#stage-s">S</a>'),
    (f"{href_placeholder('a/')} and {href_placeholder('b/')}", "a/", "./ and ../b/"),
    ('<a href="https://example.org/">plain links stay</a>', "a/", '<a href="https://example.org/">plain links stay</a>'),
    ("", "a/", ""),
]


@pytest.mark.parametrize("html, page, expected", RESOLVE)
def test_resolve_hrefs_makes_field_links_work_on_the_page_that_shows_them(html, page, expected):
    assert resolve_hrefs(html, page) == expected
