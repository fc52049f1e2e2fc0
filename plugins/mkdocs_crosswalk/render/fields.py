"""Render an entry's Markdown fields, one by one, with the site's own Markdown configuration.

One :class:`markdown.Markdown` instance, made once with the site's extensions, converts every
field, with ``reset()`` in between, so what an extension keeps per document (footnotes,
abbreviations, heading ids) stays inside its field.

The body is trusted author HTML, as in MkDocs. Front-matter fields are not: they keep
their Markdown formatting, but raw HTML in them is escaped and links with script
schemes are disarmed.
"""

from __future__ import annotations

import html as html_lib
import re

import markdown

from ..core.markdown_text import escape_html_outside_code
from ..core.references import markdown_texts

_SINGLE_PARAGRAPH = re.compile(r"\A\s*<p>((?:(?!<p[ >]).)*?)</p>\s*\Z", re.DOTALL)


class FieldRenderer:
    """Converts Markdown fields with one cached ``Markdown`` made from the site's extensions."""

    def __init__(self, extensions: list, extension_configs: dict | None = None):
        self._md = markdown.Markdown(extensions=extensions, extension_configs=extension_configs or {})

    def render(self, text: str) -> str:
        """One field's HTML: its own document, raw HTML escaped, script links disarmed."""
        self._md.reset()
        return disarm_links(self._md.convert(escape_html_outside_code(text.strip("\n"))).strip())

    def render_fields(self, entry) -> dict[tuple, str]:
        """Location -> HTML of each Markdown field of ``entry`` (the body is not one of them)."""
        return {text.loc: self.render(text.text) for text in markdown_texts(entry) if text.loc}


_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"', re.IGNORECASE)
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def disarm_links(html: str) -> str:
    """Replace link targets with a script scheme (however obfuscated with entities or spaces) by ``#``."""

    def check(match: re.Match) -> str:
        target = re.sub(r"[\x00-\x20]", "", html_lib.unescape(match.group(2))).lower()
        return f'{match.group(1)}="#"' if target.startswith(_SCRIPT_SCHEMES) else match.group(0)

    return _URL_ATTRIBUTE.sub(check, html)


def inline(html: str) -> str:
    """Drop the paragraph around a one-paragraph field, for table cells and list items."""
    match = _SINGLE_PARAGRAPH.match(html)
    return match.group(1) if match else html
