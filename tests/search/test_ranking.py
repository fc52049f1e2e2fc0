"""Search over the shipped knowledge base, through the lunr index the built site ships: exact names
first, then names that start with the query, then the full text of every entry and page."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mkdocs_crosswalk.cli import main
from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core.search import Searcher
from support import REPO
from support.search_queries import FIRST, HOSTILE

KB = load_knowledge_base(REPO / "kb")


@pytest.fixture(scope="module")
def searcher(shipped_site):
    return Searcher.of_site(shipped_site)


@pytest.mark.parametrize("query, expected", FIRST.items())
def test_first_result(searcher, query, expected):
    first = searcher.search(query)[0]
    assert (first.doc["id"], first.anchor) == expected


def test_a_name_in_another_form_comes_after_names_as_typed(searcher):
    """ "drifting" finds Drift (its root), but a name as typed, or one that starts so, ranks first: "train" is not
    outranked by every name that roots to it, and four-letter words and abbreviations have no other form."""
    assert [r.doc["id"] for r in searcher.search("drifting")][:1] == ["drift"]
    assert searcher.search("drifting")[0].tier == 3  # the tier after exact names, their starts and typos
    assert [r.doc["id"] for r in searcher.search("retraining")][:1] == ["retraining"]
    assert all(r.doc["id"] != "raci" for r in searcher.search("raced"))  # short words keep their form


def test_exact_names_come_before_names_that_contain_them(searcher):
    assert [r.doc["id"] for r in searcher.search("drift")[:2]] == ["drift", "data-drift"]


def test_pages_that_discuss_a_term_come_before_lists_that_repeat_its_definition(searcher):
    """A term's See also, a role's vocabulary and a role pair's shared vocabulary repeat other terms' names and
    definitions; as short sections they outranked the case studies about A/B tests. Now they are not searched."""
    results = searcher.search("ab test", limit=12)
    ids = [r.doc["id"] for r in results]
    assert {"recommendation-feature-scope", "latency-accuracy-tradeoff"} <= set(ids[:5]), ids  # the two A/B-test cases
    listing = [f"{r.doc['id']}#{r.anchor}" for r in results if r.anchor in ("see-also", "vocabulary", "shared-vocabulary")]
    assert listing == []
    used_on = [r for r in searcher.search("dot voting", limit=50) if r.doc["id"] == "kickoff-meeting"]
    assert used_on == []  # Kick-off meeting's "Used on" list names Dot voting; its text never does
    assert [r.doc["id"] for r in searcher.search("canary releases")][:1] == ["canary-deployment"]  # the alias still leads


def test_full_text_results_show_the_matched_words(searcher):
    first = searcher.search("Spark Summit")[0]
    assert first.heading == "The outcome" and "Spark Summit" in first.snippet


def test_abbreviations_are_not_lost_as_stop_words_or_stems(searcher):
    for query, expected in (("A/B", "ab-test"), ("CI", "ci-cd"), ("PRD", "prd"), ("5", "five-whys"), ("retrospectives", "retrospective")):
        assert searcher.search(query)[0].doc["id"] == expected, query
    # a stop word in lunr's default list is still a word here: it is in the index and found
    assert len(searcher.search("it", limit=50)) == 50


def test_a_name_written_with_slashes_is_found_in_the_text_however_it_is_typed(searcher):
    # two case studies write "A/B test" in their text: "ab test" finds them as "a/b test" does, not only the term
    cases = {"recommendation-feature-scope", "latency-accuracy-tradeoff"}
    assert all("A/B test" in (REPO / "kb" / "cases" / f"{case}.md").read_text() for case in cases)
    for query in ("ab test", "a/b test", "a b test"):
        assert cases <= {r.doc["id"] for r in searcher.search(query, limit=50)}, query


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_is_searched_as_text(searcher, query):
    results = searcher.search(query)
    assert isinstance(results, list)


def test_results_narrow_by_kind_level_and_domain(searcher):
    cases = searcher.search("model", kind="case", limit=50)
    assert cases and all(r.doc["kind"] == "case" for r in cases)
    advanced = searcher.search("team", kind="case", level="advanced", limit=50)
    assert advanced and {r.doc["id"] for r in advanced} <= {c.id for c in KB.of_kind("case") if c.level == "advanced"}
    ux = searcher.search("test", domain="ux", limit=50)
    assert ux and all("ux" in r.doc["domains"] for r in ux)


def test_hand_written_pages_are_searched_by_section(searcher):
    first = searcher.search("error messages")[0]
    assert first.doc["kind"] == "page" and first.doc["url"] == "guide/errors/"


@pytest.mark.parametrize("query, expected", FIRST.items())
def test_the_cli_gives_the_same_first_result(shipped_site, query, expected):
    result = CliRunner().invoke(main, ["search", query, "--site", str(shipped_site), "--limit", "1"])
    assert result.exit_code == 0, result.output
    entry_id, anchor = expected
    assert result.output.splitlines()[0].endswith(f"{KB[entry_id].SECTION}/{entry_id}/" + (f"#{anchor}" if anchor else ""))


@pytest.mark.parametrize("query", HOSTILE)
def test_the_cli_takes_hostile_input(shipped_site, query):
    result = CliRunner().invoke(main, ["search", "--site", str(shipped_site), "--", query])  # "--": a query may start with "-"
    assert result.exit_code in (0, 1) and (result.exception is None or isinstance(result.exception, SystemExit)), result.output
    assert "<script>" not in result.stdout and "onerror" not in result.stdout  # no result made of the query itself


def test_without_a_built_site_the_cli_indexes_the_knowledge_base(tmp_path):
    result = CliRunner().invoke(main, ["search", "feels like spam", "--kb", str(REPO / "kb"), "--site", str(tmp_path / "none"), "--limit", "1"])
    assert result.exit_code == 0 and result.output.splitlines()[0].endswith("rubrics/user-impact-translation-interview/")


def test_without_a_built_site_snippets_read_as_the_page_does(tmp_path):
    """The knowledge base's own Markdown is what the terminal searches then; its snippets must not show the
    link syntax ("[[ab-test|A/B tests]]", "**bold**") but the words a reader sees on the page."""
    result = CliRunner().invoke(main, ["search", "ab test", "--kb", str(REPO / "kb"), "--site", str(tmp_path / "none"), "--limit", "8"])
    snippets = [line.strip() for line in result.output.splitlines() if line.startswith("    ")]
    assert result.exit_code == 0 and len(snippets) == 8
    assert any("A/B tests" in s for s in snippets), snippets  # a link's own text, as written
    assert not [s for s in snippets if "[[" in s or "]]" in s or "**" in s], snippets
