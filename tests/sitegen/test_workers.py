"""Rendering on several cores gives the same site, file for file, as rendering in one process."""

from __future__ import annotations

import filecmp
import os
import sys

import pytest
import yaml

from support import REPO, build_site

sys.path.insert(0, str(REPO / "bench"))
from generate import write_knowledge_base

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def _different_files(left, right) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [f"{left}/{name}" for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    for sub in comparison.common_dirs:
        found += _different_files(f"{left}/{sub}", f"{right}/{sub}")
    return found


def test_two_workers_build_the_same_site_as_one(tmp_path):
    write_knowledge_base(450, tmp_path / "kb")  # enough pages for two workers (200 each at least)
    (tmp_path / "docs").mkdir()
    sites = {}
    for workers in (1, 2):
        config = {
            "site_name": "Workers",
            "theme": {"name": "material", "font": False},
            "plugins": [{"crosswalk": {"workers": workers}}, "crosswalk-glossary", "crosswalk-comparisons", "crosswalk-practice", "crosswalk-search"],
        }
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
        sites[workers] = tmp_path / f"site-{workers}"
        result = build_site(tmp_path, sites[workers], "--verbose")
        assert result.returncode == 0, result.stderr
        assert f"generated pages in {workers} processes" in result.stderr
    pages = list(sites[2].rglob("index.html"))
    assert len(pages) > 400
    assert _different_files(sites[1], sites[2]) == []
