"""`crosswalk new KIND TITLE`: a filled-in entry at kb/<section>/<slug>.md that an author then edits."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core import Entry, parse_entry

NO_REQUIRED_REFS = {"term": "glossary", "skill": "skills", "case": "cases", "role": "roles", "comparison": "comparisons"}



@pytest.mark.parametrize("kind, section", NO_REQUIRED_REFS.items())
def test_new_writes_a_parseable_entry_in_the_kind_section(run, workdir, kind, section):
    result = run("new", kind, "Model Cards & Drift")
    assert result.exit_code == 0, result.output
    target = workdir / "kb" / section / "model-cards-drift.md"
    assert result.stdout.strip() == f"wrote {target.relative_to(workdir)}"
    entry = parse_entry(target.read_bytes(), "kb/x.md", f"{section}/model-cards-drift.md")
    assert isinstance(entry, Entry), entry
    assert (entry.kind, entry.id, entry.title) == (kind, "model-cards-drift", "Model Cards & Drift")


@pytest.mark.parametrize("kind", list(NO_REQUIRED_REFS))
def test_new_entry_passes_check(run, workdir, kind):
    assert run("new", kind, "Fresh entry").exit_code == 0
    result = run("check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 entries OK") or result.stdout.startswith("1 entry OK")


def test_new_entries_pass_check_inside_an_existing_knowledge_base(run, mini_kb):
    for kind in NO_REQUIRED_REFS:
        assert run("new", kind, f"Another {kind}").exit_code == 0
    result = run("check")
    assert result.exit_code == 0, result.stderr


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
