"""The words of a hand-written page that go into the search index."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.render.page_text import page_text

CASES = [
    (
        '<p>Use a <span class="cw-term"><a class="cw-term__link" href="../raci/">RACI</a>'
        '<span class="cw-term__tip" role="tooltip"><strong>RACI</strong> A matrix.</span></span> chart.</p>',
        "Use a RACI chart.",
    ),
    ('<p class="x">Tom &amp; Jerry&#39;s <em>show</em></p>\n\n<p>second</p>', "Tom & Jerry's show second"),
    ("<h1>Title<a class=\"headerlink\" href=\"#t\">¶</a></h1><script>var x = '<p>';</script><p>text</p>", "Title ¶ text"),  # (tags separate words, as before)
    ("", ""),
]


@pytest.mark.parametrize("html, text", CASES)
def test_page_text_is_what_a_reader_sees_without_term_definitions(html, text):
    assert page_text(html) == text
