"""ProperDocs builds the shipped site from the repository as it is, with the same pages as MkDocs.

The one difference the two engines are known to make is the page's generator ``<meta>`` tag,
which names the engine; it is checked, then left out of the comparison. Anything else that
differs fails the test with the pages it was found on.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import ENGINE, REPO, build_site

GENERATOR = 'meta[name="generator"]'
SHIPPED_PAGES = 300  # the shipped knowledge base has well over this many pages; fewer means a build went wrong


def _run_properdocs(*args: str) -> subprocess.CompletedProcess:
    """The command a user runs from the repository: ``properdocs build --strict``, no ``-f``."""
    return subprocess.run(
        [sys.executable, "-m", "properdocs", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"},
        timeout=600,
    )


@pytest.fixture(scope="module")
def properdocs_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    return _run_properdocs("build", "--strict", "-d", str(site)), site


@pytest.fixture(scope="module")
def mkdocs_site(shipped_site, tmp_path_factory) -> Path:
    if ENGINE == "mkdocs":
        return shipped_site
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    result = build_site(REPO, site, "--strict", engine="mkdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_properdocs_builds_the_repository_strictly_without_notices(properdocs_build):
    result, site = properdocs_build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "should be renamed to 'properdocs.yml'" not in output  # properdocs.yml points it at mkdocs.yml
    assert "end of life" not in output  # Material's banner is printed only under the `mkdocs` command
    assert "WARNING" not in output
    assert (site / "glossary" / "index.html").is_file()


def test_properdocs_and_mkdocs_build_the_same_pages(properdocs_build, mkdocs_site):
    _, properdocs_site = properdocs_build
    files = _files(mkdocs_site)
    assert sum(name.endswith(".html") for name in files) > SHIPPED_PAGES
    assert _files(properdocs_site) == files, "the two engines wrote different sets of files"

    generators, differing = set(), []
    for name in sorted(files):
        ours, theirs = mkdocs_site / name, properdocs_site / name
        if name.endswith(".html"):
            (mine, mine_generator), (other, other_generator) = _without_generator(ours), _without_generator(theirs)
            generators.add((mine_generator, other_generator))
            same = mine == other
        elif name.endswith(".gz"):  # the gzip header holds a timestamp; the sitemap inside must match
            same = gzip.decompress(ours.read_bytes()) == gzip.decompress(theirs.read_bytes())
        else:
            same = ours.read_bytes() == theirs.read_bytes()
        if not same:
            differing.append(name)
    assert not differing, f"{len(differing)} files differ between MkDocs and ProperDocs: {differing[:10]}"

    # The one expected difference: each page names the engine that built it.
    assert len(generators) == 1, generators
    ((mkdocs_generator, properdocs_generator),) = generators
    assert mkdocs_generator.startswith("mkdocs-1.6"), mkdocs_generator
    assert "ProperDocs 1.6" in properdocs_generator, properdocs_generator


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _without_generator(path: Path) -> tuple[str, str]:
    """The page's HTML with its generator tag taken out, and what that tag said."""
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    tag = tree.css_first(GENERATOR)
    if tag is None:
        return tree.html, ""
    generator = tag.attributes.get("content") or ""
    tag.decompose()
    return tree.html, generator
