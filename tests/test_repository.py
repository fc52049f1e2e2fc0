"""What the repository promises a newcomer: two commands, CI running the same one, the schema in sync."""

from __future__ import annotations

import json
import re
import subprocess

from click.testing import CliRunner

from mkdocs_crosswalk.cli import main
from support import REPO


def test_readme_opens_with_the_serve_and_test_commands():
    readme = (REPO / "README.md").read_text()
    first_block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["./dev serve", "./dev test"]
    assert readme.index("```sh") < readme.index("\n## ")  # before any other section


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text()
    assert re.search(r"^exec \./dev test$", ci, re.MULTILINE)


def test_shipped_schema_matches_the_cli():
    printed = CliRunner().invoke(main, ["schema"]).output
    assert json.loads(printed) == json.loads((REPO / "schema" / "entry.schema.json").read_text())
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"]["./schema/entry.schema.json"] == ["kb/**/*.md"]


def test_shipped_text_is_written_in_our_own_words():
    checker = REPO.parent / "shared" / "tools" / "check-copy"
    result = subprocess.run([str(checker), "kb", "docs"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
