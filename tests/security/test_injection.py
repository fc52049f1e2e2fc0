"""Nothing injected: front-matter text is shown as text everywhere, never run as markup."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from selectolax.lexbor import LexborHTMLParser

from mkdocs_crosswalk.core.search import INDEX_FILES
from support import build_site
from support.payloads import MARKDOWN_PAYLOAD, PAYLOAD, payload_project

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("payloads")
    project = payload_project(root / "project")
    result = build_site(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, LexborHTMLParser(path.read_text(encoding="utf-8"))


def test_no_payload_becomes_an_element_or_an_event_handler(payload_site):
    checked = 0
    for path, tree in _pages(payload_site):
        for node in tree.root.traverse():
            for name in node.attributes or {}:
                assert not name.lower().startswith("on"), f"{path}: <{node.tag} {name}=...>"
            if node.tag == "script":
                assert "xss-" not in (node.text() or ""), f"{path}: a planted script runs"
            if node.tag == "img":
                assert node.attributes.get("src") != "x", f"{path}: a planted <img> was created"
        checked += 1
    assert checked > 10


def test_no_link_target_runs_script(payload_site):
    for path, tree in _pages(payload_site):
        for node in tree.root.traverse():
            for name in URL_ATTRIBUTES:
                value = (node.attributes or {}).get(name)
                if value:
                    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
                    assert not cleaned.startswith(("javascript:", "vbscript:")), f"{path}: {name}={value!r}"


def test_payloads_are_shown_as_text(payload_site):
    """Escaping must not lose the text: the planted title reads back exactly."""
    tree = LexborHTMLParser((payload_site / "glossary" / "raci" / "index.html").read_text())
    assert tree.css_first(".cw-entry h1").text() == "RACI " + PAYLOAD + MARKDOWN_PAYLOAD
    assert tree.css_first("title").text().startswith("RACI <script>alert('xss-1')</script>")


def test_inline_svg_stays_well_formed(payload_site):
    checked = set()
    for _, tree in _pages(payload_site):
        for svg in tree.css("svg"):
            ElementTree.fromstring(svg.html)  # a planted </svg> would leave broken XML behind
            checked.add(svg.attributes.get("class"))
    assert "cw-pic-curve" in checked  # the journey's feeling line, drawn next to planted labels, was among them


def test_exports_are_valid_json(payload_site):
    exports = {path.relative_to(payload_site).as_posix(): path for path in payload_site.rglob("*.json")}
    search = [INDEX_FILES["names"], INDEX_FILES["text"], INDEX_FILES["shard"].format(0), INDEX_FILES["snippets"].format(0)]
    expected = {"glossary.json", "assets/crosswalk/cases.json", *search}
    assert expected <= set(exports), f"missing: {expected - set(exports)}"
    for name, path in exports.items():
        data = json.loads(path.read_text(encoding="utf-8"))
        if name == "glossary.json":  # the payload comes back as the text it was, not lost to escaping
            assert any(PAYLOAD in row["definition"] for row in data["terms"])


def test_tags_with_markup_are_rejected(tmp_path):
    from mkdocs_crosswalk.core import ContentError, load_knowledge_base

    (tmp_path / "t.md").write_text("---\nkind: term\ntitle: T\nsummary: S\ntags: ['<b>x</b>']\n---\n")
    with pytest.raises(ContentError) as caught:
        load_knowledge_base(tmp_path, display_root="kb")
    assert "kb/t.md:5: tags[0]: expected a tag of letters" in str(caught.value)


def test_picture_labels_hold_the_payload_as_text(payload_site):
    tree = LexborHTMLParser((payload_site / "comparisons" / "ux-vs-ml" / "index.html").read_text())
    picture = tree.css_first(".cw-diagram")
    assert PAYLOAD in picture.text()  # every label is text: the browser shows it, nothing runs
    assert not picture.css("script, img")


def test_cli_exports_hold_payloads_as_inert_text(tmp_path):
    import csv
    import io

    from click.testing import CliRunner

    from mkdocs_crosswalk.cli import main

    project = payload_project(tmp_path / "project")
    kb = str(project / "kb")
    markdown = CliRunner().invoke(main, ["export", "glossary", "--kb", kb, "--format", "md"]).output
    assert "<script" not in markdown and "<img" not in markdown  # escaped for Markdown viewers
    assert "](javascript:" not in markdown.replace("\\](", "")  # no live link syntax survives
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(main, ["export", "glossary", "--kb", kb, "--format", "csv"]).output)))
    assert rows and all(PAYLOAD in row["definition"] for row in rows)  # data, exactly as written
    data = json.loads(CliRunner().invoke(main, ["export", "glossary", "--kb", kb]).output)
    assert all(PAYLOAD in row["definition"] for row in data["terms"])
