"""render/page_links.py: hand-written Markdown links handed to the site, which may replace them whole."""

from __future__ import annotations

import markdown

from mkdocs_crosswalk.render.page_links import PageLinkExtension


def _convert(text: str, extensions=("attr_list",)) -> tuple[str, list[tuple[str, str]]]:
    seen: list[tuple[str, str]] = []

    def render(href: str, inner_html: str) -> str | None:
        seen.append((href, inner_html))
        return f'<span class="card"><a href="{href}">{inner_html}</a></span>' if "glossary/" in href else None

    md = markdown.Markdown(extensions=[*extensions, PageLinkExtension(render)])
    return md.convert(text), seen


def test_a_link_is_replaced_with_what_the_site_renders_keeping_its_text_as_html():
    html, _ = _convert('Read [our *drift* notes](glossary/drift.md "Drift") today.')
    assert html == '<p>Read <span class="card"><a href="glossary/drift.md">our <em>drift</em> notes</a></span> today.</p>'


def test_the_content_is_escaped_exactly_once():
    html, seen = _convert('[AT&T\'s <i>R&D</i> &amp; "us"](glossary/x/)')
    assert seen[0][1].startswith("AT&amp;T's ")
    assert html == '<p><span class="card"><a href="glossary/x/">AT&amp;T\'s <i>R&amp;D</i> &amp; "us"</a></span></p>'


def test_links_the_site_declines_stay_as_written():
    html, seen = _convert("[a case](cases/x.md) and [top](#top)")
    assert html == '<p><a href="cases/x.md">a case</a> and <a href="#top">top</a></p>'
    assert [href for href, _ in seen] == ["cases/x.md", "#top"]


def test_links_with_their_own_attributes_and_links_in_code_are_left_alone():
    html, seen = _convert("[Start](glossary/x/){ .md-button } and `[code](glossary/y/)`\n\n    [indented](glossary/z/)\n")
    assert seen == []
    assert 'class="md-button"' in html and "[code](glossary/y/)" in html and "[indented](glossary/z/)" in html


def test_every_link_of_a_paragraph_is_seen_in_order_and_replaced():
    html, seen = _convert("[one](glossary/a/), **[two](glossary/b/)** and [three](glossary/c/).")
    assert [href for href, _ in seen] == ["glossary/a/", "glossary/b/", "glossary/c/"]
    assert html.count('class="card"') == 3
    assert html == (
        '<p><span class="card"><a href="glossary/a/">one</a></span>, <strong><span class="card"><a href="glossary/b/">two</a></span></strong>'
        ' and <span class="card"><a href="glossary/c/">three</a></span>.</p>'
    )
