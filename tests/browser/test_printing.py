"""Printed handouts and interviewer kits, checked on the PDF Chromium makes of them (A4).

Before printing, each block that must stay on one page gets two tiny text marks, at its start and its
end; the PDF's text then tells on which page each end landed. The marks are 1 px inline text (or
placed absolutely inside the block), so they do not move anything.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO
from support.pdf import MM, pdf_pages

KB = load_knowledge_base(REPO / "kb")
# practice.css: @page { margin: 16mm 15mm 18mm } — the content area the fill is measured against.
TOP, BOTTOM = 16 * MM, 18 * MM

MARK = """() => {
  const mark = (el, name, where) => {
    const span = document.createElement('span');
    span.textContent = ' ' + name;
    span.style.fontSize = '1px';
    if (where === 'bottom') { el.style.position = 'relative'; Object.assign(span.style, {position: 'absolute', bottom: '0', left: '0'}); }
    el.appendChild(span);
  };
  const blocks = [];
  document.querySelectorAll('.cw-handout__notes, .cw-kit__notes').forEach((notes, i) => {
    mark(notes.querySelector('h3'), 'cwmarknotes' + i + 'start');
    mark(notes.querySelector('.cw-handout__lines'), 'cwmarknotes' + i + 'end', 'bottom');
    blocks.push('cwmarknotes' + i);
  });
  document.querySelectorAll('table').forEach((table, i) => {
    if (!table.offsetParent) return;  // hidden (a collapsed block) prints nothing
    const rows = table.querySelectorAll('tr');
    mark(rows[0].lastElementChild, 'cwmarktable' + i + 'start');
    mark(rows[rows.length - 1].firstElementChild, 'cwmarktable' + i + 'end');
    blocks.push('cwmarktable' + i);
  });
  return blocks;
}"""


def print_to_pdf(page, path):
    blocks = page.evaluate(MARK)
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    return blocks, pdf_pages(path)


def page_of(pages, word):
    found = [p.number for p in pages if any(w == word for w, _, _ in p.words)]
    assert found, f"{word} is not in the PDF"
    return found[0]


def check_pages(pages, blocks):
    assert len(pages) > 1, "the test needs content running over more than one page"
    # Every block starts and ends on the same page.
    for block in blocks:
        assert page_of(pages, block + "start") == page_of(pages, block + "end"), f"{block} is split across pages"
    # Page numbers on every page.
    for p in pages:
        assert f"Page {p.number} of {len(pages)}" in p.text, f"page {p.number} has no page number"
    # No page but the last is less than a quarter full: the lowest word of the content area, as a share of it.
    for p in pages[:-1]:
        content = [bottom for _, top, bottom in p.words if top < p.height - BOTTOM]
        fill = (max(content) - TOP) / (p.height - TOP - BOTTOM)
        assert fill >= 0.25, f"page {p.number} of {len(pages)} is only {fill:.0%} full"


def longest_cases(n):
    return sorted(KB.of_kind("case"), key=lambda c: len(c.scenario) + sum(len(s) for s in c.steps), reverse=True)[:n]


def test_a_handout_of_three_cases_prints_with_a_header_page_numbers_and_whole_notes(browser_page, shipped_url, tmp_path):
    cases = longest_cases(3)
    browser_page.goto(
        shipped_url + "cases/assignment/?cases=" + ",".join(c.id for c in cases) + "&due=2030-05-01&title=" + quote("Week 2: shipping ML")
    )
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    blocks, pages = print_to_pdf(browser_page, tmp_path / "handout.pdf")
    assert len([b for b in blocks if "notes" in b]) == 3
    check_pages(pages, blocks)
    first = pages[0].text
    for expected in ("CROSSWALK", "Week 2: shipping ML", "Due May 1, 2030", "Name"):
        assert expected in first, f"the handout's header lacks {expected!r}"
    everything = " ".join(p.text for p in pages)
    for case in cases:
        assert case.title.split()[0] in everything
    assert "Print handout" not in everything and "Mark as done" not in everything
    browser_page.emulate_media(media="print")  # nor the site's navigation: tabs, sidebars, breadcrumbs
    assert browser_page.locator(".md-path").count() == 1 and not browser_page.locator(".md-path").is_visible()


def kit_with_most_questions():
    counts = {}
    for rubric in KB.of_kind("rubric"):
        counts[rubric.skill] = counts.get(rubric.skill, 0) + 1
    return max(counts, key=counts.get)


def test_an_interviewer_kit_prints_with_each_scale_and_notes_block_on_one_page(browser_page, shipped_url, tmp_path):
    browser_page.goto(shipped_url + f"skills/{kit_with_most_questions()}/kit/")
    blocks, pages = print_to_pdf(browser_page, tmp_path / "kit.pdf")
    assert any("table" in b for b in blocks), "the kit's scale should be printed"
    check_pages(pages, blocks)


@pytest.mark.parametrize("case_count", [1, 5])
def test_handouts_of_other_sizes_fill_their_pages_too(browser_page, shipped_url, tmp_path, case_count):
    cases = longest_cases(case_count)
    browser_page.goto(shipped_url + "cases/assignment/?cases=" + ",".join(c.id for c in cases))
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    blocks, pages = print_to_pdf(browser_page, tmp_path / "handout.pdf")
    if len(pages) > 1:
        check_pages(pages, blocks)
    else:
        assert "Page 1 of 1" in pages[0].text


def test_no_printed_case_page_ends_with_a_lone_line(browser_page, shipped_url, tmp_path):
    """A case study printed from its own page: no page is left holding one stray line (the end of a list item's
    summary, "design better ML tools.", once made a page of its own). Every case of the shipped site is printed."""
    lone = {}
    for case in KB.of_kind("case"):
        browser_page.goto(shipped_url + f"cases/{case.id}/")
        browser_page.pdf(path=str(tmp_path / "case.pdf"), format="A4", prefer_css_page_size=True)
        pages = pdf_pages(tmp_path / "case.pdf")
        for p in pages if len(pages) > 1 else []:
            lines = {round(top) for _, top, _ in p.words if top < p.height - BOTTOM}  # the footer's page number aside
            if len(lines) < 2:
                lone[f"{case.id} page {p.number} of {len(pages)}"] = p.text
    assert len(KB.of_kind("case")) >= 10
    assert not lone, lone


def test_a_page_printed_in_the_dark_scheme_prints_light(chromium, shipped_url, tmp_path):
    """Paper is white: printing from the dark scheme gave pale text and badges on white, and dark margins that hid
    the page numbers. While printing, the page takes the light scheme; afterwards the reader's dark one is back."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(shipped_url + f"cases/{longest_cases(1)[0].id}/")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # as the browser does before printing
    colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('article.md-content__inner')).color,
        document.querySelector('meta[name="color-scheme"]').content]""")
    assert colours == ["rgb(255, 255, 255)", "rgba(0, 0, 0, 0.87)", "light"], colours  # the meta colours the margins
    page.pdf(path=str(tmp_path / "case.pdf"), format="A4", prefer_css_page_size=True, print_background=True)
    assert "Page 1 of" in pdf_pages(tmp_path / "case.pdf")[0].text
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(
        "() => [document.body.getAttribute('data-md-color-scheme'), document.querySelector('meta[name=\"color-scheme\"]').content]"
    ) == [
        "slate",
        "dark",
    ]
    context.close()


@pytest.mark.parametrize(
    "pair",
    [
        ("fraud-alert-incident-war-room", "latency-accuracy-tradeoff"),
        ("fraud-alert-incident-war-room", "regulated-ai-platform-launch"),
        ("recommendation-feature-scope", "false-positive-translation-drill"),
    ],
)
def test_a_case_and_its_notes_print_together(browser_page, shipped_url, tmp_path, pair):
    """Each of these handouts once ended with a page holding only the last case's "Notes" lines, away from its
    case; a notes block now stays on the page with the end of its case's steps."""
    browser_page.goto(shipped_url + "cases/assignment/?cases=" + ",".join(pair))
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    blocks, pages = print_to_pdf(browser_page, tmp_path / "handout.pdf")
    check_pages(pages, blocks)
    for block in blocks:  # the step before each notes block is on the notes' page
        page = pages[page_of(pages, block + "start") - 1]
        words = [w for w, top, _ in page.words if top < page.height - BOTTOM and not w.startswith("cwmark")]
        assert len(words) > 1 + 1, f"{block}: its page holds only the notes ({' '.join(words)})"
        steps_before = [w for w, _, _ in page.words if w.rstrip(".").isdigit()]
        assert steps_before, f"{block}: no step of its case on the notes' page"
