"""The field renderer: one Markdown field in, its HTML out, with the site's extensions (table-driven)."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.render.fields import FieldRenderer, disarm_links, inline

RENDERER = FieldRenderer(["footnotes", "attr_list", "tables"])

CASES = [
    ("Plain **bold** text", "<p>Plain <strong>bold</strong> text</p>"),
    ("Raw <b>HTML</b> is shown, not obeyed", "<p>Raw &lt;b&gt;HTML&lt;/b&gt; is shown, not obeyed</p>"),
    ("Code keeps `<b>` as code", "<p>Code keeps <code>&lt;b&gt;</code> as code</p>"),
    ("[click](javascript:alert(1))", '<p><a href="#">click</a></p>'),
    ("[site](https://example.org)", '<p><a href="https://example.org">site</a></p>'),
    ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    ("\n\nSurrounding newlines go\n\n", "<p>Surrounding newlines go</p>"),
]


@pytest.mark.parametrize("markdown, html", CASES, ids=[c[0][:30] for c in CASES])
def test_a_field_renders_like_the_body_but_without_raw_html(markdown, html):
    assert RENDERER.render(markdown) == html


def test_each_field_is_its_own_document_for_extensions_that_collect():
    first = RENDERER.render("One.[^a]\n\n[^a]: The first note.")
    second = RENDERER.render("Two.[^a]\n\n[^a]: The second note.")
    assert "The first note" in first and "The second note" not in first
    assert "The second note" in second and "The first note" not in second


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<a href="javascript:x()">a</a>', '<a href="#">a</a>'),
        ('<a href="&#106;avascript:x()">a</a>', '<a href="#">a</a>'),
        ('<a href=" java\tscript:x()">a</a>', '<a href="#">a</a>'),
        ('<img src="data:image/png;base64,AAAA">', '<img src="#">'),
        ('<a href="../other/">a</a>', '<a href="../other/">a</a>'),
    ],
)
def test_links_with_script_schemes_are_disarmed(html, expected):
    assert disarm_links(html) == expected


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>one paragraph</p>", "one paragraph"),
        ("<p>one</p>\n<p>two</p>", "<p>one</p>\n<p>two</p>"),
        ("<ul><li>a list</li></ul>", "<ul><li>a list</li></ul>"),
    ],
)
def test_inline_drops_the_paragraph_of_a_one_paragraph_field(html, expected):
    assert inline(html) == expected
