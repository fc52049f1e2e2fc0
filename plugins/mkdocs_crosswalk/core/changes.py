"""What changed between two loads of a knowledge base, for rebuilding only what an edit touched.

An edit to an entry's prose (its summary, body and Markdown fields) changes what pages show of it
but not which pages exist, what they are called, how they are grouped or what refers to what. Any
other change (a title, tags, a reference, a new, deleted or moved entry) can reach any page, so it
asks for a full rebuild.
"""

from __future__ import annotations

from .knowledge_base import KnowledgeBase
from .models import Entry
from .references import markdown_texts

PROSE_FIELDS = ("summary",)  # plain text shown as prose (cards, lists), besides the Markdown fields


def prose_changes(old: KnowledgeBase, new: KnowledgeBase) -> dict[str, set[tuple]] | None:
    """Entry id -> locations of the prose that changed (``()`` the body, ``("summary",)``, a field's
    location), for the entries whose prose alone changed; None when anything else changed."""
    # Entries in another order (a file moved) list pages in another order: the sitemap, some lists.
    if list(old.entries) != list(new.entries) or list(old.kinds) != list(new.kinds):
        return None
    changed = {}
    for entry_id, entry in new.entries.items():
        before = old.entries[entry_id]
        if before is entry:  # the parse cache hands back the same object for an unchanged file
            continue
        if _skeleton(before) != _skeleton(entry) or _references(old, entry_id) != _references(new, entry_id):
            return None
        was = _prose(before)
        now = _prose(entry)
        changed[entry_id] = {loc for loc in was.keys() | now.keys() if was.get(loc) != now.get(loc)}
    return changed


def _prose(entry: Entry) -> dict[tuple, str]:
    texts = {text.loc: text.text for text in markdown_texts(entry)}
    texts.update({(name,): getattr(entry, name) for name in PROSE_FIELDS})
    return texts


def _skeleton(entry: Entry) -> tuple:
    """The entry without its prose: what decides which pages exist, their titles and links."""
    data = entry.model_dump(by_alias=True)
    for name in PROSE_FIELDS:
        data[name] = None
    for text in markdown_texts(entry):
        if text.loc:
            _blank(data, text.loc)
    return type(entry), data


def _blank(data, loc: tuple) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = None


def _references(kb: KnowledgeBase, entry_id: str) -> list[tuple]:
    return [(r.target, r.field, r.anchor) for r in kb.graph.outgoing.get(entry_id, [])]
