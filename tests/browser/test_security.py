"""In a real browser: planted payloads never run, and no page fetches anything from another origin."""

from __future__ import annotations

import pytest

from support import build_site
from support.browser import serve_directory
from support.payloads import payload_project

# One page of every kind, every catalogue, the home page and a hand-written page.
PAGES = [
    "",
    "about/",
    "glossary/",
    "glossary/raci/",
    "skills/",
    "skills/collaboration/",
    "cases/",
    "cases/ship-it/",
    "rubrics/",
    "rubrics/explain-tradeoff/",
    "comparisons/",
    "comparisons/ux-vs-ml/",
    "journeys/",
    "journeys/ml-journey/",
    "roles/",
    "roles/ux-designer/",
    "paths/",
    "paths/designer-path/",
]


@pytest.fixture(scope="module")
def payload_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("payload-browser")
    result = build_site(payload_project(root / "project"), root / "site")
    assert result.returncode == 0, result.stderr
    with serve_directory(root / "site") as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_planted_scripts_never_run(browser_page, payload_url, path):
    dialogs = []
    browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    browser_page.goto(payload_url + path)
    for link in browser_page.locator("article a").all()[:12]:  # hovering fires any planted onmouseover
        if link.is_visible():
            browser_page.mouse.move(0, 0)  # away first: the last link's definition card may cover this one
            link.hover()
    browser_page.wait_for_timeout(100)
    assert dialogs == []


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_machine(browser_page, mini_url, path):
    """`browser_page` aborts and reports any request to another origin; the page must still load whole."""
    response = browser_page.goto(mini_url + path)
    assert response.ok
    browser_page.wait_for_load_state("networkidle")
