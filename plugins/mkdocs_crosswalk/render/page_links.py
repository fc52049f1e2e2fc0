"""Hand-written Markdown links (``[model drift](../glossary/model-drift.md)``) as a Python-Markdown treeprocessor.

It runs after the engine has made each link's ``href`` relative to the page (its ``relpath`` treeprocessor,
priority 0), so it sees the URL a reader follows whether the author linked a ``.md`` file or a page's URL.
Whoever registered the extension says what a link becomes: HTML that replaces the whole ``<a>`` (through
Markdown's stash, so it comes out as written), or None to leave it alone. Links in raw HTML are not in the
tree and stay as written.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# After the engine's relpath (0), which makes links to .md files the URLs readers follow.
PRIORITY = -10
# A link with attributes of its own beyond these (a class from attr_list, such as a button) keeps its look.
PLAIN_ATTRIBUTES = frozenset({"href", "title"})
_WRAPPER = "span"


class PageLinkProcessor(Treeprocessor):
    def __init__(self, md: Markdown, render: Callable[[str, str], str | None]):
        super().__init__(md)
        self.render = render

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for link in list(root.iter("a")):  # in the order they are read
            if not link.get("href") or set(link.attrib) - PLAIN_ATTRIBUTES or link not in parents:
                continue
            html = self.render(link.get("href"), self._inner_html(link))
            if html is not None:
                parent = parents[link]
                _replace(parent, list(parent).index(link), self.md.htmlStash.store(html))

    def _inner_html(self, link: etree.Element) -> str:
        """The link's content as HTML, serialized by Markdown itself (escaped once, as the rest of the page)."""
        wrapper = etree.Element(_WRAPPER)
        wrapper.text = link.text
        wrapper.extend(link)  # ElementTree children have no parent pointer: the link keeps them too
        return self.md.serializer(wrapper)[len(f"<{_WRAPPER}>") : -len(f"</{_WRAPPER}>")]


def _replace(parent: etree.Element, index: int, text: str) -> None:
    """Put ``text`` where ``parent[index]`` was, keeping what followed it."""
    link = parent[index]
    text += link.tail or ""
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(link)


class PageLinkExtension(Extension):
    """Replaces each plain hand-written link with ``render(href, inner_html)``, or leaves it when that is None."""

    def __init__(self, render: Callable[[str, str], str | None]):
        super().__init__()
        self.render = render

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PageLinkProcessor(md, self.render), "crosswalk_page_links", PRIORITY)
