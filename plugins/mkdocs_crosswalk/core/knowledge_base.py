"""The loaded knowledge base: entries by id, by kind, and the reference graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .kinds import BUILTIN_KINDS, KindRegistry
from .models import Entry, Term
from .references import ReferenceGraph


@dataclass
class KnowledgeBase:
    root: Path
    entries: dict[str, Entry]
    graph: ReferenceGraph
    kinds: KindRegistry = field(default_factory=lambda: BUILTIN_KINDS)  # the kinds this site has: built-in ones and its own
    _by_kind: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _terms_by_use: list[Term] | None = field(default=None, repr=False)

    def __post_init__(self):
        for kind in self.kinds:
            self._by_kind[kind] = []
        for entry in sorted(self.entries.values(), key=lambda e: (e.title.casefold(), e.id)):
            self._by_kind[entry.kind].append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self.entries

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def of_kind(self, kind: str) -> list[Entry]:
        """Entries of one kind, sorted by title."""
        return self._by_kind[kind]

    @property
    def terms(self) -> list[Term]:
        return self._by_kind["term"]  # type: ignore[return-value]

    @property
    def terms_by_use(self) -> list[Term]:
        """Terms, the most referred-to first, then by title (sorted once: every role page asks)."""
        if self._terms_by_use is None:
            self._terms_by_use = sorted(self.terms, key=lambda t: -len(self.graph.referrers(t.id)))
        return self._terms_by_use

    def counts(self) -> dict[str, int]:
        return {kind: len(items) for kind, items in self._by_kind.items()}

    def referrers(self, entry_id: str) -> list[Entry]:
        return [self.entries[i] for i in self.graph.referrers(entry_id)]
