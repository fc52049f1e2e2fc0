"""A table of contents read from rendered HTML, for pages whose headings come from templates."""

from __future__ import annotations

import re

_HEADING = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
TITLE_ID = "cw-title"  # the id of a generated page's <h1> (the templates give it)
_TITLE = re.compile(rf'<h1\b[^>]*\bid="{TITLE_ID}"[^>]*>(.*?)</h1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def toc_tokens(html: str) -> list[dict]:
    """h2 and h3 headings with ids, nested, in the token shape Python-Markdown's toc extension uses; under the page's
    <h1> when it has TITLE_ID, as Markdown's pages have their title first, so that the theme's "Skip to content" lands
    on the title (not past the definition or the page's first controls) and its sidebar lists the rest."""
    tokens: list[dict] = []
    for level, anchor, inner in _HEADING.findall(html):
        name = _TAG.sub("", _PERMALINK.sub("", inner)).strip()  # stays HTML-escaped, as themes print it raw
        token = {"level": int(level), "id": anchor, "name": name, "children": []}
        if token["level"] == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    title = _TITLE.search(html)
    if title:
        return [{"level": 1, "id": TITLE_ID, "name": _TAG.sub("", title.group(1)).strip(), "children": tokens}]
    return tokens
