#!/usr/bin/env python3
"""Build-time benchmark: Crosswalk against plain MkDocs + Material on the same text.

usage: python bench/build.py [--sizes 1000 5000] [--large] [--runs 3] [--floor] [--out bench/out]

For each size it generates a synthetic knowledge base (bench/generate.py), then builds
  * Crosswalk: the shipped plugin set over the knowledge base, and
  * the baseline: plain MkDocs + Material with one hand-made Markdown page per entry holding
    the same text, entries out of the nav,
each `--runs` times in a fresh process, alternating the two so machine noise hits both alike.
It prints wall time (median), peak memory, site bytes per entry and the Crosswalk/baseline
ratio; Crosswalk's own share of the build (time inside its plugin events); the time of an
`mkdocs serve` rebuild after editing one term; and saves a cProfile of the largest build.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import write_knowledge_base  # noqa: E402

REPO = HERE.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# --floor: the same site with every optional generated page, the pictures and term autolinking
# off, to show how much of Crosswalk's time the page count and autolinking explain.
FLOOR_OPTIONS = {
    "crosswalk-glossary": {"sheets": False, "autolink": False},
    "crosswalk-comparisons": {"stage_pages": False, "diagrams": False, "role_pairs": False},
    "crosswalk-practice": {"kits": False},
}
BASELINE_FORMAT = "2"  # 2: links between entry pages resolve (1 pointed one folder too high)
CROSSWALK_PLUGINS = ["crosswalk", "crosswalk-glossary", "crosswalk-comparisons", "crosswalk-practice", "crosswalk-search", "tags"]

# Runs one build in this fresh process; reports wall time, peak memory and time inside Crosswalk's plugin events.
RUNNER = r"""
import json, logging, resource, sys, time, functools
from mkdocs_crosswalk.engine import ENGINE, BasePlugin, build, load_config  # CROSSWALK_ENGINE picks it
own = [0.0]
def timed(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        start = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            own[0] += time.perf_counter() - start
    return wrapper
def instrument():
    import mkdocs_crosswalk.plugins as pkg, pkgutil, importlib
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BasePlugin) and obj.__module__ == module.__name__:
                for name in [n for n in vars(obj) if n.startswith("on_")]:
                    setattr(obj, name, timed(getattr(obj, name)))
if sys.argv[2] != "baseline":
    instrument()
class Warnings(logging.Handler):  # a build that warns (a broken link, say) is not a fair measurement
    seen = []
    def emit(self, record):
        self.seen.append(record.getMessage())
for name in {"mkdocs", ENGINE}:  # Crosswalk logs as mkdocs.*, ProperDocs itself as properdocs.*
    logging.getLogger(name).addHandler(Warnings(logging.WARNING))
profile = sys.argv[3] if len(sys.argv) > 3 else None
start = time.perf_counter()
config = load_config(sys.argv[1])
if profile:
    import cProfile
    cProfile.run("build(config)", profile)
else:
    build(config)
