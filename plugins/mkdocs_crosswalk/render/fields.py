"""Pack an entry's Markdown fields into one document and split the rendered HTML again.

Converting each small field separately would run the Markdown engine dozens of
times per entry; packing them behind the body converts each page exactly once,
with the site's own extensions, so fields render exactly like the body does.

The body is trusted author HTML, as in MkDocs. Front-matter fields are not: they keep
their Markdown formatting, but raw HTML in them is escaped and links with script
schemes are disarmed.
"""

from __future__ import annotations

import html as html_lib
import re

from ..core.markdown_text import escape_html_outside_code
from ..core.references import markdown_texts

_MARKER = "<!--crosswalk:field {}-->"
_SPLIT = re.compile(r"(?:<p>)?<!--crosswalk:field (\d+)-->(?:</p>)?")
_SINGLE_PARAGRAPH = re.compile(r"\A\s*<p>((?:(?!<p[ >]).)*?)</p>\s*\Z", re.DOTALL)


def field_locations(entry) -> list[tuple]:
    """Locations of the entry's Markdown fields, in packing order (the body is not one of them)."""
    return [text.loc for text in markdown_texts(entry) if text.loc]


def pack_fields(entry) -> str:
    """The entry body followed by each Markdown field behind a numbered marker."""
    parts = [entry.body.rstrip("\n")]
    for index, text in enumerate(t for t in markdown_texts(entry) if t.loc):
        parts.append(_MARKER.format(index))
        parts.append(escape_html_outside_code(text.text.strip("\n")))
    return "\n\n".join(parts) + "\n"


def unpack_fields(html: str, locations: list[tuple]) -> tuple[str, dict[tuple, str]] | None:
    """Split rendered HTML into the body and a map from field location to its HTML.

    Returns None when the markers did not survive (an unclosed code fence in the body
    swallowed them); the caller then renders fields one by one.
    """
    pieces = _SPLIT.split(html)
    body, rest = pieces[0], pieces[1:]
    numbers = [int(n) for n in rest[0::2]]
    if numbers != list(range(len(locations))):
        return None
    return body, {loc: disarm_links(chunk.strip()) for loc, chunk in zip(locations, rest[1::2])}


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
