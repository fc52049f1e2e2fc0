"""Helpers for the CLI tests: a runner, tmp knowledge bases, and a small JSON Schema checker."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

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


# --- a minimal JSON Schema (2020-12) validator, used when the jsonschema package is missing ---

_ANNOTATIONS = {"title", "description", "default", "examples", "format", "discriminator", "$schema", "$defs", "$id"}
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class MiniValidator:
    """Enough of JSON Schema for what pydantic emits; refuses schemas using keywords it does not know."""

    KEYWORDS = {
        "$ref", "oneOf", "anyOf", "allOf", "type", "properties", "required", "additionalProperties", "items",
        "enum", "const", "minItems", "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "propertyNames", "uniqueItems",
    }

    def __init__(self, schema: dict):
        self.root = schema
        self.check_schema(schema)

    def check_schema(self, schema) -> None:
        assert isinstance(schema, (dict, bool)), schema
        if isinstance(schema, bool):
            return
        unknown = set(schema) - self.KEYWORDS - _ANNOTATIONS
        assert not unknown, f"keywords this checker does not know: {unknown}"
        if "$ref" in schema:
            self.resolve(schema["$ref"])
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            assert all(t in _TYPES for t in types), schema["type"]
        for key in ("oneOf", "anyOf", "allOf"):
            for sub in schema.get(key, []):
                self.check_schema(sub)
        for sub in schema.get("properties", {}).values():
            self.check_schema(sub)
        for key in ("additionalProperties", "items", "propertyNames"):
            if key in schema:
                self.check_schema(schema[key])
        for sub in schema.get("$defs", {}).values():
            self.check_schema(sub)

    def resolve(self, ref: str) -> dict:
        assert ref.startswith("#/"), ref
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, value, schema=None, where="") -> list[str]:
        schema = self.root if schema is None else schema
        if schema is True:
            return []
        if schema is False:
            return [f"{where or '/'}: not allowed"]
        out: list[str] = []
        if "$ref" in schema:
            out += self.errors(value, self.resolve(schema["$ref"]), where)
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_TYPES[t](value) for t in types):
                return out + [f"{where or '/'}: {value!r} is not of type {schema['type']}"]
        if "const" in schema and value != schema["const"]:
            out.append(f"{where or '/'}: {value!r} is not {schema['const']!r}")
        if "enum" in schema and value not in schema["enum"]:
            out.append(f"{where or '/'}: {value!r} is not one of {schema['enum']}")
        for key in ("allOf",):
            for sub in schema.get(key, []):
                out += self.errors(value, sub, where)
        if "anyOf" in schema and all(self.errors(value, sub, where) for sub in schema["anyOf"]):
            out.append(f"{where or '/'}: matches none of anyOf")
        if "oneOf" in schema:
            matching = sum(not self.errors(value, sub, where) for sub in schema["oneOf"])
            if matching != 1:
                out.append(f"{where or '/'}: matches {matching} of oneOf, expected exactly 1")
        if isinstance(value, dict):
            for name in schema.get("required", []):
                if name not in value:
                    out.append(f"{where or '/'}: missing required {name!r}")
            properties = schema.get("properties", {})
            for name, item in value.items():
                if "propertyNames" in schema:
                    out += self.errors(name, schema["propertyNames"], f"{where}/{name}")
                if name in properties:
                    out += self.errors(item, properties[name], f"{where}/{name}")
                elif "additionalProperties" in schema:
                    out += self.errors(item, schema["additionalProperties"], f"{where}/{name}")
        if isinstance(value, list):
            if "items" in schema:
                for index, item in enumerate(value):
                    out += self.errors(item, schema["items"], f"{where}/{index}")
            if len(value) < schema.get("minItems", 0):
                out.append(f"{where or '/'}: fewer than {schema['minItems']} items")
            if "maxItems" in schema and len(value) > schema["maxItems"]:
                out.append(f"{where or '/'}: more than {schema['maxItems']} items")
        if _TYPES["number"](value):
            checks = {
                "minimum": lambda bound: value >= bound, "maximum": lambda bound: value <= bound,
                "exclusiveMinimum": lambda bound: value > bound, "exclusiveMaximum": lambda bound: value < bound,
            }
            for key, ok in checks.items():
                if key in schema and not ok(schema[key]):
                    out.append(f"{where or '/'}: {value} fails {key} {schema[key]}")
        if isinstance(value, str):
            if len(value) < schema.get("minLength", 0):
                out.append(f"{where or '/'}: shorter than {schema['minLength']}")
            if "pattern" in schema and not re.search(schema["pattern"], value):
                out.append(f"{where or '/'}: does not match {schema['pattern']}")
        return out


def schema_errors(instance, schema: dict) -> list[str]:
    """Validation errors of ``instance`` against ``schema``: with jsonschema if installed, else MiniValidator."""
    try:
        import jsonschema
    except ImportError:
        return MiniValidator(schema).errors(instance)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return [error.message for error in validator_class(schema).iter_errors(instance)]
