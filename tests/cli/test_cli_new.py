"""`crosswalk new KIND TITLE`: a filled-in entry at kb/<section>/<slug>.md that an author then edits.

Every registered kind is covered: the built-in ones and the site's own (tests/fixtures/custom_kind)."""

from __future__ import annotations

import re
import shutil

import pytest

from mkdocs_crosswalk.core import KINDS, Entry, load_site_kinds, parse_entry
from support import FIXTURES

CUSTOM = FIXTURES / "custom_kind"
SITE_KINDS = load_site_kinds({"decision": "kinds:Decision", "playbook": "kinds:Playbook"}, CUSTOM)
EVERY_KIND = [*((kind, False) for kind in KINDS), *((kind, True) for kind in SITE_KINDS.custom())]
PLACEHOLDER = re.compile(r"found '[A-Z]+-ID'$")  # an id the author is asked to fill in


@pytest.fixture
def site_project(workdir):
    """A site with its own kinds: mkdocs.yml and kinds.py next to the (empty) knowledge base."""
    shutil.copy(CUSTOM / "mkdocs.yml", workdir / "mkdocs.yml")
    shutil.copy(CUSTOM / "kinds.py", workdir / "kinds.py")
    return workdir


@pytest.mark.parametrize("kind, custom", EVERY_KIND, ids=[kind for kind, _ in EVERY_KIND])
def test_new_writes_a_parseable_entry_in_the_kind_section(run, site_project, kind, custom):
    section = SITE_KINDS[kind].SECTION
    result = run("new", kind, "Model Cards & Drift")
    assert result.exit_code == 0, result.output
    target = site_project / "kb" / section / "model-cards-drift.md"
    assert result.stdout.strip() == f"wrote {target.relative_to(site_project)}"
    entry = parse_entry(target.read_bytes(), "kb/x.md", f"{section}/model-cards-drift.md", SITE_KINDS)
    if isinstance(entry, list):  # only the ids the author is asked to fill in, like SKILL-ID
        assert all(PLACEHOLDER.search(problem.message) for problem in entry), entry
        filled = target.read_text().replace("-ID", "").replace("SKILL", "some-skill").replace("ROLE", "some-role").replace("ENTRY", "some-entry")
        entry = parse_entry(filled.encode(), "kb/x.md", f"{section}/model-cards-drift.md", SITE_KINDS)
    assert isinstance(entry, Entry), entry
    assert (entry.kind, entry.id, entry.title) == (kind, "model-cards-drift", "Model Cards & Drift")


@pytest.mark.parametrize("kind, custom", EVERY_KIND, ids=[kind for kind, _ in EVERY_KIND])
def test_new_entry_passes_check_but_for_the_ids_it_asks_for(run, site_project, kind, custom):
    assert run("new", kind, "Fresh entry").exit_code == 0
    result = run("check")
    if result.exit_code == 0:
        assert result.stdout.startswith("1 entry OK")
    else:  # e.g. a rubric's skill: SKILL-ID, which the author replaces
        problems = result.stderr.splitlines()[:-1]
        assert problems and all(PLACEHOLDER.search(line) for line in problems), result.stderr


def test_new_entries_pass_check_inside_an_existing_knowledge_base(run, mini_kb):
    for kind in ("term", "skill", "case", "role", "comparison"):
        assert run("new", kind, f"Another {kind}").exit_code == 0
    result = run("check")
    assert result.exit_code == 0, result.stderr


def test_new_knows_a_site_kind_only_where_mkdocs_yml_adds_it(run, workdir):
    result = run("new", "decision", "X")
    assert result.exit_code == 2 and "'decision' is not a kind" in result.stderr
    assert not (workdir / "kb").exists()


def test_new_refuses_to_overwrite(run, workdir):
    target = workdir / "kb" / "glossary" / "raci.md"
    target.parent.mkdir(parents=True)
    target.write_text("my careful work\n")
    result = run("new", "term", "RACI")
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text() == "my careful work\n"


def test_new_force_overwrites(run, workdir):
    target = workdir / "kb" / "glossary" / "raci.md"
    target.parent.mkdir(parents=True)
    target.write_text("my careful work\n")
    result = run("new", "term", "RACI", "--force")
    assert result.exit_code == 0
    entry = parse_entry(target.read_bytes(), "kb/glossary/raci.md", "glossary/raci.md")
    assert isinstance(entry, Entry) and entry.title == "RACI"


def test_new_with_id_and_kb_options(run, workdir):
    result = run("new", "case", "Café déjà vu", "--kb", "content", "--id", "first-case")
    assert result.exit_code == 0
    assert (workdir / "content" / "cases" / "first-case.md").is_file()
    assert not (workdir / "kb").exists()


def test_new_slug_from_accented_title(run, workdir):
    assert run("new", "term", "Café déjà vu").exit_code == 0
    assert (workdir / "kb" / "glossary" / "cafe-deja-vu.md").is_file()


def test_new_rejects_unknown_kind(run, workdir):
    result = run("new", "glossary", "X")
    assert result.exit_code == 2
    assert not (workdir / "kb").exists()


def test_new_refuses_an_id_that_is_not_a_slug(run, workdir):
    result = run("new", "term", "X", "--kb", "kb", "--id", "../../escaped")
    assert not (workdir / "escaped.md").exists()  # kb/glossary/../../escaped.md
    assert result.exit_code != 0
