"""The words of a page that go into the search index: what a reader sees, without term definitions or scripts."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core.search import sections_of_html

CASES = [
    (
        '<p>Use a <span class="cw-term"><a class="cw-term__link" href="../raci/">RACI</a>'
        '<span class="cw-term__tip" role="tooltip"><strong>RACI</strong> A matrix.</span></span> chart.</p>',
        "Use a RACI chart.",
    ),
    ('<p class="x">Tom &amp; Jerry&#39;s <em>show</em></p>\n\n<p>second</p>', "Tom & Jerry's show · second"),
    # Cells, items and paragraphs stand apart in a snippet; a block that ends a sentence needs no separator.
    (
        "<table><thead><tr><th>Stage</th><th>Data Scientist</th></tr></thead>"
        "<tbody><tr><td>Discovery</td><td>C</td></tr><tr><td>Model <em>training</em></td><td>R</td></tr></tbody></table>",
        "Stage · Data Scientist · Discovery · C · Model training · R",
    ),
    (
        "<ul>\n<li>Clear records</li>\n<li>Ask early.</li>\n<li>Share</li>\n</ul><p>For example:</p><ol><li>a log</li></ol>",
        "Clear records · Ask early. Share · For example: a log",
    ),
    # Inline elements are apart by a space (boxes of a picture touch in the HTML), but punctuation stays on its word.
    ('<p>See <a href="x/">Planning</a>. Line<br>\nbreak</p>', "See Planning. Line · break"),
    ('<div class="pic"><a class="box">1. Intro</a><a class="box">2. Scope</a></div>', "1. Intro 2. Scope"),
    ("<script>var x = '<p>';</script><p>text</p>", "text"),
]


@pytest.mark.parametrize("html, text", CASES)
def test_a_page_section_holds_what_a_reader_sees_without_term_definitions(html, text):
    (section,) = sections_of_html(html)
    assert section.text == text


def test_a_heading_starts_afresh_with_no_separator_before_its_first_block():
    sections = sections_of_html('<ul><li>one</li></ul><h2 id="two">Two</h2><ul><li>first</li><li>second</li></ul>')
    assert [s.text for s in sections] == ["one", "first · second"]


def test_headings_with_an_id_start_sections():
    sections = sections_of_html('<h1>Title</h1><p>intro</p><h2 id="why">Why <a class="headerlink" href="#why">¶</a></h2><p>because</p>')
    assert [(s.heading, s.anchor, s.text) for s in sections] == [("", "", "intro"), ("Why", "why", "because")]  # no permalink sign
