"""How an entry's title reads when it stands inside a sentence, and Markdown as the words a reader sees.

Titles are written in sentence case ("Data readiness", "Retraining"), which is right for a heading
but wrong mid-sentence: "check Data readiness". Inside running text such a title starts in lower
case ("check data readiness"). Names keep their capitals: abbreviations (RACI, A/B test), names
with capitals inside (MLflow, SageMaker), names whose later words are capitalised too (Apache
Airflow, Three Amigos), anything starting with a digit (5 Whys), and any entry that says
``proper_noun: true`` (for one-word names such as Python that look like ordinary words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .references import WikiLink, replace_wikilinks

if TYPE_CHECKING:
    from .models import Entry

# One capital, then only lower-case letters, optionally joined by - / or an apostrophe: "Go-live", "Blue/green".
_PLAIN_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:[-/'’][a-z]+)*")
# What may stand between the end of a sentence and the next word: spaces, quotes, brackets, emphasis.
_SENTENCE_END = re.compile(r"[.!?…•|][\s\"'“”‘’()\[*_]*$")
_MARKER = r"(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+"  # a list item, heading or quote starts here
_BLOCK_START = re.compile(rf"(?:\A[ \t]*(?:{_MARKER})?|\n[ \t]*\n[ \t]*(?:{_MARKER})?|\n[ \t]*{_MARKER})[\"'“”‘’(\[*_]*$")


def starts_sentence(before: str) -> bool:
    """Whether a word after ``before`` (the Markdown up to it) begins a sentence, a paragraph or a list item."""
    return bool(_SENTENCE_END.search(before) or _BLOCK_START.search(before))


def in_running_text(title: str, *, sentence_start: bool = False, proper_noun: bool = False) -> str:
    """``title`` as a word inside a sentence (or as written where it starts one)."""
    if proper_noun or sentence_start:
        return title
    first, _, rest = title.partition(" ")
    if not _PLAIN_CAPITALISED.fullmatch(first) or any(word[:1].isupper() for word in rest.split()):
        return title
    return first[0].lower() + title[1:]


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_LINE_MARKUP = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+|#{1,6}[ \t]+)", re.MULTILINE)  # quote and heading markers
_EMPHASIS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")  # bold, italics, code; snake_case keeps its underscores


def plain_text(markdown: str, entries: Mapping[str, Entry]) -> str:
    """Markdown reduced to the words a reader sees (for pictures, handouts' scripts and the terminal's search);
    a linked title reads as a word of its sentence."""

    def link_text(link: WikiLink) -> str:
        if link.text:
            return link.text
        target = entries.get(link.target)
        if target is None:
            return link.target
        return in_running_text(target.title, sentence_start=starts_sentence(markdown[: link.start]), proper_noun=target.proper_noun)

    text = replace_wikilinks(markdown, link_text)
    text = _MD_LINK.sub(r"\1", text)
    text = _LIST_ITEM.sub("• ", text)  # list items stay apart once the lines are joined
    text = _EMPHASIS.sub("", _LINE_MARKUP.sub("", text))
    return re.sub(r"\s+", " ", text).strip()
