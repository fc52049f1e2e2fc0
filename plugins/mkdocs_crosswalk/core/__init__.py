"""Crosswalk's core: content models, loading, validation and the reference graph.

Nothing here imports MkDocs: the core is plain functions over plain data, so it
can be tested directly and can outlive any one site generator.
"""

from .kinds import BUILTIN_KINDS, KindError, KindRegistry
from .knowledge_base import KnowledgeBase
from .loader import ParseCache, load_knowledge_base, parse_entry
from .models import Entry
from .problems import ContentError, Problem
from .site_kinds import load_site_kinds

KINDS = BUILTIN_KINDS  # the built-in kinds; a site's own are in its KnowledgeBase.kinds

__all__ = [
    "BUILTIN_KINDS",
    "KINDS",
    "KindError",
    "KindRegistry",
    "ContentError",
    "Entry",
    "KnowledgeBase",
    "ParseCache",
    "Problem",
    "load_knowledge_base",
    "load_site_kinds",
    "parse_entry",
]
