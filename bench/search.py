#!/usr/bin/env python3
"""Search benchmark: page load to first result, Crosswalk against Material's search, same site.

usage: python bench/search.py [--n 5000] [--loads 5] [--out bench/out]

Builds (or reuses) the synthetic knowledge base of bench/build.py at N entries: the Crosswalk
site with its own search, and the baseline (plain MkDocs + Material, one page per entry, the
same text) with Material's search. Serves each on 127.0.0.1 and, in headless Chromium with a
fresh profile for every load, measures the time from navigation start until the first result
for a glossary term is on screen, and the search bytes fetched by then. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from build import baseline_project, crosswalk_project, run_build  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from support.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402

# Records when the first search result appears, measured inside the page from navigation start.
OBSERVER = """
new MutationObserver((_, observer) => {
  if (document.querySelector('.md-search-result__item, #cw-search-results li')) {
    window.__firstResult = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true});
"""


def measure(browser, url: str, query: str) -> tuple[float, int]:
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]))
    page.add_init_script(OBSERVER)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("() => document.querySelector('.md-search__input, .cw-search-open')")
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function("() => window.__firstResult !== undefined", timeout=60_000)
    elapsed = page.evaluate("window.__firstResult")
    # Search's own files: Material's worker, lunr and search_index.json; our search.js and index shards.
    fetched = sum(size for request_url, size in sizes.items() if "search" in urlsplit(request_url).path)
    context.close()
    return elapsed, fetched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    root = args.out / f"kb-{args.n}"
    crosswalk = crosswalk_project(root, args.n)
    baseline = baseline_project(root, crosswalk)
    for project, kind in ((crosswalk, "crosswalk"), (baseline, "baseline")):
        run_build(project, kind)
    query = next((crosswalk / "kb" / "glossary").glob("*.md")).read_text().split("title: ", 1)[1].split("\n", 1)[0]
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, project in (("Material search", baseline), ("Crosswalk search", crosswalk)):
            with serve_directory(project / "site") as url:
                runs = [measure(browser, url, query) for _ in range(args.loads)]
            results[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
            print(f"  {name}: {[round(r[0]) for r in runs]} ms", file=sys.stderr)
        browser.close()
    material, ours = results["Material search"], results["Crosswalk search"]
    print(f"{args.n:,} entries, query {query!r}, median of {args.loads} fresh loads:")
    print("| search | page load to first result | search bytes fetched |")
    print("| --- | ---: | ---: |")
    for name, (ms, size) in results.items():
        print(f"| {name} | {ms:.0f} ms | {size / 1024:,.0f} KB |")
    print(f"\nCrosswalk takes {ours[0] / material[0]:.2f} of Material's time and fetches {ours[1] / material[1]:.2f} of its bytes.")


if __name__ == "__main__":
    main()
