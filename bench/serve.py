#!/usr/bin/env python3
"""Authors' loop: the time from saving an entry to seeing it in the browser under `mkdocs serve`.

usage: python bench/serve.py [--sizes 1000] [--edits 4] [--only shipped crosswalk baseline] [--no-full-baseline] [--out bench/out]

Starts each site with `./dev serve -f <its mkdocs.yml>` (so with the options `./dev serve` gives the
engine), waits for the first build, then edits one entry's body at a time: it appends a new
sentence to the file and polls the served page until the sentence is there. Sites, one server at a
time (the machine has two shared cores):
  * the shipped knowledge base (a copy of kb/, docs/, overrides/ and mkdocs.yml): a term, a case
    study and a comparison;
  * a synthetic knowledge base per size (bench/generate.py, as bench/build.py makes it): the same;
  * the baseline: plain MkDocs + Material over one plain page per entry (bench/build.py's), the
    term's page, with a full rebuild and with `mkdocs serve --dirty`.
Prints the median of `--edits` edits per row, the range, and the ratios to the baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "plugins"))
from build import baseline_project, crosswalk_project  # noqa: E402

EDITED_KINDS = ("term", "case", "comparison")
POLL = 0.02  # seconds between requests for the edited page
TIMEOUT = 180.0  # a rebuild slower than this is a failure, not a figure


def shipped_project(root: Path) -> Path:
    """A copy of the shipped site, so edits never touch the repository's own files."""
    project = root / "shipped"
    shutil.rmtree(project, ignore_errors=True)
    for name in ("kb", "docs", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def entries_to_edit(project: Path) -> dict[str, tuple[Path, str]]:
    """kind -> (source file, page URL) of the first entry of each edited kind, by id."""
    from mkdocs_crosswalk.core import load_knowledge_base
    from mkdocs_crosswalk.render.plan import entry_src_uri

    kb = load_knowledge_base(project / "kb")
    chosen = {}
    for kind in EDITED_KINDS:
        entry = min((e for e in kb.entries.values() if e.kind == kind), key=lambda e: e.id)
        chosen[kind] = (project / "kb" / entry.source.rel_path, entry_src_uri(entry).removesuffix(".md") + "/")
    return chosen


class Server:
    """`./dev serve` (or plain `mkdocs serve` for the baseline) on a free port, until stopped."""

    def __init__(self, config: Path, *, extra: list[str], plain: bool = False):
        self.port = _free_port()
        self.log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - the server writes to it until stop() closes it
        if plain:  # the baseline: MkDocs itself, as its users run it
            args = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{self.port}", *extra]
        else:
            args = [str(REPO / "dev"), "serve", "-f", str(config), *extra]
        env = {**os.environ, "CROSSWALK_ADDR": f"127.0.0.1:{self.port}", "NO_MKDOCS_2_WARNING": "1"}
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=config.parent, start_new_session=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def wait_until(self, path: str, text: str | None = None) -> float:
        """Seconds until the page at ``path`` answers (and holds ``text``)."""
        start = time.perf_counter()
        while time.perf_counter() - start < TIMEOUT:
            if self.proc.poll() is not None:
                raise SystemExit(f"the server stopped:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.url(path), timeout=5) as response:
                    if text is None or text in response.read().decode("utf-8", "replace"):
                        return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(POLL)
        raise SystemExit(f"{path} did not show {text!r} within {TIMEOUT:.0f} s:\n{self.output()[-3000:]}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)  # SIGINT is ignored by a server started in the background
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def time_edits(server: Server, source: Path, page: str, edits: int, label: str) -> list[float]:
    """Append a new sentence to ``source`` ``edits`` times; seconds until ``page`` shows each."""
    server.wait_until(page)
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        for n in range(edits):
            time.sleep(1.0)  # let the watcher settle after the previous build
            sentence = f"Benchmark sentence {label} {n} {time.time_ns()}."
            source.write_text(original.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
            times.append(server.wait_until(page, sentence))
            print(f"  {label} edit {n + 1}: {times[-1]:.2f} s", flush=True)
    finally:
        source.write_text(original, encoding="utf-8")
    return times


def run_site(config: Path, targets: dict[str, tuple[Path, str]], edits: int, name: str, *, extra=(), plain=False) -> dict[str, list[float]]:
    print(f"{name}: starting the server", flush=True)
    server = Server(config, extra=list(extra), plain=plain)
    try:
        first = server.wait_until("")
        print(f"  first build served after {first:.1f} s", flush=True)
        return {kind: time_edits(server, source, page, edits, f"{name} {kind}") for kind, (source, page) in targets.items()}
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--edits", type=int, default=4)
    parser.add_argument("--only", nargs="+", choices=["shipped", "crosswalk", "baseline"], default=["shipped", "crosswalk", "baseline"])
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--no-full-baseline", action="store_true", help="the baseline with --dirty only (a full rebuild of 5,000 pages takes long)")
    args = parser.parse_args()
    print("load average at the start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()), flush=True)
    rows: list[tuple[str, str, list[float]]] = []
    if "shipped" in args.only:
        project = shipped_project(args.out / "serve")
        for kind, times in run_site(project / "mkdocs.yml", entries_to_edit(project), args.edits, "shipped").items():
            rows.append(("shipped knowledge base", kind, times))
    for n in args.sizes:
        root = args.out / f"kb-{n}"
        crosswalk = crosswalk_project(root, n)
        if "crosswalk" in args.only:
            for kind, times in run_site(crosswalk / "mkdocs.yml", entries_to_edit(crosswalk), args.edits, f"crosswalk-{n}").items():
                rows.append((f"Crosswalk, {n:,} synthetic entries", kind, times))
        if "baseline" in args.only:
            baseline = baseline_project(root, crosswalk)
            source, page = entries_to_edit(crosswalk)["term"]
            plain = (baseline / "docs" / page.rstrip("/")).with_suffix(".md"), page
            modes = (("full rebuild", []), ("--dirty", ["--dirty"]))[1 if args.no_full_baseline else 0 :]
            for mode, extra in modes:
                times = run_site(baseline / "mkdocs.yml", {"term": plain}, args.edits, f"baseline-{n} {mode}", extra=extra, plain=True)["term"]
                rows.append((f"plain MkDocs + Material, {n:,} pages, {mode}", "term", times))
    report(rows)
    print("load average at the end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


def report(rows: list[tuple[str, str, list[float]]]) -> None:
    baselines = {site: statistics.median(times) for site, _, times in rows if site.startswith("plain")}
    full = next((t for s, t in baselines.items() if s.endswith("full rebuild")), None)
    dirty = next((t for s, t in baselines.items() if s.endswith("--dirty")), None)
    print("\n| site | edited entry | edit -> served (median) | range | vs baseline full | vs baseline --dirty |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for site, kind, times in rows:
        median = statistics.median(times)
        ratios = [f"{median / b:.2f}" if b else "" for b in (full, dirty)]
        print(f"| {site} | {kind} | {median:.2f} s | {min(times):.2f}-{max(times):.2f} s | {ratios[0]} | {ratios[1]} |")


if __name__ == "__main__":
    main()
