"""Content problems: what went wrong, where, in words an author can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the knowledge base, pinned to a file, line and field."""

    path: str  # relative to the knowledge-base folder's parent, posix style
    line: int
    field: str  # dotted location such as ``stages[2].cells.ux``; empty for the whole file
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


class ContentError(Exception):
    """Raised when the knowledge base has problems; carries all of them at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the knowledge base")
        return "\n".join(lines)


def format_location(loc: tuple[str | int, ...]) -> str:
    """``("stages", 2, "cells", "ux")`` -> ``stages[2].cells.ux``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
