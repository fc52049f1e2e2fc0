"""The glossary in built sites: linked mentions with escaped definitions, usage, glossary.json."""

from __future__ import annotations

import json
import re

from selectolax.lexbor import LexborHTMLParser

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core.glossary import TermMatcher
from support import REPO, build_site
from support.html import content, resolve
from support.payloads import PAYLOAD, payload_project


def test_mentions_link_to_the_term_with_its_definition(mini_site):
    article = content(mini_site, "cases/ship-it/")
    term = article.css_first('.cw-term a[data-cw-id="data-drift"]')
    assert term is None  # not mentioned on this page
    about = content(mini_site, "glossary/data-drift/")
    own = about.css_first('.cw-term a[data-cw-id="data-drift"]')
    assert own is None  # never on the term's own page


def test_every_mentioned_term_is_linked_on_the_shipped_site(shipped_site):
    """Every term whose name appears in the prose of another page is linked there, with its definition."""
    kb = load_knowledge_base(REPO / "kb")
    matcher = TermMatcher.for_terms(kb.terms)
    checked = 0
    for path in shipped_site.rglob("index.html"):
        url = path.parent.relative_to(shipped_site).as_posix() + "/"
        url = "" if url == "./" else url
        if url in ("glossary/", "tags/", "404/"):
            continue
        article = LexborHTMLParser(path.read_text()).css_first("article.md-content__inner")
        if article is None:
            continue
        linked = {a.attributes["data-cw-id"] for a in article.css("a[data-cw-id]")}
        for p in article.css("p, li, td, dd"):
            if p.css_first("a, code, h1, h2, h3") or _opted_out(p):
                continue  # mixed content is judged by the pure-prose paragraphs; opted-out zones are left alone
            for _, _, term_id in matcher.find(p.text()):
                if url != f"glossary/{term_id}/":
                    assert term_id in linked, f"{url}: {term_id!r} is mentioned but not linked"
                    checked += 1
        for tip in article.css(".cw-term"):
            link, text = tip.css_first("a"), tip.css_first('[role="tooltip"]')
            assert link.attributes["aria-describedby"] == text.attributes["id"]
            assert text.text().endswith(kb[link.attributes["data-cw-id"]].summary)
    assert checked > 50


def _opted_out(node) -> bool:
    while node is not None:
        if "cw-no-autolink" in (node.attributes.get("class") or ""):
            return True
        node = node.parent
    return False


def test_tooltips_carry_the_escaped_definition(tmp_path):
    project = payload_project(tmp_path / "project")
    (project / "kb" / "model-card.md").write_text("---\nkind: term\ntitle: Model card\nsummary: " + json.dumps(PAYLOAD) + "\n---\n")
    (project / "docs" / "about.md").write_text("# About\n\nEvery model ships with a model card.\n")
    assert build_site(project, tmp_path / "site").returncode == 0
    html = (tmp_path / "site" / "about" / "index.html").read_text()
    tip = LexborHTMLParser(html).css_first(".cw-term [role=tooltip]")
    assert PAYLOAD in tip.text()  # shown as text...
    assert "<script>alert('xss-1')" not in html  # ...never as markup


def test_term_pages_say_where_they_are_used(shipped_site):
    usage = content(shipped_site, "glossary/raci/").css_first(".cw-usage")
    count = int(re.search(r"Used on (\d+) page", usage.text()).group(1))
    listed = [resolve("glossary/raci/", a.attributes["href"])[0] for a in usage.css("a")]
    assert count == len(listed) > 0
    for url in listed:
        assert content(shipped_site, url).css_first('a[data-cw-id="raci"]') is not None


def test_glossary_page_shows_usage_counts(shipped_site):
    counts = content(shipped_site, "glossary/").css(".cw-usage-count")
    assert len(counts) == len(load_knowledge_base(REPO / "kb").terms)
    assert any(int(c.attributes["data-cw-used"]) > 0 for c in counts)


def test_glossary_json_lists_every_term(shipped_site):
    kb = load_knowledge_base(REPO / "kb")
    data = json.loads((shipped_site / "glossary.json").read_text())
    assert {row["id"] for row in data["terms"]} == {t.id for t in kb.terms}
    raci = next(row for row in data["terms"] if row["id"] == "raci")
    assert raci["definition"] == kb["raci"].summary and "responsibility assignment matrix" in raci["aliases"]
    assert (shipped_site / raci["url"] / "index.html").is_file()


def test_a_page_can_switch_autolinking_off(tmp_path):
    from support import FIXTURES, copy_project

    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "docs" / "quiet.md").write_text("---\nglossary_links: false\n---\n# Quiet\n\nNo data drift links here.\n")
    (project / "docs" / "loud.md").write_text("# Loud\n\nSome data drift here.\n")
    assert build_site(project, tmp_path / "site").returncode == 0
    assert content(tmp_path / "site", "quiet/").css_first(".cw-term") is None
    assert content(tmp_path / "site", "loud/").css_first(".cw-term") is not None


def test_a_site_can_switch_autolinking_off(tmp_path):
    from support import FIXTURES, copy_project

    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "docs" / "loud.md").write_text("# Loud\n\nSome data drift here.\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - crosswalk-glossary\n", "  - crosswalk-glossary:\n      autolink: false\n"))
    assert build_site(project, tmp_path / "site").returncode == 0
    assert content(tmp_path / "site", "loud/").css_first(".cw-term") is None


def test_meeting_sheets_list_the_terms_of_each_tag_domain_and_stage(shipped_site):
    kb = load_knowledge_base(REPO / "kb")
    index = content(shipped_site, "glossary/sheets/")
    sheet_urls = {resolve("glossary/sheets/", a.attributes["href"])[0] for a in index.css(".cw-sheet-list a")}
    expected = {}
    for tag in {t for term in kb.terms for t in term.tags}:
        expected[f"Terms tagged {tag}"] = {t.id for t in kb.terms if tag in t.tags}
    for comparison in kb.of_kind("comparison"):
        for stage in comparison.stages:
            if stage.terms:
                expected[f"{comparison.title}: {stage.title}"] = set(stage.terms)
    seen = {}
    for url in sheet_urls:
        sheet = content(shipped_site, url)
        title = sheet.css_first("h1").text(strip=True)
        seen[title] = {a.attributes["data-cw-id"] for a in sheet.css(".cw-sheet__term dt a")}
        for item in sheet.css(".cw-sheet__term"):
            assert item.css_first("dd").text(strip=True) == kb[item.css_first("dt a").attributes["data-cw-id"]].summary
    for title, terms in expected.items():
        assert seen[title] == terms, title
    assert any(title.endswith(" terms") for title in seen)  # the domain sheets


def test_glossary_counts_link_to_the_pages_using_each_term(shipped_site):
    count = content(shipped_site, "glossary/").css_first('.cw-glossary__item[data-cw-id="raci"] .cw-usage-count')
    target, fragment = resolve("glossary/", count.attributes["href"])
    assert (target, fragment) == ("glossary/raci/", "used-on")
    usage = content(shipped_site, target).css_first("#used-on")
    assert len(usage.css("li a")) == int(count.attributes["data-cw-used"])
