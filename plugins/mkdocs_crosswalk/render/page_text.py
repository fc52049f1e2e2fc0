"""The words of a rendered page, for search: read with an HTML parser, not patterns over HTML."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# Definitions inside term links are for hovering: not part of the page's own words.
_NOT_TEXT = "script, style, .cw-term__tip"


def page_text(html: str) -> str:
    """The text a reader sees on the page, whitespace collapsed, without the definitions of linked terms."""
    tree = LexborHTMLParser(html)
    for node in tree.css(_NOT_TEXT):
        node.decompose()
    root = tree.body or tree.root
    return " ".join(root.text(separator=" ").split()) if root else ""
