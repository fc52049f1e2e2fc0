"""Crosswalk: a knowledge-base site generator on MkDocs and Material.

What a site's own kind (``kinds:`` under the ``crosswalk`` plugin) builds on::

    from mkdocs_crosswalk import Entry, Markdown, MarkdownList, Part, Text, ref, refs
"""

from .core.models import Entry, Markdown, MarkdownList, Part, Text, ref, refs

__version__ = "0.1.0"
__all__ = ["Entry", "Markdown", "MarkdownList", "Part", "Text", "ref", "refs"]
