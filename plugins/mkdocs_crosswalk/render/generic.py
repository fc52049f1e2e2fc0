"""An entry's own fields as a tree the generic templates show, for kinds without templates of their own.

Whether a string is Markdown or an entry id comes from the model's markers (``Markdown``,
``ref``/``refs``), so a site's kind is shown sensibly without a line of template.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pydantic import BaseModel

from ..core.models import MARKDOWN, Entry, Ref
from ..core.references import _marked_strings

_HEADINGS = ("title", "name")
# The fields every entry has; the entry page shows them in its header, not among the entry's own.
COMMON_FIELDS = frozenset(Entry.model_fields)


@dataclass(frozen=True)
class Shown:
    """One value: ``shape`` says how to show it ("markdown", "ref", "text", "list", "group")."""

    label: str
    loc: tuple  # where the value is in the entry, as ``field(*loc)`` takes it
    shape: str
    value: object = None  # the text, the id of a "ref", or the heading of a "group"
    children: tuple[Shown, ...] = ()  # the items of a "list", the fields (or keys) of a "group"

    @property
    def anchor(self) -> str:
        return str(self.loc[-1]).replace("_", "-") if self.loc else ""


def own_fields(entry: Entry) -> list[Shown]:
    """The entry's fields beyond the common ones, in the model's order, empty ones left out."""
    marks = {loc: marker for loc, marker, _ in _marked_strings(entry)}
    return [shown for shown in _fields(entry, (), marks, skip=COMMON_FIELDS) if shown is not None]


def _fields(model: BaseModel, loc: tuple, marks: dict, skip=frozenset()) -> list[Shown | None]:
    out = []
    for name, info in type(model).model_fields.items():
        if name in skip:
            continue
        key = info.alias or name
        out.append(_shown(info.title or key.replace("_", " ").capitalize(), getattr(model, name), loc + (key,), marks))
    return out


def _shown(label: str, value, loc: tuple, marks: dict) -> Shown | None:
    if value is None or value == [] or value == {}:
        return None
    marker = marks.get(loc)
    if isinstance(marker, Ref):
        return Shown(label, loc, "ref", value)
    if marker is MARKDOWN:
        return Shown(label, loc, "markdown", value)
    if isinstance(value, BaseModel):
        children = tuple(s for s in _fields(value, loc, marks) if s is not None)
        # A nested part's title (or name) heads it rather than being one of its fields.
        heading = next((c for c in children if c.loc[-1] in _HEADINGS and c.shape == "text"), None)
        return Shown(label, loc, "group", heading.value if heading else None, tuple(c for c in children if c is not heading))
    if isinstance(value, dict):
        children = (_shown(str(key), item, loc + (key,), marks) for key, item in value.items())
        return Shown(label, loc, "group", children=tuple(s for s in children if s is not None))
    if isinstance(value, (list, tuple)):
        children = (_shown(label, item, loc + (index,), marks) for index, item in enumerate(value))
        return Shown(label, loc, "list", children=tuple(s for s in children if s is not None))
    if isinstance(value, bool):
        return Shown(label, loc, "text", "yes" if value else "no")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return Shown(label, loc, "text", value.isoformat())
    return Shown(label, loc, "text", str(value))


def is_short(shown: Shown) -> bool:
    """A value that fits on one line of the entry's header: a word, a number, a date, links."""
    if shown.shape in ("text", "ref"):
        return True
    return shown.shape == "list" and all(child.shape in ("text", "ref") for child in shown.children)
