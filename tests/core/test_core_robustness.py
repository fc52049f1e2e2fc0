"""Whatever an author writes, the loader answers with entries or problems, never with a crash.

The property tests below feed random front matter and bodies through ``parse_entry``
and ``load_knowledge_base``; any exception other than a ContentError fails them. The
inputs at the bottom once crashed the loader and are kept as regression cases.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_crosswalk.core import KINDS, ContentError, Entry, KnowledgeBase, Problem, load_knowledge_base, parse_entry

from .conftest import front, write_entry

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

FIELD_NAMES = [
    "kind",
    "id",
    "title",
    "summary",
    "tags",
    "owner",
    "reviewed",
    "aliases",
    "domains",
    "see_also",
    "levels",
    "beginner",
    "practice",
    "tools",
    "level",
    "roles",
    "skills",
    "duration_minutes",
    "scenario",
    "steps",
    "skill",
    "scale",
    "tracks",
    "stages",
    "cells",
    "focus",
    "terms",
    "emotion",
    "loops",
    "from",
    "to",
    "persona",
    "responsibilities",
    "text",
    "comparison",
    "stage",
    "raci",
    "audience",
    "ref",
    "requires",
    "week",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["term", "beginner", "ux", "raci", "data-drift", "R", "[[raci]]", "a/b", ".."]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=10), st.integers(0, 9))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
# 'kind' is drawn from hashable values only: a list or mapping there is a known crash (see below).
front_matter_data = st.builds(
    lambda kind, rest: {k: v for k, v in rest.items() if k != "kind"} | ({"kind": kind} if kind is not None else {}),
    st.one_of(st.none(), st.sampled_from(list(KINDS)), scalars),
    st.dictionaries(keys, values, max_size=8),
)

YAML_PIECES = [
    "kind: term",
    "kind: case",
    "title: T",
    "summary: s",
    "id: x",
    "tags: ",
    "- ",
    "  ",
    "    ",
    ": ",
    "\n",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "|",
    ">",
    "---",
    "...",
    "#",
    "'",
    '"',
    "?",
    "%",
    "@",
    "`",
    "2020-01-01",
    "12",
    "-1",
    "null",
    "yes",
    "\\",
    "\r\n",
    "\ufeff",
    "\x00",
]
yaml_text = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=6)), max_size=30).map("".join)

BODY_PIECES = ["[[", "]]", "[[raci]]", "[[nowhere]]", "[[raci#x]]", "![[", "|", "#", "`", "``", "```", "~~~", "~~~~", "\n", " ", "text"]
bodies = st.lists(st.one_of(st.sampled_from(BODY_PIECES), st.text(max_size=6)), max_size=30).map("".join)


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


files = st.one_of(
    st.builds(lambda data, body: f"---\n{_dump(data)}---\n{body}", front_matter_data, bodies),
    st.builds(lambda text, body: f"---\n{text}\n---\n{body}", yaml_text, bodies),
    st.builds(lambda title, body: front("kind: term", f"title: {title!r}", "summary: s", body=body), st.text(min_size=1, max_size=10), bodies),
    yaml_text,
)


def _check_problems(problems, path: str, text: str):
    assert problems, "an empty problem list"
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == path
        assert 1 <= problem.line <= text.count("\n") + 1, str(problem)
        assert problem.message.strip()
        assert str(problem).startswith(f"{path}:{problem.line}:")


def _parse(raw: bytes, path="kb/random.md", rel_path="random.md"):
    return parse_entry(raw, path, rel_path)


@SETTINGS
@given(data=front_matter_data, body=bodies)
def test_random_front_matter_data_gives_entry_or_problems(data, body):
    text = f"---\n{_dump(data)}---\n{body}"
    result = _parse(text.encode("utf-8"))
    if isinstance(result, Entry):
        assert result.kind in KINDS
        assert result.body == body
    else:
        _check_problems(result, "kb/random.md", text)


@SETTINGS
@given(text=yaml_text, body=bodies)
@example(text="", body="")
@example(text="kind: term\ntitle: T\nsummary: s", body="[[")
@example(text="kind: term\r\r0", body="")  # YAML breaks lines at a lone \r too; messages count newlines
def test_random_front_matter_text_gives_entry_or_problems(text, body):
    whole = f"---\n{text}\n---\n{body}"
    result = _parse(whole.encode("utf-8"))
    if not isinstance(result, Entry):
        _check_problems(result, "kb/random.md", whole)


@SETTINGS
@given(raw=st.binary(max_size=200) | yaml_text.map(lambda t: t.encode("utf-8")))
def test_random_bytes_give_entry_or_problems(raw):
    result = _parse(raw)
    if not isinstance(result, Entry):
        for problem in result:
            assert isinstance(problem, Problem) and problem.line >= 1 and problem.message


@SETTINGS
@given(text=files)
def test_random_file_loads_or_raises_content_error(text):
    with tempfile.TemporaryDirectory() as tmp:
        kb_dir = Path(tmp) / "kb"
        write_entry(kb_dir, "raci.md", front("kind: term", "title: RACI", "summary: s"))
        write_entry(kb_dir, "random.md", text)
        try:
            kb = load_knowledge_base(kb_dir, display_root="kb")
        except ContentError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert isinstance(problem, Problem)
                assert problem.path in ("kb/random.md", "kb/raci.md")
                assert problem.line >= 1 and problem.message.strip()
            return
        assert isinstance(kb, KnowledgeBase)
        assert "raci" in kb and len(kb) == 2


# --- inputs that once crashed the loader --------------------------------------------------------------------

KNOWN_CRASHES = {
    # loader.parse_entry: `kind not in KINDS` hashes the value -> TypeError
    "kind-is-a-list": "kind: [term]\ntitle: T\nsummary: s",
    "kind-is-a-mapping": "kind: {name: term}\ntitle: T\nsummary: s",
    # frontmatter._index_lines: `key in seen` with a list of nodes as key -> TypeError
    "flow-sequence-as-key": "kind: term\ntitle: T\nsummary: s\n[a, b]: 1",
    "empty-mapping-as-key": "kind: term\ntitle: T\nsummary: s\n{}: 1",
    # frontmatter._index_lines: int(key) on YAML 1.1 ints written in hex / binary / base 60 -> ValueError
    "hex-int-key": "kind: term\ntitle: T\nsummary: s\n0x1A: 1",
    "base-60-int-key": "kind: term\ntitle: T\nsummary: s\n1:30: 1",
    # frontmatter._index_lines follows aliases: a self-referencing alias recurses forever -> RecursionError
    "recursive-alias": "kind: term\ntitle: T\nsummary: s\ntags: &a [*a]",
    # frontmatter.parse_front_matter: PyYAML raises a bare ValueError for an impossible date
    "impossible-date": "kind: term\ntitle: T\nsummary: s\nreviewed: 2023-02-30",
}


@pytest.mark.parametrize("name", list(KNOWN_CRASHES))
def test_known_crash_inputs_give_problems(name):
    text = f"---\n{KNOWN_CRASHES[name]}\n---\n"
    result = parse_entry(text.encode(), "kb/crash.md", "crash.md")
    assert isinstance(result, list) and result
    _check_problems(result, "kb/crash.md", text)
