"""The content model: one pydantic model per entry kind.

Field names are the public front-matter contract; add fields, never rename them.
Two markers annotate fields for the rest of the core, so that no module needs a
hand-kept list of "which fields are references" or "which fields are Markdown":
:class:`Ref` (the field holds entry ids of the given kinds) and :data:`MARKDOWN`
(every string inside the field is Markdown that may contain ``[[id]]`` links).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from .frontmatter import Positions

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Ref:
    """Marks a field whose strings are ids of entries of ``kinds`` (any kind when empty)."""

    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Markdown:
    pass


MARKDOWN = _Markdown()


def _check_slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise ValueError(f"expected an id of lowercase letters, digits and single hyphens (like 'data-drift'), found {value!r}")
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("expected text, found an empty string")
    return value


_TAG = re.compile(r"^\w[\w .+/-]*$")


def _check_tag(value: str) -> str:
    # Tags become URLs and labels in themes that print them unescaped, so they stay plain words.
    if not _TAG.fullmatch(value):
        raise ValueError(f"expected a tag of letters, digits, spaces and - . / +, found {value!r}")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
Tag = Annotated[str, AfterValidator(_check_tag)]
Text = Annotated[str, AfterValidator(_check_text)]
Markdown = Annotated[Text, MARKDOWN]
MarkdownList = Annotated[list[Text], MARKDOWN]
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")  # easiest first, wherever levels are listed
Level = Literal[LEVELS]
DOMAINS: tuple[str, ...] = ("ux", "ml", "product", "data", "engineering", "business", "compliance")
Domain = Literal[DOMAINS]


def refs(*kinds: str):
    """A list of ids of entries of ``kinds``."""
    return Annotated[list[Slug], Ref(kinds)]


def ref(*kinds: str):
    """One id of an entry of ``kinds``."""
    return Annotated[Slug, Ref(kinds)]


class Part(BaseModel):
    """A nested mapping inside front matter: strict about unknown fields, like entries."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True)
class Source:
    """Where an entry came from, for error messages and "edit this page" links."""

    path: str  # posix path as shown to authors, e.g. "kb/glossary/raci.md"
    rel_path: str  # posix path inside the knowledge-base folder, e.g. "glossary/raci.md"
    body: str
    body_line: int
    positions: Positions

    def line_of(self, loc) -> int:
        return self.positions.line_of(loc)


class Entry(Part):
    """Fields every entry has."""

    # What the rest of Crosswalk knows about a kind, declared once (see kinds.py). A site's own
    # kind may leave any of these out: the registry derives the label from the class name, the
    # plural from the label and the URL folder from the plural.
    KIND: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""  # singular, shown on pages and in search results
    PLURAL: ClassVar[str] = ""  # the catalogue's title
    SECTION: ClassVar[str] = ""  # URL folder of this kind's pages
    CATALOGUE_ORDER: ClassVar[int] = 100  # where the catalogue comes among the others (lowest first)
    SEARCH_RANK: ClassVar[int] = 100  # equal search scores: the lower rank first
    ENTRY_POINT: ClassVar[bool] = False  # reached from catalogues, not from other entries (stats)
    PRACTICE: ClassVar[bool] = False  # practice material a comparison stage suggests
    EXAMPLE: ClassVar[dict | None] = None  # fields after the common ones for `crosswalk new`; derived when None

    kind: str
    id: Slug
    title: Text
    summary: Text
    tags: list[Tag] = []
    owner: Text | None = None
    reviewed: date | None = None
    # The title is a name that keeps its capital inside a sentence (core/wording.py): "Python", not "python".
    proper_noun: bool = False

    _source: Source | None = PrivateAttr(default=None)
    _marked: tuple | None = PrivateAttr(default=None)  # references._marked_strings, walked once: entries never change

    @property
    def source(self) -> Source:
        assert self._source is not None, "entry was not loaded from a file"
        return self._source

    @property
    def body(self) -> str:
        return self._source.body if self._source else ""

    def consistency_problems(self) -> Iterator[tuple[tuple, str]]:
        """Problems inside this one entry that field types cannot express: ``(location, message)``."""
        return iter(())


class Term(Entry):
    KIND = "term"
    LABEL, PLURAL, SECTION = "Term", "Glossary", "glossary"
    CATALOGUE_ORDER, SEARCH_RANK = 2, 1
    EXAMPLE = {"aliases": [], "domains": ["product"], "see_also": []}
    kind: Literal["term"]
    aliases: list[Text] = []
    domains: list[Domain] = []
    see_also: refs("term") = []
    # How mentions in prose are linked (core/glossary.py): "auto" follows the site's rules, "as-written" matches
    # the names only in the exact case written here and never as plurals, "never" leaves mentions unlinked.
    autolink: Literal["auto", "as-written", "never"] = "auto"
    autolink_forms: list[Text] = []  # when given, only these exact forms are linked in prose

    @property
    def names(self) -> list[str]:
        """The title and every alias: what readers may type or write for this term."""
        return [self.title, *self.aliases]