wall = time.perf_counter() - start
peak = {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
print(json.dumps({"wall": wall, "own": own[0], "warnings": Warnings.seen[:5], **peak}))
"""


def crosswalk_project(root: Path, n: int) -> Path:
    project = root / "crosswalk"
    if not (project / "kb").exists():
        write_knowledge_base(n, project / "kb")
    (project / "docs").mkdir(exist_ok=True)
    available = set(_installed_plugins())
    plugins = [p for p in CROSSWALK_PLUGINS if p in available]
    config = {
        "site_name": f"Crosswalk {n}",
        "theme": {"name": "material", "font": False},
        "plugins": plugins + (["search"] if "crosswalk-search" not in plugins else []),
        "nav": [{"Home": "index.md"}, {"Glossary": "glossary/index.md"}, {"Cases": "cases/index.md"}],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    floor = {**config, "plugins": [{p: FLOOR_OPTIONS[p]} if p in FLOOR_OPTIONS else p for p in config["plugins"]]}
    (project / "floor.yml").write_text(yaml.safe_dump(floor, sort_keys=False))
    return project


def baseline_project(root: Path, crosswalk: Path) -> Path:
    """One page per entry with the same text: title, summary, body and every Markdown field."""
    project = root / "baseline"
    stamp = project / ".format"
    if not stamp.exists() or stamp.read_text() != BASELINE_FORMAT:  # pages from an older generator are rewritten
        shutil.rmtree(project / "docs", ignore_errors=True)
        sys.path.insert(0, str(REPO / "plugins"))
        from mkdocs_crosswalk.core import load_knowledge_base
        from mkdocs_crosswalk.core.references import markdown_texts, replace_wikilinks

        kb = load_knowledge_base(crosswalk / "kb")
        docs = project / "docs"
        for entry in kb.entries.values():
            texts = [t.text for t in markdown_texts(entry)]
            text = f"# {entry.title}\n\n{entry.summary}\n\n" + "\n\n".join(texts)
            text = replace_wikilinks(text, lambda link: f"[{link.text or kb[link.target].title}](../{kb[link.target].SECTION}/{link.target}.md)")
            path = docs / entry.SECTION / f"{entry.id}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        (docs / "index.md").write_text("# Baseline\n")
        config = {
            "site_name": "Baseline",
            "theme": {"name": "material", "font": False},
            "plugins": ["search"],
            "nav": [{"Home": "index.md"}],
            "not_in_nav": "/*/",
        }
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
        stamp.write_text(BASELINE_FORMAT)
    return project


def _installed_plugins():
    from importlib.metadata import entry_points

    for ep in entry_points(group="mkdocs.plugins"):
        try:
            ep.load()
        except Exception:
            continue
        yield ep.name
        if ep.name.startswith("material/"):  # MkDocs finds the theme's plugins by their short names too
            yield ep.name.removeprefix("material/")


def run_build(project: Path, kind: str, profile: Path | None = None) -> dict:
    config = project / ("floor.yml" if kind == "floor" else "mkdocs.yml")
    args = [sys.executable, "-c", RUNNER, str(config), kind] + ([str(profile)] if profile else [])
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err, text=True, env=ENV, cwd=project)
        pss_peak = 0.0
        while proc.poll() is None:  # memory of the build and its forked workers together, sampled from outside
            pss_peak = max(pss_peak, sum(_pss_mb(pid) for pid in _process_tree(proc.pid)))
            time.sleep(0.25)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"{kind} build failed:\n{stderr[-3000:]}")
    stats = json.loads(stdout.strip().splitlines()[-1])
    if stats["warnings"]:
        raise SystemExit(f"{kind} build logged warnings, so its time is not comparable:\n" + "\n".join(stats["warnings"]))
    stats["pss_mb"] = pss_peak
    _wait_for_retired_sites(project)
    site = project / "site"
    stats["bytes"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return stats


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):  # the task ended while we looked
                queue += [int(child) for child in task.read_text().split()]
    return found


def _pss_mb(pid: int) -> float:
    """Proportional set size: memory a process shares with its fork parent counts once, split between them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _wait_for_retired_sites(project: Path, timeout: float = 120) -> None:
    """Crosswalk deletes the site it replaced in the background after the build; wait for that, so
    the next build of either kind does not share the machine with it (the deletion is not timed)."""
    from mkdocs_crosswalk.plugins.staging import retired_sites

    deadline = time.monotonic() + timeout
    while retired_sites(project / "site") and time.monotonic() < deadline:
        time.sleep(0.2)


def serve_rebuild_seconds(project: Path) -> float:
    """Start `mkdocs serve`, edit one term, and read the rebuild time MkDocs reports."""
    port = 8700 + os.getpid() % 200
    proc = subprocess.Popen(
        [sys.executable, "-m", os.environ.get("CROSSWALK_ENGINE") or "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=ENV,
    )
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    try:
        times = []
        term = next((project / "kb" / "glossary").glob("*.md"))
        deadline = time.monotonic() + 900
        for line in proc.stderr:
            match = built.search(line)
            if match:
                times.append(float(match.group(1)))
                if len(times) == 1:
                    time.sleep(1)
                    term.write_text(term.read_text().replace("summary: ", "summary: Edited. ", 1))
                else:
                    return times[-1]
            if time.monotonic() > deadline:
                break
        raise SystemExit("serve did not rebuild")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--large", action="store_true", help="also build 10,000 entries")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild timing")
    parser.add_argument("--floor", action="store_true", help="also build Crosswalk with optional pages and autolinking off")
    args = parser.parse_args()
    sizes = args.sizes + ([10000] if args.large else [])
    rows = []
    for n in sizes:
        root = args.out / f"kb-{n}"
        crosswalk = crosswalk_project(root, n)
        baseline = baseline_project(root, crosswalk)
        kinds = [("crosswalk", crosswalk), ("baseline", baseline)] + ([("floor", crosswalk)] if args.floor else [])
        runs = {kind: [] for kind, _ in kinds}
        for _ in range(args.runs):
            for kind, project in kinds:
                runs[kind].append(run_build(project, kind))
                print(f"  {n:>6} {kind:<9} {runs[kind][-1]['wall']:6.1f} s", file=sys.stderr)
        row = {"n": n}
        for kind, results in runs.items():
            row[kind] = {
                "wall": statistics.median(r["wall"] for r in results),
                "peak_mb": max(r["peak_mb"] for r in results),
                "worker_mb": max(r["worker_mb"] for r in results),  # forked render workers (the largest one)
                "pss_mb": max(r["pss_mb"] for r in results),  # all processes of the build together
                "bytes_per_entry": results[-1]["bytes"] / n,
                "own": statistics.median(r["own"] for r in results),
            }
        row["ratio"] = row["crosswalk"]["wall"] / row["baseline"]["wall"]
        row["own_share"] = row["crosswalk"]["own"] / row["crosswalk"]["wall"]
        rows.append(row)
    largest = max(sizes)
    profile = args.out / f"profile-{largest}.prof"
    run_build(crosswalk_project(args.out / f"kb-{largest}", largest), "crosswalk", profile)
    rebuild = None if args.no_serve else serve_rebuild_seconds(crosswalk_project(args.out / f"kb-{sizes[0]}", sizes[0]))
    report(rows, rebuild, sizes[0], profile)


def report(rows: list[dict], rebuild: float | None, rebuild_n: int, profile: Path) -> None:
    print(
        "| entries | Crosswalk build (median) | baseline build (median) | ratio | Crosswalk own share | peak memory, all processes (Crosswalk / baseline) | Crosswalk main process + largest worker | site bytes per entry (Crosswalk / baseline) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        c, b = r["crosswalk"], r["baseline"]
        print(
            f"| {r['n']:,} | {c['wall']:.1f} s | {b['wall']:.1f} s | {r['ratio']:.2f} | {r['own_share']:.0%} "
            f"| {c['pss_mb']:.0f} MB / {b['pss_mb']:.0f} MB | {c['peak_mb']:.0f} MB + {c['worker_mb']:.0f} MB | {c['bytes_per_entry'] / 1024:.1f} KB / {b['bytes_per_entry'] / 1024:.1f} KB |"
        )
    if "floor" in rows[0]:
        print("\nCrosswalk with optional generated pages, pictures and term autolinking off (`--floor`):\n")
        print("| entries | build (median) | ratio to baseline | own share |")
        print("| ---: | ---: | ---: | ---: |")
        for r in rows:
            f = r["floor"]
            print(f"| {r['n']:,} | {f['wall']:.1f} s | {f['wall'] / r['baseline']['wall']:.2f} | {f['own'] / f['wall']:.0%} |")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        scale = last["n"] / first["n"]
        print(
            f"\nGrowth {first['n']:,} -> {last['n']:,} entries (x{scale:g}): time x{last['crosswalk']['wall'] / first['crosswalk']['wall']:.2f}, "
            f"site bytes x{last['crosswalk']['bytes_per_entry'] * last['n'] / (first['crosswalk']['bytes_per_entry'] * first['n']):.2f}"
        )
    if rebuild is not None:
        print(f"`mkdocs serve` rebuild after editing one term at {rebuild_n:,} entries: {rebuild:.1f} s")
    print(f"Profile of the {rows[-1]['n']:,}-entry build: {profile}")


if __name__ == "__main__":
    main()
