"""Search in the shipped site: lunr.js over the index `crosswalk search` reads, keyboard alone, the same answers."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from mkdocs_crosswalk.core import KINDS, load_knowledge_base
from mkdocs_crosswalk.core.search import INDEX_FILES, LIMITS, Searcher, root, shards_for, stem, words
from support import REPO
from support.search_queries import HOSTILE, QUERIES

KB = load_knowledge_base(REPO / "kb")
FIRST_ROW = "() => { const li = document.querySelector('#cw-search-results li'); return li && [li.dataset.cwId, li.dataset.cwAnchor || '']; }"


@pytest.fixture(scope="module")
def searcher(shipped_site):
    return Searcher.of_site(shipped_site)


def open_search(page, url):
    page.goto(url)
    page.keyboard.press("/")
    box = page.get_by_role("combobox", name="Search")
    page.wait_for_function("() => !document.querySelector('.cw-search__status') || true")
    return box


def wait_for_full_text(page, box):
    box.fill("Fei-Fei Li")  # only in a case study's text
    page.wait_for_function("() => document.querySelector('#cw-search-results li[data-cw-anchor]')")


def test_typing_a_term_shows_results_with_kinds_and_the_definition(browser_page, shipped_url):
    box = open_search(browser_page, shipped_url + "cases/")
    assert box.evaluate("el => el === document.activeElement")
    box.type("RACI")
    first = browser_page.locator("#cw-search-results li").first
    first.wait_for()
    assert first.get_attribute("data-cw-id") == "raci"
    assert first.locator(".cw-search__kind").text_content() == "Term"
    assert KB["raci"].summary in first.locator(".cw-search__definition").inner_text()
    labels = set(browser_page.locator("#cw-search-results .cw-search__kind").all_text_contents())
    assert labels and labels <= {model.LABEL for model in KINDS.values()} | {"Page"}


def test_names_answer_before_the_page_has_finished_loading_and_the_full_text_follows(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/raci/", wait_until="domcontentloaded")
    browser_page.locator(".cw-search-open").wait_for()
    browser_page.keyboard.press("/")
    browser_page.keyboard.insert_text("PRD")  # all at once, as pasted
    browser_page.locator('#cw-search-results li:first-child[data-cw-id="prd"]').wait_for()
    browser_page.get_by_role("combobox", name="Search").fill("Spark Summit")
    first = browser_page.locator('#cw-search-results li:first-child[data-cw-anchor="the-outcome"]')
    first.wait_for()
    # the snippet (its file arrives after the text index) shows the words found, marked, as text
    first.locator(".cw-search__snippet mark").nth(1).wait_for()
    assert first.locator(".cw-search__snippet mark").all_text_contents()[:2] == ["Spark", "Summit"]


def test_the_keyboard_alone_lands_on_the_sections_heading(browser_page, shipped_url, searcher):
    expected = searcher.search("feels like spam")[:2]
    assert expected[1].anchor  # the second result is a section of a page
    open_search(browser_page, shipped_url)
    browser_page.keyboard.type("feels like spam")
    browser_page.wait_for_function(f"() => ({FIRST_ROW})()?.join('#') === {json.dumps(expected[0].doc['id'] + '#' + expected[0].anchor)}")
    browser_page.keyboard.press("ArrowDown")
    selected = browser_page.locator('#cw-search-results li[aria-selected="true"]')
    assert selected.get_attribute("data-cw-id") == expected[1].doc["id"]
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    landed = urlsplit(browser_page.url)
    assert f"{landed.path}#{landed.fragment}".endswith("/" + expected[1].url) and parse_qs(landed.query) == {"h": ["feels like spam"]}
    # the words searched for are marked in the page's text, and nowhere else (not in definition cards, not in the box)
    marks = browser_page.locator("article mark[data-cw-hit]")
    assert {text.lower() for text in marks.all_inner_texts()} >= {"like", "spam"}  # and "feel", its stem
    assert browser_page.evaluate("() => document.querySelectorAll('.cw-term__tip mark, .cw-search mark, svg mark').length") == 0
    heading = browser_page.locator(f"#{expected[1].anchor}")
    assert re.fullmatch(r"h[2-6]", heading.evaluate("el => el.tagName.toLowerCase()"))
    browser_page.wait_for_function(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }", arg=heading.element_handle()
    )
    browser_page.keyboard.press("/")
    browser_page.keyboard.press("Escape")
    assert not browser_page.locator(".cw-search").is_visible()


def test_site_and_cli_agree_on_the_first_result(browser_page, shipped_url, searcher):
    box = open_search(browser_page, shipped_url)
    wait_for_full_text(browser_page, box)
    for query in QUERIES:
        first = searcher.search(query)[0]
        box.fill(query)
        browser_page.wait_for_function(f"expected => ({FIRST_ROW})()?.join('#') === expected", arg=f"{first.doc['id']}#{first.anchor}", timeout=5000)


def test_the_same_words_and_stems_on_both_sides(browser_page, shipped_url):
    """The index's terms are made in Python, the query's in search.js: the two must not drift apart."""
    text = " ".join(entry.body for entry in KB.entries.values()) + " A/B test, CI/CD, 5 Whys; Li’s naïve café ÉTÉ 1,500 x_y studies boxes glasses"
    vocabulary = sorted(set(words(text)))
    open_search(browser_page, shipped_url)
    browser_page.wait_for_function("() => window.__crosswalkSearch")
    assert browser_page.evaluate("t => window.__crosswalkSearch.words(t)", text) == words(text)
    stems = browser_page.evaluate("ws => ws.map(window.__crosswalkSearch.stem)", vocabulary)
    assert len(vocabulary) > 2000
    assert {w: s for w, s in zip(vocabulary, stems) if s != stem(w)} == {}
    assert stem("studies") == "study" and stem("feels") == "feel" and stem("prd") == "prd" and stem("analysis") == "analysis"
    roots = browser_page.evaluate("ws => ws.map(window.__crosswalkSearch.root)", vocabulary)
    assert {w: r for w, r in zip(vocabulary, roots) if r != root(w)} == {}
    assert [root(w) for w in ("drifting", "labelled", "prototype", "running", "issue", "café")] == [
        "drift",
        "label",
        "prototyp",
        "run",
        "issue",
        "café",
    ]


def test_the_same_shards_on_both_sides(browser_page, shipped_url):
    """search.js fetches the text index's shards shards_for() picks; over shards as fine as one or two
    terms each, so that prefixes and plurals straddle them, both pick the same for every query."""
    vocabulary = sorted(set(words(" ".join(entry.body for entry in KB.entries.values()))))
    starts = [""] + vocabulary[1::2]
    queries = QUERIES + HOSTILE + ["studies", "retrospectives", "user s", "dat", "mod"] + [w[:3] for w in vocabulary[::40]]
    open_search(browser_page, shipped_url)
    browser_page.wait_for_function("() => document.querySelector('.cw-search__status') && window.__crosswalkSearch")
    browser_page.keyboard.type("RACI")  # the names index (with the query plan) is in
    browser_page.wait_for_function(f"() => ({FIRST_ROW})()?.[0] === 'raci'")
    picked = browser_page.evaluate("([starts, queries]) => queries.map(q => window.__crosswalkSearch.shardsFor(starts, q))", [starts, queries])
    expected = [shards_for(starts, [w[: LIMITS["word_length"]] for w in words(q)[: LIMITS["words"]]]) or [] for q in queries]
    assert {q[:20]: (a, b) for q, a, b in zip(queries, picked, expected) if a != b} == {}
    assert len(starts) > 1000 and sum(len(p) > 1 for p in picked) > 10  # prefixes did straddle shards


def test_hostile_input_is_text_never_syntax_nor_markup(browser_page, shipped_url):
    box = open_search(browser_page, shipped_url)
    wait_for_full_text(browser_page, box)
    status = browser_page.locator(".cw-search__status")
    for query in HOSTILE:
        box.fill(query)
        if not query.strip():  # nothing to search for: no results and nothing said
            browser_page.wait_for_function("q => document.getElementById('cw-search-results').dataset.cwQuery === q", arg=query)
            assert status.inner_text() == "" and browser_page.locator("#cw-search-results li").count() == 0
            continue
        browser_page.wait_for_function(
            "q => { const list = document.getElementById('cw-search-results'); return list.dataset.cwQuery === q && list.dataset.cwComplete === 'true'; }",
            arg=query,
        )
        assert re.match(r"((\d+ of )?\d+ results?|Nothing found\.)$", status.inner_text()), (query[:20], status.inner_text())
    assert browser_page.evaluate("() => window.__injected") is None
    assert browser_page.locator("#cw-search-results img, #cw-search-results script").count() == 0
    box.fill("RACI")  # and the box still answers
    browser_page.wait_for_function(f"() => ({FIRST_ROW})()?.[0] === 'raci'")


def test_results_narrow_by_kind_and_the_address_keeps_the_search(browser_page, shipped_url):
    box = open_search(browser_page, shipped_url)
    box.fill("model")
    browser_page.locator("#cw-search-results li").first.wait_for()
    browser_page.get_by_label("Kind").select_option(label="Case study")
    kinds = browser_page.locator("#cw-search-results li").evaluate_all("els => els.map(e => e.dataset.cwKind)")
    assert kinds and set(kinds) == {"case"}
    assert "q=model" in browser_page.url and "kind=case" in browser_page.url
    browser_page.reload()  # the same search, open again
    browser_page.locator("#cw-search-results li").first.wait_for()
    assert browser_page.get_by_role("combobox", name="Search").input_value() == "model"
    assert browser_page.get_by_label("Kind").input_value() == "case"
    assert set(browser_page.locator("#cw-search-results li").evaluate_all("els => els.map(e => e.dataset.cwKind)")) == {"case"}
    browser_page.keyboard.press("Escape")
    assert "q=" not in browser_page.url


@pytest.mark.parametrize("part", ["names", "text", "shard"])
def test_an_index_that_cannot_be_loaded_is_said_not_left_loading(browser_page, shipped_url, part):
    browser_page.route(f"**/{INDEX_FILES[part].format('*')}", lambda route: route.fulfill(status=404, body="gone"))
    open_search(browser_page, shipped_url)
    browser_page.keyboard.type("RACI")
    status = browser_page.locator(".cw-search__status")
    browser_page.wait_for_function("el => el.textContent.includes('could not be loaded')", arg=status.element_handle())
    assert "Loading" not in status.inner_text()
    if part != "names":  # names are still found
        assert browser_page.locator("#cw-search-results li").first.get_attribute("data-cw-id") == "raci"


def test_the_page_a_result_opens_marks_a_name_written_with_slashes(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/recommendation-feature-scope/?h=ab+test")
    marks = {text.lower() for text in browser_page.locator("article mark[data-cw-hit]").all_inner_texts()}
    assert "a/b" in marks and marks & {"test", "tests"}


def test_escape_closes_the_box_and_gives_the_focus_back(browser_page, shipped_url):
    """The box is a dialog: Escape closes it wherever the focus is, and the focus returns to what opened it (here
    the Search button), not to the top of the page; a box opened from a linked search closes the same way."""
    browser_page.goto(shipped_url + "glossary/drift/")
    button = browser_page.get_by_role("button", name="Search (press /)")
    button.focus()
    browser_page.keyboard.press("Enter")
    box = browser_page.get_by_role("combobox", name="Search")
    box.fill("drift")
    browser_page.locator("#cw-search-results li").first.wait_for()
    browser_page.keyboard.press("Escape")
    assert browser_page.locator(".cw-search").is_hidden()
    assert button.evaluate("el => el === document.activeElement")
    browser_page.goto(shipped_url + "?q=drift")  # opened by the address, the focus then moved away by a click
    browser_page.locator("#cw-search-results li").first.wait_for()
    browser_page.evaluate("document.activeElement.blur()")
    browser_page.keyboard.press("Escape")
    assert browser_page.locator(".cw-search").is_hidden() and "q=" not in browser_page.url


def test_the_box_says_how_many_results_there_are_and_shows_more_on_request(browser_page, shipped_url):
    """Twelve results are shown at first; the status said "12 results" when there were 26, and there was no way
    to see the rest. It now says "12 of N results" and "Show 12 more" adds the next ones; a new query starts over."""
    box = open_search(browser_page, shipped_url)
    box.fill("RACI")
    browser_page.wait_for_function("() => document.getElementById('cw-search-results').dataset.cwComplete === 'true'")
    status = browser_page.locator(".cw-search__status")
    total = int(re.match(r"12 of (\d+) results$", status.inner_text()).group(1))
    assert total > 12 and browser_page.locator("#cw-search-results li").count() == 12
    more = browser_page.get_by_role("button", name=re.compile(r"^Show \d+ more$"))
    more.focus()
    browser_page.keyboard.press("Enter")  # by keyboard: the focus must not be lost meanwhile
    browser_page.wait_for_function("n => document.querySelectorAll('#cw-search-results li').length === n", arg=min(24, total))
    assert status.inner_text() == (f"24 of {total} results" if total > 24 else f"{total} results")
    # back in the box, on the first result added, which is in view
    assert box.evaluate("el => el === document.activeElement") and box.get_attribute("aria-activedescendant") == "cw-search-result-12"
    added = browser_page.locator("#cw-search-result-12")
    assert added.get_attribute("aria-selected") == "true" and added.evaluate(
        "el => { const r = el.getBoundingClientRect(), p = el.closest('.cw-search__panel').getBoundingClientRect(); return r.top >= p.top && r.bottom <= p.bottom; }"
    )
    # Tab goes round the box's own controls, never out to the page behind it
    for _ in range(6):
        browser_page.keyboard.press("Tab")
        assert browser_page.evaluate("() => !!document.activeElement.closest('.cw-search')")
    box.fill("RACI matrix")
    browser_page.wait_for_function("() => document.getElementById('cw-search-results').dataset.cwQuery === 'RACI matrix'")
    assert browser_page.locator("#cw-search-results li").count() <= 12


def test_slash_opens_the_search_from_a_checkbox_but_not_from_a_text_field(browser_page, shipped_url):
    """Right after ticking "Add to assignment", "/" did nothing (any <input> counted as typing); in the glossary
    filter it must still type a slash."""
    browser_page.goto(shipped_url + "cases/")
    browser_page.locator("#finder-results + .cw-cards input[data-cw-pick]").first.check()
    browser_page.keyboard.press("/")
    expect(browser_page.get_by_role("combobox", name="Search")).to_be_focused()
    browser_page.goto(shipped_url + "glossary/")
    browser_page.get_by_label("Filter terms").type("ci/")
    assert browser_page.get_by_label("Filter terms").input_value() == "ci/" and browser_page.locator(".cw-search").is_hidden()
