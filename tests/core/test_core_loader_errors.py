"""Every kind of content error the loader reports: exact file, line, field and wording.

Each case in ``ERROR_CASES`` is one kind of mistake an author can make. It is
loaded on its own next to a few valid entries (``BASE``) and must give exactly
the problems listed; then all cases are loaded together in one folder and a
single run must report every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from mkdocs_crosswalk.cli import main

from .conftest import assert_problem, front, load, load_problems, only_problem, write_entry

# Valid entries the error cases refer to; they never cause a problem themselves.
BASE = {
    "base/base-term.md": front("kind: term", "title: Base term", "summary: A term."),
    "base/base-case.md": front(
        "kind: case",
        "title: Base case",
        "summary: A case.",
        "level: beginner",
        "duration_minutes: 30",
        "scenario: Something happens.",
        "steps: [Do it]",
    ),
    "base/base-cmp.md": front(
        "kind: comparison",
        "title: Base comparison",
        "summary: Two tracks.",
        "tracks:",
        "  - {id: ux, title: UX}",
        "  - {id: ml, title: ML}",
        "stages:",
        "  - id: discover",
        "    title: Discover",
        "    cells: {ux: Research, ml: Explore}",
    ),
    "base/base-role.md": front("kind: role", "title: Base role", "summary: A role."),
}


@dataclass
class Expected:
    path: str
    line: int
    field: str
    words: tuple[str, ...]


@dataclass
class Case:
    files: dict
    expected: list


def _e(path, line, field, *words):
    return Expected(path, line, field, words)


RUBRIC_HEAD = (
    "kind: rubric",
    "title: R",
    "summary: s",
    "skill: base-skill",
    "question: Q?",
    "assesses: A.",
    "strategy: S.",
    "sample_answer: An answer.",
)

ERROR_CASES: dict[str, Case] = {
    "malformed-yaml": Case(
        {"errors/malformed.md": front("kind: term", "title: a: b", "summary: s")},
        [_e("kb/errors/malformed.md", 3, "", "malformed YAML", "mapping values")],
    ),
    "unclosed-list": Case(
        {"errors/unclosed.md": front("kind: term", "title: T", "aliases: [concept shift", "summary: s")},
        [_e("kb/errors/unclosed.md", 4, "", "malformed YAML", "needs a ']' at its end", "one item a line")],
    ),
    "front-matter-not-a-mapping": Case(
        {"errors/not-mapping.md": front("- kind: term", "- title: T")},
        [_e("kb/errors/not-mapping.md", 2, "", "must be a mapping", "found a list")],
    ),
    "no-front-matter": Case(
        {"errors/no-front-matter.md": "# Just a heading\n\nSome text.\n"},
        [_e("kb/errors/no-front-matter.md", 1, "", "no front matter", "'---'")],
    ),
    "empty-file": Case(
        {"errors/empty.md": ""},
        [_e("kb/errors/empty.md", 1, "", "empty")],
    ),
    "not-utf8": Case(
        {"errors/latin1.md": b"---\nkind: term\ntitle: Caf\xe9\nsummary: s\n---\n"},
        [_e("kb/errors/latin1.md", 3, "", "not UTF-8", "0xe9")],
    ),
    "string-where-list-expected": Case(
        {"errors/tags-string.md": front("kind: term", "title: T", "summary: s", "tags: onboarding")},
        [_e("kb/errors/tags-string.md", 5, "tags", "list", "'onboarding'")],
    ),
    "case-level-expert": Case(
        {
            "errors/level-expert.md": front(
                "kind: case",
                "title: C",
                "summary: s",
                "level: expert",
                "duration_minutes: 30",
                "scenario: S",
                "steps: [Do it]",
            )
        },
        [_e("kb/errors/level-expert.md", 5, "level", "'beginner'", "'intermediate'", "'advanced'", "'expert'")],
    ),
    "journey-emotion-out-of-range": Case(
        {
            "errors/emotion.md": front(
                "kind: journey",
                "title: J",
                "summary: s",
                "persona: base-role",
                "stages:",
                "  - id: start",
                "    title: Start",
                "    emotion: 3",
            )
        },
        [_e("kb/errors/emotion.md", 9, "stages[0].emotion", "less than or equal to 2", "found 3")],
    ),
    "rubric-scale-missing-4": Case(
        {"errors/scale.md": front(*RUBRIC_HEAD, "scale:", "  1: Weak.", "  2: Partial.", "  3: Solid.")},
        [_e("kb/errors/scale.md", 10, "scale", "1 to 4", "missing 4")],
    ),
    "unknown-field-did-you-mean": Case(
        {
            "errors/levle.md": front(
                "kind: case",
                "title: C",
                "summary: s",
                "levle: beginner",
                "duration_minutes: 30",
                "scenario: S",
                "steps: [Do it]",
            )
        },
        [
            _e("kb/errors/levle.md", 5, "levle", "unknown field", "did you mean 'level'?"),
            # the misspelt field also leaves the real one missing
            _e("kb/errors/levle.md", 1, "level", "required field is missing"),
        ],
    ),
    "missing-required-field": Case(
        {"errors/no-summary.md": front("kind: term", "title: T")},
        [_e("kb/errors/no-summary.md", 1, "summary", "required field is missing")],
    ),
    "unknown-kind": Case(
        {"errors/trem.md": front("kind: trem", "title: T", "summary: s")},
        [_e("kb/errors/trem.md", 2, "kind", "'trem'", "did you mean 'term'?", "term, skill, case")],
    ),
    "duplicate-id-across-folders": Case(
        {
            "errors/dups/a/same.md": front("kind: term", "title: First", "summary: s"),
            "errors/dups/b/same.md": front("kind: term", "title: Second", "summary: s"),
        },
        # the id comes from the file name, so the problem points at the file's first line
        [_e("kb/errors/dups/b/same.md", 1, "id", "'same'", "already used by kb/errors/dups/a/same.md")],
    ),
    "duplicate-explicit-id": Case(
        {"errors/dup-explicit.md": front("kind: term", "id: base-term", "title: T", "summary: s")},
        [_e("kb/errors/dup-explicit.md", 3, "id", "'base-term'", "already used by kb/base/base-term.md")],
    ),
    "explicit-id-differing-in-case": Case(
        # 'Base-Term' would collide with 'base-term' case-insensitively: ids must be lowercase slugs
        {"errors/upper-id.md": front("kind: term", "id: Base-Term", "title: T", "summary: s")},
        [_e("kb/errors/upper-id.md", 3, "id", "lowercase", "'Base-Term'")],
    ),
    "file-name-not-a-slug": Case(
        {"errors/Base-Term.md": front("kind: term", "title: T", "summary: s")},
        [_e("kb/errors/Base-Term.md", 1, "id", "file name", "'Base-Term'", "rename the file or set 'id:'")],
    ),
    "id-with-slash": Case(
        {"errors/id-slash.md": front("kind: term", "id: glossary/raci", "title: T", "summary: s")},
        [_e("kb/errors/id-slash.md", 3, "id", "lowercase", "'glossary/raci'")],
    ),
    "id-with-dotdot": Case(
        {"errors/id-dotdot.md": front("kind: term", "id: ../raci", "title: T", "summary: s")},
        [_e("kb/errors/id-dotdot.md", 3, "id", "lowercase", "'../raci'")],
    ),
    "id-with-space": Case(
        {"errors/id-space.md": front("kind: term", "id: base term", "title: T", "summary: s")},
        [_e("kb/errors/id-space.md", 3, "id", "lowercase", "'base term'")],
    ),
    "reference-to-missing-entry": Case(
        {"errors/see-missing.md": front("kind: term", "title: Unseen", "summary: s", "see_also:", "  - base-term", "  - base-trem")},
        [_e("kb/errors/see-missing.md", 7, "see_also[1]", "'base-trem'", "no entry has that id", "did you mean 'base-term'?")],
    ),
    "reference-to-wrong-kind": Case(
        {
            "errors/skill-tools.md": front(
                "kind: skill",
                "title: S",
                "summary: s",
                "levels:",
                "  beginner: [a]",
                "  intermediate: [b]",
                "  advanced: [c]",
                "tools: [base-term, base-case]",
            )
        },
        [_e("kb/errors/skill-tools.md", 9, "tools[1]", "'base-case' is a case", "expected a term")],
    ),
    "body-link-to-missing-entry": Case(
        {
            "errors/body-link.md": front(
                "kind: term",
                "title: T",
                "summary: s",
                body="Intro line.\n\nSee [[base-term]] and\nthen [[nowhere]] too.\n",
            )
        },
        # body starts on line 6; the broken link is on the body's fourth line
        [_e("kb/errors/body-link.md", 9, "body", "'nowhere'", "no entry has that id")],
    ),
    "comparison-cell-for-missing-track": Case(
        {
            "errors/cmp-track.md": front(
                "kind: comparison",
                "title: C",
                "summary: s",
                "tracks:",
                "  - {id: ux, title: UX}",
                "  - {id: ml, title: ML}",
                "stages:",
                "  - id: discover",
                "    title: Discover",
                "    cells:",
                "      ux: Research",
                "      ml: Explore",
                "      pm: Plan",
            )
        },
        [_e("kb/errors/cmp-track.md", 14, "stages[0].cells.pm", "'pm'", "tracks are ux, ml")],
    ),
    "journey-loop-to-missing-stage": Case(
        {
            "errors/loop.md": front(
                "kind: journey",
                "title: J",
                "summary: s",
                "persona: base-role",
                "stages:",
                "  - {id: start, title: Start}",
                "  - {id: finish, title: Finish}",
                "loops:",
                "  - from: finish",
                "    to: restart",
            )
        },
        [_e("kb/errors/loop.md", 11, "loops[0].to", "'restart'", "no stage")],
    ),
    "path-requires-cycle": Case(
        {
            "errors/cycle.md": front(
                "kind: path",
                "title: P",
                "summary: s",
                "audience: base-role",
                "steps:",
                "  - ref: base-term",
                "  - ref: base-case",
                "    requires: [base-cmp]",
                "  - ref: base-cmp",
                "    requires: [base-case]",
            )
        },
        [_e("kb/errors/cycle.md", 9, "steps[1].requires", "cycle", "base-case -> base-cmp -> base-case")],
    ),
    "role-stage-missing-in-comparison": Case(
        {
            "errors/role-stage.md": front(
                "kind: role",
                "title: R",
                "summary: s",
                "responsibilities:",
                "  - Runs tests.",
                "  - text: Leads research.",
                "    comparison: base-cmp",
                "    stage: deploy",
            )
        },
        [_e("kb/errors/role-stage.md", 9, "responsibilities[1].stage", "'deploy'", "stages are discover")],
    ),
    "duplicate-yaml-key": Case(
        {"errors/dup-key.md": front("kind: term", "title: T", "summary: s", "title: Again")},
        [_e("kb/errors/dup-key.md", 5, "title", "given twice")],
    ),
    "file-over-1mb": Case(
        {"errors/huge.md": front("kind: term", "title: T", "summary: s", body="x" * 1_100_000 + "\n")},
        [_e("kb/errors/huge.md", 1, "", "1.1 MB", "at most 1 MB")],
    ),
}


def _write(kb_dir, files):
    for relpath, text in files.items():
        write_entry(kb_dir, relpath, text)


def _assert_problems(problems, expected):
    got = sorted((p.path, p.line, p.field) for p in problems)
    want = sorted((e.path, e.line, e.field) for e in expected)
    assert got == want, "\n".join(map(str, problems))
    by_key = {(p.path, p.line, p.field): p for p in problems}
    for e in expected:
        assert_problem(by_key[(e.path, e.line, e.field)], e.path, e.line, e.field, *e.words)


def test_base_entries_are_valid(kb_dir):
    _write(kb_dir, BASE)
    assert len(load(kb_dir)) == len(BASE)


@pytest.mark.parametrize("name", list(ERROR_CASES))
def test_each_error_kind_is_reported_at_its_line(kb_dir, name):
    case = ERROR_CASES[name]
    _write(kb_dir, BASE)
    _write(kb_dir, case.files)
    _assert_problems(load_problems(kb_dir), case.expected)


def _all_errors_folder(kb_dir):
    _write(kb_dir, BASE)
    for case in ERROR_CASES.values():
        _write(kb_dir, case.files)
    return [e for case in ERROR_CASES.values() for e in case.expected]


def test_one_load_reports_every_problem_of_every_file(kb_dir):
    expected = _all_errors_folder(kb_dir)
    assert len(expected) == 30  # one per case, two for the misspelt field
    problems = load_problems(kb_dir)
    assert len(problems) == 30
    _assert_problems(problems, expected)
    # every broken file is named; the valid ones are not
    named = {p.path for p in problems}
    assert named == {f"kb/{rel}" for case in ERROR_CASES.values() for rel in case.files} - {"kb/errors/dups/a/same.md"}
    assert not any(path.startswith("kb/base/") for path in named)


def test_cli_check_prints_one_line_per_problem_and_exits_1(kb_dir, monkeypatch):
    expected = _all_errors_folder(kb_dir)
    monkeypatch.chdir(kb_dir.parent)
    result = CliRunner().invoke(main, ["check", "--kb", "kb"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"{len(expected)} problems found in the knowledge base"
    problem_lines = lines[:-1]
    assert len(problem_lines) == len(expected)
    for e in expected:
        prefix = f"{e.path}:{e.line}: {e.field}: " if e.field else f"{e.path}:{e.line}: "
        matching = [line for line in problem_lines if line.startswith(prefix)]
        assert len(matching) == 1, (prefix, problem_lines)
        assert all(word in matching[0] for word in e.words), matching[0]
    assert "entries OK" not in result.output


# --- related behaviour that is not an error ---------------------------------------------


def test_utf8_bom_file_loads(kb_dir):
    _write(kb_dir, BASE)
    write_entry(kb_dir, "bom.md", b"\xef\xbb\xbf" + front("kind: term", "title: Caf\u00e9", "summary: s", body="Body.\n").encode())
    kb = load(kb_dir)
    assert kb["bom"].title == "Caf\u00e9"
    assert kb["bom"].body == "Body.\n"


def test_wikilinks_in_inline_code_and_fences_are_not_references(kb_dir):
    _write(kb_dir, BASE)
    body = (
        "Write `[[missing-one]]` to link.\n"
        "\n"
        "```markdown\n"
        "[[missing-two]]\n"
        "```\n"
        "\n"
        "~~~~\n"
        "[[missing-three]]\n"
        "~~~\n"
        "[[missing-four]] (still inside: a ~~~ fence cannot close a ~~~~ one)\n"
        "~~~~\n"
        "\n"
        "But [[base-term]] is a real link.\n"
    )
    write_entry(kb_dir, "glossary/code.md", front("kind: term", "title: Code", "summary: s", body=body))
    kb = load(kb_dir)  # no 'no entry has that id' problems
    assert kb.graph.targets("code") == ["base-term"]
    assert [e.id for e in kb.referrers("base-term")] == ["code"]


def test_problems_of_one_file_do_not_hide_problems_of_another(kb_dir):
    """A file with a broken reference next to a file that does not parse: both are reported."""
    _write(kb_dir, BASE)
    write_entry(kb_dir, "a.md", front("kind: term", "title: A", "summary: s", "see_also: [nowhere]"))
    write_entry(kb_dir, "b.md", front("kind: term", "title: B"))
    problems = load_problems(kb_dir)
    assert [(p.path, p.line, p.field) for p in problems] == [("kb/a.md", 5, "see_also[0]"), ("kb/b.md", 1, "summary")]


def test_link_to_a_file_that_failed_is_not_reported_twice(kb_dir):
    """The broken file's own problem is enough: entries linking to it get no extra 'no entry' problem."""
    _write(kb_dir, BASE)
    write_entry(kb_dir, "broken.md", front("kind: term", "title: Broken"))
    write_entry(kb_dir, "a.md", front("kind: term", "title: A", "summary: s", "see_also: [broken, nowhere]", body="[[broken]]\n"))
    problems = load_problems(kb_dir)
    assert [(p.path, p.line, p.field) for p in problems] == [("kb/a.md", 5, "see_also[1]"), ("kb/broken.md", 1, "summary")]


