"""Browser fixtures: one Chromium per session, a fresh page per test, sites served on loopback."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from support.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright_driver():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_driver):
    """Chromium with the machine's font configuration (./dev test points FONTCONFIG_FILE at the fonts it installs)."""
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def browser_page(chromium):
    """A page in a fresh context; fails the test if anything is requested from another origin."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    foreign: list[str] = []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not foreign, f"the page requested other origins: {foreign}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def mini_url(mini_site):
    with serve_directory(mini_site) as url:
        yield url


@pytest.fixture(scope="session")
def shipped_url(shipped_site):
    with serve_directory(shipped_site) as url:
        yield url
