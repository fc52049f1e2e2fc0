"""Read a knowledge-base folder into entries, or report every problem found in one go."""

from __future__ import annotations

import difflib
import hashlib
import os
import time
import typing
from collections import defaultdict
from pathlib import Path

import pydantic

from .frontmatter import FrontMatter, FrontMatterError, parse_front_matter
from .kinds import BUILTIN_KINDS, KindRegistry
from .knowledge_base import KnowledgeBase
from .models import Comparison, Entry, Role, Source, Term
from .problems import ContentError, Problem, format_location
from .references import Reference, ReferenceGraph, field_refs, find_wikilinks, markdown_texts

MAX_ENTRY_BYTES = 1_000_000  # far above any real entry; stops a pasted data dump from stalling the build
# A file whose modification time is this close to when it was read may be written again within the same
# tick of a coarse file-system clock (1-2 s on some): its size and time do not prove it unchanged.
RACY_NS = 3_000_000_000


class ParseCache:
    """Parsed entries keyed by path and content hash, so a rebuild re-parses only changed files."""

    def __init__(self):
        self._store: dict[tuple, Entry | list[Problem]] = {}
        self._used: set[tuple] = set()
        # path -> ((size, mtime_ns, models), key in _store) of files read well after they were last written
        self._stats: dict[str, tuple[tuple, tuple]] = {}
        # id(entry) -> (entry, what it refers to before checking): every rebuild checks every entry's references
        self._references: dict[int, tuple[Entry, tuple]] = {}
        self.parsed = 0  # files actually parsed (cache misses), for tests and benchmarks
        self.read = 0  # files actually read

    def get_or_read(self, file: Path, stat: os.stat_result, path: str, rel_path: str, kinds: KindRegistry = BUILTIN_KINDS) -> Entry | list[Problem]:
        """The entry of ``file``, read again only if its size or modification time changed since it was last read
        (``serve`` rebuilds after every edit: reading and hashing thousands of unchanged files took a third of it)."""
        signature = (stat.st_size, stat.st_mtime_ns, tuple(map(id, kinds.values())))
        known = self._stats.get(path)
        if known is not None and known[0] == signature and known[1] in self._store:
            self._used.add(known[1])
            return self._store[known[1]]
        raw = file.read_bytes()
        self.read += 1
        key = self._parsed_key(raw, path, rel_path, kinds)
        if time.time_ns() - stat.st_mtime_ns > RACY_NS:
            self._stats[path] = (signature, key)
        else:
            self._stats.pop(path, None)
        return self._store[key]

    def _parsed_key(self, raw: bytes, path: str, rel_path: str, kinds: KindRegistry) -> tuple:
        # The models are part of the key: a site's kinds module edited during `serve` gives new classes.
        key = (path, hashlib.blake2b(raw, digest_size=16).hexdigest(), tuple(map(id, kinds.values())))
        if key not in self._store:
            self.parsed += 1
            self._store[key] = parse_entry(raw, path, rel_path, kinds)
        self._used.add(key)
        return key

    def retain_used(self) -> None:
        """Keep only what the last load used: deleted files and old versions go, bounding memory in `serve`."""
        self._store = {key: value for key, value in self._store.items() if key in self._used}
        self._stats = {path: known for path, known in self._stats.items() if known[1] in self._used}
        self._used = set()
        kept = {id(value) for value in self._store.values()}
        self._references = {key: value for key, value in self._references.items() if key in kept}

    def references_in(self, entry: Entry) -> tuple:
        """``(field references, [(location, [[links]] found)])`` of ``entry``, found once per version of it."""
        found = self._references.get(id(entry))
        if found is None or found[0] is not entry:
            texts = tuple((text.loc, tuple(find_wikilinks(text.text))) for text in markdown_texts(entry))
            found = self._references[id(entry)] = (entry, (tuple(field_refs(entry)), texts))
        return found[1]


