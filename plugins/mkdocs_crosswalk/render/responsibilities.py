"""Who does what: responsibility (RACI) matrices from role entries, and pairs of roles side by side."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..core.models import Comparison, Role, Stage, Term

RACI = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}


@dataclass(frozen=True)
class Duty:
    index: int  # position in the role's responsibilities, to find its rendered text
    raci: str  # "R", "A", "C", "I" or "" when the author gave no letter
    text: str  # the Markdown as written


DutyRows = list[tuple[Stage, list[list[Duty]]]]  # per stage, the duties of each role in turn


def duties_in(role: Role, comparison_id: str, stage_id: str | None = None) -> list[Duty]:
    return [
        Duty(i, d.raci or "", d.text)
        for i, d in enumerate(role.responsibilities)
        if d.comparison == comparison_id and (stage_id is None or d.stage == stage_id)
    ]


def duty_rows(comparison: Comparison, roles: list[Role]) -> DutyRows:
    return [(stage, [duties_in(r, comparison.id, stage.id) for r in roles]) for stage in comparison.stages]


def responsibility_matrix(comparison: Comparison, roles: list[Role]) -> tuple[list[Role], DutyRows]:
    """Stage rows and role columns for one comparison; only roles with a duty in it get a column."""
    involved = [r for r in roles if duties_in(r, comparison.id)]
    return involved, duty_rows(comparison, involved)


def role_columns(role: Role, comparisons: list[Comparison]) -> list[tuple[Comparison, DutyRows]]:
    """The role's own column of every comparison it has a part in, for its page."""
    return [(c, duty_rows(c, [role])) for c in comparisons if duties_in(role, c.id)]


def where_they_meet(first: Role, second: Role, comparisons: list[Comparison]) -> list[tuple[Comparison, DutyRows]]:
    """The stages of each comparison where both roles have a duty."""
    meeting = []
    for comparison in comparisons:
        rows = [row for row in duty_rows(comparison, [first, second]) if all(row[1])]
        if rows:
            meeting.append((comparison, rows))
    return meeting


def shared_vocabulary(first: Role, second: Role, terms: list[Term]) -> list[Term]:
    """Terms whose domains cover both roles: each role works in at least one of the term's domains."""
    a, b = set(first.domains), set(second.domains)
    return [t for t in terms if a & set(t.domains) and b & set(t.domains)]


def pair_slug(first: Role, second: Role) -> str:
    """One name per pair whichever way round it is asked for."""
    return "--".join(sorted((first.id, second.id)))


def role_pairs(roles: list[Role]) -> list[tuple[Role, Role]]:
    """Every pair of roles once, in the order of ``roles``."""
    return list(itertools.combinations(roles, 2))
