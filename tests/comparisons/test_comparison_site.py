"""Comparison, stage, journey, role and role-pair pages of a built site, read as HTML.

The fixture (tests/fixtures/comparisons) has a two-track cycle with labels that need escaping, three
tracks, nine activities that are not a cycle, a journey with two loops, and three roles with duties.
"""

from __future__ import annotations

import shutil

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from support import FIXTURES, build_site, copy_project
from support.html import content, exists, page, resolve

PROJECT = FIXTURES / "comparisons"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    target = tmp_path_factory.mktemp("comparisons") / "site"
    result = build_site(PROJECT, target, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(PROJECT / "kb")


def _pictures(article, form):
    """Each picture of one form on the page, hidden from screen readers with its links out of the tab order."""
    found = article.css(f".cw-diagram__form--{form}")
    for node in found:
        assert node.attributes.get("aria-hidden") == "true"
        assert all(a.attributes.get("tabindex") == "-1" for a in node.css("a")), "a link in the picture takes keyboard focus"
        assert node.parent.css_first("figcaption").text().strip()
    return found


def _words(node) -> str:
    return " ".join(node.text().split())


def _local_links_resolve(site, url, article):
    for a in article.css("a[href]"):
        href = a.attributes["href"]
        if href.startswith(("http", "mailto:")):
            continue
        if href.startswith("#"):
            assert article.css_first(f'[id="{href[1:]}"]') is not None, (url, href)
            continue
        target, fragment = resolve(url, href)
        assert exists(site, target), (url, href)
        if fragment and target != url:
            assert page(site, target).css_first(f'[id="{fragment}"]') is not None, (url, href)


@pytest.mark.parametrize("comparison_id", ["design-vs-ml", "three-tracks", "tooling"])
def test_the_overview_table_has_every_stage_and_cell_with_working_links(site, kb, comparison_id):
    comparison = kb[comparison_id]
    url = f"comparisons/{comparison_id}/"
    article = content(site, url)
    table = article.css_first("table.cw-comparison")
    header = [th.text(strip=True) for th in table.css("thead th")]
    assert header[1:-1] == [t.title + (kb[t.role].title if t.role else "") for t in comparison.tracks] and header[-1] == "Shared focus"
    rows = table.css("tbody tr")
    assert [r.attributes["data-cw-stage"] for r in rows] == [s.id for s in comparison.stages]
    for row, stage in zip(rows, comparison.stages):
        stage_link = row.css_first("th a")
        assert stage_link.text() == stage.title
        assert resolve(url, stage_link.attributes["href"])[0] == f"{url}{stage.id}/"
        cells = row.css("td[data-cw-track]")
        assert [c.attributes["data-cw-track"] for c in cells] == [t.id for t in comparison.tracks]
        assert all(c.text(strip=True) for c in cells), f"{stage.id}: an empty cell"
        terms = {a.attributes["data-cw-id"] for a in row.css(".cw-stage-terms a")}
        assert terms == set(stage.terms)
    _local_links_resolve(site, url, article)


def test_cells_keep_their_markdown_and_links(site):
    rows = content(site, "comparisons/design-vs-ml/").css("table.cw-comparison tbody tr")
    discover, build, _ = rows
    assert discover.css_first('td[data-cw-track="design"] strong:not(.cw-term__tip strong)').text() == "real"
    link = discover.css_first('td[data-cw-track="ml"] a.cw-ref')
    assert link.text() == "drift" and resolve("comparisons/design-vs-ml/", link.attributes["href"])[0] == "glossary/data-drift/"
    assert [li.text() for li in build.css('td[data-cw-track="design"] li')] == ["a prototype", "a usability test plan"]


@pytest.mark.parametrize("comparison_id", ["design-vs-ml", "three-tracks", "tooling"])
@pytest.mark.parametrize("form", ["wide", "narrow"])
def test_the_picture_has_a_box_per_stage_and_cell_that_opens_its_stage(site, kb, comparison_id, form):
    comparison = kb[comparison_id]
    url = f"comparisons/{comparison_id}/"
    (picture,) = _pictures(content(site, url), form)
    stages = picture.css("a.cw-pic-stage")
    assert [a.attributes["data-cw-stage"] for a in stages] == [s.id for s in comparison.stages]
    assert [_words(a) for a in stages] == [f"{i + 1}. {s.title}" for i, s in enumerate(comparison.stages)]  # numbered
    cells = picture.css("a.cw-pic-cell")
    assert len(cells) == len(comparison.stages) * len(comparison.tracks)
    for a in stages + cells:  # a cell opens the page of its stage
        assert resolve(url, a.attributes["href"])[0] == f"{url}{a.attributes['data-cw-stage']}/"
    assert {t.attributes["data-cw-track"] for t in picture.css("[data-cw-track]")} == {t.id for t in comparison.tracks}


def test_labels_are_escaped_text_in_the_picture(site):
    article = content(site, "comparisons/design-vs-ml/")
    for picture in _pictures(article, "wide") + _pictures(article, "narrow"):
        words = _words(picture)
        assert 'Ship <it> & "measure"' in words and "Design <team>" in words
        assert not picture.css("it, team, script")  # text, not markup


def test_every_word_of_a_cell_is_in_the_picture_and_titles_read_as_words_of_the_sentence(site, kb):
    picture = _pictures(content(site, "comparisons/design-vs-ml/"), "wide")[0]
    cell = [_words(c) for c in picture.css("a.cw-pic-cell") if c.attributes["data-cw-stage"] == "discover"]
    assert "Check the data for drift before promising a model." in cell  # nothing cut short with an ellipsis
    assert "…" not in _words(picture)


def test_three_tracks_give_three_lanes_and_nine_activities_wrap_into_bands(site):
    three = _pictures(content(site, "comparisons/three-tracks/"), "narrow")[0]
    assert all(len(card.css(".cw-pic-cell__track")) == 3 for card in three.css(".cw-pic-card"))
    nine = _pictures(content(site, "comparisons/tooling/"), "wide")[0]
    bands = nine.css(".cw-pic-band")
    assert [len(b.css("a.cw-pic-stage")) for b in bands] == [3, 3, 3]  # balanced, not 4 + 4 + 1
    assert all(len(b.css(".cw-pic-track")) == 2 for b in bands)  # each band names its lanes again


def test_each_stage_page_shows_every_track_its_terms_and_the_way_around(site, kb):
    for comparison in kb.of_kind("comparison"):
        for i, stage in enumerate(comparison.stages):
            url = f"comparisons/{comparison.id}/{stage.id}/"
            article = content(site, url)
            assert article.css_first("h1").text() == stage.title
            sections = article.css(".cw-stage__track")
            assert [s.attributes["id"] for s in sections] == [f"track-{t.id}" for t in comparison.tracks]
            for section, track in zip(sections, comparison.tracks):
                others = [a.attributes["href"] for a in section.css(".cw-stage__other a")]
                assert others == [f"#track-{t.id}" for t in comparison.tracks if t.id != track.id]
            assert {a.attributes["data-cw-id"] for a in article.css(".cw-glossary dt a")} == set(stage.terms)
            assert [dd.text() for dd in article.css(".cw-glossary dd")] == [kb[t].summary for t in stage.terms]
            previous, following = article.css_first('a[rel="prev"]'), article.css_first('a[rel="next"]')
            assert (previous is None) == (i == 0) and (following is None) == (i == len(comparison.stages) - 1)
            if following:
                assert resolve(url, following.attributes["href"])[0] == f"comparisons/{comparison.id}/{comparison.stages[i + 1].id}/"
            assert article.css_first('.cw-stage-strip [aria-current="page"]').text() == stage.title
            _local_links_resolve(site, url, article)


def test_a_stage_page_lists_what_refers_to_it(site):
    article = content(site, "comparisons/design-vs-ml/ship/")
    sections = {h2.attributes["id"]: h2 for h2 in article.css("h2[id]")}
    assert {"roles", "journeys", "practice", "linked"} <= set(sections)
    roles = [a.attributes["data-cw-id"] for a in article.css("#roles + ul > li > a.cw-ref")]
    assert roles == ["designer", "engineer"]
    journey = article.css_first("#journeys + ul a")
    assert journey.text() == "ML loop: Monitor after launch"
    assert resolve("comparisons/design-vs-ml/ship/", journey.attributes["href"]) == ("journeys/ml-loop/", "stage-monitor")
    assert [a.attributes["data-cw-id"] for a in article.css("#practice + ul a.cw-ref")] == ["drift-drill"]
    pair = article.css_first(".cw-note a")
    assert resolve("comparisons/design-vs-ml/ship/", pair.attributes["href"])[0] == "roles/pairs/designer--engineer/"


def test_stage_links_and_embeds_in_any_page(site):
    article = content(site, "embeds/")
    link = article.css_first('p a.cw-ref[data-cw-id="design-vs-ml"]')
    assert resolve("embeds/", link.attributes["href"])[0] == "comparisons/design-vs-ml/ship/"
    one, whole, again = article.css(".cw-embedded")
    assert [r.attributes["data-cw-stage"] for r in one.css("tbody tr")] == ["discover"] and not one.css(".cw-diagram")
    assert [r.attributes["data-cw-stage"] for r in whole.css("tbody tr")] == ["discover", "build", "ship"]
    assert whole.css(".cw-diagram") and again.css(".cw-diagram")
    ids = [node.attributes["id"] for node in page(site, "embeds/").css("[id]")]
    assert len(ids) == len(set(ids)), "two embeds of one comparison share element ids"
    drift = whole.css_first('td a.cw-ref[data-cw-id="data-drift"]')  # a link inside a cell, moved to this page
    assert resolve("embeds/", drift.attributes["href"])[0] == "glossary/data-drift/"
    _local_links_resolve(site, "embeds/", article)


@pytest.mark.parametrize("form", ["wide", "narrow"])
def test_the_journey_picture_draws_stages_feelings_and_loops(site, kb, form):
    journey = kb["ml-loop"]
    article = content(site, "journeys/ml-loop/")
    (picture,) = _pictures(article, form)
    stages = picture.css("a.cw-pic-stage")
    assert [a.attributes["data-cw-stage"] for a in stages] == [s.id for s in journey.stages]
    for a in stages:
        assert article.css_first(f'li[id="{a.attributes["href"][1:]}"]') is not None
    assert [int(c.attributes["data-cw-emotion"]) for c in picture.css("circle")] == [s.emotion for s in journey.stages]
    words = _words(picture)
    assert "Retry <now>" in words and "! A pain point with <markup> &" in words
    assert "Pull data from the user research notes" in words  # a term's title inside a sentence reads as a word
    if form == "wide":
        loops = picture.css(".cw-pic-loop")
        assert [g.attributes["data-cw-loop"] for g in loops] == ["evaluate-train", "monitor-collect"]
        assert all("cw-pic-loop--back" in g.attributes["class"] for g in loops)
        rows = [int(g.attributes["style"].split("grid-row: ")[1].split(";")[0]) for g in loops]
        assert rows[0] > rows[1], "the inner loop sits below the outer one"
    else:
        assert "↩ Loops back to Train: Retry <now>" in words


def test_the_journey_is_also_text_below_the_picture(site, kb):
    article = content(site, "journeys/ml-loop/")
    items = article.css("ol.cw-journey > li")
    assert [li.attributes["id"] for li in items] == [f"stage-{s.id}" for s in kb["ml-loop"].stages]
    loop = items[2].css_first(".cw-journey__loop")
    assert " ".join(loop.text().split()).startswith("Loops back to Train: Retry <now>") and loop.css_first("a").attributes["href"] == "#stage-train"
    assert 'A pain point with <markup> & "quotes" in it' in items[2].text()


def test_the_responsibility_matrix_and_each_roles_column(site):
    matrix = content(site, "comparisons/design-vs-ml/").css_first("table.cw-raci-matrix")
    assert [a.attributes["data-cw-id"] for a in matrix.css("thead a")] == ["designer", "engineer"]
    letters = {
        (tr.attributes["data-cw-stage"], td.attributes["data-cw-role"]): td.css_first("abbr").text() if td.css_first("abbr") else ""
        for tr in matrix.css("tbody tr")
        for td in tr.css("td")
    }
    assert letters == {
        ("discover", "designer"): "R",
        ("discover", "engineer"): "C",
        ("build", "designer"): "",
        ("build", "engineer"): "",
        ("ship", "designer"): "C",
        ("ship", "engineer"): "A",
    }
    assert "Leads user research with the people" in matrix.css_first('tr[data-cw-stage="discover"] td').text()
    role = content(site, "roles/designer/")
    tables = {t.attributes["data-cw-comparison"]: t for t in role.css("table.cw-raci-column")}
    assert set(tables) == {"design-vs-ml", "three-tracks"}
    column = [tr.css_first("td").text(strip=True) for tr in tables["design-vs-ml"].css("tbody tr")]
    assert column[0].startswith("RLeads") and column[1] == "—" and column[2].startswith("CTests")
    research = tables["design-vs-ml"].css_first("td a.cw-ref")  # the duty's Markdown link works on the role page
    assert resolve("roles/designer/", research.attributes["href"])[0] == "glossary/user-research/"
    assert [li.text(strip=True) for li in role.css("ul.cw-responsibilities li")] == ["Keeps the design system tidy."]


def test_role_pairs_from_either_side(site):
    index = content(site, "roles/pairs/")
    by_role = {dl.attributes["data-cw-role"]: [a.text() for a in dl.css("dd a")] for dl in index.css(".cw-role-pairs__role")}
    assert by_role == {
        "designer": ["ML engineer", "Product lead"],
        "engineer": ["Designer", "Product lead"],
        "product-lead": ["Designer", "ML engineer"],
    }
    _local_links_resolve(site, "roles/pairs/", index)
    catalogue = content(site, "roles/")
    assert resolve("roles/", catalogue.css_first(".cw-note a").attributes["href"])[0] == "roles/pairs/"
    role = content(site, "roles/engineer/")
    assert [a.text() for a in role.css("#side-by-side + p a")] == ["Designer", "Product lead"]
    _local_links_resolve(site, "roles/engineer/", role)


def test_a_role_pair_page_sets_both_roles_side_by_side(site):
    url = "roles/pairs/designer--engineer/"
    article = content(site, url)
    sides = article.css(".cw-role-pair__side")
    assert [s.attributes["data-cw-role"] for s in sides] == ["designer", "engineer"]
    cares = sides[0].css_first("ul a.cw-ref")  # Markdown in a role's fields stays a working link here
    assert resolve(url, cares.attributes["href"])[0] == "glossary/user-research/"
    assert sides[1].css("ul")[1].text(strip=True) == "Requirements that arrive as mock-ups only"
    meet = article.css_first("table.cw-pair-duties")
    assert [tr.attributes["data-cw-stage"] for tr in meet.css("tbody tr")] == ["discover", "ship"]
    assert [a.attributes["data-cw-id"] for a in article.css("#shared-vocabulary ~ dl dt a")] == ["success-metric"]
    _local_links_resolve(site, url, article)


def test_an_embed_of_a_stage_that_does_not_exist_fails_the_build_with_its_line(tmp_path):
    project = copy_project(PROJECT, tmp_path / "project")
    (project / "docs" / "embeds.md").write_text("# Embeds\n\nFine: [[design-vs-ml#ship]]\n\n![[design-vs-ml#launch]]\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/embeds.md:5: ![[design-vs-ml#launch]]: 'design-vs-ml' has no stage 'launch'; its stages are discover, build, ship"
        in result.stdout + result.stderr
    )
    shutil.rmtree(tmp_path / "project")


def test_switches_leave_out_stage_pages_pictures_and_pairs(tmp_path):
    project = copy_project(PROJECT, tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - crosswalk-comparisons\n", "  - crosswalk-comparisons:\n      stage_pages: false\n      diagrams: false\n      role_pairs: false\n"
        )
    )
    assert build_site(project, tmp_path / "site", "--strict").returncode == 0
    site = tmp_path / "site"
    assert not exists(site, "comparisons/design-vs-ml/ship/") and not exists(site, "roles/pairs/")
    overview = content(site, "comparisons/design-vs-ml/")
    assert not overview.css("svg") and overview.css_first("table.cw-comparison")
    row_link = overview.css_first('tr[data-cw-stage="ship"] th a').attributes["href"]
    assert resolve("comparisons/design-vs-ml/", row_link) == ("comparisons/design-vs-ml/", "stage-ship")  # the stage's row
    assert content(site, "embeds/").css_first('p a.cw-ref[data-cw-id="design-vs-ml"]').attributes["href"] == "../comparisons/design-vs-ml/#stage-ship"


def test_a_comparison_shows_its_table_without_the_comparisons_plugin(tmp_path):
    """The site plugin alone still gives a comparison entry its side-by-side table, stages unlinked."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - crosswalk-comparisons\n", ""))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    table = content(tmp_path / "site", "comparisons/ux-vs-ml/").css_first("table.cw-comparison")
    assert [th.text(strip=True) for th in table.css("tbody th")] == ["Discover", "Monitor"]
    assert table.css("tbody th a") == []  # no stage pages to link to
