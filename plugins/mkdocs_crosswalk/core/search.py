"""Search: the documents the site and `crosswalk search` share, and how they are ranked.

The ranking is deliberately simple and written twice, here and in assets/crosswalk/search.js,
so the terminal and the browser agree; tests hold the two to the same first results. The order
of kinds and the levels reach the browser in the index (:func:`index_meta`), not as a copy.
No stop words and no stemming: "PRD", "A/B test" and "5 Whys" are searched as written.
"""

from __future__ import annotations

import re
from typing import Callable

from .kinds import BUILTIN_KINDS, KindRegistry
from .knowledge_base import KnowledgeBase
from .models import LEVELS, Entry
_TOKEN = re.compile(r"\w+(?:[/&.+'-]\w+)*")


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def kind_order(kinds: KindRegistry = BUILTIN_KINDS) -> tuple[str, ...]:
    """Kinds in the order equal scores are broken, hand-written pages last."""
    return (*kinds.in_search_order(), "page")


def index_meta(kinds: KindRegistry) -> dict:
    """What the browser needs besides the documents: the kinds in rank order with labels, the levels."""
    return {"kinds": [[kind, kinds[kind].LABEL] for kind in kinds.in_search_order()] + [["page", "Page"]], "levels": list(LEVELS)}


def search_documents(kb: KnowledgeBase, url_for: Callable[[Entry], str]) -> list[dict]:
    """One document per entry, the format written to the site's search index."""
    docs = []
    for kind in kb.kinds.in_search_order():
        for entry in kb.of_kind(kind):
            docs.append({
                "id": entry.id, "kind": kind, "label": entry.LABEL, "title": entry.title,
                "aliases": list(getattr(entry, "aliases", [])), "summary": entry.summary,
                "level": getattr(entry, "level", ""), "domains": list(getattr(entry, "domains", [])),
                "tags": list(entry.tags), "url": url_for(entry),
            })
    return docs


def page_document(title: str, text: str, url: str) -> dict:
    """A hand-written page in the same shape as an entry, so one ranking serves both."""
    return {"id": url, "kind": "page", "label": "Page", "title": title, "aliases": [], "summary": text[:300],
            "level": "", "domains": [], "tags": [], "url": url}


def _near(a: str, b: str) -> bool:
    """Edit distance at most one (a typo: one letter missing, extra or different)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1


def _token_score(query_token: str, name_tokens: list[str]) -> float:
    if query_token in name_tokens:
        return 1.0
    if any(t.startswith(query_token) for t in name_tokens):
        return 0.8
    if len(query_token) >= 5 and any(_near(query_token, t) for t in name_tokens):
        return 0.6
    return 0.0


def score(doc: dict, query: str) -> float:
    q, q_tokens = normalize(query), tokens(query)
    if not q_tokens:
        return 0.0
    best = 0.0
    for rank, name in enumerate([doc["title"], *doc["aliases"]]):
        weight = 1.0 if rank == 0 else 0.95  # the title a hair above an alias
        n = normalize(name)
        if n == q:
            best = max(best, 100 * weight)
        elif n.startswith(q):
            best = max(best, 80 * weight)
        else:
            parts = [_token_score(t, tokens(name)) for t in q_tokens]
            if all(parts):
                best = max(best, 40 * weight * sum(parts) / len(parts))
    if best == 0.0:
        text_tokens = tokens(doc["summary"] + " " + " ".join(doc["tags"]))
        parts = [_token_score(t, text_tokens) for t in q_tokens]
        if all(parts):
            best = 10 * sum(parts) / len(parts)
    return best


def search(
    docs: list[dict], query: str, *, kind: str = "", level: str = "", domain: str = "", limit: int = 10, order: tuple[str, ...] = kind_order()
) -> list[dict]:
    """The best matches first; ties go to glossary terms (the ``order`` of kinds), then shorter titles."""
    scored = []
    for doc in docs:
        if (kind and doc["kind"] != kind) or (level and doc["level"] != level) or (domain and domain not in doc["domains"]):
            continue
        s = score(doc, query)
        if s > 0:
            scored.append((-s, order.index(doc["kind"]), len(doc["title"]), doc["title"].casefold(), doc))
    scored.sort(key=lambda row: row[:4])
    return [row[-1] for row in scored[:limit]]
