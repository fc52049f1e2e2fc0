"""JSON Schema of the front matter, for editors that complete and check fields."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from .kinds import BUILTIN_KINDS, KindRegistry

SCHEMA_ID = "https://crosswalk.invalid/schema/entry.schema.json"


def front_matter_schema(kinds: KindRegistry = BUILTIN_KINDS) -> dict:
    """One schema covering every kind, discriminated by ``kind``."""
    union = Annotated[Union[tuple(kinds.values())], Field(discriminator="kind")]  # noqa: UP007 - kinds known only at run time
    schema = TypeAdapter(union).json_schema(by_alias=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Crosswalk entry front matter", **schema}
    # The id is optional in files: it defaults to the file name.
    for definition in schema.get("$defs", {}).values():
        if definition.get("properties", {}).get("kind", {}).get("const") in kinds:
            definition["required"] = [name for name in definition.get("required", []) if name != "id"]
    return schema
