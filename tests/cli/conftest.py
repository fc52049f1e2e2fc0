"""Helpers for the CLI tests: a runner, tmp knowledge bases, and JSON Schema validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from mkdocs_crosswalk.cli import main

MINI_KB = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "kb"


def write_entry(root: Path, relpath: str, text: str) -> Path:
    file = Path(root) / relpath
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def front(*lines: str, body: str = "") -> str:
    """``---``, one YAML line per argument (``lines[i]`` is on file line ``i + 2``), ``---``, body."""
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """Run commands from a fresh tmp folder, so the default ``--kb kb`` and printed paths are short."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def mini_kb(workdir) -> Path:
    folder = workdir / "kb"
    shutil.copytree(MINI_KB, folder)
    return folder


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(main, list(args))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a crash, not an exit: show its traceback
        return result

    return invoke


def schema_validator(schema: dict):
    """A validator for ``schema`` (checked first: a broken schema fails here, not by accepting everything)."""
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def schema_errors(instance, schema: dict) -> list[str]:
    """Validation errors of ``instance`` against ``schema``, by the jsonschema package."""
    return [error.message for error in schema_validator(schema).iter_errors(instance)]
