"""The shipped comparisons, journey and roles: each has its generated pages and pictures."""

from __future__ import annotations

import itertools

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.render.responsibilities import pair_slug, shared_vocabulary
from support import REPO
from support.html import content, exists, resolve


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(REPO / "kb")


def _forms(article):
    """The picture's forms by name ("wide", "narrow")."""
    return {node.attributes["class"].split("--")[-1]: node for node in article.css("figure.cw-diagram .cw-diagram__form")}


@pytest.mark.parametrize("comparison_id", ["ux-vs-mlops", "cloud-tooling", "ai-product-lifecycle"])
def test_each_shipped_comparison_has_its_picture_table_and_stage_pages(shipped_site, kb, comparison_id):
    comparison = kb[comparison_id]
    url = f"comparisons/{comparison_id}/"
    article = content(shipped_site, url)
    pictures = _forms(article)
    assert sorted(pictures) == ["narrow", "wide"]
    for form in pictures.values():
        assert [a.attributes["data-cw-stage"] for a in form.css("a.cw-pic-stage")] == [s.id for s in comparison.stages]
        assert len(form.css("a.cw-pic-cell")) == len(comparison.stages) * len(comparison.tracks)
        for a in form.css("a"):
            assert exists(shipped_site, resolve(url, a.attributes["href"])[0]), a.attributes["href"]
    rows = article.css("table.cw-comparison tbody tr")
    assert [r.attributes["data-cw-stage"] for r in rows] == [s.id for s in comparison.stages]
    assert all(len(r.css("td[data-cw-track]")) == len(comparison.tracks) for r in rows)
    for stage in comparison.stages:
        stage_page = content(shipped_site, f"{url}{stage.id}/")
        assert stage_page.css_first("h1").text() == stage.title
        assert len(stage_page.css(".cw-stage__track")) == len(comparison.tracks)
        for a in stage_page.css("a[href]"):
            href = a.attributes["href"]
            if not href.startswith(("#", "http")):
                assert exists(shipped_site, resolve(f"{url}{stage.id}/", href)[0]), (stage.id, href)


def test_the_lifecycle_comparison_has_three_tracks_side_by_side(shipped_site, kb):
    comparison = kb["ai-product-lifecycle"]
    assert len(comparison.tracks) == 3
    article = content(shipped_site, "comparisons/ai-product-lifecycle/")
    assert len(article.css("table.cw-comparison thead th")) == 1 + 3 + 1
    narrow = _forms(article)["narrow"]
    assert all(len(card.css("[data-cw-track]")) == 3 for card in narrow.css(".cw-pic-card"))


def test_the_ml_journey_draws_its_loop_back_and_life_after_launch(shipped_site, kb):
    journey = kb["ml-workflow-journey"]
    article = content(shipped_site, "journeys/ml-workflow-journey/")
    forms = _forms(article)
    assert sorted(forms) == ["narrow", "wide"]
    for form in forms.values():
        assert [a.attributes["data-cw-stage"] for a in form.css("a.cw-pic-stage")] == [s.id for s in journey.stages]
        assert len(form.css("circle")) == len(journey.stages)
        assert journey.stages[-1].title in form.text()  # the post-deployment stage is drawn too
    loops = [g.attributes["data-cw-loop"] for g in forms["wide"].css(".cw-pic-loop")]
    assert loops == [f"{wl.from_}-{wl.to}" for wl in journey.loops] and "evaluation-training" in loops
    assert len(article.css("ol.cw-journey > li")) == len(journey.stages)


def test_the_responsibility_matrix_matches_each_roles_column(shipped_site, kb):
    matrix = content(shipped_site, "comparisons/ux-vs-mlops/").css_first("table.cw-raci-matrix")
    roles = [a.attributes["data-cw-id"] for a in matrix.css("thead a")]
    assert {"ux-designer", "ml-engineer", "product-manager"} <= set(roles)
    rows = matrix.css("tbody tr")
    assert [r.attributes["data-cw-stage"] for r in rows] == [s.id for s in kb["ux-vs-mlops"].stages]
    in_matrix = [r.css_first('td[data-cw-role="product-manager"]').css_first("abbr").text() for r in rows]
    column = content(shipped_site, "roles/product-manager/").css_first('table.cw-raci-column[data-cw-comparison="ux-vs-mlops"]')
    assert [r.css_first("td abbr").text() for r in column.css("tbody tr")] == in_matrix


def test_a_page_for_every_pair_of_roles_with_their_shared_vocabulary(shipped_site, kb):
    roles = kb.of_kind("role")
    index = content(shipped_site, "roles/pairs/")
    assert len(index.css("dd a")) == 2 * len(list(itertools.combinations(roles, 2)))  # each pair, from either side
    first, second = kb["ux-designer"], kb["ml-engineer"]
    pair = content(shipped_site, f"roles/pairs/{pair_slug(first, second)}/")
    shared = {a.attributes["data-cw-id"] for a in pair.css("#shared-vocabulary ~ dl dt a")}
    assert shared == {t.id for t in shared_vocabulary(first, second, kb.terms)}
