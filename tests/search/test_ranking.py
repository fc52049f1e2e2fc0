"""Search ranking over the shipped knowledge base: exact titles, aliases and abbreviations first."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mkdocs_crosswalk.cli import main
from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core.search import search, search_documents
from support import REPO

KB = load_knowledge_base(REPO / "kb")
DOCS = search_documents(KB, lambda e: f"{e.SECTION}/{e.id}/")
FIRST = {
    "RACI": "raci", "PRD": "prd", "DACI": "daci", "A/B test": "ab-test", "CI/CD": "ci-cd", "data drift": "data-drift",
    "drift": "drift", "F1 score": "f1-score", "5 Whys": "five-whys", "responsibility assignment": "raci",
    "retra": "retraining", "retraning": "retraining", "product requirements document": "prd",
}


@pytest.mark.parametrize("query, expected", FIRST.items())
def test_first_result(query, expected):
    assert search(DOCS, query)[0]["id"] == expected


def test_abbreviations_are_not_lost_as_stop_words_or_stems():
    for query in ("A/B", "CI", "PRD", "5"):
        assert search(DOCS, query), query


def test_results_narrow_by_kind_level_and_domain():
    cases = search(DOCS, "model", kind="case", limit=50)
    assert cases and all(d["kind"] == "case" for d in cases)
    advanced = search(DOCS, "a", kind="case", level="advanced", limit=50)
    assert advanced and {d["id"] for d in advanced} <= {c.id for c in KB.of_kind("case") if c.level == "advanced"}
    ux = search(DOCS, "test", domain="ux", limit=50)
    assert ux and all("ux" in d["domains"] for d in ux)


@pytest.mark.parametrize("query, expected", FIRST.items())
def test_the_cli_gives_the_same_first_result(query, expected):
    result = CliRunner().invoke(main, ["search", query, "--kb", str(REPO / "kb"), "--limit", "1"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].endswith(f"{KB[expected].SECTION}/{expected}/")


def test_the_site_index_is_the_cli_index(shipped_site):
    import json

    shards = [json.loads((shipped_site / "search" / name).read_text())["docs"] for name in ("crosswalk-glossary.json", "crosswalk-entries.json")]
    site_docs = shards[0] + shards[1]
    assert [d["id"] for d in shards[0]] == [t.id for t in KB.terms]  # the glossary shard holds exactly the terms
    assert [{**d, "url": ""} for d in site_docs] == [{**d, "url": ""} for d in DOCS]
