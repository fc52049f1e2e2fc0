"""A team's own kinds (tests/fixtures/custom_kind, the example in docs/guide/authoring.md), on every surface:
entry pages and a catalogue from the generic templates, a template of its own under custom_dir,
references and backlinks, search, `crosswalk new`, `check`, `schema` and `stats`; and the errors
for a kind that cannot be used, the same from `crosswalk check` as from the build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from mkdocs_crosswalk.cli import main
from support import FIXTURES, build_site

PROJECT = FIXTURES / "custom_kind"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("custom-kind") / "site"
    result = build_site(PROJECT, site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def cli(project: Path, *args: str, cwd: Path | None = None):
    """`crosswalk` run from the site's folder, as an author runs it next to mkdocs.yml."""
    import os

    before = Path.cwd()
    os.chdir(cwd or project)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_the_generic_entry_page_shows_every_field(site):
    doc = page(site, "decisions/flags-for-models")
    entry = doc.css_first(".cw-entry--decision")
    assert entry.css_first(".cw-kind").text() == "Decision record"
    meta = {node.css_first("strong").text(): node.text() for node in entry.css("p.cw-meta")}
    assert meta["Status:"].endswith("accepted") and meta["Decided:"].endswith("2026-03-02")
    assert [a.text() for a in doc.css(".cw-field--terms a.cw-ref--term")] == ["Feature flag"]
    assert doc.css_first(".cw-field--supersedes a").attributes["href"] == "../canary-by-hand/"
    context = doc.css_first(".cw-field--context")
    assert context.css_first("strong").text() == "all"  # Markdown, rendered
    assert context.css_first("a.cw-ref--playbook").attributes["href"] == "../../playbooks/rollback-a-model/"
    options = doc.css(".cw-field--options > ul > li")
    assert [o.css_first(".cw-fields__heading").text() for o in options] == ["Flags per model version", "Blue-green deployments"]
    assert [dt.text() for dt in options[0].css("dt")] == ["Pros", "Cons"]
    assert [li.text() for li in options[0].css("dd ul li")] == ["Turned off in seconds", "One more thing to clean up"]
    assert [li.text() for li in doc.css(".cw-field--consequences li")] == [
        "Each model release names its flag.",
        "Old flags are removed after a month.",
    ]
    headings = [h.attributes["id"] for h in entry.css("h2")]
    assert headings == ["context", "options", "consequences", "referenced-by"]
    assert entry.css("p")[-1].text().startswith("We chose flags because")  # the body follows the fields


def test_backlinks_between_custom_kinds_and_hand_written_pages(site):
    groups = {h.text(): [a.text() for a in h.next.next.css("a")] for h in page(site, "decisions/flags-for-models").css(".cw-referenced-by h3")}
    assert groups == {"Playbooks": ["Roll back a model"], "Pages": ["About"]}
    about = page(site, "about")
    assert about.css_first("article a.cw-ref--decision").attributes["href"] == "../decisions/flags-for-models/"
    old = {h.text() for h in page(site, "decisions/canary-by-hand").css(".cw-referenced-by h3")}
    assert old == {"Decision records"}
    term = {h.text() for h in page(site, "glossary/feature-flag").css(".cw-referenced-by h3")}
    assert term == {"Decision records"}


def test_a_template_of_its_own_under_custom_dir_wins(site):
    doc = page(site, "playbooks/rollback-a-model")
    assert doc.css_first(".our-trigger").text() == "When: Error rates or complaints rise after a model release."
    assert [li.text() for li in doc.css("ol.our-steps li")][1] == "Tell the support channel."
    assert doc.css_first(".cw-entry--playbook h2#trigger") is None  # not the generic template


def test_the_catalogue_lists_the_entries_and_the_home_page_links_it(site):
    doc = page(site, "decisions")
    assert doc.css_first(".cw-catalogue h1").text() == "Decision records"
    assert [a.text() for a in doc.css(".cw-catalogue .cw-list a")] == ["Canary releases by hand", "Ship new models behind feature flags"]
    home = {a.text(): a.attributes["href"] for a in page(site, "").css("#more + ul a")}
    assert home == {"Decision records": "decisions/", "Playbooks": "playbooks/"}


