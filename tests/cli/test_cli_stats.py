"""`crosswalk stats`: counts per kind, entries nothing refers to, entries due for review."""

from __future__ import annotations

import re
from datetime import date

from .conftest import front, write_entry


def sections(output: str) -> dict[str, list[str]]:
    """Section heading (without its count) -> indented lines under it; the count is checked separately."""
    out, current = {}, None
    for line in output.splitlines():
        if line.startswith("  "):
            out[current].append(line.strip())
        else:
            current = re.sub(r" \(\d+\):$|:$", "", line)
            out[current] = []
    return out


def add_entries(kb):
    today = date.today().isoformat()
    write_entry(kb, "orphan.md", front("kind: term", "title: Orphan", "summary: s", f"reviewed: {today}", "see_also: [old-term]"))
    write_entry(kb, "glossary/old-term.md", front("kind: term", "title: Old", "summary: s", "reviewed: 2000-01-01"))


def test_stats_of_mini_with_an_orphan_and_a_stale_entry(run, mini_kb):
    add_entries(mini_kb)
    result = run("stats")
    assert result.exit_code == 0, result.output
    parts = sections(result.stdout)
    counts = dict(line.split() for line in parts["Entries per kind"])
    assert counts == {
        "term": "4",
        "skill": "1",
        "case": "1",
        "rubric": "1",
        "comparison": "1",
        "journey": "1",
        "role": "1",
        "path": "1",
        "total": "11",
    }

    assert "Unreferenced entries (1):" in result.stdout.splitlines()
    # paths, journeys and comparisons are starting points: nothing needs to refer to them
    assert parts["Unreferenced entries"] == ["orphan (term) kb/orphan.md"]

    heading = "Due for review, reviewed more than 365 days ago or never"
    assert f"{heading} (10):" in result.stdout.splitlines()
    due = parts[heading]
    assert "old-term (term) last reviewed 2000-01-01" in due
    assert not any(line.startswith("orphan ") for line in due)
    assert sorted(line.split()[0] for line in due) == sorted(
        ["old-term", "collaboration", "data-drift", "designer-path", "explain-tradeoff", "ml-journey", "raci", "ship-it", "ux-designer", "ux-vs-ml"]
    )
    assert all(line.endswith("last reviewed never") for line in due if not line.startswith("old-term"))


def test_max_age_option(run, mini_kb):
    add_entries(mini_kb)
    result = run("stats", "--max-age", "100000")
    assert result.exit_code == 0
    heading = "Due for review, reviewed more than 100000 days ago or never"
    assert f"{heading} (9):" in result.stdout.splitlines()
    assert not any(line.startswith("old-term") for line in sections(result.stdout)[heading])


def test_stats_on_broken_knowledge_base_exits_1(run, mini_kb):
    write_entry(mini_kb, "broken.md", front("kind: term", "title: Broken"))
    result = run("stats")
    assert result.exit_code == 1
    assert "kb/broken.md:1: summary: required field is missing" in result.stderr
    assert "Entries per kind" not in result.stdout
