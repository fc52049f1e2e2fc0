#!/usr/bin/env python3
"""Build time under each engine: the same site built by MkDocs and by ProperDocs, taking turns.

usage: python bench/engines.py [--sizes 1000] [--runs 5] [--out bench/out]

Builds the shipped knowledge base and a synthetic one of each size (bench/generate.py, the same
project bench/build.py builds) with `mkdocs build` and `properdocs build`, each run in a fresh
process, the engines alternating so machine noise hits both alike. Prints the median wall time
(process start to exit) per engine and the ProperDocs/MkDocs ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import ENV, REPO, crosswalk_project  # noqa: E402

ENGINES = ("mkdocs", "properdocs")


def build_seconds(engine: str, project: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", engine, "build", "-f", str(project / "mkdocs.yml"), "-d", os.path.join(out, "site")],
            cwd=project,
            capture_output=True,
            text=True,
            env=ENV,
        )
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{engine} build of {project} failed:\n{result.stderr[-3000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args, _ = parser.parse_known_args()  # `./dev bench` passes every benchmark the same arguments
    projects = [("shipped kb/", REPO)] + [(f"{n:,} entries", crosswalk_project(args.out / f"kb-{n}", n)) for n in args.sizes]
    print("| site | MkDocs build (median) | ProperDocs build (median) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for label, project in projects:
        times = {engine: [] for engine in ENGINES}
        for _ in range(args.runs):
            for engine in ENGINES:
                times[engine].append(build_seconds(engine, project))
                print(f"  {label:<16} {engine:<10} {times[engine][-1]:6.2f} s", file=sys.stderr)
        mkdocs, properdocs = (statistics.median(times[engine]) for engine in ENGINES)
        print(f"| {label} | {mkdocs:.2f} s | {properdocs:.2f} s | {properdocs / mkdocs:.2f} |", flush=True)


if __name__ == "__main__":
    main()
