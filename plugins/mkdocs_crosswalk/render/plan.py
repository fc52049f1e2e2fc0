"""Which pages the site generates: one per entry, plus catalogues and a home page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..core.kinds import BUILTIN_KINDS, KindRegistry
from ..core.knowledge_base import KnowledgeBase
from ..core.models import Entry


@dataclass(frozen=True)
class PagePlan:
    src_uri: str  # where the page pretends to live in docs/
    title: str
    template: str | tuple[str, ...]  # e.g. "crosswalk/entry/term.html"; of several, the first that exists
    entry_id: str | None = None  # set for entry pages
    kind: str | None = None  # the kind a catalogue lists
    tags: tuple[str, ...] = ()
    in_nav: bool = False  # catalogues are listed in mkdocs.yml's nav; entry pages never are
    # Extra template variables, for pages feature plugins add; read-only once the plan is made (what is
    # known only later goes through CrosswalkPlugin.register_context).
    context: Mapping = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "context", MappingProxyType(dict(self.context)))


def entry_src_uri(entry: Entry) -> str:
    return f"{entry.SECTION}/{entry.id}.md"


def catalogue_src_uri(kind: str, kinds: KindRegistry = BUILTIN_KINDS) -> str:
    return f"{kinds[kind].SECTION}/index.md"


def plan_pages(kb: KnowledgeBase, *, home: bool = True) -> list[PagePlan]:
    plans = []
    if home:
        plans.append(PagePlan("index.md", "Home", "crosswalk/home.html", in_nav=True))
    for kind in kb.kinds.in_catalogue_order():
        templates = (f"crosswalk/catalogue/{kind}.html", "crosswalk/catalogue/generic.html")
        plans.append(PagePlan(catalogue_src_uri(kind, kb.kinds), kb.kinds[kind].PLURAL, templates, kind=kind, in_nav=True))
    for entry in kb.entries.values():
        templates = (f"crosswalk/entry/{entry.kind}.html", "crosswalk/entry/generic.html")
        plans.append(PagePlan(entry_src_uri(entry), entry.title, templates, entry_id=entry.id, tags=tuple(entry.tags)))
    return plans
