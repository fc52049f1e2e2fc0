"""Meeting sheets: which term lists exist, one per tag, domain and comparison stage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.knowledge_base import KnowledgeBase
from ..core.models import Term

SHEETS_DIR = "glossary/sheets"


@dataclass(frozen=True)
class Sheet:
    group: str  # "Tags", "Domains" or "Stages"
    slug: str
    title: str
    terms: tuple[Term, ...]

    @property
    def src_uri(self) -> str:
        return f"{SHEETS_DIR}/{self.slug}.md"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def meeting_sheets(kb: KnowledgeBase) -> list[Sheet]:
    sheets = []
    tags = sorted({tag for term in kb.terms for tag in term.tags}, key=str.casefold)
    for tag in tags:
        sheets.append(Sheet("Tags", f"tag-{_slug(tag)}", f"Terms tagged {tag}", tuple(t for t in kb.terms if tag in t.tags)))
    domains = sorted({d for term in kb.terms for d in term.domains})
    for domain in domains:
        sheets.append(
            Sheet(
                "Domains",
                f"domain-{domain}",
                f"{domain.upper() if len(domain) <= 2 else domain.capitalize()} terms",
                tuple(t for t in kb.terms if domain in t.domains),
            )
        )
    for comparison in kb.of_kind("comparison"):
        for stage in comparison.stages:
            if stage.terms:
                terms = tuple(sorted((kb[i] for i in stage.terms), key=lambda t: t.title.casefold()))
                sheets.append(Sheet("Stages", f"{comparison.id}--{stage.id}", f"{comparison.title}: {stage.title}", terms))
    return sheets
