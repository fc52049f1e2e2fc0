"""``[[id]]`` as a Python-Markdown inline pattern, so Markdown itself keeps links out of code.

Inline patterns never run inside code spans, fenced or indented code blocks, or raw HTML, so
``    see [[raci]] here`` in an indented block stays as written. What a link becomes is up to
whoever registered the extension (the site plugin: its template, an embed, or a problem when
the target does not exist); that HTML goes into Markdown's stash and comes out as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from ..core.references import WIKILINK, WikiLink, wikilink_from_match
from ..core.wording import starts_sentence

# After code spans (190), before backslash escapes (180) and Markdown's own links (170 and below),
# which would otherwise read ``[[id]]`` as a reference link.
PRIORITY = 185


class WikiLinkProcessor(InlineProcessor):
    def __init__(self, md: Markdown, render: Callable[[WikiLink], str | None]):
        super().__init__(WIKILINK.pattern, md)
        self.render = render

    def handleMatch(self, m: re.Match, data: str):
        # What stands before the link in its paragraph, list item or cell says whether a title shown as the link's
        # text starts a sentence ("Data readiness is...") or stands inside one ("check data readiness").
        link = dataclasses.replace(wikilink_from_match(m), sentence_start=starts_sentence(data[: m.start(0)]))
        html = self.render(link)
        if html is None:  # leave the text as the author wrote it
            return None, None, None
        return self.md.htmlStash.store(html), m.start(0), m.end(0)


class WikiLinkExtension(Extension):
    """Turns ``[[id]]`` and ``![[id]]`` into ``render(link)``: HTML, or None to leave the text alone."""

    def __init__(self, render: Callable[[WikiLink], str | None]):
        super().__init__()
        self.render = render

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(WikiLinkProcessor(md, self.render), "crosswalk_wikilinks", PRIORITY)
