"""`crosswalk check` and the build on glossary names: clashes are errors, risky names and summaries are warned about."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mkdocs_crosswalk.cli import main
from support import FIXTURES, build_site, copy_project


def write(kb, name, *lines):
    path = kb / "glossary" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + "".join(line + "\n" for line in lines) + "---\n", encoding="utf-8")


def check(kb):
    return CliRunner().invoke(main, ["check", "--kb", str(kb)])


BASE = ("kind: term", "summary: A research-based picture of one kind of user.")


@pytest.mark.parametrize(
    "first, second, words",
    [
        (("title: Persona",), ("title: Persona",), ["'Persona' is also the title of term 'a'"]),
        (("title: Persona",), ("title: User model", "aliases: [persona]"), ["'persona' is also the title of term 'a'", "differing only in case"]),
        (
            ("title: Persona", "aliases: [User archetype]"),
            ("title: Archetype", "aliases: [user Archetype]"),
            ["is also the alias of term 'a'", "differing only in case"],
        ),
        (("title: PERSONA",), ("title: persona",), ["is also the title of term 'a'"]),
    ],
    ids=["same-title", "title-is-an-alias", "aliases-differ-in-case", "titles-differ-in-case"],
)
def test_every_name_clash_is_an_error_naming_both_files_and_lines(tmp_path, first, second, words):
    kb = tmp_path / "kb"
    write(kb, "a", *BASE, *first)
    write(kb, "b", *BASE, *second)
    result = check(kb)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "also the" in line]
    clash_line = 5 if len(second) == 2 else 4  # the alias line, else the title line
    assert line.startswith(f"{kb}/glossary/b.md:{clash_line}: ")
    first_line = 5 if "alias of" in line else 4
    assert f"{kb}/glossary/a.md:{first_line}" in line
    for word in words:
        assert word in line


def test_a_term_repeating_its_own_name_is_no_clash(tmp_path):
    write(tmp_path / "kb", "a", *BASE, "title: Persona", "aliases: [persona]")
    assert check(tmp_path / "kb").exit_code == 0


def test_a_clash_fails_the_build_too(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    write(project / "kb", "zz-clash", *BASE, "title: Dup", "aliases: [Data Drift]")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "zz-clash.md:5: aliases[0]: 'Data Drift' is also the title of term 'data-drift'" in result.stdout + result.stderr


def test_a_value_that_needs_quotes_says_so(tmp_path):
    write(tmp_path / "kb", "n-jobs", *BASE, "title: `n_jobs`")
    result = check(tmp_path / "kb")
    assert result.exit_code == 1
    assert "n-jobs.md:4: malformed YAML" in result.output
    assert "put it in quotes, title: '`n_jobs`'" in result.output


def test_a_common_word_title_without_a_setting_is_warned_about(tmp_path):
    kb = tmp_path / "kb"
    write(kb, "instance", *BASE, "title: Instance")
    write(kb, "run", *BASE, "title: Run", "autolink: as-written")
    write(kb, "epoch", *BASE, "title: Epoch")
    write(kb, "accuracy", *BASE, "title: Accuracy", "aliases: [model accuracy]")  # a sure form to write
    write(kb, "make", *BASE, "title: Make", "proper_noun: true")  # a name: matched as written
    write(kb, "error", *BASE, "title: error (in a test)")  # the sense in brackets
    result = check(kb)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "very common English word" in line]
    assert len(warnings) == 1 and warnings[0].startswith(f"warning: {kb}/glossary/instance.md:4: title:")


@pytest.mark.parametrize(
    "summary, warned", [("The steps are:", True), ("Ideation.", True), ("A user archetype.", True), ("A picture of one kind of user.", False)]
)
def test_a_summary_that_does_not_read_as_a_definition_is_warned_about(tmp_path, summary, warned):
    write(tmp_path / "kb", "p", "kind: term", "title: Persona", f"summary: '{summary}'")
    result = check(tmp_path / "kb")
    assert result.exit_code == 0
    assert ("p.md:4: summary: the summary is shown as the definition" in result.stderr) is warned


def test_define_finds_a_term_by_its_singular_or_plural(tmp_path):
    kb = tmp_path / "kb"
    write(kb, "personas", *BASE, "title: Personas")
    write(kb, "neural-network", *BASE, "title: Neural network")
    assert CliRunner().invoke(main, ["define", "persona", "--kb", str(kb)]).output.startswith("Personas\n")
    assert CliRunner().invoke(main, ["define", "Neural Networks", "--kb", str(kb)]).output.startswith("Neural network\n")
