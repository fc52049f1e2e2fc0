"""Where a reader is: pages outside the navigation (entries, meeting sheets, stage pages) sit under the page of their
folder, so the header's tab and the breadcrumbs say where they belong, as for pages in the nav."""

from __future__ import annotations

import pytest

from support.html import page, resolve


def _where(site, url: str) -> tuple[str | None, list[tuple[str, str]]]:
    """The active tab's label, and the breadcrumbs as (label, site-relative URL, or None for a nav section
    named, not linked, because its first page is the next crumb)."""
    tree = page(site, url)
    tab = tree.css_first(".md-tabs__item--active")
    crumbs = [
        (item.text(strip=True), resolve(url, link.attributes["href"])[0] if (link := item.css_first("a")) else None)
        for item in tree.css(".md-path__item")
    ]
    return (tab.text(strip=True) if tab else None), crumbs


@pytest.mark.parametrize(
    ("url", "tab", "crumbs"),
    [
        ("glossary/drift/", "Glossary", [("Home", ""), ("Glossary", "glossary/")]),
        ("glossary/sheets/domain-ml/", "Glossary", [("Home", ""), ("Glossary", "glossary/"), ("Meeting sheets", "glossary/sheets/")]),
        ("cases/false-positive-translation-drill/", "Practice", [("Home", ""), ("Practice", None), ("Case studies", "cases/")]),
        ("roles/mlops-engineer/", "Compare", [("Home", ""), ("Compare", "comparisons/"), ("Roles", "roles/")]),
        (
            "comparisons/ux-vs-mlops/discovery-data/",
            "Compare",
            [
                ("Home", ""),
                ("Compare", None),
                ("Comparisons", "comparisons/"),
                ("UX Design Process vs MLOps Cycle", "comparisons/ux-vs-mlops/"),
            ],
        ),
        ("guide/search/", "Guide", [("Home", ""), ("Guide", "guide/")]),
    ],
)
def test_a_page_shows_its_tab_and_the_way_back(shipped_site, url, tab, crumbs):
    assert _where(shipped_site, url) == (tab, crumbs)


def test_every_catalogue_is_an_item_of_its_nav_section(shipped_site):
    # catalogues are folder index pages: they stay items of their section, not its hidden title link
    labels = [a.text(strip=True) for a in page(shipped_site, "cases/false-positive-translation-drill/").css(".md-sidebar--primary .md-nav__link")]
    assert {"Case studies", "Skill guides", "Interview rubrics"} <= set(labels)