def load_knowledge_base(
    root: str | Path, *, display_root: str | None = None, cache: ParseCache | None = None, kinds: KindRegistry = BUILTIN_KINDS
) -> KnowledgeBase:
    """Load every ``.md`` file under ``root``; raise :class:`ContentError` listing all problems."""
    root = Path(root)
    display_root = (display_root if display_root is not None else str(root)).rstrip("/")
    if not root.is_dir():
        raise ContentError([Problem(display_root or ".", 0, "", "the knowledge-base folder does not exist")])
    cache = cache or ParseCache()
    problems: list[Problem] = []
    entries: list[Entry] = []
    broken: set[str] = set()  # ids of files that exist but failed; links to them are not reported again
    for file in sorted(_entry_files(root)):
        rel_path = file.relative_to(root).as_posix()
        path = f"{display_root}/{rel_path}" if display_root else rel_path
        stat = file.stat()
        size = stat.st_size
        if size > MAX_ENTRY_BYTES:
            broken.add(file.stem)
            problems.append(
                Problem(path, 1, "", f"the file is {size / 1e6:.1f} MB; an entry may be at most {MAX_ENTRY_BYTES / 1e6:.0f} MB, split it")
            )
            continue
        result = cache.get_or_read(file, stat, path, rel_path, kinds)
        if isinstance(result, list):
            problems.extend(result)
            broken.add(Path(rel_path).stem)
        else:
            entries.append(result)
    cache.retain_used()
    by_id, id_problems = _index_ids(entries)
    problems.extend(id_problems)
    problems.extend(_name_clashes(by_id.values()))
    references, ref_problems = _resolve_references(by_id, broken, cache)
    problems.extend(ref_problems)
    if problems:
        raise ContentError(problems)
    return KnowledgeBase(root=root, entries=by_id, graph=ReferenceGraph(references), kinds=kinds)


def _entry_files(root: Path):
    for file in root.rglob("*.md"):
        if not any(part.startswith(".") for part in file.relative_to(root).parts):
            yield file


