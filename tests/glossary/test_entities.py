"""Escaping done once: no reader sees a character reference such as ``&#39;`` in text or in a decoded attribute."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import build_site
from support.payloads import PUNCTUATION, payload_project

# What a reader would see if something were escaped twice: "&#39;", "&amp;", "&quot;", "&#x27;"...
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
# Where an entity may be the page's own subject: code shows source as written.
LITERAL = frozenset({"code", "pre", "script", "style", "kbd", "samp"})


def visible_entities(site: Path) -> list[tuple[str, str, str]]:
    """``(page, where, excerpt)`` for every entity left in the text or attribute values the browser decodes."""
    found, pages = [], sorted(site.rglob("*.html"))
    assert len(pages) > 10, "no site to check"
    for path in pages:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        page = str(path.relative_to(site))
        for node in tree.root.traverse(include_text=True):
            if node.tag == "-text":
                parent = node.parent
                if parent is not None and (parent.tag in LITERAL or any(a.tag in LITERAL for a in _ancestors(parent))):
                    continue
                for hit in ENTITY.finditer(node.text_content or ""):
                    found.append((page, "text", node.text_content[max(0, hit.start() - 30) : hit.end()]))
            else:
                for name, value in (node.attributes or {}).items():
                    if value and ENTITY.search(value):
                        found.append((page, f"{node.tag}[{name}]", value[:80]))
    return found


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def test_the_shipped_site_shows_no_character_reference(shipped_site):
    assert visible_entities(shipped_site) == []


@pytest.fixture(scope="module")
def punctuation_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("punctuation")
    project = payload_project(root / "project", suffix=PUNCTUATION)
    result = build_site(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_entries_full_of_apostrophes_ampersands_quotes_and_brackets_read_as_written(punctuation_site):
    assert visible_entities(punctuation_site) == []
    # and the text really is there, decoded once: a test that found no entity because nothing was shown would be worthless
    glossary = LexborHTMLParser((punctuation_site / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert "Ann's \"R&D\" <notes> & O'Brien's" in glossary.body.text()
