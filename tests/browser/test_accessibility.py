"""Accessibility of every kind of page, in light and dark mode, with axe-core; and the practice
features used with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO
from support.axe import axe_source, axe_violations, describe

KB = load_knowledge_base(REPO / "kb")


def first(kind):
    return KB.of_kind(kind)[0].id


def first_comparison_stage():
    comparison = KB.of_kind("comparison")[0]
    return f"comparisons/{comparison.id}/{comparison.stages[0].id}/"


PAGE_TYPES = {
    "home": "",
    "glossary": "glossary/",
    "glossary filtered": "glossary/?domains=compliance",  # letters with no term left are disabled
    "term": f"glossary/{first('term')}/",
    "skill": f"skills/{first('skill')}/",
    "case": f"cases/{first('case')}/",
    "rubric": f"rubrics/{first('rubric')}/",
    "path": f"paths/{first('path')}/",
    "comparison": f"comparisons/{first('comparison')}/",
    "stage": first_comparison_stage(),
    "journey": f"journeys/{first('journey')}/",
    "role": f"roles/{first('role')}/",
    "role pairs": "roles/pairs/",
    "role pair": None,  # the first pair listed on roles/pairs/
    "case finder": "cases/",
    "skill catalogue": "skills/",
    "rubric catalogue": "rubrics/",
    "path catalogue": "paths/",
    "comparison catalogue": "comparisons/",
    "journey catalogue": "journeys/",
    "role catalogue": "roles/",
    "meeting sheets": "glossary/sheets/",
    "assignment": "cases/assignment/?cases={cases}&due=2030-05-01&note=Read+first&title=Week+2",
    "interviewer kit": f"skills/{KB.of_kind('rubric')[0].skill}/kit/",
    "guide": "guide/",
    "tags": "tags/",
    "search open": "glossary/",
}


@pytest.fixture(scope="module")
def axe_js():
    return axe_source()


def open_page_type(page, base, name):
    path = PAGE_TYPES[name]
    if name == "role pair":
        page.goto(base + "roles/pairs/")
        page.locator("article a[href*='--']").first.click()
    else:
        page.goto(base + path.format(cases=",".join(c.id for c in KB.of_kind("case")[:3])))
    if name == "glossary filtered":
        page.wait_for_selector(".cw-letters a[aria-disabled=true]")
    if name == "assignment":
        page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    if name == "search open":
        page.keyboard.press("/")
        page.keyboard.type("drift")
        page.locator("#cw-search-results li").first.wait_for()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_serious_accessibility_findings(browser_page, shipped_url, axe_js, name, scheme):
    browser_page.emulate_media(color_scheme=scheme)
    open_page_type(browser_page, shipped_url, name)
    # The palette follows the reader's system setting: make sure this really is the scheme under test.
    expected = "slate" if scheme == "dark" else "default"
    assert browser_page.locator("body").get_attribute("data-md-color-scheme") == expected
    found = axe_violations(browser_page, source=axe_js)  # the whole page, pictures and open search box included
    assert not found, f"{name} ({scheme}):\n{describe(found)}"


def test_done_boxes_say_what_is_done(browser_page, shipped_url):
    path = KB.of_kind("path")[0]
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    for step in path.steps:
        expect(browser_page.get_by_role("checkbox", name=f"Done: {KB[step.ref].title}", exact=True)).to_have_count(1)
    skill = KB.of_kind("skill")[0]
    browser_page.goto(shipped_url + f"skills/{skill.id}/")
    expect(browser_page.get_by_role("checkbox", name=f"I can do this: beginner level of {skill.title}", exact=True)).to_have_count(1)
    browser_page.goto(shipped_url + "cases/")
    case = KB.of_kind("case")[0]
    expect(browser_page.get_by_role("checkbox", name=f"Add to assignment: {case.title}", exact=True)).to_have_count(1)


def test_the_progress_bar_reads_empty_at_zero_and_fills_in_proportion(browser_page, shipped_url):
    path = KB.of_kind("path")[0]
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    bar = browser_page.get_by_role("progressbar", name="Progress")
    fill = bar.locator(".cw-progress__fill")
    assert bar.get_attribute("aria-valuenow") == "0" and bar.get_attribute("aria-valuetext") == f"0 of {len(path.steps)} done"
    assert fill.bounding_box()["width"] == 0
    # The empty track is the page's background, not a dark bar.
    track, page_bg = bar.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(document.querySelector('.md-main')).backgroundColor]")
    assert track in (page_bg, "rgba(0, 0, 0, 0)") or track == "rgb(255, 255, 255)"
    browser_page.locator("input[data-cw-done]").first.check()
    expect(bar).to_have_attribute("aria-valuenow", "1")
    fill.evaluate("f => Promise.all(f.getAnimations().map(a => a.finished))")  # the bar grows over 150 ms
    share = fill.bounding_box()["width"] / bar.bounding_box()["width"]
    assert share == pytest.approx(1 / len(path.steps), abs=0.02)


def tab_to(page, selector, limit=400):
    """Press Tab until the focused element matches ``selector``; fails if the keyboard never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"the keyboard never reached {selector}")


