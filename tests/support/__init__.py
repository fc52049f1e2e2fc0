"""Helpers shared by every test folder: where things are, and building sites as authors do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
FIXTURES = REPO / "tests" / "fixtures"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The engine the tests build and serve with: `CROSSWALK_ENGINE=properdocs ./dev test` runs them all on ProperDocs.
ENGINE = os.environ.get("CROSSWALK_ENGINE") or "mkdocs"


def build_site(project: Path, site_dir: Path, *extra: str, engine: str = ENGINE) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` (or ``properdocs build``) as an author would, returning the finished process."""
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )


def copy_project(source: Path, target: Path) -> Path:
    """A writable copy of a site project (mkdocs.yml, kb/, docs/, overrides/)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "kb", "docs", "overrides"):
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.exists():
            shutil.copy(path, target / name)
    return target