def test_search_indexes_the_custom_kinds_and_ranks_them_from_the_registry(site):
    names = json.loads((site / "search" / "crosswalk-names.json").read_text(encoding="utf-8"))["meta"]
    by_id = {row[0]: dict(zip(("id", "kind", "label", "title", "url"), row)) for row in names["docs"]}
    assert by_id["flags-for-models"]["label"] == "Decision record"
    assert by_id["flags-for-models"]["url"] == "decisions/flags-for-models/"
    assert by_id["rollback-a-model"]["kind"] == "playbook"
    kinds = names["kinds"]
    assert kinds[0] == "term" and kinds[-1] == "page" and {"decision", "playbook"} <= set(kinds)
    result = cli(PROJECT, "search", "flags", "--kind", "decision", "--site", str(site))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("Ship new models behind feature flags  [Decision record]")
    assert cli(PROJECT, "search", "flags", "--kind", "nonsense").exit_code != 0  # the registry says which kinds exist


def test_check_stats_and_schema_know_the_site_kinds():
    check = cli(PROJECT, "check")
    assert check.exit_code == 0, check.output
    assert "2 decisions" in check.stdout and "1 playbook" in check.stdout
    stats = cli(PROJECT, "stats")
    counts = dict(line.split() for line in stats.stdout.split("Unreferenced")[0].splitlines()[1:])
    assert (counts["decision"], counts["playbook"], counts["total"]) == ("2", "1", "4")
    assert "rollback-a-model (playbook)" not in stats.stdout.split("Due for review")[0]  # a decision links it
    schema = json.loads(cli(PROJECT, "schema").stdout)
    assert {"decision", "playbook"} <= set(schema["discriminator"]["mapping"])
    decision = next(d for d in schema["$defs"].values() if d.get("properties", {}).get("kind", {}).get("const") == "decision")
    assert decision["properties"]["status"]["enum"] == ["proposed", "accepted", "superseded"]
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((PROJECT / "kb").rglob("*.md")):  # what an editor would check as the author types
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]), default=str))
        assert not list(validator.iter_errors(data)), path
    assert list(validator.iter_errors({"kind": "decision", "title": "T", "summary": "s", "status": "maybe"}))


def test_new_writes_a_custom_kind_that_check_accepts(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(PROJECT, project)
    result = cli(project, "new", "decision", "Use lunr for search")
    assert result.exit_code == 0, result.output
    assert (project / "kb" / "decisions" / "use-lunr-for-search.md").is_file()
    check = cli(project, "check")
    assert check.exit_code == 0, check.output
    assert "3 decisions" in check.stdout


BAD_KINDS = {
    "cannot import": ("decision: nowhere:Decision", "cannot import 'nowhere:Decision': no file nowhere.py"),
    "not an entry model": ("decision: kinds:Option", "Option is not an entry model"),
    "reuses a built-in name": ("term: kinds:Decision", "'term' is already a kind built into Crosswalk"),
    "reuses a URL folder": ("decision: kinds:Glossary", "its URL folder 'glossary' is already used by the kind 'term'"),
    "raises while loading": ("decision: broken:Decision", "broken.py raised while loading (line 3): RuntimeError: no database here"),
}


@pytest.mark.parametrize("case", BAD_KINDS)
def test_a_kind_that_cannot_be_used_gets_one_clear_message_from_check_and_build(tmp_path, case):
    option, expected = BAD_KINDS[case]
    project = tmp_path / "site"
    shutil.copytree(PROJECT, project)
    (project / "kinds.py").write_text((PROJECT / "kinds.py").read_text() + '\n\nclass Glossary(Entry):\n    SECTION = "glossary"\n', encoding="utf-8")
    (project / "broken.py").write_text("from mkdocs_crosswalk import Entry\n\nraise RuntimeError('no database here')\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text()
    config = config.replace("        decision: kinds:Decision\n        playbook: kinds:Playbook\n", f"        {option}\n")
    (project / "mkdocs.yml").write_text(config)
    name = option.split(":")[0]
    message = f"mkdocs.yml: plugins > crosswalk > kinds > {name}: {expected}"

    check = cli(project, "check")
    assert check.exit_code == 1
    assert message in check.stderr and "Traceback" not in check.stderr

    built = build_site(project, tmp_path / "out")
    assert built.returncode != 0
    output = built.stdout + built.stderr
    assert message in output and "Traceback" not in output
