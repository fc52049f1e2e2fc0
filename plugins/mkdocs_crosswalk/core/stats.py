"""Health figures for a knowledge base: what is there, what nothing points to, what is stale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .knowledge_base import KnowledgeBase
from .models import Entry


@dataclass
class Stats:
    counts: dict[str, int]
    unreferenced: list[Entry]
    stale: list[Entry]


def knowledge_base_stats(kb: KnowledgeBase, *, today: date, max_age: timedelta) -> Stats:
    entry_points = kb.kinds.entry_points()  # reached from catalogues and the home page, not from other entries
    unreferenced = [e for e in kb.entries.values() if e.kind not in entry_points and not kb.graph.referrers(e.id)]
    stale = [e for e in kb.entries.values() if e.reviewed is None or today - e.reviewed > max_age]
    order = lambda e: (e.kind, e.id)
    return Stats(counts=kb.counts(), unreferenced=sorted(unreferenced, key=order), stale=sorted(stale, key=order))
