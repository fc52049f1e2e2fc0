"""`./dev serve` rebuilds only what an edit touched: after every edit, rename, deletion, addition, broken
edit and fix, the served site must be the one a fresh full build of the same files makes, file for file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mkdocs_crosswalk.engine import MkDocsConfig, build, load_config
from support import FIXTURES, copy_project

SERVE_URL = "http://127.0.0.1:8000/"
# A fresh `serve` build in its own process, as `mkdocs serve` makes its first one.
FRESH = r"""
import sys
from mkdocs_crosswalk.engine import build, load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[3]
build(config, serve_url=sys.argv[3], dirty=False)
"""


class DirtyServe:
    """What `mkdocs serve --dirty` does on each change, without the web server: one process, one site folder."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site

    def build(self, *, first: bool = False, wait: bool = True) -> None:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=True)
        # In `serve` the search files are written after the build, by a process of their own (the edited
        # page is served first): the site is complete once it is done.
        if wait:
            config.plugins["crosswalk-search"].wait_for_index()


@pytest.fixture
def own_plugins():
    """MkDocs keeps plugins with on_startup for the whole process: this test's must not outlive it."""
    cache = MkDocsConfig.plugins.plugin_cache
    saved = dict(cache)
    cache.clear()
    yield
    cache.clear()
    cache.update(saved)


def site_files(site: Path) -> dict[str, bytes]:
    # sitemap.xml.gz holds its own compression time; sitemap.xml beside it is compared.
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.name != "sitemap.xml.gz"}


def assert_same_as_fresh(project: Path, served: Path, fresh: Path, step: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FRESH, str(project / "mkdocs.yml"), str(fresh), SERVE_URL],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    got, want = site_files(served), site_files(fresh)
    assert "search/crosswalk-names.json" in want, "the fresh build wrote no search index: nothing to compare"
    assert sorted(got.keys() - want.keys()) == [], f"after {step}: pages that should be gone"
    assert sorted(want.keys() - got.keys()) == [], f"after {step}: pages missing"
    differing = sorted(path for path in want if got[path] != want[path])
    assert differing == [], f"after {step}: these pages differ from a fresh build"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def written_since(site: Path, moment: float) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.stat().st_mtime > moment}


def test_every_edit_leaves_the_site_a_fresh_build_would_make(tmp_path, own_plugins, caplog):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    kb = project / "kb"
    served = tmp_path / "served"
    serve = DirtyServe(project, served)
    serve.build(first=True)
    fresh = iter(tmp_path / f"fresh-{n}" for n in range(20))

    # Prose: a term's summary and body, a comparison's cell, a case study's scenario that now mentions a term.
    before = time.time()
    time.sleep(0.05)  # file times have coarse steps on some file systems
    edit(kb / "raci.md", "so nobody assumes", "so that nobody on the team assumes")
    edit(kb / "raci.md", "summary: A chart that says", "summary: A chart saying")
    serve.build()
    rewritten = written_since(served, before)
    assert "glossary/raci/index.html" in rewritten
    assert "about/index.html" in rewritten  # it links [[raci]], whose definition card changed
    untouched = {"journeys/ml-journey/index.html", "rubrics/explain-tradeoff/index.html", "comparisons/ux-vs-ml/index.html"}
    assert untouched.isdisjoint(rewritten), "an edit rebuilt pages that do not show the entry"
    assert_same_as_fresh(project, served, next(fresh), "editing a term")

    edit(kb / "ux-vs-ml.md", "ml: Data exploration", "ml: Exploring the data")
    edit(kb / "ship-it.md", "Draw a [[raci]] first.", "Draw a [[raci]] first and watch for data drift.")
    serve.build(wait=False)  # the next edit comes before its search index is written: that one replaces it
    edit(kb / "ship-it.md", "watch for data drift.", "watch for data drift closely.")
    serve.build()
    assert_same_as_fresh(project, served, next(fresh), "editing a comparison and a case study")

    # Rename: a file moved to another folder (its edit link changes), a term's title.
    (kb / "terms").mkdir()
    (kb / "data-drift.md").rename(kb / "terms" / "data-drift.md")
    serve.build()
    assert_same_as_fresh(project, served, next(fresh), "moving a file")
    edit(kb / "terms" / "data-drift.md", "title: Data drift", "title: Input drift")
    serve.build()
    assert_same_as_fresh(project, served, next(fresh), "renaming a term")

    # Delete an entry nothing refers to, add a new one.
    (kb / "ml-journey.md").unlink()
    serve.build()
    assert not (served / "journeys" / "ml-journey").exists()
    assert_same_as_fresh(project, served, next(fresh), "deleting a journey")
    (kb / "model-card.md").write_text(
        "---\nkind: term\ntitle: Model card\nsummary: A short sheet on what a model is for and where it fails.\ndomains: [ml]\n---\nWrite one before a [[raci]] review.\n",
        encoding="utf-8",
    )
    (kb / "model.md").write_text("---\nkind: term\ntitle: Model\nsummary: What training makes from data.\ndomains: [ml]\n---\n", encoding="utf-8")
    serve.build()
    assert_same_as_fresh(project, served, next(fresh), "adding two terms")

    # "Model" is a common word: it links only where a related term is mentioned too, and its body says which are.
    edit(kb / "model.md", "domains: [ml]\n---\n", "domains: [ml]\n---\nTeams agree on a RACI before they ship one.\n")
    serve.build()
    assert_same_as_fresh(project, served, next(fresh), "relating a common-word term to another")

    # A broken edit fails the rebuild and leaves the last good site; the next good edit recovers.
    good = site_files(served)
    edit(kb / "raci.md", "domains: [product, ux]", "domains: [product, ux]\nlevle: 3")
    edit(kb / "ship-it.md", "watch for data drift closely.", "watch for model cards.")
    with pytest.raises(Exception, match="Aborted"):
        serve.build()
    assert "kb/raci.md:7: levle: unknown field" in caplog.text  # what `serve` prints
    assert site_files(served) == good
    edit(kb / "raci.md", "domains: [product, ux]\nlevle: 3", "domains: [product, ux]")
    serve.build()
    assert_same_as_fresh(project, served, next(fresh), "fixing the broken edit")
