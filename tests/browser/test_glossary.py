"""The glossary in a real browser: definitions on hover and focus, and the filter."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


def _first_term(page):
    return page.locator("article .cw-term").first


def test_hovering_a_term_shows_its_definition(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/latency-accuracy-tradeoff/")
    term = _first_term(browser_page)
    tip = term.locator("[role=tooltip]")
    assert not tip.is_visible()
    term.locator("a").hover()
    assert tip.is_visible()
    term_id = term.locator("a").get_attribute("data-cw-id")
    definition = browser_page.evaluate(
        "id => fetch('../../glossary.json').then(r => r.json()).then(d => d.terms.find(t => t.id === id).definition)", term_id
    )
    assert definition in tip.inner_text()
    browser_page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_focusing_a_term_with_the_keyboard_shows_its_definition(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/latency-accuracy-tradeoff/")
    term = _first_term(browser_page)
    link = term.locator("a")
    for _ in range(200):  # tab until the term link has focus, as a keyboard user would
        browser_page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the term link is not reachable with Tab")
    assert term.locator("[role=tooltip]").is_visible()


def test_glossary_filter_finds_terms_by_title_alias_and_domain(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/")
    box = browser_page.get_by_label("Filter terms")
    visible = lambda: browser_page.locator(".cw-glossary__item:visible").evaluate_all("els => els.map(e => e.dataset.cwId)")
    box.fill("RACI")
    assert visible()[0] == "raci"  # the exact title first
    box.fill("responsibility assignment")
    assert "raci" in visible()
    assert "filter=responsibility" in browser_page.url  # the filter state is in the URL, shareable
    for typed in ("ab test", "A/B tests", "a-b test"):  # spaces and punctuation do not matter, a plural finds it
        box.fill(typed)
        assert visible()[:1] == ["ab-test"], typed
    box.fill("")
    everything = len(visible())
    browser_page.locator('button[data-cw-domain="compliance"]').click()
    narrowed = visible()
    assert 0 < len(narrowed) < everything
    browser_page.reload()
    assert visible() == narrowed  # the domain chip survives a reload


def test_a_filter_that_finds_no_term_offers_the_site_search(browser_page, shipped_url):
    """Words in no term's name or definition may still be in a case study: "0 of 95 terms" now offers to search
    the whole site for them, and the link opens the site search with them."""
    browser_page.goto(shipped_url + "glossary/")
    browser_page.get_by_label("Filter terms").fill("Spark Summit")  # only in a case study's text
    status = browser_page.locator("[data-cw-glossary-count]")
    expect(status).to_contain_text("0 of ")
    status.get_by_role("link", name="Search the whole site for “Spark Summit”").click()
    expect(browser_page.get_by_role("combobox", name="Search")).to_have_value("Spark Summit")
    browser_page.locator("#cw-search-results li").first.wait_for()
    assert browser_page.locator("#cw-search-results li").first.get_attribute("data-cw-id") == "mlflow-first-release"
    browser_page.keyboard.press("Escape")  # back to the glossary, filtered as it was
    assert browser_page.get_by_label("Filter terms").input_value() == "Spark Summit"


def test_a_shared_filtered_glossary_opens_as_the_glossary_not_the_site_search(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/?filter=drift&domains=ml")
    visible = browser_page.locator(".cw-glossary__item:visible")
    assert visible.count() > 0 and all("drift" in text.lower() for text in visible.all_inner_texts())
    assert browser_page.locator('button[data-cw-domain="ml"]').get_attribute("aria-pressed") == "true"
    assert not browser_page.get_by_role("dialog", name="Search").is_visible()
    browser_page.keyboard.press("/")  # a site search opened and closed on the page keeps the glossary's filter
    browser_page.keyboard.type("raci")
    browser_page.keyboard.press("Escape")
    browser_page.reload()
    assert browser_page.get_by_label("Filter terms").input_value() == "drift"
    assert not browser_page.get_by_role("dialog", name="Search").is_visible()


def _letter_bar(page):
    """(letter, it is a live link) for each letter of the A to Z bar."""
    return page.locator(".cw-letters a").evaluate_all(
        "els => els.map(el => [el.textContent.trim(), el.hasAttribute('href') && el.getAttribute('aria-disabled') === null])"
    )


def _toc_letters(page):
    return page.locator(".md-nav--secondary a[href^='#letter-']:visible").evaluate_all("els => els.map(el => el.textContent.trim())")


def _tabbed_letters(page):
    """The letters of the bar that Tab stops at, from the filter box on."""
    page.get_by_label("Filter terms").focus()
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        text = page.evaluate("() => document.activeElement.closest('.cw-letters') ? document.activeElement.textContent.trim() : null")
        if text is None and stops:
            break
        if text is not None:
            stops.append(text)
    return stops


def test_letters_with_no_term_left_after_filtering_are_disabled_until_the_filter_clears(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/")
    everything = _letter_bar(browser_page)
    assert len(everything) > 10 and all(link for _, link in everything)
    assert _tabbed_letters(browser_page) == [text for text, _ in everything]
    bar = browser_page.locator(".cw-letters")
    colour = bar.locator("a").first.evaluate("el => getComputedStyle(el).color")

    browser_page.get_by_label("Filter terms").fill("RACI")
    shown = {text for text, link in _letter_bar(browser_page) if link}
    assert shown == {"R"}
    assert _toc_letters(browser_page) == ["R"]  # the table of contents beside the page lists the same letters
    assert _tabbed_letters(browser_page) == ["R"]
    disabled = bar.locator("a[aria-disabled=true]").first
    assert disabled.evaluate("el => getComputedStyle(el).color") != colour  # it looks disabled, not just inert
    assert disabled.is_disabled()  # as Playwright and assistive technology see it
    disabled.click(force=True)
    assert "#letter" not in browser_page.url  # it leads nowhere

    browser_page.get_by_label("Filter terms").fill("")
    browser_page.locator('button[data-cw-domain="compliance"]').click()
    with_terms = set(browser_page.locator(".cw-letter:not([hidden]) h2").evaluate_all("els => els.map(el => el.textContent.trim())"))
    shown = {text for text, link in _letter_bar(browser_page) if link}
    assert shown == with_terms and 0 < len(shown) < len(everything)

    browser_page.locator('button[data-cw-domain="compliance"]').click()  # the filter clears: every letter is back
    assert _letter_bar(browser_page) == everything
    assert _toc_letters(browser_page) == [text for text, _ in everything]
    browser_page.locator(".cw-letters a", has_text="R").first.click()
    assert browser_page.url.endswith("#letter-r")


def test_a_printed_meeting_sheet_has_no_site_chrome(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/sheets/")
    with browser_page.expect_navigation():  # wait for the sheet itself, not the list we left
        browser_page.locator(".cw-sheet-list a").first.click()
    browser_page.wait_for_selector(".cw-sheet__term")
    browser_page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not browser_page.locator(chrome).first.is_visible(), chrome
    assert browser_page.locator(".cw-sheet__term").first.is_visible()


def _tap(page, locator):
    """A finger tap (touch events, not a mouse click) on the middle of ``locator``."""
    box = locator.bounding_box()
    point = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_on_a_touch_screen_the_first_tap_shows_the_definition_and_the_second_follows(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/latency-accuracy-tradeoff/")
    term = _first_term(browser_page)
    link = term.locator("a")
    link.scroll_into_view_if_needed()
    target = link.get_attribute("data-cw-id")
    _tap(browser_page, link)
    browser_page.wait_for_timeout(200)  # a navigation would have started by now
    assert browser_page.url.endswith("cases/latency-accuracy-tradeoff/")
    assert term.locator("[role=tooltip]").is_visible()
    with browser_page.expect_navigation():
        _tap(browser_page, link)
    assert browser_page.url.endswith(f"glossary/{target}/")


def test_a_definition_in_a_table_is_not_clipped_and_stays_in_the_window(browser_page, shipped_url):
    browser_page.set_viewport_size({"width": 420, "height": 800})
    browser_page.goto(shipped_url + "comparisons/ai-product-lifecycle/")
    term = browser_page.locator("article td .cw-term").first
    term.scroll_into_view_if_needed()
    term.locator("a").hover()
    tip = term.locator("[role=tooltip]")
    assert tip.is_visible()
    fits, on_top = tip.evaluate(
        """tip => {
            const r = tip.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return [r.left >= 0 && r.right <= document.documentElement.clientWidth && r.top >= 0 && r.bottom <= innerHeight, tip.contains(hit)];
        }"""
    )
    assert fits, "the definition runs out of the window"
    assert on_top, "the definition is clipped or covered"


# The same card on every kind of link to a term: written on purpose with [[id]] or as a Markdown link, found in prose,
# listed in the glossary.
LINKS = {
    "explicit": ("skills/communicating-ml-experiments/", "article p .cw-term--ref"),
    "autolink": ("skills/communicating-ml-experiments/", "article p .cw-term:not(.cw-term--ref)"),
    "glossary-index": ("glossary/", "article .cw-glossary__item dt .cw-term"),
    # [the RACI chart](../glossary/raci.md), an ordinary Markdown link in the user's guide
    "hand-written": ("guide/glossary/", 'article p .cw-term--ref:has(> a[data-cw-id="raci"])'),
}


def _card(page, url, selector):
    page.goto(url)
    term = page.locator(selector).first
    term.scroll_into_view_if_needed()
    link, tip = term.locator("a").first, term.locator("[role=tooltip]")
    assert link.get_attribute("title") is None  # no native tooltip beside the card
    term_id = link.get_attribute("data-cw-id")
    summary = page.evaluate(
        "id => fetch(location.origin + '/glossary.json').then(r => r.json()).then(d => d.terms.find(t => t.id === id).definition)", term_id
    )
    return term, link, tip, summary


def _visible_card(tip, summary):
    assert tip.is_visible()
    assert summary in " ".join(tip.inner_text().split())
    assert tip.evaluate("el => getComputedStyle(el).position") == "fixed"  # placed by glossary.js, the styled card


@pytest.mark.parametrize("kind", list(LINKS))
def test_every_kind_of_term_link_shows_the_card_on_hover(browser_page, shipped_url, kind):
    url, selector = LINKS[kind]
    term, link, tip, summary = _card(browser_page, shipped_url + url, selector)
    assert not tip.is_visible()
    link.hover()
    _visible_card(tip, summary)


@pytest.mark.parametrize("kind", list(LINKS))
def test_every_kind_of_term_link_shows_the_card_on_keyboard_focus(browser_page, shipped_url, kind):
    url, selector = LINKS[kind]
    term, link, tip, summary = _card(browser_page, shipped_url + url, selector)
    # from the element before it in the tab order (a link, or a code block that scrolls), as a keyboard user arrives
    link.evaluate(
        "el => { const all = [...document.querySelectorAll('a[href], [tabindex]:not([tabindex=\"-1\"])')]; all[all.indexOf(el) - 1].focus(); }"
    )
    browser_page.keyboard.press("Tab")
    assert link.evaluate("el => el === document.activeElement")
    _visible_card(tip, summary)
    assert link.get_attribute("aria-describedby") == tip.get_attribute("id")  # read out with the link


@pytest.mark.parametrize("kind", list(LINKS))
def test_every_kind_of_term_link_shows_the_card_on_first_tap(browser_page, shipped_url, kind):
    url, selector = LINKS[kind]
    term, link, tip, summary = _card(browser_page, shipped_url + url, selector)
    _tap(browser_page, link)
    browser_page.wait_for_timeout(200)  # a navigation would have started by now
    assert browser_page.url == shipped_url + url
    _visible_card(tip, summary)
