"""Facts about Markdown source text that several parts of Crosswalk need: where the code is."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# A code span may wrap across lines but never across a blank line: a stray backtick must not swallow paragraphs.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)", re.DOTALL)


def code_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of fenced code blocks and inline code spans, in order."""
    if "`" not in text and "~~~" not in text:  # most fields hold no code at all
        return []
    regions = []
    fence = None  # the opening fence while inside a fenced block
    pos = block_start = 0
    prose = []  # (start, end) of text outside fences, searched for inline code afterwards
    for line in text.splitlines(keepends=True):
        if fence is None:
            opener = _FENCE.match(line)
            if opener:
                fence, block_start = opener.group(1), pos
            else:
                prose.append((pos, pos + len(line)))
        else:
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                regions.append((block_start, pos + len(line)))
                fence = None
        pos += len(line)
    if fence is not None:
        regions.append((block_start, len(text)))
    # Inline code may span lines of one paragraph, so search the prose as one string with fences blanked.
    blanked = _blank(text, regions, keep_newlines=False) if regions else text
    for match in _INLINE_CODE.finditer(blanked):
        regions.append(match.span())
    return sorted(regions)


def _blank(text: str, regions: list[tuple[int, int]], *, keep_newlines: bool) -> str:
    """``text`` with each region replaced by spaces of the same length (keeping its newlines if asked)."""
    out, last = [], 0
    for start, end in regions:
        out.append(text[last:start])
        chunk = text[start:end]
        out.append(re.sub(r"[^\n]", " ", chunk) if keep_newlines else " " * len(chunk))
        last = end
    out.append(text[last:])
    return "".join(out)


def mask_code(text: str) -> str:
    """``text`` with code blanked out (newlines kept), so offsets still line up."""
    regions = code_regions(text)
    return _blank(text, regions, keep_newlines=True) if regions else text


def escape_html_outside_code(text: str) -> str:
    """Make raw HTML in Markdown inert while keeping Markdown formatting: ``<`` outside code becomes ``&lt;``.

    Code keeps its ``<`` because Markdown escapes code itself.
    """
    if "<" not in text:
        return text
    out, last = [], 0
    for start, end in code_regions(text):
        out.append(text[last:start].replace("<", "&lt;"))
        out.append(text[start:end])
        last = end
    out.append(text[last:].replace("<", "&lt;"))
    return "".join(out)
