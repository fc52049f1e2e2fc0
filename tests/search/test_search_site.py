"""The search files every page loads from its <head>, so search is ready before the theme's scripts run."""

from __future__ import annotations

import json

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core.search import INDEX_FILES, QUERY_PLAN, Searcher, kind_order, unpack_sections
from support import FIXTURES, REPO, build_site, copy_project
from support.html import exists, page, resolve

PAGES = ["", "glossary/", "glossary/raci/", "comparisons/ux-vs-mlops/", "guide/search/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_starts_search_from_its_head(shipped_site, url):
    head = page(shipped_site, url).css_first("head")
    script = head.css_first('script[src$="assets/crosswalk/search.js"]')
    assert script is not None and "async" in script.attributes
    preload = head.css_first('link[rel="preload"][as="fetch"]')
    assert preload is not None and preload.attributes.get("crossorigin") == "anonymous"  # fetch() can reuse it
    lunr = head.css_first('link[rel="preload"][as="script"]')
    for href, expected in (
        (script.attributes["src"], "assets/crosswalk/search.js"),
        (preload.attributes["href"], INDEX_FILES["names"]),
        (lunr.attributes["href"], "assets/crosswalk/lunr.js"),
    ):
        target, _ = resolve(url, href)
        assert target == expected and exists(shipped_site, target)
    # loaded once: not again with the theme's scripts at the end of the page
    assert len(page(shipped_site, url).css('script[src$="assets/crosswalk/search.js"]')) == 1


def test_the_error_page_searches_too_from_any_depth(shipped_site):
    # A host serves 404.html at whatever path was missing, so its links start from the site root.
    head = page(shipped_site, "404.html").css_first("head")
    script = head.css_first('script[src$="assets/crosswalk/search.js"]')
    preload = head.css_first('link[rel="preload"][as="fetch"]')
    assert script.attributes["src"] == "/assets/crosswalk/search.js"
    assert preload.attributes["href"] == "/" + INDEX_FILES["names"]


def test_lunr_is_the_copy_mkdocs_ships_with_its_licence(shipped_site):
    import mkdocs

    shipped = (shipped_site / "assets/crosswalk/lunr.js").read_text()
    assert "2.3.9" in shipped[:200] and "@license MIT" in shipped[:200]
    assert shipped == (__import__("pathlib").Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js").read_text()


def test_the_index_holds_every_entry_and_hand_written_page_and_its_sections(shipped_site):
    kb = load_knowledge_base(REPO / "kb")
    names = json.loads((shipped_site / INDEX_FILES["names"]).read_text())
    text = json.loads((shipped_site / INDEX_FILES["text"]).read_text())
    docs = names["meta"]["docs"]
    assert {row[0] for row in docs if row[1] != "page"} == set(kb.entries)
    assert {"guide/errors/", "guide/search/"} <= {row[4] for row in docs if row[1] == "page"}
    # the browser takes the kind order and the query plan from here, not from a copy of its own
    assert names["meta"]["kinds"] == kind_order() and names["meta"]["plan"] == QUERY_PLAN
    rubric = next(i for i, row in enumerate(docs) if row[0] == "user-impact-translation-interview")
    anchors = {row[2] for row in unpack_sections(text["sections"]) if row[0] == rubric}
    assert {"question", "sample-answer", "red-flags"} <= anchors
    assert text["index"]["pipeline"] == [] and names["index"]["pipeline"] == []  # words are made by core/search.py alone


def test_the_compact_index_is_lunrs_index_with_nothing_lost():
    """The site ships lunr's index in a compact form; expanded, every term finds the same sections
    with the same scores (only the terms' internal numbers differ)."""
    from lunr import lunr

    from mkdocs_crosswalk.core.search import compact, expand

    kb = load_knowledge_base(REPO / "kb")
    original = lunr(
        ref="id", fields=["body", "title"], documents=[{"id": str(i), "body": e.body, "title": e.title} for i, e in enumerate(kb.entries.values())]
    ).serialize()
    packed = compact(original)
    expanded = expand(json.loads(json.dumps(packed)))
    assert len(json.dumps(packed)) < len(json.dumps(original)) / 2

    def by_term(index):
        terms = {posting["_index"]: term for term, posting in index["invertedIndex"]}
        return {ref: {terms[i]: score for i, score in zip(elements[0::2], elements[1::2])} for ref, elements in index["fieldVectors"] if elements}

    assert by_term(expanded) == by_term(original)
    assert [(t, {f: set(p[f]) for f in ("body", "title")}) for t, p in expanded["invertedIndex"]] == [
        (t, {f: set(p[f]) for f in ("body", "title")}) for t, p in original["invertedIndex"]
    ]


def test_search_snippets_of_a_role_keep_its_table_cells_and_list_items_apart(shipped_site):
    """A role's "Part in each stage" table and its lists read cell by cell in a result's snippet, not as one run of words."""
    from mkdocs_crosswalk.core.search import Searcher

    kb = load_knowledge_base(REPO / "kb")
    role = kb.of_kind("role")[0]
    searcher = Searcher.of_site(shipped_site)
    number = next(i for i, doc in enumerate(searcher.docs) if doc["id"] == role.id)
    passages = {row[2]: searcher.passage(i) for i, row in enumerate(searcher.sections) if row[0] == number}
    table = passages["raci"]
    assert f"Stage · {role.title} · " in table  # the header row: two cells
    stage = kb.of_kind("comparison")[0].stages[0].title
    assert f" · {stage} · " in table  # a stage's name is a cell of its own, between the cells around it
    cares = passages["cares-about"]
    assert len(role.cares_about) > 1
    assert " · ".join(" ".join(item.split()) for item in role.cares_about) in cares


def test_a_hand_written_page_can_rank_lower_or_stay_out_of_search(tmp_path):
    """Material's `search:` front matter on a hand-written page: `boost` below 1 puts its sections after others
    that match as well (the shipped user's guide says 0.5, so "RACI" finds the knowledge base before the guide's
    examples), `exclude: true` leaves it out; a boost that is no number stops the build, naming the page."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    same = "Quarterly lantern review notes for the launch.\n"
    (project / "docs" / "plain.md").write_text("# Plain\n\n" + same)
    (project / "docs" / "lower.md").write_text("---\nsearch:\n  boost: 0.5\n---\n# Lower\n\n" + same)
    (project / "docs" / "hidden.md").write_text("---\nsearch:\n  exclude: true\n---\n# Hidden\n\n" + same)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    found = [r.doc["url"] for r in Searcher.of_site(site).search("lantern review")]
    assert found == ["plain/", "lower/"]  # the same words: the boosted-down page second, the excluded one nowhere

    (project / "docs" / "lower.md").write_text("---\nsearch:\n  boost: high\n---\n# Lower\n\n" + same)
    failed = build_site(project, tmp_path / "site2")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert "docs/lower.md: search: boost: 'high' is not a number above 0" in failed.stderr