class SkillLevels(Part):
    beginner: MarkdownList
    intermediate: MarkdownList
    advanced: MarkdownList


class Skill(Entry):
    KIND = "skill"
    LABEL, PLURAL, SECTION = "Skill guide", "Skill guides", "skills"
    CATALOGUE_ORDER, SEARCH_RANK, PRACTICE = 4, 2, True
    EXAMPLE = {
        "levels": {
            "beginner": ["What someone new to this skill can do."],
            "intermediate": ["What someone practised in it can do."],
            "advanced": ["What someone who teaches it can do."],
        },
        "practice": [],
        "tools": [],
        "rubrics": [],
        "roles": [],
    }
    kind: Literal["skill"]
    levels: SkillLevels
    practice: refs("case") = []
    tools: refs("term") = []
    rubrics: refs("rubric") = []
    roles: refs("role") = []


class Case(Entry):
    KIND = "case"
    LABEL, PLURAL, SECTION = "Case study", "Case studies", "cases"
    CATALOGUE_ORDER, SEARCH_RANK, PRACTICE = 3, 3, True
    EXAMPLE = {
        "level": "beginner",
        "roles": [],
        "skills": [],
        "duration_minutes": 45,
        "scenario": "The situation the learner walks into, in a few sentences.",
        "steps": ["The first thing the learner does.", "The next thing."],
        "deliverables": ["What the learner hands in."],
    }
    kind: Literal["case"]
    level: Level
    roles: refs("role") = []
    skills: refs("skill") = []
    duration_minutes: Annotated[int, Field(gt=0, le=60 * 24 * 14)]
    scenario: Markdown
    steps: Annotated[list[Text], MARKDOWN, Field(min_length=1)]
    deliverables: MarkdownList = []


class Rubric(Entry):
    KIND = "rubric"
    LABEL, PLURAL, SECTION = "Interview rubric", "Interview rubrics", "rubrics"
    CATALOGUE_ORDER, SEARCH_RANK, PRACTICE = 5, 4, True
    EXAMPLE = {
        "skill": "SKILL-ID",
        "question": "The question the interviewer asks.",
        "assesses": "What a good answer shows.",
        "strategy": "How a strong candidate structures the answer.",
        "sample_answer": "An answer that would score 4.",
        "scale": {1: "What a weak answer sounds like.", 2: "A partial answer.", 3: "A solid answer.", 4: "An excellent answer."},
        "follow_ups": ["A question that probes deeper."],
        "red_flags": ["A sign the candidate lacks the skill."],
    }
    kind: Literal["rubric"]
    skill: ref("skill")
    question: Markdown
    assesses: Markdown
    strategy: Markdown
    sample_answer: Markdown
    scale: Annotated[dict[Literal[1, 2, 3, 4], Text], MARKDOWN]
    follow_ups: MarkdownList = []
    red_flags: MarkdownList = []

    def consistency_problems(self):
        missing = [score for score in (1, 2, 3, 4) if score not in self.scale]
        if missing:
            yield ("scale",), f"expected a description for each score 1 to 4, missing {', '.join(map(str, missing))}"


class Track(Part):
    id: Slug
    title: Text
    role: ref("role") | None = None


class Stage(Part):
    id: Slug
    title: Text
    cells: Annotated[dict[str, Text], MARKDOWN]
    focus: Markdown | None = None
    terms: refs("term") = []


class Comparison(Entry):
    KIND = "comparison"
    LABEL, PLURAL, SECTION = "Comparison", "Comparisons", "comparisons"
    CATALOGUE_ORDER, SEARCH_RANK, ENTRY_POINT = 7, 5, True
    EXAMPLE = {
        "tracks": [{"id": "first", "title": "First track"}, {"id": "second", "title": "Second track"}],
        "stages": [
            {
                "id": "stage-one",
                "title": "Stage one",
                "cells": {"first": "What the first track does.", "second": "What the second track does."},
                "focus": "What both share.",
                "terms": [],
            }
        ],
    }
    kind: Literal["comparison"]
    tracks: Annotated[list[Track], Field(min_length=2)]
    stages: Annotated[list[Stage], Field(min_length=1)]

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def consistency_problems(self):
        yield from _duplicate_ids(self.tracks, "tracks", "track")
        yield from _duplicate_ids(self.stages, "stages", "stage")
        track_ids = [t.id for t in self.tracks]
        for index, stage in enumerate(self.stages):
            for key in stage.cells:
                if key not in track_ids:
                    yield ("stages", index, "cells", key), f"no track has the id {key!r}; tracks are {', '.join(track_ids)}"
            for track_id in track_ids:
                if track_id not in stage.cells:
                    yield ("stages", index, "cells"), f"missing the cell for track {track_id!r}"