def test_missing_knowledge_base_folder_is_a_problem_not_a_crash(tmp_path):
    problems = load_problems(tmp_path / "nope")
    assert len(problems) == 1
    assert "does not exist" in problems[0].message


# --- bugs: inputs that crash the loader or slip through -----------------------------------


def test_id_with_trailing_newline_is_rejected(kb_dir):
    _write(kb_dir, BASE)
    write_entry(kb_dir, "nl.md", front("kind: term", 'id: "base-term\\n"', "title: T", "summary: s"))
    problem = load_problems(kb_dir)[0]
    assert_problem(problem, "kb/nl.md", 3, "id", "lowercase")


def test_impossible_date_is_a_problem(kb_dir):
    write_entry(kb_dir, "bad-date.md", front("kind: term", "title: T", "summary: s", "reviewed: 2020-13-01"))
    problems = load_problems(kb_dir)
    assert [(p.path, p.line) for p in problems] == [("kb/bad-date.md", 5)]


def test_link_in_folded_front_matter_string_points_at_its_line(kb_dir):
    _write(kb_dir, BASE)
    write_entry(
        kb_dir,
        "c.md",
        front(
            "kind: case",
            "title: C",
            "summary: s",
            "level: beginner",
            "duration_minutes: 5",
            "scenario: >",
            "  The team meets on Monday",
            "  and reads [[nowhere]] first.",
            "steps: [a]",
        ),
    )
    assert_problem(load_problems(kb_dir)[0], "kb/c.md", 9, "scenario", "'nowhere'")


