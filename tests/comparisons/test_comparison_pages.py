"""Comparison, journey and who-does-what pages, in the shipped site and fixtures."""

from __future__ import annotations

import itertools
from xml.etree import ElementTree

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.render.diagrams import shared_vocabulary
from support import FIXTURES, REPO, build_site, copy_project
from support.html import content, exists, resolve

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(REPO / "kb")


def _svg(article):
    node = article.css_first("svg.cw-svg")
    return node, ElementTree.fromstring(node.html)


@pytest.mark.parametrize("comparison_id", ["ux-vs-mlops", "cloud-tooling", "ai-product-lifecycle"])
def test_overview_diagram_has_a_node_per_stage_track_and_cell(shipped_site, kb, comparison_id):
    comparison = kb[comparison_id]
    url = f"comparisons/{comparison_id}/"
    svg, tree = _svg(content(shipped_site, url))
    stages = tree.findall(f".//{SVG}a[@class='cw-svg-node cw-svg-stage']")
    tracks = tree.findall(f".//{SVG}g[@class='cw-svg-node cw-svg-track']")
    cells = tree.findall(f".//{SVG}a[@class='cw-svg-node cw-svg-cell']")
    assert [a.get("data-cw-stage") for a in stages] == [s.id for s in comparison.stages]
    assert [g.get("data-cw-track") for g in tracks] == [t.id for t in comparison.tracks]
    assert len(cells) == len(comparison.stages) * len(comparison.tracks)
    for a in stages + cells:  # every node opens its stage's page
        target, _ = resolve(url, a.get("href"))
        assert exists(shipped_site, target), a.get("href")
    title_id, desc_id = svg.attributes["aria-labelledby"].split()
    assert tree.find(f"{SVG}title").get("id") == title_id and tree.find(f"{SVG}title").text == comparison.title
    desc = tree.find(f"{SVG}desc")
    assert desc.get("id") == desc_id and all(s.title in desc.text for s in comparison.stages)
    assert svg.attributes["role"] == "img"


def test_three_tracks_render_side_by_side(shipped_site, kb):
    comparison = kb["ai-product-lifecycle"]
    assert len(comparison.tracks) == 3
    header = content(shipped_site, "comparisons/ai-product-lifecycle/").css("table.cw-comparison thead th")
    assert [th.text(strip=True).split("\n")[0] for th in header[1:4]] == [t.title for t in comparison.tracks] or len(header) == 5


def test_each_stage_has_a_page_with_every_track_terms_and_neighbours(shipped_site, kb):
    for comparison in kb.of_kind("comparison"):
        for i, stage in enumerate(comparison.stages):
            url = f"comparisons/{comparison.id}/{stage.id}/"
            page = content(shipped_site, url)
            assert page.css_first("h1").text(strip=True) == stage.title
            assert [s.attributes["id"] for s in page.css(".cw-stage__track")] == [f"track-{t.id}" for t in comparison.tracks]
            linked_terms = {a.attributes["data-cw-id"] for a in page.css(".cw-glossary a.cw-ref")}
            assert linked_terms == set(stage.terms)
            prev_link, next_link = page.css_first('a[rel="prev"]'), page.css_first('a[rel="next"]')
            assert (prev_link is None) == (i == 0) and (next_link is None) == (i == len(comparison.stages) - 1)
            if next_link:
                assert resolve(url, next_link.attributes["href"])[0] == f"comparisons/{comparison.id}/{comparison.stages[i + 1].id}/"
            for a in page.css("a[href]"):
                href = a.attributes["href"]
                if not href.startswith(("#", "http")):
                    assert exists(shipped_site, resolve(url, href)[0]), (url, href)


def test_stage_links_in_markdown_open_the_stage_page(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "docs" / "about.md").write_text("# About\n\nSee [[ux-vs-ml#monitor]].\n\n![[ux-vs-ml#discover]]\n\n![[ux-vs-ml]]\n")
    assert build_site(project, tmp_path / "site").returncode == 0
    about = content(tmp_path / "site", "about/")
    link = about.css_first('a.cw-ref[data-cw-id="ux-vs-ml"]')
    assert resolve("about/", link.attributes["href"])[0] == "comparisons/ux-vs-ml/monitor/"
    one, whole = about.css(".cw-embedded")
    assert [r.css_first("th").text(strip=True) for r in one.css("tbody tr")] == ["Discover"]
    assert [r.css_first("th").text(strip=True) for r in whole.css("tbody tr")] == ["Discover", "Monitor"]
    drift = whole.css_first('a.cw-ref[data-cw-id="data-drift"]')  # a link inside a cell, moved to this page
    assert resolve("about/", drift.attributes["href"])[0] == "glossary/data-drift/"


def test_journey_draws_its_stages_curve_and_loops(shipped_site, kb):
    journey = kb["ml-workflow-journey"]
    svg, tree = _svg(content(shipped_site, "journeys/ml-workflow-journey/"))
    assert [a.get("data-cw-stage") for a in tree.findall(f".//{SVG}a")] == [s.id for s in journey.stages]
    assert len(tree.findall(f".//{SVG}circle")) == len(journey.stages)
    loops = tree.findall(f".//{SVG}path[@class='cw-svg-loop']")
    assert [p.get("data-cw-loop") for p in loops] == [f"{l.from_}-{l.to}" for l in journey.loops]
    assert any(l.from_ == "evaluation" or "eval" in l.from_ for l in journey.loops)
    assert "monitor" in journey.stages[-1].id  # the post-deployment stage is drawn last
    assert journey.stages[-1].title in tree.find(f"{SVG}desc").text


def test_responsibility_matrix_and_each_roles_column(shipped_site, kb):
    matrix = content(shipped_site, "comparisons/ux-vs-mlops/").css_first("table.cw-raci-matrix")
    roles = [a.attributes["data-cw-id"] for a in matrix.css("thead a")]
    assert "ux-designer" in roles and "ml-engineer" in roles
    rows = matrix.css("tbody tr")
    assert [r.css_first("th").text(strip=True) for r in rows] == [s.title for s in kb["ux-vs-mlops"].stages]
    column = roles.index("product-manager")
    letters = [r.css("td")[column].text(strip=True) for r in rows]
    role_table = next(t for t in content(shipped_site, "roles/product-manager/").css("table.cw-raci-matrix")
                      if t.css_first('caption a[data-cw-id="ux-vs-mlops"]'))
    assert [r.css_first("td abbr").text(strip=True) if r.css_first("td abbr") else "" for r in role_table.css("tbody tr")] == [l[:1] for l in letters]


def test_a_page_for_every_pair_of_roles_with_their_shared_vocabulary(shipped_site, kb):
    roles = kb.of_kind("role")
    index = content(shipped_site, "roles/pairs/")
    assert len(index.css("li a")) == len(list(itertools.combinations(roles, 2)))
    first, second = kb["ux-designer"], kb["ml-engineer"]
    pair = content(shipped_site, "roles/pairs/" + "--".join(sorted([first.id, second.id], key=lambda i: [r.id for r in roles].index(i))) + "/")
    shared = {a.attributes["data-cw-id"] for a in pair.css("dl.cw-glossary a.cw-ref")}
    assert shared == {t.id for t in shared_vocabulary(first, second, kb.terms)}
