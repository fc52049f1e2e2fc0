"""`crosswalk schema`: a JSON Schema for editors, covering every kind, that accepts real entries."""

from __future__ import annotations

import json

import pytest
import yaml

from mkdocs_crosswalk.core import KINDS

from .conftest import MINI_KB, schema_errors, schema_validator


@pytest.fixture(scope="module")
def schema() -> dict:
    from click.testing import CliRunner

    from mkdocs_crosswalk.cli import main

    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def front_matter(text: str) -> dict:
    """The front matter as an editor's YAML support hands it to a JSON Schema validator."""
    data = yaml.safe_load(text.split("---\n")[1])
    return json.loads(json.dumps(data, default=str))  # dates become strings, mapping keys become strings


def test_is_a_json_schema_document(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    schema_validator(schema)  # a valid 2020-12 schema
    assert schema_errors({}, schema), "an empty front matter must not be valid"


def test_covers_every_kind_and_every_field(schema):
    assert set(schema["discriminator"]["mapping"]) == set(KINDS)
    assert schema["discriminator"]["propertyName"] == "kind"
    resolve = lambda ref: schema["$defs"][ref.removeprefix("#/$defs/")]
    branches = [resolve(option["$ref"]) for option in schema["oneOf"]]
    by_kind = {branch["properties"]["kind"]["const"]: branch for branch in branches}
    assert set(by_kind) == set(KINDS)
    for kind, model in KINDS.items():
        branch = by_kind[kind]
        assert resolve(schema["discriminator"]["mapping"][kind]) is branch
        written = {info.alias or name for name, info in model.model_fields.items()}
        assert set(branch["properties"]) == written, kind
        assert {"kind", "title", "summary"} <= set(branch["required"]), kind
        assert "id" not in branch["required"], f"{kind}: id defaults to the file name"
        assert branch.get("additionalProperties") is False, f"{kind}: unknown fields must be flagged"


MINI_FILES = sorted(path.name for path in MINI_KB.glob("*.md"))


@pytest.mark.parametrize("name", MINI_FILES)
def test_accepts_the_mini_fixture_front_matter(schema, name):
    data = front_matter((MINI_KB / name).read_text(encoding="utf-8"))
    assert schema_errors(data, schema) == []


def test_accepts_optional_fields_and_dates(schema):
    data = front_matter("---\nkind: term\nid: model-card\ntitle: Model card\nsummary: s\nreviewed: 2024-05-01\nowner: Dana\ntags: [ml]\n---\n")
    assert schema_errors(data, schema) == []


@pytest.mark.parametrize(
    "text",
    [
        "kind: case\ntitle: C\nsummary: s\nlevel: expert\nduration_minutes: 5\nscenario: S\nsteps: [a]",
        "kind: case\ntitle: C\nsummary: s\nlevle: beginner\nlevel: beginner\nduration_minutes: 5\nscenario: S\nsteps: [a]",
        "kind: term\ntitle: T",
        "kind: trem\ntitle: T\nsummary: s",
        "kind: term\ntitle: T\nsummary: s\ntags: onboarding",
        "kind: journey\ntitle: J\nsummary: s\npersona: r\nstages:\n  - {id: a, title: A, emotion: 3}",
        "kind: comparison\ntitle: C\nsummary: s\ntracks: [{id: a, title: A}]\nstages: [{id: s, title: S, cells: {a: x}}]",
    ],
    ids=["level-expert", "unknown-field", "missing-summary", "unknown-kind", "string-for-list", "emotion-3", "one-track"],
)
def test_rejects_invalid_front_matter(schema, text):
    assert schema_errors(front_matter(f"---\n{text}\n---\n"), schema)
