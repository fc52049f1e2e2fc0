"""Who does what as plain data: RACI matrices, each role's column, role pairs, and what refers to a stage."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.render.responsibilities import pair_slug, responsibility_matrix, role_columns, role_pairs, shared_vocabulary, where_they_meet
from mkdocs_crosswalk.render.stage_links import stage_links
from support import FIXTURES


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(FIXTURES / "comparisons" / "kb")


def test_the_matrix_has_a_row_per_stage_and_a_column_per_role_with_a_part(kb):
    roles, rows = responsibility_matrix(kb["design-vs-ml"], kb.of_kind("role"))
    assert [r.id for r in roles] == ["designer", "engineer"]  # the product lead has no duty in this comparison
    assert [stage.id for stage, _ in rows] == ["discover", "build", "ship"]
    letters = {(stage.id, role.id): [d.raci for d in duties] for stage, by_role in rows for role, duties in zip(roles, by_role)}
    assert letters == {
        ("discover", "designer"): ["R"],
        ("discover", "engineer"): ["C"],
        ("build", "designer"): [],
        ("build", "engineer"): [],
        ("ship", "designer"): ["C"],
        ("ship", "engineer"): ["A"],
    }
    (duty,) = rows[0][1][0]
    assert kb["designer"].responsibilities[duty.index].text == duty.text  # the index finds the rendered text


def test_a_duty_without_a_letter_still_counts(kb):
    roles, rows = responsibility_matrix(kb["three-tracks"], kb.of_kind("role"))
    assert {r.id for r in roles} == {"designer", "engineer", "product-lead"}
    assert [d.raci for d in rows[0][1][[r.id for r in roles].index("engineer")]] == [""]


def test_a_roles_column_covers_each_comparison_it_has_a_part_in(kb):
    columns = role_columns(kb["designer"], kb.of_kind("comparison"))
    assert [c.id for c, _ in columns] == ["design-vs-ml", "three-tracks"]  # not tooling: no duty there
    assert all(len(by_role) == 1 for _, rows in columns for _, by_role in rows)


def test_where_two_roles_meet_is_the_stages_where_both_have_a_duty(kb):
    meeting = where_they_meet(kb["designer"], kb["engineer"], kb.of_kind("comparison"))
    assert [(c.id, [stage.id for stage, _ in rows]) for c, rows in meeting] == [("design-vs-ml", ["discover", "ship"]), ("three-tracks", ["idea"])]
    assert where_they_meet(kb["designer"], kb["product-lead"], [kb["design-vs-ml"]]) == []


def test_pairs_once_each_with_a_name_that_does_not_depend_on_the_order(kb):
    roles = kb.of_kind("role")
    pairs = role_pairs(roles)
    assert len(pairs) == 3 and len({pair_slug(a, b) for a, b in pairs}) == 3
    assert pair_slug(kb["engineer"], kb["designer"]) == pair_slug(kb["designer"], kb["engineer"]) == "designer--engineer"


def test_shared_vocabulary_is_the_terms_in_a_domain_of_each(kb):
    assert [t.id for t in shared_vocabulary(kb["designer"], kb["engineer"], kb.terms)] == ["success-metric"]
    assert [t.id for t in shared_vocabulary(kb["engineer"], kb["engineer"], kb.terms)] == ["data-drift", "success-metric"]


def test_what_refers_to_a_stage(kb):
    comparison = kb["design-vs-ml"]
    ship = stage_links(kb, comparison, comparison.stage("ship"))
    assert [e.id for e in ship.linked] == ["drift-drill"]  # [[design-vs-ml#ship]] in its scenario
    assert [(role.id, [d.raci for d in duties]) for role, duties in ship.roles] == [("designer", ["C"]), ("engineer", ["A"])]
    assert [(m.entry.id, m.journey_stage.id, m.terms) for m in ship.journey_stages] == [("ml-loop", "monitor", ("data-drift",))]
    assert [(m.entry.id, m.terms) for m in ship.practice] == [("drift-drill", ("data-drift",))]
    discover = stage_links(kb, comparison, comparison.stage("discover"))
    assert [(m.journey_stage.id, m.terms) for m in discover.journey_stages] == [("collect", ("user-research",)), ("monitor", ("data-drift",))]
    build = stage_links(kb, comparison, comparison.stage("build"))  # no terms, no links
    assert not (build.linked or build.roles or build.journey_stages or build.practice)
