"""Filled-in starting points for ``crosswalk new``: valid entries an author edits."""

from __future__ import annotations

import datetime
import re
import typing
import unicodedata
from typing import Literal

import yaml
from pydantic import BaseModel

from .kinds import BUILTIN_KINDS, KindRegistry
from .models import Entry, Ref


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "entry"


def scaffold(kind: str, title: str, kinds: KindRegistry = BUILTIN_KINDS) -> str:
    """The text of a new entry file of ``kind`` titled ``title``."""
    if kind not in kinds:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(kinds)}")
    fields = {"kind": kind, "title": title, "summary": f"One or two plain sentences about {title}.", "tags": [], **example(kinds[kind])}
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\nWrite the body in Markdown. Link to other entries with `[[entry-id]]`.\n"


def example(model: type[Entry]) -> dict:
    """The fields after the common ones: the kind's own ``EXAMPLE``, or one worked out from its fields."""
    if model.EXAMPLE is not None:
        return model.EXAMPLE
    common = set(Entry.model_fields)
    return _fields_of(model, skip=common)


def _fields_of(model: type[BaseModel], skip=frozenset()) -> dict:
    out = {}
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        if not info.is_required():
            if info.default in (None, "") or callable(info.default):
                continue
            out[info.alias or name] = info.default
            continue
        out[info.alias or name] = _placeholder(name, info.annotation, info.metadata)
    return out


def _placeholder(name: str, annotation, metadata=()):
    """A value an author recognises as one to replace, of the type the field expects."""
    metadata = list(metadata) + list(getattr(annotation, "__metadata__", ()))
    base = typing.get_args(annotation)[0] if hasattr(annotation, "__metadata__") else annotation
    origin = typing.get_origin(base)
    words = name.replace("_", " ")
    if any(isinstance(m, Ref) for m in metadata):
        ref = next(m for m in metadata if isinstance(m, Ref))
        one = (ref.kinds[0].upper() if len(ref.kinds) == 1 else "ENTRY") + "-ID"
        return [] if origin is list else one
    if origin is Literal:
        return typing.get_args(base)[0]
    if origin is typing.Union or type(base).__name__ == "UnionType":
        options = [a for a in typing.get_args(base) if a is not type(None)]
        return _placeholder(name, options[0])
    if origin is list:
        minimum = next((m.min_length for m in metadata if getattr(m, "min_length", None)), 0)
        item = typing.get_args(base)[0] if typing.get_args(base) else str
        return [_placeholder(name, item) for _ in range(max(minimum, 1))]
    if origin is dict:
        return {}
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _fields_of(base)
    if base is bool:
        return False
    if base in (int, float):
        low = next((getattr(m, "ge", None) or getattr(m, "gt", None) for m in metadata if getattr(m, "ge", None) or getattr(m, "gt", None)), 0)
        return max(1, int(low) + (1 if any(getattr(m, "gt", None) for m in metadata) else 0))
    if base is datetime.date:
        return datetime.date.today()
    return f"Write the {words} here."
