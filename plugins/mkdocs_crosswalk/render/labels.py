"""Text for pictures: Markdown reduced to the words a reader sees.

The pictures are laid out by the browser (HTML and CSS that wrap), so nothing here measures text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..core.models import Entry
from ..core.wording import in_running_text, starts_sentence

_LINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_LINE_MARKUP = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+|#{1,6}[ \t]+)", re.MULTILINE)  # quote and heading markers
_EMPHASIS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")  # bold, italics, code; snake_case keeps its underscores


def plain_text(markdown: str, entries: Mapping[str, Entry]) -> str:
    """Markdown reduced to the words a reader sees; a linked title reads as a word of its sentence."""

    def link_text(match: re.Match) -> str:
        if match.group(2):
            return match.group(2)
        target = entries.get(match.group(1).strip())
        if target is None:
            return match.group(1).strip()
        return in_running_text(target.title, sentence_start=starts_sentence(match.string[: match.start()]), proper_noun=target.proper_noun)

    text = _LINK.sub(link_text, markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _LIST_ITEM.sub("• ", text)  # list items stay apart once the lines are joined
    text = _EMPHASIS.sub("", _LINE_MARKUP.sub("", text))
    return re.sub(r"\s+", " ", text).strip()
