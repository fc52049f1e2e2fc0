"""Shared helpers for the core tests: write entry files into a tmp knowledge base and load it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_crosswalk.core import ContentError, KnowledgeBase, Problem, load_knowledge_base

MINI_KB = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "kb"


def write_entry(root: Path, relpath: str, text: str | bytes) -> Path:
    """Write ``text`` (str as UTF-8, or raw bytes) to ``root/relpath``, creating folders."""
    file = Path(root) / relpath
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_bytes(text.encode("utf-8"))
    return file


def front(*lines: str, body: str = "") -> str:
    """An entry file: ``---``, one YAML line per argument, ``---``, then the body.

    Line numbers are easy to read off: ``lines[i]`` is on file line ``i + 2``,
    and the body starts on line ``len(lines) + 3``.
    """
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


def load(kb_dir: Path) -> KnowledgeBase:
    return load_knowledge_base(kb_dir, display_root="kb")


def load_problems(kb_dir: Path) -> list[Problem]:
    """Load ``kb_dir`` expecting a ContentError; return its problems."""
    with pytest.raises(ContentError) as info:
        load(kb_dir)
    return info.value.problems


def only_problem(kb_dir: Path) -> Problem:
    problems = load_problems(kb_dir)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """An empty knowledge-base folder named ``kb`` (so display paths read ``kb/...``)."""
    folder = tmp_path / "kb"
    folder.mkdir()
    return folder


@pytest.fixture
def mini_kb(tmp_path: Path) -> Path:
    """A private, writable copy of the mini fixture knowledge base."""
    folder = tmp_path / "kb"
    shutil.copytree(MINI_KB, folder)
    return folder


def assert_problem(problem: Problem, path: str, line: int, field: str, *words: str) -> None:
    """``problem`` is at ``path:line`` on ``field`` and its message contains every one of ``words``."""
    assert (problem.path, problem.line, problem.field) == (path, line, field), str(problem)
    for word in words:
        assert word in problem.message, f"{word!r} not in {str(problem)!r}"
    field_part = f" {field}:" if field else ""
    assert str(problem) == f"{path}:{line}:{field_part} {problem.message}"