@pytest.mark.parametrize("role, expected", [("base-rol", ("'base-rol'", "no entry")), ("base-term", ("'base-term' is a term", "expected a role"))])
def test_a_track_role_must_name_a_role(kb_dir, role, expected):
    _write(kb_dir, BASE)
    write_entry(
        kb_dir,
        "errors/track-role.md",
        front(
            "kind: comparison",
            "title: C",
            "summary: s",
            "tracks:",
            f"  - {{id: ux, title: UX, role: {role}}}",
            "  - {id: ml, title: ML}",
            "stages:",
            "  - {id: discover, title: Discover, cells: {ux: a, ml: b}}",
        ),
    )
    assert_problem(only_problem(kb_dir), "kb/errors/track-role.md", 6, "tracks[0].role", *expected)


def test_responsibility_comparison_to_missing_entry_is_reported(kb_dir):
    _write(kb_dir, BASE)
    write_entry(
        kb_dir,
        "errors/duty.md",
        front(
            "kind: role",
            "title: R",
            "summary: s",
            "responsibilities:",
            "  - text: Leads research.",
            "    comparison: base-cpm",
            "    stage: discover",
        ),
    )
    assert_problem(only_problem(kb_dir), "kb/errors/duty.md", 7, "responsibilities[0].comparison", "'base-cpm'", "no entry")


def test_links_in_optional_markdown_fields_are_checked(kb_dir):
    _write(kb_dir, BASE)
    write_entry(
        kb_dir,
        "errors/focus.md",
        front(
            "kind: comparison",
            "title: C",
            "summary: s",
            "tracks:",
            "  - {id: ux, title: UX}",
            "  - {id: ml, title: ML}",
            "stages:",
            "  - id: discover",
            "    title: Discover",
            "    cells: {ux: a, ml: b}",
            "    focus: See [[nowhere]].",
        ),
    )
    write_entry(
        kb_dir,
        "errors/note.md",
        front(
            "kind: path",
            "title: P",
            "summary: s",
            "audience: base-role",
            "steps:",
            "  - ref: base-term",
            "    note: Read [[nowhere-else]] first.",
        ),
    )
    problems = load_problems(kb_dir)
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("kb/errors/focus.md", 12, "stages[0].focus"),
        ("kb/errors/note.md", 8, "steps[0].note"),
    ]
