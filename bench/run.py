#!/usr/bin/env python3
"""Run every benchmark under bench/ in turn (`./dev bench`); arguments go to each of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["build.py", "glossary.py", "search.py", "engines.py"]

if __name__ == "__main__":
    status = 0
    for name in BENCHMARKS:
        script = HERE / name
        if script.exists():
            print(f"== {name}", flush=True)
            status |= subprocess.call([sys.executable, str(script), *sys.argv[1:]])
    sys.exit(status)
