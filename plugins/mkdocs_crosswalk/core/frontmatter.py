"""Split an entry file into YAML front matter and Markdown body, keeping line numbers.

Authors need errors that point at the line of the offending field, so the YAML is
composed into nodes first (which carry their position) and a map from each field's
location to its line is kept beside the plain data.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

import yaml

from .problems import Problem, format_location

Location = tuple  # ("stages", 2, "cells", "ux")

# libyaml's loader is some twenty times faster and keeps node positions just the same.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


FIRST_YAML_LINE = 2  # the YAML starts on the line after the opening '---'


class Positions:
    """Where each front-matter field stands in the file, for messages that point at the right line.

    Worked out from the YAML text the first time a message needs a line: a clean build asks
    for none, and indexing every field of thousands of entries would cost more than reading them.
    """

    def __init__(self, text: str, lines: dict | None = None, spans: dict | None = None):
        self.text = text  # the YAML itself
        self._lines, self._spans = lines, spans

    @property
    def lines(self) -> dict[Location, int]:
        """The line of each field's key or list item."""
        if self._lines is None:
            self._index()
        return self._lines

    @property
    def spans(self) -> dict[Location, tuple[int, int]]:
        """The first and last line of each value."""
        if self._spans is None:
            self._index()
        return self._spans

    def _index(self) -> None:
        loader = _Loader(self.text)
        try:
            indexer = _Indexer("", self.text)
            indexer.walk(loader.get_single_node())
        finally:
            loader.dispose()
        self._lines, self._spans = indexer.lines, indexer.spans

    def line_of(self, loc: Location) -> int:
        """The line of the deepest known field along ``loc`` (a missing field points at its parent)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return 1

    def line_of_text(self, loc: Location, needle: str, occurrence: int = 0) -> int:
        """The line of the ``occurrence``-th ``needle`` inside the value at ``loc``, whatever its YAML style."""
        span = self.spans.get(tuple(loc))
        if span is None:
            return self.line_of(loc)
        first, last = span
        yaml_lines = self.text.split("\n")[first - FIRST_YAML_LINE : last - FIRST_YAML_LINE + 1]
        for number, line in enumerate(yaml_lines, start=first):
            found = line.count(needle)
            if occurrence < found:
                return number
            occurrence -= found
        return first


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # file line on which the body starts
    positions: Positions


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
        raise FrontMatterError([Problem(path, 1, "", "no front matter: an entry must start with a line '---', its YAML fields, then '---'")])
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise FrontMatterError([Problem(path, 1, "", "the front matter opened on line 1 is never closed with a '---' line")])
    yaml_text = text[opening.end() : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1

    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FrontMatterError([Problem(path, 1, "", "the front matter is empty; it needs at least 'kind' and 'title'")])
        if not isinstance(node, yaml.MappingNode):
            found = {yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}.get(type(node), "something else")
            raise FrontMatterError(
                [Problem(path, _FileLines(yaml_text)(node.start_mark), "", f"the front matter must be a mapping of fields, found {found}")]
            )
        data = None if "&" in yaml_text else _plain_data(node, loader)  # "&": anchors need the careful walk
        positions = Positions(yaml_text)
        if data is None:
            indexer = _Indexer(path, yaml_text)
            indexer.walk(node)
            if indexer.problems:
                raise FrontMatterError(indexer.problems)
            data = loader.construct_document(node)
            positions = Positions(yaml_text, indexer.lines, indexer.spans)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(filter(None, [exc.problem, f"({exc.context})" if exc.context else None]))
        hint = _quoting_hint(yaml_text, exc.problem_mark, exc.problem or "")
        if exc.context and exc.context.startswith("while parsing a flow") and exc.context_mark:
            mark = exc.context_mark  # the line where the bracket opens is the one to fix, not where YAML gave up
            closing = "]" if "sequence" in exc.context else "}"
            hint = (
                f"; the {'list' if closing == ']' else 'mapping'} in brackets that starts here needs a '{closing}' at its end "
                "and commas between its items (put an item holding ',', ':' or '#' in quotes), or write one item a line after '- '"
            )
        line = _FileLines(yaml_text)(mark) if mark else 1
        raise FrontMatterError([Problem(path, line, "", f"malformed YAML: {reason}{hint}")]) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError([Problem(path, 1, "", f"malformed YAML: {exc}")]) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value YAML parses but cannot build
        raise FrontMatterError([Problem(path, 1, "", f"malformed YAML: {exc}")]) from None
    finally:
        loader.dispose()
    return FrontMatter(data=data, body=text[body_start:], body_line=body_line, positions=positions)


# YAML errors that plain text with a special character causes: "`n_jobs`", "@team", "%", "Note: this".
_NEEDS_QUOTES = ("cannot start any token", "mapping values are not allowed", "found undefined alias", "found unexpected end of stream")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[\w-]+:\s+|\s*-\s+)(.+?)\s*$")


def _quoting_hint(yaml_text: str, mark, problem: str) -> str:
    """When the error is a plain value holding a character YAML reads as syntax, say how to quote it."""
    if mark is None or not any(p in problem for p in _NEEDS_QUOTES):
        return ""
    lines = yaml_text.splitlines()
    if mark.line >= len(lines):
        return ""
    found = _KEY_VALUE.match(lines[mark.line])
    if not found or found.group(2)[:1] in "\"'[{|>":
        return ""
    value = found.group(2)
    quoted = "'" + value.replace("'", "''") + "'"
    return f"; the value {value} holds characters YAML reads as syntax: put it in quotes, {found.group(1).strip()} {quoted}"


_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq"))


class _NeedsCare(Exception):
    """Something only the careful walk reports or PyYAML's own constructor builds."""


