"""Build behaviour: invalid content never publishes, and sites can restyle every page."""

from __future__ import annotations

import time

import pytest

from support import FIXTURES, build_site, copy_project
from support.html import content


@pytest.mark.parametrize("strict", [True, False])
def test_dangling_reference_fails_the_build_naming_file_and_line(tmp_path, strict):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    case = project / "kb" / "ship-it.md"
    case.write_text(case.read_text().replace("skills: [collaboration]", "skills: [collaboration, no-such-skill]"))
    result = build_site(project, tmp_path / "site", *(["--strict"] if strict else []))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "kb/ship-it.md:7: skills[1]: refers to 'no-such-skill', but no entry has that id" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "cases").exists()  # nothing was published


def test_every_problem_of_a_build_is_listed_together(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "kb" / "raci.md").write_text(
        (project / "kb" / "raci.md").read_text().replace("domains: [product, ux]", "domains: [product, ux]\nlevle: 3")
    )
    (project / "kb" / "draft.md").write_text("no front matter here\n")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "kb/raci.md:7: levle: unknown field" in output
    assert "kb/draft.md:1: no front matter" in output
    assert "2 problems found" in output


def test_dangling_link_in_a_hand_written_page_fails_with_its_line(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\nSee [[nowhere]] for more.\n")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/about.md:9: [[nowhere]] refers to no entry" in output


def test_links_in_code_of_every_kind_are_left_as_written(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(
        about.read_text()
        + "\nAn indented sample:\n\n    see [[raci]] here\n    and [[nowhere]] too\n"
        + "\nA fenced one:\n\n```\n[[nowhere]]\n```\n\nInline `[[nowhere]]` and [[raci]] outside code.\n"
        + "\n| link | note |\n| --- | --- |\n| [[raci\\|the chart]] | in a table, the bar is escaped |\n"
    )
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr  # [[nowhere]] only inside code
    page = content(tmp_path / "site", "about/")
    blocks = [code.text() for code in page.css("pre code")]
    assert "see [[raci]] here\nand [[nowhere]] too\n" in blocks
    assert "[[nowhere]]\n" in blocks
    assert [code.text() for code in page.css("p code")] == ["[[nowhere]]"]
    assert not page.css("pre a, p code a")  # no link inside code
    assert [a.text() for a in page.css("p a.cw-ref--term")][-1] == "RACI"
    assert page.css_first("table a.cw-ref").text() == "the chart"


def test_a_dangling_link_is_reported_at_its_own_line_after_the_same_text_in_code(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    about = project / "docs" / "about.md"
    lines = about.read_text().count("\n")
    about.write_text(about.read_text() + "\n```\n[[gone]] in code\n```\n\nBut [[gone]] here.\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"docs/about.md:{lines + 6}: [[gone]] refers to no entry" in output


def test_footnotes_stay_in_the_body_or_field_they_belong_to(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("markdown_extensions:\n", "markdown_extensions:\n  - footnotes\n"))
    case = project / "kb" / "ship-it.md"
    text = case.read_text().replace("  - Agree on **one** metric.", "  - |\n    Agree on **one** metric.[^m]\n\n    [^m]: Precision, say.")
    case.write_text(text + "Release notes matter.[^notes]\n\n[^notes]: Written for users.\n")
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    page = content(tmp_path / "site", "cases/ship-it/")
    steps = page.css_first("ol.cw-steps")
    assert [li.text().strip() for li in steps.css(".footnote li")] == ["Precision, say.\xa0↩"]  # the step's own note
    notes = [div for div in page.css("div.footnote") if "Written for users" in div.text()]
    assert len(notes) == 1, "the body's footnote is shown once"
    assert notes[0].parent.tag == "div" and "cw-entry" in notes[0].parent.attributes["class"]  # in the body, not in a field
    assert "Written for users" not in steps.text() + page.css_first("h2#deliverables").next.next.text()


def test_a_site_overrides_an_entry_template_from_custom_dir(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    override = project / "overrides" / "crosswalk" / "entry" / "term.html"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "crosswalk/entry/base.html" %}{% block summary %}<p class="house-style">{{ entry.summary }}</p>{% endblock %}')
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    term = content(tmp_path / "site", "glossary/raci/")
    assert term.css_first("p.house-style").text().startswith("A chart that says")
    assert term.css_first("dl.cw-definition") is None  # the shipped layout was replaced
    case = content(tmp_path / "site", "cases/ship-it/")
    assert case.css_first("ol.cw-steps") is not None  # other kinds keep the shipped layout


def test_a_hand_written_page_replaces_the_generated_one(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "docs" / "index.md").write_text("# Our own home\n\nStart at [[designer-path]].\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = content(tmp_path / "site", "")
    assert home.css_first("h1").text(strip=True).startswith("Our own home")
    assert home.css_first('a.cw-ref[data-cw-id="designer-path"]') is not None


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("breakage", ["entry", "page"])
def test_a_failed_build_leaves_the_last_good_site_in_place(tmp_path, breakage):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    before = _snapshot(site)
    if breakage == "entry":  # fails while loading, before MkDocs touches anything
        (project / "kb" / "raci.md").write_text("---\nkind: term\n---\n")
    else:  # fails late, after MkDocs has started writing the new site
        (project / "docs" / "about.md").write_text("# About\n\n[[gone]]\n")
    result = build_site(project, site)
    assert result.returncode != 0
    assert _snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging folder left behind


def test_a_good_build_replaces_the_site_and_drops_stale_files(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    (site / "stale.html").write_text("old")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text().replace("Hand-written pages link too", "Pages written by hand link too"))
    assert build_site(project, site).returncode == 0
    assert not (site / "stale.html").exists()
    assert "Pages written by hand link too" in (site / "about" / "index.html").read_text()
    # the replaced site is deleted in the background, so the build need not wait for it
    deadline = time.monotonic() + 30
    while sorted(p.name for p in tmp_path.iterdir()) != ["project", "site"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_an_overridden_link_template_does_not_make_the_glossary_link_a_linked_term_again(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    override = project / "overrides" / "crosswalk" / "partials" / "link.html"
    override.parent.mkdir(parents=True)
    override.write_text('<a href="{{ href }}" data-cw-id="{{ entry.id }}" class="cw-ref house-link">{{ text if text else entry.title }}</a>\n')
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\nEvery RACI chart names one owner.\n")
    result = build_site(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    page = content(tmp_path / "site", "about/")
    to_raci = [a for a in page.css("a") if a.attributes.get("href", "").endswith("glossary/raci/")]
    assert [a.attributes["class"] for a in to_raci] == ["cw-ref house-link"]  # the [[raci]] link only
    assert "Every RACI chart" in page.text()
