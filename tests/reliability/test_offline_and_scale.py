"""Nothing fetched, nothing slow to fail: offline builds and very large folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mkdocs_crosswalk.cli import main
from support import FIXTURES, copy_project


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root to open a network namespace")
def test_the_site_builds_with_the_network_off(tmp_path):
    """`unshare -n` runs the build in a network namespace with no interface up: any fetch would fail it."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    site = tmp_path / "site"
    probe = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", "import socket; socket.create_connection(('pypi.org', 443), timeout=3)"], capture_output=True
    )
    assert probe.returncode != 0  # the namespace really is offline
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "glossary" / "raci" / "index.html").is_file()


def test_ten_thousand_entries_in_one_folder_check_cleanly(tmp_path):
    for i in range(10_000):
        (tmp_path / f"t{i:05d}.md").write_text(
            f"---\nkind: term\ntitle: Term {i}\nsummary: Term number {i}.\nsee_also: [t{(i + 1) % 10_000:05d}]\n---\nSee [[t{(i + 7) % 10_000:05d}]].\n"
        )
    (tmp_path / "t04242.md").write_text("---\nkind: term\ntitle: Broken\nsummary: x\nsee_also: [nowhere]\n---\n")
    result = CliRunner().invoke(main, ["check", "--kb", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == f"{tmp_path}/t04242.md:5: see_also[0]: refers to 'nowhere', but no entry has that id"
    assert lines[-1] == "1 problem found in the knowledge base"
