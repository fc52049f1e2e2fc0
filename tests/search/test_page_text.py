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
    ('<p class="x">Tom &amp; Jerry&#39;s <em>show</em></p>\n\n<p>second</p>', "Tom & Jerry's show second"),
    ("<script>var x = '<p>';</script><p>text</p>", "text"),
]


@pytest.mark.parametrize("html, text", CASES)
def test_a_page_section_holds_what_a_reader_sees_without_term_definitions(html, text):
    (section,) = sections_of_html(html)
    assert section.text == text


def test_headings_with_an_id_start_sections():
    sections = sections_of_html('<h1>Title</h1><p>intro</p><h2 id="why">Why <a class="headerlink" href="#why">¶</a></h2><p>because</p>')
    assert [(s.heading, s.anchor, s.text) for s in sections] == [("", "", "intro"), ("Why", "why", "because")]  # no permalink sign
