"""What `mkdocs serve --dirty` keeps from one good build to the next, so an edit to an entry's prose
rebuilds only the pages that show that entry (docs/performance.md, "Authors' loop", says why).

MkDocs' own `--dirty` rebuilds a page when its source file is newer than its output, which is
never right for pages made from the knowledge base: an entry is shown on many pages. The site
plugin therefore answers MkDocs' ``File.is_modified()`` itself, from what each page showed in the
last good build.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..core import KnowledgeBase

# MkDocs warns on every --dirty build that navigation may go stale; the site plugin keeps it true,
# and under `strict: true` the warning would fail every rebuild.
DIRTY_WARNING = "A 'dirty' build is being performed"
# What of an entry a page shows: a location of its prose (core/changes.py), or anything at all.
ANY = "*"
SUMMARY = ("summary",)  # with the title: what a link to the entry shows (a term's card)


def keep_serving(build: Callable[[], None]) -> Callable[[], None]:
    """The server's rebuild, such that a failed one leaves the last good site served. MkDocs' server holds every
    request until a rebuild succeeds ("the server will appear stuck"), so one broken save made the whole site hang in
    the browser. The error is in the terminal already (the build logs it, with the file, line and field); a failed
    rebuild has written nothing (Crosswalk stops at reading the knowledge base), and the next good save recovers."""

    def rebuild() -> None:
        try:
            build()
        except (Exception, SystemExit):  # MkDocs' own loop catches every error of a rebuild the same way
            logging.getLogger("mkdocs.plugins.crosswalk").error("The site goes on serving the last good build until the problems above are fixed.")

    return rebuild


class QuietDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class BuildMemory:
    """What the last good build of a `serve` session knew; a failed build leaves it as it was."""

    kb: KnowledgeBase
    stamp: tuple  # the configuration and the site's template overrides, as (path, mtime)
    docs: dict[str, float]  # hand-written pages: src_uri -> mtime of the source
    dests: set[str]  # every file the build wrote or kept in site_dir
    deps: dict[str, dict[str, set]]  # page URL -> entry id -> the parts of it the page showed (CrosswalkPlugin.depends_on)
    rendered: dict  # entry id -> (body HTML, field location -> HTML): CrosswalkPlugin._rendered
    field_links: dict
    linked_from: dict[str, set[str]]
    page_links: dict
    carried: dict[str, dict] = field(default_factory=dict)  # feature -> page URL -> what it noted of the page


def stamp_of(config_file: str | None, custom_dir: str | None) -> tuple:
    """Files whose change can alter every page: the configuration and a site's template overrides."""
    paths = [Path(config_file)] if config_file else []
    if custom_dir and Path(custom_dir).is_dir():
        paths += sorted(p for p in Path(custom_dir).rglob("*") if p.is_file())
    return tuple((str(p), os.path.getmtime(p)) for p in paths if p.exists())


def pages_showing(deps: dict[str, dict[str, set]], changed: dict[str, set[tuple]]) -> set[str]:
    """URLs of the pages that showed a changed part of an entry in the last good build."""
    return {
        url
        for url, shown in deps.items()
        if any(ANY in shown[entry_id] or not shown[entry_id].isdisjoint(changed[entry_id]) for entry_id in shown.keys() & changed.keys())
    }


def remove_stale(site_dir: str, before: set[str], now: set[str]) -> None:
    """Delete what the last build wrote and this one did not (a deleted or renamed entry's page)."""
    root = Path(site_dir)
    for path in map(Path, before - now):
        if path.is_relative_to(root) and path.is_file():
            path.unlink()
            for folder in path.parents:  # and the folders it leaves empty
                if folder == root or any(folder.iterdir()):
                    break
                folder.rmdir()


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per `serve` session rather than once per rebuild (each rebuild makes new
    Jinja environments; compiling the theme's and Crosswalk's took about a third of a rebuild). Jinja
    checks each template's source against what was compiled, so an edited template is compiled again."""

    def __init__(self):
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
