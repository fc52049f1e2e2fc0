"""Split an entry file into YAML front matter and Markdown body, keeping line numbers.

Authors need errors that point at the line of the offending field, so the YAML is
composed into nodes first (which carry their position) and a map from each field's
location to its line is kept beside the plain data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem, format_location

Location = tuple  # ("stages", 2, "cells", "ux")

# libyaml's loader is some twenty times faster and keeps node positions just the same.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # file line on which the body starts
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, loc: Location) -> int:
        """The line of the deepest known field along ``loc`` (a missing field points at its parent)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return 1


class FrontMatterError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


def parse_front_matter(text: str, path: str) -> FrontMatter:
    """Parse ``text`` (the whole file) or raise :class:`FrontMatterError`."""
    if not text.strip():
        raise FrontMatterError([Problem(path, 1, "", "the file is empty; an entry starts with a '---' front-matter block")])
    opening = _OPENING.match(text)
    if not opening:
        raise FrontMatterError(
            [Problem(path, 1, "", "no front matter: an entry must start with a line '---', its YAML fields, then '---'")]
        )
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise FrontMatterError([Problem(path, 1, "", "the front matter opened on line 1 is never closed with a '---' line")])
    yaml_text = text[opening.end() : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1
    first_yaml_line = 2

    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FrontMatterError([Problem(path, 1, "", "the front matter is empty; it needs at least 'kind' and 'title'")])
        if not isinstance(node, yaml.MappingNode):
            found = {yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}.get(type(node), "something else")
            raise FrontMatterError(
                [Problem(path, first_yaml_line + node.start_mark.line, "", f"the front matter must be a mapping of fields, found {found}")]
            )
        lines: dict[Location, int] = {}
        problems: list[Problem] = []
        _index_lines(node, (), lines, problems, path, first_yaml_line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_yaml_line + mark.line if mark else 1
        reason = " ".join(filter(None, [exc.problem, f"({exc.context})" if exc.context else None]))
        raise FrontMatterError([Problem(path, line, "", f"malformed YAML: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError([Problem(path, 1, "", f"malformed YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise FrontMatterError(problems)
    return FrontMatter(data=data, body=text[body_start:], body_line=body_line, lines=lines)


def _index_lines(node, loc, lines, problems, path, offset) -> None:
    """Record the line of every mapping key and list item; report duplicate keys, which YAML would drop silently."""
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":int"):
                key = int(key)
            line = offset + key_node.start_mark.line
            if key in seen:
                problems.append(Problem(path, line, format_location(loc + (key,)), "this field is given twice"))
            seen.add(key)
            lines[loc + (key,)] = line
            _index_lines(value_node, loc + (key,), lines, problems, path, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = offset + item.start_mark.line
            _index_lines(item, loc + (index,), lines, problems, path, offset)
