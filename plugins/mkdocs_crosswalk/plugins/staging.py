"""Build into a staging folder and swap it in only on success: a failed build never eats the last good site."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.crosswalk")


class StagedSiteDir:
    """Owns the switch between the site folder MkDocs writes to and the one readers see."""

    def __init__(self, site_dir: str):
        self.target = Path(site_dir).resolve()
        # A sibling, so the final rename stays on one file system and is near-instant.
        self.staging = self.target.with_name(f".{self.target.name}.crosswalk-staging")

    def begin(self) -> str:
        shutil.rmtree(self.staging, ignore_errors=True)  # left over from a build that was killed
        return str(self.staging)

    def commit(self) -> str:
        """Put the finished build in place of the old site; return the real site folder."""
        retired = self.target.with_name(f".{self.target.name}.crosswalk-old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.target.exists():
            self.target.rename(retired)
        self.staging.rename(self.target)
        shutil.rmtree(retired, ignore_errors=True)
        return str(self.target)

    def abandon(self) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
            log.info("Build failed: the previous site in %s was left as it was", self.target)
