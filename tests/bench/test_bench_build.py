"""The build benchmark compares like with like: a baseline without broken links, a floor without the optional features."""

from __future__ import annotations

import importlib.util
import re

from support import REPO

_spec = importlib.util.spec_from_file_location("bench_build", REPO / "bench" / "build.py")
bench_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_build)


def test_baseline_links_resolve_and_the_floor_leaves_optional_pages_out(tmp_path):
    crosswalk = bench_build.crosswalk_project(tmp_path, 120)
    baseline = bench_build.baseline_project(tmp_path, crosswalk)

    bench_build.run_build(baseline, "baseline")  # stops the benchmark if MkDocs warns, say of a broken link
    site = baseline / "site"
    targets = set()
    for page in site.glob("*/*/index.html"):
        for href in re.findall(r'href="\.\./\.\./([a-z]+/[a-z0-9-]+)/"', page.read_text()):
            targets.add(href)
    assert targets, "baseline pages link to each other, as the Crosswalk pages do"
    assert all((site / target / "index.html").is_file() for target in targets)

    bench_build.run_build(crosswalk, "floor")
    floor_pages = {p.relative_to(crosswalk / "site").as_posix() for p in (crosswalk / "site").rglob("index.html")}
    floor_case_path = next((crosswalk / "site" / "cases").glob("case-*/index.html")).relative_to(crosswalk / "site")
    floor_case = (crosswalk / "site" / floor_case_path).read_text()
    bench_build.run_build(crosswalk, "crosswalk")
    full_case = (crosswalk / "site" / floor_case_path).read_text()
    full_pages = {p.relative_to(crosswalk / "site").as_posix() for p in (crosswalk / "site").rglob("index.html")}

    assert any(p.startswith("glossary/sheets/") for p in full_pages)
    assert not any(p.startswith("glossary/sheets/") for p in floor_pages)
    assert len(floor_pages) < len(full_pages)
    assert 'class="cw-term"' in full_case and 'class="cw-term"' not in floor_case  # autolinking off
