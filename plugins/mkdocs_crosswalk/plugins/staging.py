"""Build into a staging folder and swap it in only on success: a failed build never eats the last good site."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.crosswalk")
_RETIRED_PREFIX = ".{}.crosswalk-old-"  # a replaced site, named beside the live one until it is deleted


def retired_sites(site_dir: str | Path) -> list[Path]:
    """Replaced sites next to ``site_dir`` that are still being deleted (or whose deletion was cut short)."""
    site = Path(site_dir)
    return list(site.parent.glob(_RETIRED_PREFIX.format(site.name) + "*"))


class StagedSiteDir:
    """Owns the switch between the site folder MkDocs writes to and the one readers see."""

    def __init__(self, site_dir: str):
        self.target = Path(site_dir).resolve()
        # A sibling, so the final rename stays on one file system and is near-instant.
        self.staging = self.target.with_name(f".{self.target.name}.crosswalk-staging")

    def begin(self) -> str:
        shutil.rmtree(self.staging, ignore_errors=True)  # left over from a build that was killed
        for retired in retired_sites(self.target):
            # the last build's removal may still be running, or was cut short: either way, not worth waiting for
            _remove_in_background(retired)
        return str(self.staging)

    def commit(self) -> str:
        """Put the finished build in place of the old site; return the real site folder."""
        retired = self.target.with_name(f"{_RETIRED_PREFIX.format(self.target.name)}{uuid.uuid4().hex[:12]}")
        if self.target.exists():
            self.target.rename(retired)
        self.staging.rename(self.target)
        if retired.exists():
            _remove_in_background(retired)
        return str(self.target)

    def abandon(self) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
            log.info("Build failed: the previous site in %s was left as it was", self.target)


def _remove_in_background(folder: Path) -> None:
    """Delete the retired site without making the build wait: thousands of files take seconds.

    A separate process, so it finishes even when MkDocs exits first; if it cannot start, delete here.
    """
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
