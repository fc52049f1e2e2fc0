#!/usr/bin/env python3
"""Search benchmark: page load to the first exact-name and the first full-text result, bytes, keystrokes.

usage: python bench/search.py [--n 5000] [--loads 7] [--out bench/out] [--reuse]

Builds (or reuses) the synthetic knowledge base of bench/build.py at N entries: the Crosswalk site
(lunr indexes built at build time, lunr.js in the browser) and the baseline (plain MkDocs + Material,
one page per entry, the same text) with Material's search, which builds its lunr index in the browser.
Serves each on 127.0.0.1 and, in headless Chromium with a fresh profile for every load, measures from
navigation start:

- exact name: a glossary term's title pasted into the box, until that term is the top result;
- full text: two words that are in no title, from a case study's scenario, until the first result
  found in the text (Crosswalk: a section result; Material: any result);
- the search bytes fetched by then (Crosswalk: search.js, lunr.js and the index files whose response
  ended before that moment, from the page's resource timing), beside Material's search_index.json;
- typing: the first 30 characters of a case's scenario typed one key at a time once everything is
  loaded, each keystroke from the input event until the list shows names (the page's own answer) and
  until it shows the whole answer with the full text (the worker's).

Medians of --loads fresh loads each; the goals are issue #16's.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from build import baseline_project, crosswalk_project, run_build  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from support.browser import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402

GOALS = {"exact name": 250, "full text": 800, "keystroke": 50}  # ms; and bytes: a quarter of Material's index

# Marks when the query reaches the page (the harness's own round trips to the browser are in the time
# before it) and when the wanted result is first shown (results for a half-typed query do not count).
OBSERVER = """
document.addEventListener("input", () => { window.__typed = window.__typed || performance.now(); }, true);
new MutationObserver((_, observer) => {
  const want = window.__want;
  if (!want) return;
  const first = want.selector ? document.querySelector(want.selector) : null;
  if (first && (!want.text || first.textContent.toLowerCase().includes(want.text))) {
    window.__shown = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""
OURS_NAME = "#cw-search-results li:first-child"
OURS_TEXT = '#cw-search-results li[data-cw-match="text"]'
MATERIAL = ".md-search-result__item"
SEARCH_FILES = re.compile(r"/(search/|assets/crosswalk/(search|lunr)\.js)")

# Per keystroke: until the list is first redrawn (names, in the page) and until the worker's whole
# answer (names and full text) is shown.
TYPING = """async (query) => {
  const input = document.querySelector('input[role=combobox]'), list = document.getElementById('cw-search-results');
  const times = [];
  for (let i = 1; i <= query.length; i++) {
    let first = null;
    const done = new Promise(resolve => new MutationObserver((_, o) => {
      first = first || performance.now();
      if (list.dataset.cwComplete === 'true') { o.disconnect(); resolve(performance.now()); }
    }).observe(list, {childList: true, attributes: true}));
    const start = performance.now();
    input.value = query.slice(0, i);
    input.dispatchEvent(new Event('input'));
    const end = await done;
    times.push([first - start, end - start]);
  }
  return times;
}"""


def load_until(browser, url: str, query: str, want: dict) -> tuple[float, int, float]:
    context = browser.new_context()
    page = context.new_page()
    finished = []  # the page's and its worker's requests; sizes are asked for afterwards (each ask is a round trip)
    context.on("requestfinished", lambda request: finished.append(request))
    page.add_init_script(f"window.__want = {json.dumps(want)};" + OBSERVER)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("() => document.querySelector('.md-search__input, .cw-search-open')")
    page.keyboard.press("/")
    page.keyboard.insert_text(query)  # one input event, as pasted: the time is the site's alone
    page.wait_for_function("() => window.__shown !== undefined", timeout=120_000)
    shown_at = page.evaluate("performance.timeOrigin + window.__shown")  # epoch ms, as request timings are
    shown, typed = page.evaluate("[window.__shown, window.__typed]")
    fetched = sum(
        request.sizes()["responseBodySize"]
        for request in list(finished)
        if SEARCH_FILES.search(request.url) and request.timing["startTime"] + request.timing["responseEnd"] <= shown_at
    )
    context.close()
    return shown, fetched, typed


def page_ready(browser, url: str) -> float:
    """The same page load and wait as ``load_until``, with no search: the floor any search starts from
    (the page's own loading plus this harness's round trips to the browser)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("() => document.querySelector('.md-header')")
    elapsed = page.evaluate("performance.now()")
    context.close()
    return elapsed


def keystrokes(browser, url: str, query: str) -> list[float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.insert_text(query.split()[0])
    page.wait_for_function(
        "() => /result|Nothing/.test(document.querySelector('.cw-search__status')?.textContent)"
        " && !/loading/i.test(document.querySelector('.cw-search__status').textContent)",
        timeout=120_000,
    )  # every part is in
    times = page.evaluate(TYPING, query)
    context.close()
    return times


def queries(crosswalk: Path) -> tuple[str, str, str]:
    """A term's title; two adjacent words of a case's scenario that no title holds both of (every
    synthetic word is in some title); the scenario's first 30 characters."""
    names = json.loads((crosswalk / "site/search/crosswalk-names.json").read_text())
    titles = [set(re.findall(r"\w+", row[3].lower())) for row in names["meta"]["docs"]]
    term = next(row[3] for row in names["meta"]["docs"] if row[1] == "term")
    scenario = next((crosswalk / "kb/cases").glob("*.md")).read_text().split("scenario: ", 1)[1].split("\n", 1)[0]
    scenario_words = re.findall(r"[a-z]+", scenario.lower())
    pair = next(f"{a} {b}" for a, b in zip(scenario_words, scenario_words[1:]) if a != b and not any({a, b} <= t for t in titles))
    return term, pair, scenario[:30].lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--reuse", action="store_true", help="measure the sites built by an earlier run (they may be stale)")
    args = parser.parse_args()
    root = (args.out / f"kb-{args.n}").resolve()
    crosswalk = crosswalk_project(root, args.n)
    baseline = baseline_project(root, crosswalk)
    for project, kind in ((crosswalk, "crosswalk"), (baseline, "baseline")):
        if not args.reuse or not (project / "site" / "index.html").exists():
            run_build(project, kind)
    term, pair, phrase = queries(crosswalk)
    material_index = baseline / "site/search/search_index.json"
    rows = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve_directory(crosswalk / "site") as url:
            name = [load_until(browser, url, term, {"selector": OURS_NAME, "text": term.lower()}) for _ in range(args.loads)]
            text = [load_until(browser, url, pair, {"selector": OURS_TEXT}) for _ in range(args.loads)]
            typing = [t for _ in range(3) for t in keystrokes(browser, url, phrase)]
            floor = statistics.median(page_ready(browser, url) for _ in range(args.loads))
        with serve_directory(baseline / "site") as url:
            material = [load_until(browser, url, pair, {"selector": MATERIAL}) for _ in range(args.loads)]
        browser.close()
    for label, runs in (("Crosswalk, exact name", name), ("Crosswalk, full text", text), ("Material, full text", material)):
        print(f"  {label}: {[round(r[0]) for r in runs]} ms", file=sys.stderr)
        rows[label] = (
            statistics.median(r[0] for r in runs),
            statistics.median(r[1] for r in runs),
            statistics.median(r[2] if r[2] is not None else float("nan") for r in runs),
        )
    files = {p.name: (p.stat().st_size, len(gzip.compress(p.read_bytes(), 6))) for p in sorted((crosswalk / "site/search").glob("*.json"))}
    for folder in sorted(p for p in (crosswalk / "site/search").iterdir() if p.is_dir()):  # shards and passages: all of them, and the largest
        parts = [(p.stat().st_size, len(gzip.compress(p.read_bytes(), 6))) for p in folder.glob("*.json")]
        files[f"{folder.name}/ ({len(parts)} files)"] = (sum(r for r, _ in parts), sum(g for _, g in parts))
        files[f"{folder.name}/, the largest file"] = max(parts)
    files[material_index.name] = (material_index.stat().st_size, len(gzip.compress(material_index.read_bytes(), 6)))
    report(args, term, pair, phrase, rows, typing, files, floor)


def report(args, term, pair, phrase, rows, typing, files, floor) -> None:
    material_bytes = files["search_index.json"][0]
    print(f"{args.n:,} entries, median of {args.loads} fresh loads; exact name {term!r}, full text {pair!r}, typed {phrase!r}:\n")
    print("| measure | Crosswalk (lunr, built at build time) | Material (lunr, built in the browser) | goal |")
    print("| --- | ---: | ---: | --- |")
    name_ms, name_bytes, name_typed = rows["Crosswalk, exact name"]
    text_ms, text_bytes, text_typed = rows["Crosswalk, full text"]
    material_ms, _, material_typed = rows["Material, full text"]
    print(
        f"| page load to first exact-name result | {name_ms:,.0f} ms | {material_ms:,.0f} ms | at most {GOALS['exact name']} ms: {verdict(name_ms, GOALS['exact name'])} |"
    )
    print(
        f"| page load to first full-text result | {text_ms:,.0f} ms | {material_ms:,.0f} ms | at most {GOALS['full text']} ms: {verdict(text_ms, GOALS['full text'])} |"
    )
    print(
        f"| search bytes fetched before the first full-text result | {text_bytes / 1024:,.0f} KB | {material_bytes / 1024:,.0f} KB (search_index.json) "
        f"| at most {material_bytes / 4 / 1024:,.0f} KB: {verdict(text_bytes, material_bytes / 4, unit=' KB', scale=1024)} |"
    )
    print(f"| search bytes fetched before the first exact-name result | {name_bytes / 1024:,.0f} KB | | |")
    print(f"| the same page load with no search (the floor of both times above) | {floor:,.0f} ms | | |")
    print(
        f"| of which before the query reached the page (page load and the harness's round trips): exact name; full text | {name_typed:,.0f} ms; {text_typed:,.0f} ms | {material_typed:,.0f} ms | |"
    )
    first, whole = statistics.median(t[0] for t in typing), statistics.median(t[1] for t in typing)
    print(
        f"| typing to updated results, per keystroke: names shown (median; slowest) | {first:.1f} ms; {max(t[0] for t in typing):.0f} ms | | under {GOALS['keystroke']} ms: {verdict(first, GOALS['keystroke'])} |"
    )
    print(
        f"| typing to updated results, per keystroke: full text shown (median; slowest) | {whole:.1f} ms; {max(t[1] for t in typing):.0f} ms | | under {GOALS['keystroke']} ms: {verdict(whole, GOALS['keystroke'])} |"
    )
    print("\n| file | bytes | gzip -6 |")
    print("| --- | ---: | ---: |")
    for name, (raw, packed) in files.items():
        print(f"| {name} | {raw / 1024:,.0f} KB | {packed / 1024:,.0f} KB |")


def verdict(value: float, goal: float, unit: str = " ms", scale: float = 1) -> str:
    if value <= goal:
        return "met"
    return f"missed by {(value - goal) / scale:,.0f}{unit} ({value / goal:.1f} times the goal)"


if __name__ == "__main__":
    main()
