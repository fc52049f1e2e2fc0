"""The registry of entry kinds: which kinds a site has, and everything derived from each.

A kind is a pydantic model (a subclass of :class:`~.models.Entry`) registered under a name.
What the rest of Crosswalk needs to know about a kind is declared once, as class variables
on its model (see :class:`~.models.Entry`): its label, plural and URL folder, where its
catalogue comes in the navigation, how its entries rank in search, whether it is a starting
point or practice material, and the example ``crosswalk new`` writes. Every list of kinds
(catalogues, search order, scaffolds, stats, the JSON Schema, the loader's dispatch) is
derived from a :class:`KindRegistry`.

The built-in kinds are registered in :data:`BUILTIN_KINDS` exactly as a site registers its
own with :meth:`KindRegistry.with_kind` (see :mod:`.site_kinds`).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Mapping
from typing import Literal

from .models import SLUG, Case, Comparison, Entry, Journey, Path, Role, Rubric, Skill, Term

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class KindError(ValueError):
    """A model that cannot be registered as a kind; the message says why, for the author."""


class KindRegistry(Mapping[str, type[Entry]]):
    """Kind name -> entry model, in registration order (the order of "Referenced by" groups)."""

    def __init__(self, models: Mapping[str, type[Entry]] | None = None, builtin: frozenset[str] = frozenset()):
        self._models: dict[str, type[Entry]] = dict(models or {})
        self.builtin = builtin  # names Crosswalk itself registered

    def __getitem__(self, name: str) -> type[Entry]:
        return self._models[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._models)

    def __len__(self) -> int:
        return len(self._models)

    def __repr__(self) -> str:
        return f"KindRegistry({', '.join(self._models)})"

    def with_kind(self, name: str, model: type) -> KindRegistry:
        """A registry with ``model`` added as kind ``name``; :class:`KindError` when it cannot be."""
        model = _as_kind(name, model, self)
        return KindRegistry({**self._models, name: model}, self.builtin)

    def custom(self) -> list[str]:
        """Names of the kinds a site added."""
        return [name for name in self._models if name not in self.builtin]

    def in_catalogue_order(self) -> list[str]:
        """Kinds in the order the navigation shows their catalogues."""
        return sorted(self._models, key=lambda name: self._models[name].CATALOGUE_ORDER)

    def in_search_order(self) -> list[str]:
        """Kinds in the order search breaks ties (glossary terms first)."""
        return sorted(self._models, key=lambda name: self._models[name].SEARCH_RANK)

    def entry_points(self) -> set[str]:
        """Kinds reached from catalogues and the home page rather than from other entries."""
        return {name for name, model in self._models.items() if model.ENTRY_POINT}

    def practice(self) -> list[str]:
        """Kinds that are practice material (what a comparison stage's page suggests)."""
        return [name for name, model in self._models.items() if model.PRACTICE]

    def by_section(self, section: str) -> str | None:
        return next((name for name, model in self._models.items() if section == model.SECTION), None)


def _as_kind(name: str, model, registry: KindRegistry) -> type[Entry]:
    """Check ``model`` and fill in what it leaves out: the ``kind`` field, label, plural, folder."""
    if not isinstance(name, str) or not SLUG.fullmatch(name):
        raise KindError(f"the kind name {name!r} is not a lowercase slug like 'decision'")
    if not (isinstance(model, type) and issubclass(model, Entry)) or model is Entry:
        what = model.__name__ if isinstance(model, type) else type(model).__name__
        raise KindError(f"{what} is not an entry model: a kind is a class derived from mkdocs_crosswalk.Entry")
    if name in registry:
        raise KindError(f"{name!r} is already a kind{' built into Crosswalk' if name in registry.builtin else ''}; choose another name")
    kind_type = model.model_fields["kind"].annotation
    if typing.get_origin(kind_type) is Literal and typing.get_args(kind_type) != (name,):
        raise KindError(f"{model.__name__} declares kind {typing.get_args(kind_type)!r}, but is registered as {name!r}")
    label = model.__dict__.get("LABEL") or _CAMEL.sub(" ", model.__name__).capitalize()
    plural = model.__dict__.get("PLURAL") or label + "s"
    section = model.__dict__.get("SECTION") or re.sub(r"[^a-z0-9]+", "-", plural.lower()).strip("-")
    taken = registry.by_section(section)
    if taken:
        raise KindError(f"its URL folder {section!r} is already used by the kind {taken!r}; set SECTION on {model.__name__} to another folder")
    if model.__dict__.get("KIND") == name and typing.get_args(kind_type) == (name,):
        return model  # declares everything itself, like the built-in kinds
    # Derive a class that says its kind, so the loader, the schema and templates treat it like any other.
    namespace = {
        "__module__": model.__module__,
        "__qualname__": model.__qualname__,
        "__doc__": model.__doc__,
        "__annotations__": {"kind": Literal[name]},
        "KIND": name,
        "LABEL": label,
        "PLURAL": plural,
        "SECTION": section,
    }
    return type(model)(model.__name__, (model,), namespace)


def _builtin() -> KindRegistry:
    registry = KindRegistry()
    for model in (Term, Skill, Case, Rubric, Comparison, Journey, Role, Path):
        registry = registry.with_kind(model.KIND, model)
    return KindRegistry(registry, builtin=frozenset(registry))


BUILTIN_KINDS = _builtin()