def _plain_data(node, loader) -> dict | None:
    """The data of a front matter made of plain mappings, lists and scalars, built in one pass.

    Returns None for anything else (a field given twice, an impossible date, a key that is not
    a plain word, tags like ``!!set``), which then goes through :class:`_Indexer` and PyYAML's
    constructor for the same data and the same problems as ever.
    """

    def build(node):
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            if node.tag.endswith(":timestamp") and not _is_real_date(node.value):
                raise _NeedsCare
            return loader.construct_object(node)
        if node.tag == _MAP and isinstance(node, yaml.MappingNode):
            data = {}
            for key_node, value_node in node.value:
                key = key_node.value
                if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode) or key in data:
                    raise _NeedsCare
                data[key] = build(value_node)
            return data
        if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [build(item) for item in node.value]
        raise _NeedsCare

    try:
        return build(node)
    except _NeedsCare:
        return None


class _FileLines:
    """The file line of a YAML mark.

    YAML also starts a line at a lone carriage return (and at NEL, LS and PS), while Crosswalk
    numbers lines by newlines everywhere else (the body, spans in :class:`Positions`); counting the
    newlines before the mark's character offset keeps every message on that one numbering.
    """

    def __init__(self, yaml_text: str):
        self._newlines = [match.start() for match in re.finditer("\n", yaml_text)]

    def __call__(self, mark) -> int:
        return FIRST_YAML_LINE + bisect_left(self._newlines, mark.index)


class _Indexer:
    """Walks the composed YAML once: the line of every field, the lines each value spans, and problems
    YAML itself would let through (duplicate keys, anchors, impossible dates)."""

    def __init__(self, path: str, yaml_text: str):
        self.path, self.line = path, _FileLines(yaml_text)
        self.lines: dict[Location, int] = {}
        self.spans: dict[Location, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def walk(self, node, loc: Location = ()) -> None:
        if id(node) in self._seen:
            # Anchors and aliases (&a / *a) can expand a tiny file into an enormous document; entries never need them.
            line = self.line(node.start_mark)
            self.problems.append(
                Problem(self.path, line, format_location(loc), "YAML anchors and aliases (&name, *name) are not allowed in front matter")
            )
            return
        self._seen.add(id(node))
        if loc:
            self.spans[loc] = (self.line(node.start_mark), self.line(node.end_mark))
        if isinstance(node, yaml.MappingNode):
            keys: set = set()
            for key_node, value_node in node.value:
                line = self.line(key_node.start_mark)
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(self.path, line, format_location(loc), "a field name must be a plain word, not a list or mapping"))
                    continue
                key = _key(key_node)
                if key in keys:
                    self.problems.append(Problem(self.path, line, format_location(loc + (key,)), "this field is given twice"))
                keys.add(key)
                self.lines[loc + (key,)] = line
                self.walk(value_node, loc + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[loc + (index,)] = self.line(item.start_mark)
                self.walk(item, loc + (index,))
        elif node.tag.endswith(":timestamp") and not _is_real_date(node.value):
            line = self.line(node.start_mark)
            self.problems.append(Problem(self.path, line, format_location(loc), f"expected a real date as YYYY-MM-DD, found {node.value!r}"))


def _key(node):
    """A key as the constructed data will have it: YAML reads `1:` as the number 1."""
    if node.tag.endswith(":int"):
        try:
            return int(node.value)
        except ValueError:  # other notations (0x1A, 1:30); the line lookup then falls back to the parent
            return node.value
    return node.value


def _is_real_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True
