"""Search in the shipped site: keyboard alone, kind labels, definitions, and the same answers as the CLI."""

from __future__ import annotations

from mkdocs_crosswalk.core import KINDS, load_knowledge_base
from mkdocs_crosswalk.core.search import search, search_documents
from support import REPO

KB = load_knowledge_base(REPO / "kb")
DOCS = search_documents(KB, lambda e: f"{e.SECTION}/{e.id}/")
QUERIES = ["RACI", "PRD", "DACI", "A/B test", "CI/CD", "data drift", "drift", "F1 score", "5 Whys", "retra", "responsibility assignment"]


def test_typing_a_term_shows_results_with_kinds_and_the_definition(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/")
    browser_page.keyboard.press("/")
    box = browser_page.get_by_role("combobox", name="Search")
    assert box.evaluate("el => el === document.activeElement")
    box.type("RACI")
    first = browser_page.locator("#cw-search-results li").first
    first.wait_for()
    assert first.get_attribute("data-cw-id") == "raci"
    assert first.locator(".cw-search__kind").text_content() == "Term"
    assert KB["raci"].summary in first.locator(".cw-search__definition").inner_text()
    labels = set(browser_page.locator("#cw-search-results .cw-search__kind").all_text_contents())
    assert labels and labels <= {model.LABEL for model in KINDS.values()} | {"Page"}


def test_search_answers_before_the_page_has_finished_loading(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/raci/", wait_until="domcontentloaded")
    browser_page.locator(".cw-search-open").wait_for()
    browser_page.keyboard.press("/")
    browser_page.keyboard.insert_text("PRD")  # all at once, as pasted
    first = browser_page.locator("#cw-search-results li").first
    first.wait_for()
    assert first.get_attribute("data-cw-id") == "prd"
    # the rest of the index follows: a skill is found from the same box
    browser_page.get_by_role("combobox", name="Search").fill(KB.of_kind("skill")[0].title)
    browser_page.locator(f'#cw-search-results li:first-child[data-cw-id="{KB.of_kind("skill")[0].id}"]').wait_for()


def test_the_keyboard_alone_reaches_a_result(browser_page, shipped_url):
    browser_page.goto(shipped_url)
    browser_page.keyboard.press("/")
    browser_page.keyboard.type("data drift")
    browser_page.locator('#cw-search-results li:first-child[data-cw-id="data-drift"]').wait_for()
    browser_page.keyboard.press("ArrowDown")
    browser_page.keyboard.press("ArrowUp")
    assert browser_page.locator('#cw-search-results li[aria-selected="true"]').get_attribute("data-cw-id") == "data-drift"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.url.endswith("/glossary/data-drift/")
    browser_page.keyboard.press("/")
    browser_page.keyboard.press("Escape")
    assert not browser_page.locator(".cw-search").is_visible()


def test_site_and_cli_agree_on_the_first_result(browser_page, shipped_url):
    browser_page.goto(shipped_url)
    browser_page.keyboard.press("/")
    box = browser_page.get_by_role("combobox", name="Search")
    for query in QUERIES:
        box.fill(query)
        expected = search(DOCS, query)[0]["id"]
        browser_page.wait_for_function("id => { const li = document.querySelector('#cw-search-results li'); return li && li.dataset.cwId === id; }", arg=expected, timeout=5000)


def test_results_narrow_by_kind(browser_page, shipped_url):
    browser_page.goto(shipped_url)
    browser_page.keyboard.press("/")
    browser_page.get_by_role("combobox", name="Search").fill("model")
    browser_page.locator("#cw-search-results li").first.wait_for()
    browser_page.get_by_label("Kind").select_option(label="Case study")
    kinds = browser_page.locator("#cw-search-results li").evaluate_all("els => els.map(e => e.dataset.cwKind)")
    assert kinds and set(kinds) == {"case"}


def test_hand_written_guide_pages_are_found_too(browser_page, shipped_url):
    browser_page.goto(shipped_url)
    browser_page.keyboard.press("/")
    browser_page.get_by_role("combobox", name="Search").fill("error messages")
    first = browser_page.locator("#cw-search-results li").first
    first.wait_for()
    assert first.get_attribute("data-cw-kind") == "page"
    assert first.locator("a").get_attribute("href").endswith("/guide/errors/")


def test_an_index_that_cannot_be_loaded_is_said_not_left_loading(browser_page, shipped_url):
    browser_page.route("**/search/crosswalk-glossary.json", lambda route: route.fulfill(status=404, body="gone"))
    browser_page.goto(shipped_url)
    browser_page.keyboard.press("/")
    browser_page.keyboard.type("RACI")
    status = browser_page.locator(".cw-search__status")
    browser_page.wait_for_function("el => el.textContent.includes('could not be loaded')", arg=status.element_handle())
    assert "Loading" not in status.inner_text()
