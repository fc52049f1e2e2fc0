"""The glossary in built sites: linked mentions with escaped definitions, usage, glossary.json."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core.glossary import SKIP_CLASSES, SKIP_ELEMENTS, TermMatcher
from mkdocs_crosswalk.core.search import Searcher
from support import FIXTURES, REPO, build_site, copy_project
from support.html import content, resolve
from support.payloads import PAYLOAD, payload_project

EDGES = """# Edges

| RACI | Notes |
| --- | --- |
| owner | the RACI chart |

!!! note "Data drift"
    Watch the inputs: data drift comes slowly.

We keep every run in W&B.
"""


# Links written by hand in Markdown to a term's page: the file, its URL, a button, and code.
HANDMADE = """# Handmade

Our [*drift* & R&D's "notes"](glossary/data-drift.md "a native tooltip") and [the chart](../glossary/raci/#how).

Later, data drift again. [Start here](glossary/raci.md){ .md-button } and `[code](glossary/raci.md)`.
"""


@pytest.fixture(scope="module")
def extra_site(tmp_path_factory):
    """The mini fixture plus hand-written pages that exercise the edges, built once."""
    root = tmp_path_factory.mktemp("glossary-extra")
    project = copy_project(FIXTURES / "mini", root / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("markdown_extensions:\n", "markdown_extensions:\n  - admonition\n  - tables\n"))
    (project / "kb" / "weights-and-biases.md").write_text(
        "---\nkind: term\ntitle: Weights & Biases\nsummary: A hosted tracker for training runs.\naliases: [W&B]\ndomains: [ml]\n---\nW&B keeps every run.\n"
    )
    (project / "docs" / "quiet.md").write_text("---\nglossary_links: false\n---\n# Quiet\n\nNo data drift links here.\n")
    (project / "docs" / "loud.md").write_text("# Loud\n\nSome data drift here, and more data drift.\n")
    (project / "docs" / "edges.md").write_text(EDGES)
    # "noise" is an everyday word: it links where the page is about noise (a nav section, a heading), not elsewhere
    (project / "kb" / "noise.md").write_text(
        "---\nkind: term\ntitle: Noise\nsummary: Randomness in a dataset that hides its pattern.\ndomains: [ml]\n---\n"
    )
    (project / "docs" / "tricks.md").write_text("# Tricks\n\nSome noise is added on purpose.\n")
    (project / "docs" / "headed.md").write_text("# Headed\n\n## Injecting noise\n\nA little noise helps.\n")
    (project / "docs" / "room.md").write_text("# Room\n\nA little noise in the room.\n")
    config.write_text(config.read_text().replace("  - About: about.md\n", "  - About: about.md\n  - Noise handling:\n      - tricks.md\n"))
    (project / "docs" / "handmade.md").write_text(HANDMADE)
    (project / "kb" / "feature-store.md").write_text(
        "---\nkind: term\ntitle: Feature store\nsummary: A shared catalogue of model inputs.\n---\nIt shows [what moves](../glossary/data-drift.md) weekly.\n"
    )
    result = build_site(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_mention_links_to_the_term_with_its_definition(extra_site):
    term = content(extra_site, "loud/").css_first(".cw-term")
    link, tip = term.css_first("a"), term.css_first('[role="tooltip"]')
    assert resolve("loud/", link.attributes["href"])[0] == "glossary/data-drift/"
    assert link.attributes["aria-describedby"] == tip.attributes["id"]
    assert " ".join(tip.text().split()) == "Data drift A change in the inputs a model sees compared with the data it learned from."


def test_a_common_word_links_on_a_page_about_it(extra_site):
    linked = {page: [a.text() for a in content(extra_site, page).css("a.cw-term__link")] for page in ("tricks/", "headed/", "room/")}
    assert linked == {"tricks/": ["noise"], "headed/": ["noise"], "room/": []}


def test_a_hand_written_link_to_a_term_shows_its_card_with_the_authors_text_and_href(extra_site):
    page = content(extra_site, "handmade/")
    cards = page.css("p .cw-term--ref")
    assert [card.css_first("a").attributes["href"] for card in cards] == ["../glossary/data-drift/", "../glossary/raci/#how"]
    drift, raci = cards
    link = drift.css_first("a")
    assert link.html.startswith("<a") and 'R&amp;D\'s "notes"' in link.html  # escaped once: the reader sees R&D's "notes"
    assert link.text() == 'drift & R&D\'s "notes"' and link.css_first("em").text() == "drift"
    assert link.attributes.get("title") is None  # the card, not a native tooltip
    assert " ".join(drift.css_first('[role="tooltip"]').text().split()).startswith("Data drift A change in the inputs")
    assert raci.css_first("a").attributes["data-cw-id"] == "raci" and raci.css_first("a").text() == "the chart"
    # The term is linked on purpose already, so the later mention stays prose; a button and code stay as written.
    assert len(page.css(".cw-term")) == 2
    assert page.css_first("a.md-button").attributes["href"] == "../glossary/raci/"
    assert page.css_first("code").text() == "[code](glossary/raci.md)"


def test_a_relative_link_from_an_entry_body_to_a_term_shows_its_card(extra_site):
    card = content(extra_site, "glossary/feature-store/").css_first(".cw-term--ref")
    assert card.css_first("a").attributes["href"] == "../data-drift/"
    assert card.css_first("a").text() == "what moves"
    assert card.css_first('[role="tooltip"]') is not None


def test_pages_that_link_a_term_by_hand_are_listed_under_referenced_by(extra_site):
    listed = [a.attributes["href"] for a in content(extra_site, "glossary/data-drift/").css(".cw-referenced-by li a")]
    assert "../../handmade/" in listed


def test_a_term_is_not_linked_on_its_own_page(extra_site):
    own = content(extra_site, "glossary/weights-and-biases/")
    assert "W&B keeps every run" in own.text()
    assert own.css_first(".cw-term") is None


def test_every_mentioned_term_is_linked_on_the_shipped_site(shipped_site):
    """Every term whose name appears in the prose of another page is linked there, with its definition."""
    kb = load_knowledge_base(REPO / "kb")
    never = yaml.safe_load((REPO / "mkdocs.yml").read_text())["plugins"][1]["crosswalk-glossary"]["never_autolink"]
    matcher = TermMatcher.for_terms(kb.terms, never=never)
    not_prose = ", ".join([*sorted(SKIP_ELEMENTS), *(f".{name}" for name in SKIP_CLASSES), ".cw-term"])
    checked = 0
    for path in shipped_site.rglob("index.html"):
        url = path.parent.relative_to(shipped_site).as_posix() + "/"
        url = "" if url == "./" else url
        article = LexborHTMLParser(path.read_text()).css_first("article.md-content__inner")
        if article is None or url in ("glossary/", "404/"):
            continue  # the glossary lists every term already
        linked = {a.attributes["data-cw-id"] for a in article.css("a[data-cw-id]")}
        for tip in article.css(".cw-term"):
            link, text = tip.css_first("a"), tip.css_first('[role="tooltip"]')
            if "cw-term--ref" not in tip.attributes["class"]:  # a deliberate link's card gets its id from glossary.js
                assert link.attributes["aria-describedby"] == text.attributes["id"]
            assert text.text().endswith(kb[link.attributes["data-cw-id"]].summary)
        for node in article.css(not_prose):
            node.decompose()  # what is left is prose, with the mentions that stayed text
        for node in article.traverse(include_text=True):
            if node.tag != "-text":
                continue
            for _, _, term_id in matcher.find(node.text_content or ""):
                if url != f"glossary/{term_id}/":
                    assert term_id in linked, f"{url}: {term_id!r} is mentioned but not linked"
                    checked += 1
    assert checked > 100


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


def test_a_page_can_switch_autolinking_off(extra_site):
    assert content(extra_site, "quiet/").css_first(".cw-term") is None
    loud = content(extra_site, "loud/")
    assert [a.text() for a in loud.css(".cw-term a")] == ["data drift"]  # the first mention only


def test_table_headers_and_admonition_titles_stay_plain_while_the_text_below_links(extra_site):
    edges = content(extra_site, "edges/")
    assert edges.css_first("th").text(strip=True) == "RACI" and edges.css_first("th .cw-term") is None
    assert edges.css_first('td .cw-term a[data-cw-id="raci"]') is not None
    admonition = edges.css_first(".admonition")
    assert admonition.css_first(".admonition-title .cw-term") is None
    assert admonition.css_first('p:not(.admonition-title) .cw-term a[data-cw-id="data-drift"]') is not None


def test_names_with_an_ampersand_are_linked(extra_site):
    link = content(extra_site, "edges/").css_first('.cw-term a[data-cw-id="weights-and-biases"]')
    assert link is not None and link.text() == "W&B"


def test_search_excerpts_of_pages_leave_out_the_definitions(extra_site):
    searcher = Searcher.of_site(extra_site)
    loud = next(number for number, doc in enumerate(searcher.docs) if doc["title"] == "Loud")
    text = " ".join(searcher.passage(section) for section, row in enumerate(searcher.sections) if row[0] == loud)
    assert "data drift" in text and "compared with the data it learned from" not in text


def test_usage_counts_mentions_and_references_not_listings(shipped_site):
    """RACI's "used on" pages: where the text mentions it or an entry or a hand-written page links to it; not sheets
    or generated lists."""
    kb = load_knowledge_base(REPO / "kb")
    expected = {f"{entry.SECTION}/{entry.id}/" for entry in kb.referrers("raci")}
    handwritten = {
        (md.parent if md.stem == "index" else md.with_suffix("")).relative_to(REPO / "docs").as_posix() + "/" for md in (REPO / "docs").rglob("*.md")
    }
    for path in shipped_site.rglob("index.html"):
        url = path.parent.relative_to(shipped_site).as_posix() + "/"
        article = LexborHTMLParser(path.read_text()).css_first("article")
        if article is None:
            continue
        if (
            article.css_first('.cw-term:not(.cw-term--ref) a[data-cw-id="raci"]') is not None
            or url in handwritten
            and article.css_first('a[data-cw-id="raci"]') is not None
        ):
            expected.add(url)
    usage = content(shipped_site, "glossary/raci/").css_first("#used-on")
    listed = {resolve("glossary/raci/", a.attributes["href"])[0] for a in usage.css("li a")}
    assert listed == expected
    assert not any(url.startswith("glossary/sheets/") for url in listed)


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


def test_backlinks_to_a_term_show_its_definition_card(shipped_site):
    """ "Referenced by" and "Used on" lists: an item that is a term carries the same card as any link to a term."""
    kb = load_knowledge_base(REPO / "kb")
    terms = {f"glossary/{t.id}/": t for t in kb.terms}
    carded = plain = 0
    for url in terms:
        page = content(shipped_site, url)
        for item in page.css(".cw-referenced-by li, #used-on li"):
            target = resolve(url, item.css_first("a").attributes["href"])[0]
            tip = item.css_first('.cw-term__tip[role="tooltip"]')
            if target in terms:
                term = terms[target]
                assert tip is not None, (url, target)
                assert " ".join(tip.text().split()) == " ".join(f"{term.title} {term.summary}".split())
                assert item.css_first("a").attributes.get("title") is None  # no native tooltip beside the card
                carded += 1
            else:
                assert tip is None, (url, target)
                plain += 1
    assert carded > 100 and plain > 100


def test_kind_labels_are_never_turned_into_term_links(shipped_site):
    labels = [
        label for path in shipped_site.rglob("index.html") for label in LexborHTMLParser(path.read_text(encoding="utf-8")).css(".cw-kind-label")
    ]
    assert any(label.text() == "Journey map" for label in labels)  # the label that is also a glossary term
    assert not [label.text() for label in labels if label.css_first(".cw-term")]


def test_used_on_lists_entries_by_kind_before_generated_and_other_pages(shipped_site):
    usage = content(shipped_site, "glossary/drift/").css_first("#used-on")
    groups = [label.text(strip=True) for label in usage.css(".cw-usage__group")]
    labels = [re.sub(r" \(\d+\)$", "", text) for text in groups]
    kinds = load_knowledge_base(REPO / "kb").kinds
    order = [kinds[kind].PLURAL for kind in kinds.in_catalogue_order()]
    assert labels[-1] == "Other pages" and labels[:-1] == sorted(labels[:-1], key=order.index)
    assert "Case studies" in labels and "Skill guides" in labels
    others = [resolve("glossary/drift/", a.attributes["href"])[0] for a in usage.css(".cw-usage__group:last-of-type + ul a")]
    assert others and any(url.startswith("roles/pairs/") for url in others)  # the generated pair pages come last
    total = sum(int(re.search(r"\((\d+)\)", text).group(1)) for text in groups)
    assert usage.css_first("summary").text() == f"Used on {total} pages" == f"Used on {len(usage.css('li'))} pages"
