"""References between entries: typed id fields, ``[[id]]`` links in Markdown, and backlinks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, get_args, get_origin

from pydantic import BaseModel

from .markdown_text import mask_code
from .models import MARKDOWN, Entry, Ref

# [[id]], [[id|text]], [[id#anchor]] and the embed form ![[id]] / ![[id#stage]]. Inside a Markdown
# table the bar is written escaped, [[id\|text]], as the table syntax asks.
WIKILINK = re.compile(r"(?P<embed>!?)\[\[(?P<target>[^\[\]|\\\n]+?)(?:\\?\|(?P<text>[^\[\]\n]+?))?\]\]")


@dataclass(frozen=True)
class WikiLink:
    start: int
    end: int
    target: str  # entry id
    anchor: str | None  # part after '#'
    text: str | None  # custom link text
    embed: bool
    line_offset: int  # newlines before the link in the text it was found in
    sentence_start: bool = True  # whether the link starts a sentence, paragraph or list item (core/wording.py)


def wikilink_from_match(match: re.Match, line_offset: int = 0) -> WikiLink:
    """The link a :data:`WIKILINK` match stands for (also for the Markdown extension in render/)."""
    target, _, anchor = match["target"].strip().partition("#")
    return WikiLink(
        start=match.start(),
        end=match.end(),
        target=target.strip(),
        anchor=anchor.strip() or None,
        text=match["text"].strip() if match["text"] else None,
        embed=bool(match["embed"]),
        line_offset=line_offset,
    )


def find_wikilinks(markdown: str) -> list[WikiLink]:
    """Every ``[[...]]`` outside code blocks and inline code, where authors write them literally."""
    if "[[" not in markdown:
        return []
    masked = mask_code(markdown)
    links = []
    line_offset = counted_to = 0  # newlines counted so far, and up to where
    for match in WIKILINK.finditer(masked):
        line_offset += markdown.count("\n", counted_to, match.start())
        counted_to = match.start()
        links.append(wikilink_from_match(match, line_offset))
    return links


def replace_wikilinks(markdown: str, render) -> str:
    """Replace each link with ``render(link)``; the text outside links is left as it was."""
    links = find_wikilinks(markdown)
    if not links:
        return markdown
    out, last = [], 0
    for link in links:
        out.append(markdown[last : link.start])
        out.append(render(link))
        last = link.end
    out.append(markdown[last:])
    return "".join(out)


@dataclass(frozen=True)
class FieldRef:
    """An id written in a reference field."""

    loc: tuple
    target: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class MarkdownText:
    """A Markdown string inside front matter (or the body, with ``loc == ()``)."""

    loc: tuple
    text: str


def field_refs(entry: Entry) -> Iterator[FieldRef]:
    for loc, marker, value in _marked_strings(entry):
        if isinstance(marker, Ref):
            yield FieldRef(loc, value, marker.kinds)


def markdown_texts(entry: Entry) -> Iterator[MarkdownText]:
    """Every Markdown string of the entry, front-matter fields first, then the body."""
    for loc, marker, value in _marked_strings(entry):
        if marker is MARKDOWN:
            yield MarkdownText(loc, value)
    yield MarkdownText((), entry.body)


def _marked_strings(entry: Entry) -> tuple:
    """``_walk`` of a whole entry, kept on it: loading, packing and several pages all ask for it."""
    if entry._marked is None:
        entry._marked = tuple(_walk(entry, ()))
    return entry._marked


def _walk(model: BaseModel, loc: tuple):
    """Yield ``(location, marker, string)`` for each string in a marked field, recursing into nested models."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        markers = _markers(type(model), name)
        for item_loc, item in _leaves(value, loc + (key,)):
            if isinstance(item, BaseModel):
                yield from _walk(item, item_loc)
            elif isinstance(item, str):
                for marker in markers:
                    yield item_loc, marker, item


@cache
def _markers(model: type, name: str) -> tuple:
    """The Ref and MARKDOWN markers of a field, also where ``| None`` or a list hides them inside the type."""
    info = model.model_fields[name]
    return tuple(dict.fromkeys(m for m in [*info.metadata, *_markers_in(info.annotation)] if isinstance(m, Ref) or m is MARKDOWN))


def _markers_in(annotation) -> list:
    if get_origin(annotation) is Annotated:
        inner, *metadata = get_args(annotation)
        return metadata + _markers_in(inner)
    return [m for arg in get_args(annotation) for m in _markers_in(arg)]


def _leaves(value, loc):
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, loc + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, loc + (key,))
    elif value is not None:
        yield loc, value


@dataclass(frozen=True)
class Reference:
    """``source`` refers to ``target`` through ``field`` (``"body"`` for a ``[[link]]`` in the body)."""

    source: str
    target: str
    field: str
    anchor: str | None = None


class ReferenceGraph:
    """Resolved references between entries, and for each entry what refers to it."""

    def __init__(self, references: list[Reference]):
        self.outgoing: dict[str, list[Reference]] = defaultdict(list)
        self.incoming: dict[str, list[Reference]] = defaultdict(list)
        self._referrers: dict[str, list[str]] = {}
        seen = set()
        for ref in references:
            if (ref.source, ref.target, ref.field) in seen:
                continue
            seen.add((ref.source, ref.target, ref.field))
            self.outgoing[ref.source].append(ref)
            self.incoming[ref.target].append(ref)

    def referrers(self, target: str) -> list[str]:
        """Ids of entries referring to ``target``, each once, in first-seen order (self-references left out)."""
        if target not in self._referrers:  # the graph never changes once built; pages ask the same question often
            self._referrers[target] = list(dict.fromkeys(r.source for r in self.incoming.get(target, []) if r.source != target))
        return self._referrers[target]

    def targets(self, source: str) -> list[str]:
        return list(dict.fromkeys(r.target for r in self.outgoing.get(source, []) if r.target != source))
