"""Crosswalk's core: content models, loading, validation and the reference graph.

Nothing here imports MkDocs: the core is plain functions over plain data, so it
can be tested directly and can outlive any one site generator.
"""

from .knowledge_base import KnowledgeBase
from .loader import ParseCache, load_knowledge_base, parse_entry
from .models import KINDS, Entry
from .problems import ContentError, Problem

__all__ = ["KINDS", "ContentError", "Entry", "KnowledgeBase", "ParseCache", "Problem", "load_knowledge_base", "parse_entry"]
