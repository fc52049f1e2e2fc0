"""`crosswalk export glossary` and `crosswalk define`."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from mkdocs_crosswalk.cli import main
from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO

KB = str(REPO / "kb")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_json_export_round_trips_every_term():
    kb = load_knowledge_base(KB)
    data = json.loads(run("export", "glossary", "--kb", KB, "--site-url", "https://kb.example.org").output)
    rows = {row["id"]: row for row in data["terms"]}
    assert set(rows) == {t.id for t in kb.terms}
    for term in kb.terms:
        row = rows[term.id]
        assert (row["title"], row["aliases"], row["domains"], row["definition"]) == (term.title, term.aliases, term.domains, term.summary)
        assert row["url"] == f"https://kb.example.org/glossary/{term.id}/"


def test_csv_export_filters_by_domain_and_reads_back():
    kb = load_knowledge_base(KB)
    rows = list(csv.DictReader(io.StringIO(run("export", "glossary", "--kb", KB, "--format", "csv", "--domain", "ux").output)))
    assert {r["id"] for r in rows} == {t.id for t in kb.terms if "ux" in t.domains}
    assert all("ux" in r["domains"].split("; ") for r in rows)


def test_markdown_export_by_tag_is_a_table():
    kb = load_knowledge_base(KB)
    tag = kb["raci"].tags[0]
    lines = run("export", "glossary", "--kb", KB, "--format", "md", "--tag", tag).output.splitlines()
    assert lines[0] == "| Term | Also called | Definition |"
    assert len(lines) - 2 == sum(tag in t.tags for t in kb.terms)


def test_export_refuses_to_overwrite_unless_forced(tmp_path):
    target = tmp_path / "glossary.json"
    target.write_text("keep me")
    result = run("export", "glossary", "--kb", KB, "--output", str(target))
    assert result.exit_code == 1 and target.read_text() == "keep me"
    assert run("export", "glossary", "--kb", KB, "--output", str(target), "--force").exit_code == 0
    assert json.loads(target.read_text())["terms"]


def test_define_finds_a_term_by_title_or_alias():
    by_title = run("define", "RACI", "--kb", KB)
    by_alias = run("define", "responsibility assignment matrix", "--kb", KB)
    assert by_title.exit_code == by_alias.exit_code == 0
    assert by_title.output == by_alias.output
    assert load_knowledge_base(KB)["raci"].summary in by_title.output


def test_define_reads_a_name_however_it_is_spelt_as_search_does(tmp_path, monkeypatch):
    """ "ab test" finds A/B test in search; define answers it too (it said "No term or alias"), and says where the
    term's page is, under site_url when mkdocs.yml has one."""
    monkeypatch.chdir(tmp_path)
    result = run("define", "ab test", "--kb", KB)
    assert result.exit_code == 0 and result.output.startswith("A/B test (") and result.output.endswith("Page: glossary/ab-test/\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: KB\nsite_url: https://kb.example.org/team/\n")
    assert run("define", "ci cd", "--kb", KB).output.endswith("Page: https://kb.example.org/team/glossary/ci-cd/\n")
    assert run("define", "drifting", "--kb", KB).output.startswith("Drift (")  # another form of the name, as search finds it
    assert run("define", "retra", "--kb", KB).exit_code == 1  # the start of a name only suggests


def test_define_suggests_near_names():
    result = run("define", "racy", "--kb", KB)
    assert result.exit_code == 1
    assert "Did you mean: RACI" in result.output


def test_define_suggests_terms_whose_names_start_with_the_words_given():
    result = run("define", "responsibility", "--kb", KB)
    assert result.exit_code == 1
    assert "Did you mean: RACI" in result.output  # from its alias "responsibility assignment matrix"


def test_export_urls_follow_site_url_in_mkdocs_yml_else_stay_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = json.loads(run("export", "glossary", "--kb", KB).output)["terms"]
    assert next(r for r in rows if r["id"] == "raci")["url"] == "glossary/raci/"
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: https://kb.example.org/team\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    rows = json.loads(run("export", "glossary", "--kb", KB).output)["terms"]
    assert next(r for r in rows if r["id"] == "raci")["url"] == "https://kb.example.org/team/glossary/raci/"


def test_autolinks_lists_each_common_word_link_with_its_sentence(shipped_site):
    """`crosswalk autolinks` is how an author audits the senses the autolinker chose: each common-word term's
    links with the sentence around them, the linked words in brackets, a sentence repeated on generated pages once."""
    result = CliRunner().invoke(main, ["autolinks", "--kb", KB, "--site", str(shipped_site)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Accuracy  (accuracy; common word, linked on evidence): ")  # the most-linked one first
    assert "  comparisons/cloud-tooling/: Amazon SageMaker Model Monitor tracks [accuracy] and drift of deployed models." in lines
    assert not [line for line in lines if "Experiment run" in line]  # linked by its name only: not listed by default
    repeated = [line for line in lines if "[accuracy] and drift and plan retraining cycles" in line]
    assert len(repeated) == 1 and " more: " in repeated[0]  # the role pairs repeat it: one line
    assert not [line for line in lines if "&#" in line or "&amp;" in line or "share of a model's predictions" in line]  # no entity, no card text
    assert "autolink: never" in result.stderr  # how to fix a wrong sense


def test_autolinks_of_one_term_and_the_errors(shipped_site, tmp_path):
    one = CliRunner().invoke(main, ["autolinks", "--kb", KB, "--site", str(shipped_site), "--term", "experiment-run"])
    assert one.exit_code == 0 and one.stdout.startswith("Experiment run  (experiment-run; linked by name): ")
    assert "[training run]" in one.stdout and "[run]" not in one.stdout.lower()
    unknown = CliRunner().invoke(main, ["autolinks", "--kb", KB, "--site", str(shipped_site), "--term", "no-such-term"])
    assert unknown.exit_code == 2 and "no term with the id 'no-such-term'" in unknown.output
    unbuilt = CliRunner().invoke(main, ["autolinks", "--kb", KB, "--site", str(tmp_path)])
    assert unbuilt.exit_code == 1 and "no built site here" in unbuilt.output
