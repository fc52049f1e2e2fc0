"""The autolinks of a built site, for review: each mention the glossary linked, with the sentence around it.

A glossary's everyday words ("main", "issue", "review") link only with evidence, and evidence can mislead. Reading
every page to find a wrong sense is no way to audit a site; this lists the links, grouped by term and by sentence (a
sentence that generated pages repeat is one line), so an author can read them in minutes and set ``autolink:`` or
``autolink_forms`` on the terms that need it (docs/guide/glossary.md, "Per-term settings").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .search import BLOCKS  # the elements whose text stands apart: the nearest around a link holds its sentence

AUTOLINK = "a.cw-term__link"  # what templates/crosswalk/partials/term_link.html renders for an autolinked mention
TIP = "cw-term__tip"  # its definition card: not part of the sentence
CONTEXT = 70  # characters of the sentence kept on each side of the linked words


@dataclass(frozen=True)
class Mention:
    """One autolinked mention: the words linked and the sentence around them (``before`` and ``after`` cut to
    CONTEXT characters at a word's edge)."""

    term_id: str
    text: str
    before: str
    after: str


@dataclass
class Sighting:
    """A mention as it appears on one or more pages (generated pages repeat the same sentence)."""

    mention: Mention
    pages: list[str] = field(default_factory=list)


def page_mentions(html: str) -> Iterator[Mention]:
    """The autolinked mentions of a rendered page, in order."""
    tree = LexborHTMLParser(html)
    for link in tree.css(AUTOLINK):
        term_id = link.attributes.get("data-cw-id") or ""
        block = link.parent
        while block is not None and block.tag not in BLOCKS:
            block = block.parent
        before, after, inside = [], [], False
        for piece, is_link in _texts(block if block is not None else link, link):
            if is_link:
                inside = True
            else:
                (after if inside else before).append(piece)
        yield Mention(term_id, link.text(deep=True), _tail("".join(before)), _head("".join(after)))


def _texts(node: LexborNode, link: LexborNode) -> Iterator[tuple[str, bool]]:
    """The text of ``node`` in reading order, without definition cards: ``(text, False)``, and ``("", True)`` where
    ``link`` stands (its own words are the mention's)."""
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            yield child.text_content or "", False
        elif child.mem_id == link.mem_id:
            yield "", True
        elif TIP not in (child.attributes.get("class") or "").split():
            yield from _texts(child, link)


def _tail(text: str) -> str:
    """The end of the text before a link, white space folded (one space kept before the link, if any)."""
    space = " " if text[-1:].isspace() else ""
    text = " ".join(text.split())
    if len(text) > CONTEXT:
        cut = text[-CONTEXT:]
        text = "…" + (cut[cut.find(" ") + 1 :] if " " in cut else cut)
    return text + space if text else ""


def _head(text: str) -> str:
    """The start of the text after a link, white space folded (one space kept after the link, if any)."""
    space = " " if text[:1].isspace() else ""
    text = " ".join(text.split())
    if len(text) > CONTEXT:
        cut = text[:CONTEXT]
        text = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return space + text if text else ""


def site_mentions(site_dir: Path) -> dict[str, list[Sighting]]:
    """Term id -> its autolinked mentions on the built site at ``site_dir``, one per distinct sentence, with the
    pages (paths under the site, "roles/ux-designer/") that show it, in page order."""
    found: dict[str, dict[Mention, Sighting]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir)
        if relative.parts[0] == "assets":
            continue
        page = relative.as_posix().removesuffix("index.html")
        for mention in page_mentions(path.read_text(encoding="utf-8")):
            sighting = found.setdefault(mention.term_id, {}).setdefault(mention, Sighting(mention))
            if page not in sighting.pages:
                sighting.pages.append(page)
    return {term_id: list(sightings.values()) for term_id, sightings in found.items()}


def by_count(mentions: dict[str, list[Sighting]], term_ids: Iterable[str]) -> list[tuple[str, int]]:
    """``(term id, number of pages linking it)`` of ``term_ids``, the most linked first (ties by id): the terms whose
    sense matters on most pages."""
    pages = {term_id: len({p for s in mentions.get(term_id, ()) for p in s.pages}) for term_id in term_ids}
    return sorted(pages.items(), key=lambda item: (-item[1], item[0]))
