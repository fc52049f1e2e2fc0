"""Which pages the site generates: one per entry, plus catalogues and a home page."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.knowledge_base import KnowledgeBase
from ..core.models import KINDS, Entry


@dataclass(frozen=True)
class PagePlan:
    src_uri: str  # where the page pretends to live in docs/
    title: str
    template: str  # e.g. "crosswalk/entry/term.html"
    entry_id: str | None = None  # set for entry pages
    kind: str | None = None  # the kind a catalogue lists
    tags: tuple[str, ...] = ()
    in_nav: bool = False  # catalogues are listed in mkdocs.yml's nav; entry pages never are
    context: dict = field(default_factory=dict)  # extra template variables, for pages feature plugins add


# Catalogue pages, in the order the navigation shows them.
CATALOGUES = ("path", "term", "case", "skill", "rubric", "role", "comparison", "journey")


def entry_src_uri(entry: Entry) -> str:
    return f"{entry.SECTION}/{entry.id}.md"


def catalogue_src_uri(kind: str) -> str:
    return f"{KINDS[kind].SECTION}/index.md"


def plan_pages(kb: KnowledgeBase, *, home: bool = True) -> list[PagePlan]:
    plans = []
    if home:
        plans.append(PagePlan("index.md", "Home", "crosswalk/home.html", in_nav=True))
    for kind in CATALOGUES:
        plans.append(PagePlan(catalogue_src_uri(kind), KINDS[kind].PLURAL, f"crosswalk/catalogue/{kind}.html", kind=kind, in_nav=True))
    for entry in kb.entries.values():
        plans.append(PagePlan(entry_src_uri(entry), entry.title, f"crosswalk/entry/{entry.kind}.html", entry_id=entry.id, tags=tuple(entry.tags)))
    return plans
