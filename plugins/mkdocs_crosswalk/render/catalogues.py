"""Groupings the catalogue and entry pages show: pure functions over the knowledge base."""

from __future__ import annotations

from collections import defaultdict

from ..core.knowledge_base import KnowledgeBase
from ..core.models import LEVELS, Entry, Term


def by_letter(terms: list[Term]) -> list[tuple[str, list[Term]]]:
    """Terms grouped under their initial (digits and symbols under '#'), A to Z."""
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in terms:
        initial = term.title[:1].upper()
        groups[initial if initial.isalpha() else "#"].append(term)
    return sorted(groups.items(), key=lambda item: (item[0] != "#", item[0]))


def cases_by_level(kb: KnowledgeBase) -> list[tuple[str, list[Entry]]]:
    cases = kb.of_kind("case")
    return [(level, [c for c in cases if c.level == level]) for level in LEVELS]


def cases_by_role(kb: KnowledgeBase) -> list[tuple[Entry, list[Entry]]]:
    return [(role, [c for c in kb.of_kind("case") if role.id in c.roles]) for role in kb.of_kind("role")]


def rubrics_by_skill(kb: KnowledgeBase) -> list[tuple[Entry, list[Entry]]]:
    return [(skill, [r for r in kb.of_kind("rubric") if r.skill == skill.id]) for skill in kb.of_kind("skill")]


def paths_for(kb: KnowledgeBase, role_id: str) -> list[Entry]:
    return [p for p in kb.of_kind("path") if p.audience == role_id]


def terms_for_domains(kb: KnowledgeBase, domains) -> list[Term]:
    """Terms in any of ``domains``, the most referred-to first (then by title)."""
    wanted = set(domains)
    return [t for t in kb.terms_by_use if not wanted.isdisjoint(t.domains)]


def referenced_by(kb: KnowledgeBase, entry_id: str) -> list[tuple[str, list[Entry]]]:
    """Entries that refer to ``entry_id``, grouped by kind in catalogue order."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for source in kb.referrers(entry_id):
        groups[source.kind].append(source)
    return [(kb.kinds[kind].PLURAL, sorted(groups[kind], key=lambda e: e.title.casefold())) for kind in kb.kinds if groups.get(kind)]
