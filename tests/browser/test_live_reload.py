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


def test_a_broken_edit_keeps_the_last_good_site_served_and_the_next_good_one_recovers(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )

    def page() -> str:
        with urllib.request.urlopen(url, timeout=5) as answer:  # MkDocs alone holds every request until a good build
            return answer.read().decode()

    try:
        url = f"http://127.0.0.1:{port}/glossary/raci/"
        _wait_for(url)
        entry = project / "kb" / "raci.md"
        good = entry.read_text()
        entry.write_text(good.replace("aliases: [", "aliases: [unclosed, ", 1).replace("]", "", 1))  # malformed YAML
        time.sleep(4)  # the rebuild fails
        assert "A chart that says" in page()  # the last good site, at once
        entry.write_text(good.replace("A chart that says", "A grid that shows"))
        deadline = time.monotonic() + 45
        while "A grid that shows" not in page():
            assert time.monotonic() < deadline, "the next good edit did not show"
            time.sleep(0.5)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "raci.md" in errors.decode() and "goes on serving the last good build" in errors.decode()
