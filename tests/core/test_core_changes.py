"""prose_changes: which edits `serve --dirty` may rebuild in part (prose only) and which need a full rebuild."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core import ParseCache, load_knowledge_base
from mkdocs_crosswalk.core.changes import prose_changes


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def loads(mini_kb):
    cache = ParseCache()
    return lambda: load_knowledge_base(mini_kb, display_root="kb", cache=cache)


def test_nothing_changed_is_an_empty_incremental_build(loads):
    assert prose_changes(loads(), loads()) == {}


@pytest.mark.parametrize(
    "file, old, new, where",
    [
        ("raci.md", "so nobody assumes", "so nobody on the team assumes", ()),  # the body
        ("raci.md", "summary: A chart that says", "summary: A chart saying", ("summary",)),
        ("ux-vs-ml.md", "ml: Data exploration", "ml: Exploring data", ("stages", 0, "cells", "ml")),
    ],
)
def test_a_prose_edit_says_where_the_prose_changed(mini_kb, loads, file, old, new, where):
    before = loads()
    _edit(mini_kb / file, old, new)
    assert prose_changes(before, loads()) == {file.removesuffix(".md"): {where}}


@pytest.mark.parametrize(
    "file, old, new",
    [
        ("raci.md", "title: RACI", "title: RACI matrix"),  # titles show everywhere
        ("raci.md", "tags: [collaboration]", "tags: [collaboration, launch]"),
        ("raci.md", "see_also: [data-drift]", "see_also: []"),  # a reference field
        ("data-drift.md", "Watch for it after [[ship-it]].", "Watch for it."),  # a [[link]] in the body
    ],
)
def test_anything_but_prose_asks_for_a_full_rebuild(mini_kb, loads, file, old, new):
    before = loads()
    _edit(mini_kb / file, old, new)
    assert prose_changes(before, loads()) is None


def test_added_deleted_and_moved_entries_ask_for_a_full_rebuild(mini_kb, loads):
    before = loads()
    (mini_kb / "ml-journey.md").unlink()
    assert prose_changes(before, after_delete := loads()) is None
    (mini_kb / "zz").mkdir()
    (mini_kb / "raci.md").rename(mini_kb / "zz" / "raci.md")  # same entry, another place in the order of pages
    assert prose_changes(after_delete, loads()) is None
