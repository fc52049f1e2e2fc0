"""Each part of the practice plugin can be switched off in mkdocs.yml, and then leaves no trace."""

from __future__ import annotations

import pytest
import yaml

from support import FIXTURES, build_site, copy_project
from support.html import content, exists


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory):
    """The mini fixture with progress, assignments and kits all switched off."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("practice-off") / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["plugins"] = [
        {"crosswalk-practice": {"progress": False, "assignments": False, "kits": False}} if p == "crosswalk-practice" else p
        for p in config["plugins"]
    ]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    site = project / "site"
    result = build_site(project, site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_default_mini_site_has_every_practice_control(mini_site):
    assert content(mini_site, "cases/ship-it/").css_first('input[data-cw-done="case:ship-it"]') is not None
    assert content(mini_site, "cases/").css_first('input[data-cw-pick="ship-it"]') is not None
    assert exists(mini_site, "cases/assignment/") and exists(mini_site, "skills/collaboration/kit/")


def test_switched_off_parts_leave_no_controls_pages_or_links(bare_site):
    for url in ("cases/ship-it/", "cases/", "paths/designer-path/", "skills/collaboration/"):
        page = content(bare_site, url)
        assert not page.css("[data-cw-done], [data-cw-progress], [data-cw-pick], [data-cw-builder]"), url
    assert not exists(bare_site, "cases/assignment/") and not (bare_site / "assets/crosswalk/cases.json").exists()
    assert not exists(bare_site, "skills/collaboration/kit/")
    for url in ("skills/collaboration/", "rubrics/", "rubrics/explain-tradeoff/"):
        assert not [a for a in content(bare_site, url).css("a[href]") if "kit/" in a.attributes["href"]], url
    assert content(bare_site, "cases/").css_first("[data-cw-finder]") is not None  # the finder stays