class JourneyStage(Part):
    id: Slug
    title: Text
    actions: MarkdownList = []
    emotion: Annotated[int, Field(ge=-2, le=2, strict=True)] = 0
    pain_points: MarkdownList = []
    opportunities: MarkdownList = []


class Loop(Part):
    from_: Slug = Field(alias="from")
    to: Slug
    label: Text | None = None


class Journey(Entry):
    KIND = "journey"
    LABEL, PLURAL, SECTION = "Journey map", "Journey maps", "journeys"
    CATALOGUE_ORDER, SEARCH_RANK, ENTRY_POINT = 8, 6, True
    EXAMPLE = {
        "persona": "ROLE-ID",
        "stages": [{"id": "start", "title": "Start", "actions": ["What the persona does."], "emotion": 0, "pain_points": [], "opportunities": []}],
        "loops": [],
    }
    kind: Literal["journey"]
    persona: ref("role")
    stages: Annotated[list[JourneyStage], Field(min_length=1)]
    loops: list[Loop] = []

    def consistency_problems(self):
        yield from _duplicate_ids(self.stages, "stages", "stage")
        stage_ids = {s.id for s in self.stages}
        for index, loop in enumerate(self.loops):
            for name, value in (("from", loop.from_), ("to", loop.to)):
                if value not in stage_ids:
                    yield ("loops", index, name), f"no stage of this journey has the id {value!r}"


class Responsibility(Part):
    text: Markdown
    comparison: ref("comparison") | None = None
    stage: Slug | None = None
    raci: Literal["R", "A", "C", "I"] | None = None


def _text_shorthand(value):
    """A plain string stands for ``{text: ...}``."""
    return {"text": value} if isinstance(value, str) else value


class Role(Entry):
    KIND = "role"
    LABEL, PLURAL, SECTION = "Role", "Roles", "roles"
    CATALOGUE_ORDER, SEARCH_RANK = 6, 7
    EXAMPLE = {"cares_about": ["What this role is measured on."], "pain_points": ["What slows them down."], "responsibilities": []}
    kind: Literal["role"]
    domains: list[Domain] = []  # the vocabulary this role works in: which terms its page lists
    cares_about: MarkdownList = []
    pain_points: MarkdownList = []
    responsibilities: list[Annotated[Responsibility, BeforeValidator(_text_shorthand, json_schema_input_type=str | Responsibility)]] = []

    def consistency_problems(self):
        for index, duty in enumerate(self.responsibilities):
            if duty.stage and not duty.comparison:
                yield ("responsibilities", index, "stage"), "a stage needs the 'comparison' it belongs to"


class PathStep(Part):
    ref: ref()
    note: Markdown | None = None
    week: Annotated[int, Field(ge=1, le=52)] = 1
    requires: refs() = []


class Path(Entry):
    KIND = "path"
    LABEL, PLURAL, SECTION = "Onboarding path", "Onboarding paths", "paths"
    CATALOGUE_ORDER, SEARCH_RANK, ENTRY_POINT = 1, 8, True
    EXAMPLE = {"audience": "ROLE-ID", "steps": [{"ref": "ENTRY-ID", "note": "Why this step comes first.", "week": 1}]}
    kind: Literal["path"]
    audience: ref("role")
    steps: Annotated[list[PathStep], Field(min_length=1)]

    def consistency_problems(self):
        refs_in_path = {step.ref for step in self.steps}
        for index, step in enumerate(self.steps):
            for r_index, required in enumerate(step.requires):
                if required not in refs_in_path:
                    yield ("steps", index, "requires", r_index), f"{required!r} is not a step of this path"
        cycle = _find_cycle({step.ref: step.requires for step in self.steps})
        if cycle:
            index = next(i for i, s in enumerate(self.steps) if s.ref == cycle[0])
            yield ("steps", index, "requires"), "the steps require each other in a cycle: " + " -> ".join(cycle + [cycle[0]])


def _duplicate_ids(items, field: str, what: str):
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            yield (field, index, "id"), f"another {what} of this entry already has the id {item.id!r}"
        seen.add(item.id)


def _find_cycle(requires: dict[str, list[str]]) -> list[str] | None:
    """A cycle in the prerequisite graph, as a list of nodes, or None."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in requires.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in requires:
        if node not in state and (found := visit(node)):
            return found
    return None
