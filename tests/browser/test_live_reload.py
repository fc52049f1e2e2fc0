"""`mkdocs serve` and `properdocs serve` watch the knowledge base: an edited entry shows in the open browser tab by itself,
also with `--dirty` (as `./dev serve` runs it), where Crosswalk rebuilds only the pages the edit touches."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from support import FIXTURES, copy_project
from support.browser import free_port


def _wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not come up")


@pytest.mark.parametrize("engine, options", [("mkdocs", []), ("properdocs", []), ("mkdocs", ["--dirty"]), ("properdocs", ["--dirty"])])
def test_editing_an_entry_reloads_the_open_page(tmp_path, browser_page, engine, options):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", engine, "serve", *options, "--dev-addr", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/glossary/raci/"
        _wait_for(url)
        browser_page.goto(url)
        summary = browser_page.locator(".cw-definition .cw-summary")
        assert summary.inner_text().startswith("A chart that says")
        # The page is not reloaded by the test: only the live-reload script can bring the change in.
        browser_page.evaluate("window.__before_reload = true")
        entry = project / "kb" / "raci.md"
        entry.write_text(entry.read_text().replace("A chart that says", "A grid that shows"))
        browser_page.wait_for_function("!window.__before_reload", timeout=45_000)
        browser_page.wait_for_selector("text=A grid that shows", timeout=15_000)
        # A page that links the term shows the new definition in its card (a page the edit did not touch itself).
        browser_page.goto(f"http://127.0.0.1:{port}/cases/ship-it/")
        assert "A grid that shows" in browser_page.locator('[data-cw-id="raci"] + .cw-term__tip').first.text_content()
    finally:
        server.terminate()
        server.wait(timeout=20)
