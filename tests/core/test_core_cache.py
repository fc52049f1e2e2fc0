"""ParseCache: a rebuild re-parses only the files that changed, and reads only those whose size or time changed."""

from __future__ import annotations

import os
import time

import pytest

from mkdocs_crosswalk.core import ContentError, ParseCache, load_knowledge_base

from .conftest import front, write_entry


def _load(kb_dir, cache):
    return load_knowledge_base(kb_dir, display_root="kb", cache=cache)


def test_second_load_parses_nothing(mini_kb):
    cache = ParseCache()
    first = _load(mini_kb, cache)
    assert cache.parsed == 9
    second = _load(mini_kb, cache)
    assert cache.parsed == 9
    assert set(second.entries) == set(first.entries)


def test_editing_one_file_reparses_exactly_that_file(mini_kb):
    cache = ParseCache()
    _load(mini_kb, cache)
    raci = mini_kb / "raci.md"
    raci.write_text(raci.read_text().replace("title: RACI", "title: RACI matrix"))
    kb = _load(mini_kb, cache)
    assert cache.parsed == 10
    assert kb["raci"].title == "RACI matrix"  # the new content, not the cached entry
    assert kb["data-drift"].title == "Data drift"


def test_added_and_removed_files(mini_kb):
    cache = ParseCache()
    _load(mini_kb, cache)
    write_entry(mini_kb, "new-term.md", front("kind: term", "title: New", "summary: s"))
    kb = _load(mini_kb, cache)
    assert cache.parsed == 10 and "new-term" in kb
    (mini_kb / "new-term.md").unlink()
    kb = _load(mini_kb, cache)
    assert cache.parsed == 10 and "new-term" not in kb


def test_cached_problems_are_reported_again(mini_kb):
    """A broken file that did not change is not parsed again, but its problem is still reported."""
    cache = ParseCache()
    write_entry(mini_kb, "broken.md", front("kind: term", "title: Broken"))
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            _load(mini_kb, cache)
        assert [(p.path, p.line, p.field) for p in info.value.problems] == [("kb/broken.md", 1, "summary")]
    assert cache.parsed == 10


def test_fixing_a_broken_file_reparses_it(mini_kb):
    cache = ParseCache()
    broken = write_entry(mini_kb, "broken.md", front("kind: term", "title: Broken"))
    with pytest.raises(ContentError):
        _load(mini_kb, cache)
    broken.write_text(front("kind: term", "title: Broken", "summary: Fixed now."))
    kb = _load(mini_kb, cache)
    assert cache.parsed == 11
    assert kb["broken"].summary == "Fixed now."


def test_old_versions_of_an_edited_file_are_forgotten(mini_kb):
    cache = ParseCache()
    raci = mini_kb / "raci.md"
    original = raci.read_text()
    _load(mini_kb, cache)
    raci.write_text(original.replace("title: RACI", "title: RACI v2"))
    _load(mini_kb, cache)
    raci.write_text(original)
    _load(mini_kb, cache)
    # the original version was dropped when v2 replaced it, so going back parses it again
    assert cache.parsed == 11


def _age(folder, seconds=60):
    """Files written a while ago, as an author's unchanged files are when they save one of them."""
    then = time.time() - seconds
    for file in folder.rglob("*.md"):
        os.utime(file, (then, then))


def test_files_whose_size_and_time_did_not_change_are_not_read_again(mini_kb):
    cache = ParseCache()
    _age(mini_kb)
    _load(mini_kb, cache)
    assert cache.read == 9
    _load(mini_kb, cache)
    assert cache.read == 9
    raci = mini_kb / "raci.md"
    raci.write_text(raci.read_text().replace("title: RACI", "title: ICAR"))  # same size, new time
    kb = _load(mini_kb, cache)
    assert cache.read == 10 and kb["raci"].title == "ICAR"


def test_a_file_written_just_now_is_read_every_time(mini_kb):
    # Its next write may fall in the same tick of a coarse file-system clock, with the same size.
    cache = ParseCache()
    _age(mini_kb)
    raci = mini_kb / "raci.md"
    raci.write_text(raci.read_text().replace("title: RACI", "title: ICAR"))
    _load(mini_kb, cache)
    stat = raci.stat()
    raci.write_text(raci.read_text().replace("title: ICAR", "title: RACI"))
    os.utime(raci, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same size and time as before the write
    kb = _load(mini_kb, cache)
    assert kb["raci"].title == "RACI"
    assert cache.read == 10  # nine once, and this one again
