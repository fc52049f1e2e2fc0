"""`crosswalk check`: a one-line summary when clean, one line per problem and exit 1 otherwise."""

from __future__ import annotations

import re

from mkdocs_crosswalk.core import KINDS

from .conftest import front, write_entry


def test_clean_knowledge_base(run, mini_kb):
    result = run("check")  # --kb defaults to ./kb
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    match = re.fullmatch(r"(\d+) entries OK: (.*)", lines[0])
    assert match, lines[0]
    assert match[1] == "9"
    counts = {}
    for part in match[2].split(", "):
        number, label = part.split(" ")
        counts[label] = int(number)
    assert counts == {"terms": 2, "skill": 1, "case": 1, "rubric": 1, "comparison": 1, "journey": 1, "role": 1, "path": 1}
    assert len(counts) == len(KINDS)  # one count per kind


def test_kb_option_and_trailing_slash(run, mini_kb):
    (mini_kb.parent / "kb").rename(mini_kb.parent / "content")
    write_entry(mini_kb.parent / "content", "broken.md", front("kind: term", "title: Broken"))
    result = run("check", "--kb", "content/")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "content/broken.md:1: summary: required field is missing"


def test_problems_exit_1_with_one_line_each(run, mini_kb):
    write_entry(mini_kb, "broken.md", front("kind: term", "title: Broken", "summary: s", "see_also: [rac]"))
    write_entry(
        mini_kb,
        "glossary/levle.md",
        front("kind: case", "title: C", "summary: s", "level: expert", "duration_minutes: 5", "scenario: S", "steps: [a]"),
    )
    result = run("check", "--kb", "kb")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "entries OK" not in result.stdout
    assert result.stderr.splitlines() == [
        "kb/broken.md:5: see_also[0]: refers to 'rac', but no entry has that id; did you mean 'raci'?",
        "kb/glossary/levle.md:5: level: expected 'beginner', 'intermediate' or 'advanced', found 'expert'",
        "2 problems found in the knowledge base",
    ]


def test_single_problem_summary_is_singular(run, mini_kb):
    write_entry(mini_kb, "empty.md", "")
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 problem found in the knowledge base"


def test_missing_folder_is_reported_without_traceback(run, workdir):
    result = run("check", "--kb", "no-such-folder")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert "no-such-folder" in result.stderr


def test_version_and_help(run):
    assert run("--version").exit_code == 0
    result = run("--help")
    assert result.exit_code == 0
    for command in ("check", "new", "schema", "stats"):
        assert command in result.stdout