def test_keyboard_alone_builds_an_assignment_opens_it_and_ticks_progress(browser_page, shipped_url):
    cases = [c.id for c in KB.of_kind("case")[:2]]
    page = browser_page
    page.goto(shipped_url + "cases/")
    for case in cases:
        tab_to(page, f'#finder-results + .cw-cards input[data-cw-pick="{case}"]')
        page.keyboard.press("Space")
    expect(page.locator("[data-cw-tray-count]")).to_have_text("2 case studies picked")
    tab_to(page, "[data-cw-tray-assign]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('[data-cw-title]')"), "Assign should take the keyboard to the form"
    page.keyboard.type("Keyboard week")
    page.keyboard.press("Tab")
    page.keyboard.type("05012030")  # the date field, month/day/year in en-US
    tab_to(page, "[data-cw-make-link]")
    page.keyboard.press("Enter")
    tab_to(page, "[data-cw-link]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    assert re.search(r"due=2030-05-01", page.url) and page.locator("[data-cw-title]").inner_text() == "Keyboard week"
    assert page.locator(".cw-handout").evaluate_all("els => els.map(e => e.dataset.cwId)") == cases
    tab_to(page, "input[data-cw-done]")
    page.keyboard.press("Space")
    expect(page.locator("[data-cw-progress-text]")).to_have_text("1 of 2 done")


def test_keyboard_alone_opens_a_kit_in_practice_mode_and_reveals_an_answer(browser_page, shipped_url):
    page = browser_page
    page.goto(shipped_url + PAGE_TYPES["interviewer kit"])
    tab_to(page, "input[data-cw-practice-mode]")
    page.keyboard.press("Space")
    sheet = page.locator(".cw-kit__sheet").first
    expect(sheet.locator(".cw-kit__scale")).to_be_hidden()
    tab_to(page, "[data-cw-reveal]")
    page.keyboard.press("Enter")
    expect(sheet.locator(".cw-kit__scale")).to_be_visible()
    expect(sheet.locator(".cw-sample-answer")).to_be_visible()


def test_the_keyboard_focus_shows_on_the_light_dark_switch_and_skip_lands_on_the_title(browser_page, shipped_url):
    browser_page.goto(shipped_url + "glossary/raci/")
    for _ in range(40):  # tab through the header until the hidden radio of the switch has the focus
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.matches('.md-option')"):
            break
    else:
        raise AssertionError("the light/dark switch never takes the keyboard focus")
    outline = browser_page.evaluate("getComputedStyle(document.activeElement.nextElementSibling).outlineStyle")
    assert outline not in ("none", ""), "the focus on the switch cannot be seen"
    # "Skip to content" on a generated page lands on its title, before the definition and the page's own controls
    assert browser_page.locator("a.md-skip").get_attribute("href") == "#cw-title"
    assert browser_page.locator("article h1#cw-title").inner_text() == "RACI"


FIELDS = [
    ("cases/", "#finder-results + .cw-cards input[data-cw-pick]"),  # "Add to assignment"
    ("cases/{case}/", "input[data-cw-done]"),  # "Mark as done"
    ("cases/{case}/", "input[data-cw-pick]"),
    ("paths/{path}/", "input[data-cw-done]"),
    ("glossary/", "#cw-glossary-q"),  # the glossary filter
    ("cases/", ".cw-finder select"),
]


@pytest.mark.parametrize("url, selector", FIELDS)
def test_every_form_field_shows_the_keyboard_focus(browser_page, shipped_url, url, selector):
    """Material takes the outline off form fields: a checkbox or the filter box reached with Tab showed nothing.
    Each now draws an outline when it has the keyboard's focus."""
    browser_page.goto(shipped_url + url.format(case=KB.of_kind("case")[0].id, path=KB.of_kind("path")[0].id))
    field = browser_page.locator(selector).first
    field.evaluate(
        "el => { const all = [...document.querySelectorAll('a[href], input, select, button, [tabindex=\"0\"]')]; all[all.indexOf(el) - 1].focus(); }"
    )
    browser_page.keyboard.press("Tab")  # arrive as a keyboard user does
    assert field.evaluate("el => el === document.activeElement")
    style = field.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert style[0] != "none" and style[1] >= 2, style