def parse_entry(raw: bytes, path: str, rel_path: str, kinds: KindRegistry = BUILTIN_KINDS) -> Entry | list[Problem]:
    """Parse one file into an entry, or return its problems. Never raises for bad content."""
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from a Windows editor is harmless
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [Problem(path, line, "", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); save it as UTF-8")]
    try:
        front = parse_front_matter(text, path)
    except FrontMatterError as exc:
        return exc.problems
    data = front.data
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in kinds:
        return [_kind_problem(kind, front, path, kinds)]
    id_from_name = "id" not in data
    data.setdefault("id", Path(rel_path).stem)
    model = kinds[kind]
    try:
        entry = model.model_validate(data)
    except pydantic.ValidationError as exc:
        return [_problem_from_error(err, model, front, path, id_from_name) for err in exc.errors(include_url=False)]
    entry._source = Source(path=path, rel_path=rel_path, body=front.body, body_line=front.body_line, positions=front.positions)
    problems = [Problem(path, front.positions.line_of(loc), format_location(loc), message) for loc, message in entry.consistency_problems()]
    return problems or entry


def _kind_problem(kind, front: FrontMatter, path: str, kinds: KindRegistry) -> Problem:
    expected = ", ".join(kinds)
    if kind is None:
        return Problem(path, 1, "kind", f"required field is missing; expected one of {expected}")
    hint = _did_you_mean(str(kind), kinds)
    return Problem(path, front.positions.line_of(("kind",)), "kind", f"expected one of {expected}, found {kind!r}{hint}")


def _problem_from_error(err: dict, model: type, front: FrontMatter, path: str, id_from_name: bool) -> Problem:
    loc = tuple(part for part in err["loc"] if part != "[key]")
    field = format_location(loc)
    line = front.positions.line_of(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return Problem(path, line, field, f"unknown field{_did_you_mean(str(loc[-1]), allowed)}")
    if kind == "missing":
        return Problem(path, line, field, "required field is missing")
    message = err["msg"].removeprefix("Value error, ")
    message = message.replace("Input should be", "expected", 1).replace("List should have", "expected", 1)
    if loc == ("id",) and id_from_name:
        message = f"the file name gives the id {err['input']!r}, which is not a lowercase slug; rename the file or set 'id:'"
    elif "found" not in message:
        message += f", found {_describe(err['input'])}"
    return Problem(path, line, field, message)


def _describe(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean(name: str, choices) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _fields_at(model: type, loc: tuple) -> list[str]:
    """Field names (as authors write them) of the nested model found at ``loc``."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = next((i for n, i in model.model_fields.items() if (i.alias or n) == part), None)
        nested = _model_in(info.annotation) if info else None
        if nested is None:
            return []
        model = nested
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def _index_ids(entries: list[Entry]) -> tuple[dict[str, Entry], list[Problem]]:
    by_id: dict[str, Entry] = {}
    folded: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        other = folded.get(entry.id.casefold())
        if other is not None:
            how = "the id" if other.id == entry.id else f"an id that differs only in case from {other.id!r}, the id"
            problems.append(
                Problem(entry.source.path, entry.source.line_of(("id",)), "id", f"{how} {entry.id!r} is already used by {other.source.path}")
            )
            continue
        folded[entry.id.casefold()] = entry
        by_id[entry.id] = entry
    return by_id, problems


def _name_clashes(entries) -> list[Problem]:
    """Two terms answering to one name (title or alias, in any case): which one a link or `crosswalk define`
    would get is a guess, so it is an error naming both places."""
    problems = []
    seen: dict[str, tuple[Term, tuple, str]] = {}  # folded name -> the first term, field and name as written
    for term in (e for e in entries if isinstance(e, Term)):
        own: set[str] = set()
        for loc, name in [(("title",), term.title), *((("aliases", i), alias) for i, alias in enumerate(term.aliases))]:
            key = " ".join(name.casefold().split())
            if key in own:
                continue  # a term may repeat its own name; that is untidy, not ambiguous
            own.add(key)
            first = seen.setdefault(key, (term, loc, name))
            if first[0] is term:
                continue
            other, other_loc, other_name = first
            where = f"{other.source.path}:{other.source.line_of(other_loc)}"
            same = "" if other_name == name else f" ({other_name!r}, differing only in case)"
            problems.append(
                Problem(
                    term.source.path,
                    term.source.line_of(loc),
                    format_location(loc),
                    f"{name!r} is also the {_name_field(other_loc)} of term {other.id!r}{same} at {where}; "
                    "give each name to one term (rename one, or merge the two terms)",
                )
            )
    return problems


def _name_field(loc: tuple) -> str:
    return "title" if loc == ("title",) else "alias"


def _resolve_references(by_id: dict[str, Entry], broken: set[str], cache: ParseCache) -> tuple[list[Reference], list[Problem]]:
    references, problems = [], []

    def check(entry: Entry, loc: tuple, line: typing.Callable[[], int], target: str, kinds: tuple, anchor=None) -> bool:
        """Record the reference, or a problem at ``line()`` (worked out only then: finding lines costs)."""
        found = by_id.get(target)
        if found is None and target in broken:
            return False  # its own problems are already reported
        if found is None:
            hint = _did_you_mean(target, by_id)
            problems.append(
                Problem(entry.source.path, line(), format_location(loc) or "body", f"refers to {target!r}, but no entry has that id{hint}")
            )
            return False
        if kinds and found.kind not in kinds:
            wanted = " or ".join(kinds)
            problems.append(Problem(entry.source.path, line(), format_location(loc) or "body", f"{target!r} is a {found.kind}, expected a {wanted}"))
            return False
        references.append(Reference(entry.id, target, str(loc[0]) if loc else "body", anchor))
        return True

    for entry in by_id.values():
        source = entry.source
        field_references, texts = cache.references_in(entry)
        for ref in field_references:
            check(entry, ref.loc, lambda loc=ref.loc, source=source: source.line_of(loc), ref.target, ref.kinds)
        for loc, links in texts:
            seen: dict[str, int] = defaultdict(int)  # links to the same target so far in this text
            for link in links:
                if loc:  # find the link in the file itself: folded and quoted YAML strings move lines
                    line = lambda loc=loc, needle=f"[[{link.target}", nth=seen[link.target], source=source: source.positions.line_of_text(
                        loc, needle, nth
                    )
                else:
                    line = lambda number=source.body_line + link.line_offset: number
                seen[link.target] += 1
                if check(entry, loc, line, link.target, (), link.anchor) and link.anchor:
                    target = by_id[link.target]
                    if isinstance(target, Comparison) and target.stage(link.anchor) is None:
                        stages = ", ".join(s.id for s in target.stages)
                        problems.append(
                            Problem(
                                source.path,
                                line(),
                                format_location(loc) or "body",
                                f"{link.target!r} has no stage {link.anchor!r}; its stages are {stages}",
                            )
                        )
        if isinstance(entry, Role):
            for index, duty in enumerate(entry.responsibilities):
                comparison = by_id.get(duty.comparison or "")
                if duty.stage and isinstance(comparison, Comparison) and comparison.stage(duty.stage) is None:
                    loc = ("responsibilities", index, "stage")
                    stages = ", ".join(s.id for s in comparison.stages)
                    problems.append(
                        Problem(
                            source.path,
                            source.line_of(loc),
                            format_location(loc),
                            f"{comparison.id!r} has no stage {duty.stage!r}; its stages are {stages}",
                        )
                    )
    return references, problems
