"""The generated site: a page per entry, working links, complete backlinks, full catalogues."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from mkdocs_crosswalk.core import KINDS, load_knowledge_base
from support import FIXTURES, REPO
from support.html import content, exists, page, resolve


def entry_url(entry) -> str:
    return f"{entry.SECTION}/{entry.id}/"


@pytest.fixture(scope="module", params=["mini", "shipped"])
def built(request, mini_site):
    """(site folder, knowledge base, hand-written pages that link to entries) for each site under test."""
    if request.param == "mini":
        return mini_site, load_knowledge_base(FIXTURES / "mini" / "kb")
    return request.getfixturevalue("shipped_site"), load_knowledge_base(REPO / "kb")


def test_every_entry_has_a_page_with_its_title(built):
    site, kb = built
    for entry in kb.entries.values():
        article = content(site, entry_url(entry))
        assert article.css_first("h1").text(strip=True) == entry.title, entry.id
        assert article.css_first(f'[data-cw-id="{entry.id}"]') is not None


def test_every_link_on_entry_and_catalogue_pages_reaches_a_page(built):
    site, kb = built
    urls = [entry_url(e) for e in kb.entries.values()] + [f"{m.SECTION}/" for m in KINDS.values()] + [""]
    checked = 0
    for url in urls:
        for anchor in content(site, url).css("a[href]"):
            href = anchor.attributes["href"]
            if href.startswith(("#", "http://", "https://", "mailto:")):
                continue
            target, _ = resolve(url, href)
            assert exists(site, target), f"{url}: link {href!r} goes nowhere"
            checked += 1
    assert checked > len(kb)  # every entry page links at least to its catalogue


def test_references_render_as_links_with_the_target_title(built):
    site, kb = built
    for entry in kb.entries.values():
        url = entry_url(entry)
        links = content(site, url).css("a.cw-ref")
        for link in links:
            target_id = link.attributes["data-cw-id"]
            target, _ = resolve(url, link.attributes["href"])
            assert target == entry_url(kb[target_id])
        linked = {link.attributes["data-cw-id"] for link in links}
        missing = set(kb.graph.targets(entry.id)) - linked
        assert not missing, f"{entry.id} does not link to {missing}"


def test_default_link_text_is_the_target_title(mini_site):
    about = content(mini_site, "about/")
    raci = about.css_first('a.cw-ref[data-cw-id="raci"]')
    assert raci.text() == "RACI"
    custom = about.css_first('a.cw-ref[data-cw-id="ux-designer"]')
    assert custom.text() == "our designers"
    assert "[[not-a-link]]" in about.css_first("pre").text()  # code stays literal


def test_referenced_by_lists_exactly_the_entries_that_refer(built):
    site, kb = built
    for entry in kb.entries.values():
        url = entry_url(entry)
        section = content(site, url).css_first("section.cw-referenced-by")
        listed = {resolve(url, a.attributes["href"])[0] for a in section.css("a")}
        expected = {entry_url(kb[i]) for i in kb.graph.referrers(entry.id)}
        pages = listed - {entry_url(e) for e in kb.entries.values()}
        assert listed - pages == expected, entry.id
        for page_url in pages:  # hand-written pages listed really do link here
            assert content(site, page_url).css_first(f'a.cw-ref[data-cw-id="{entry.id}"]') is not None


def test_referenced_by_is_grouped_by_kind_and_includes_hand_written_pages(mini_site):
    section = content(mini_site, "glossary/raci/").css_first("section.cw-referenced-by")
    groups = [h.text(strip=True) for h in section.css("h3")]
    assert groups == ["Skill guides", "Case studies", "Onboarding paths", "Pages"]
    assert [a.text(strip=True) for a in section.css("ul")[-1].css("a")] == ["About"]


def test_catalogues_list_every_entry_of_their_kind(built):
    site, kb = built
    for kind, model in KINDS.items():
        url = f"{model.SECTION}/"
        listed = {resolve(url, a.attributes["href"])[0] for a in content(site, url).css("a.cw-ref")}
        expected = {entry_url(e) for e in kb.of_kind(kind)}
        assert expected <= listed, f"{url} misses {expected - listed}"


def test_cases_catalogue_groups_by_level_and_by_role(mini_site):
    article = content(mini_site, "cases/")
    assert article.css_first("#level-beginner") is not None
    assert article.css_first("#role-ux-designer") is not None


def test_glossary_is_a_to_z_with_letter_jumps(built):
    site, kb = built
    article = content(site, "glossary/")
    letters = [a.text(strip=True) for a in article.css("nav.cw-letters a")]
    assert letters == sorted(letters, key=lambda x: (x != "#", x))
    for link in article.css("nav.cw-letters a"):
        assert article.css_first(link.attributes["href"]) is not None
    titles = [dt.css_first("a").text(strip=True) for dt in article.css(".cw-glossary dt")]
    assert len(titles) == len(kb.terms)


def test_entries_stay_out_of_the_navigation(built):
    site, kb = built
    entry = next(iter(kb.entries.values()))
    nav_links = page(site, entry_url(entry)).css("nav.md-nav--primary a.md-nav__link")
    nav_targets = {resolve(entry_url(entry), a.attributes.get("href", ""))[0] for a in nav_links if a.attributes.get("href")}
    assert not nav_targets & {entry_url(e) for e in kb.entries.values()}


def test_home_page_reaches_each_onboarding_path_in_one_click(built):
    site, kb = built
    home = content(site, "")
    linked = {resolve("", a.attributes["href"])[0] for a in home.css("a")}
    for path in kb.of_kind("path"):
        assert entry_url(path) in linked


def test_entry_pages_have_an_edit_link_to_their_source_file(mini_site):
    kb = load_knowledge_base(FIXTURES / "mini" / "kb")
    for entry in kb.entries.values():
        edit = page(mini_site, entry_url(entry)).css_first('a[rel="edit"]')
        assert edit is not None, entry.id
        assert edit.attributes["href"] == f"https://git.example.org/team/kb/edit/main/kb/{entry.source.rel_path}"


def test_entry_tags_reach_the_tags_index(mini_site):
    tags = page(mini_site, "glossary/raci/").css(".md-tag")
    assert [t.text(strip=True) for t in tags] == ["collaboration"]


def test_table_of_contents_lists_the_layout_sections(mini_site):
    toc = [a.text(strip=True) for a in page(mini_site, "cases/ship-it/").css("nav.md-nav--secondary a.md-nav__link")]
    assert toc[:3] == ["Scenario", "Steps", "Deliverables"]
    assert "Referenced by" in toc


def test_home_page_is_titled_with_the_site_name(mini_site):
    assert content(mini_site, "").css_first("h1").text(strip=True) == "Mini"


def test_tags_page_lists_every_tagged_entry(shipped_site):
    kb = load_knowledge_base(REPO / "kb")
    tags_page = content(shipped_site, "tags/")
    linked = {resolve("tags/", a.attributes["href"])[0] for a in tags_page.css("a[href]")}
    tagged = {entry_url(e) for e in kb.entries.values() if e.tags}
    assert tagged and tagged <= linked, sorted(tagged - linked)[:5]


def test_the_shipped_site_links_to_no_repository_until_it_has_one(shipped_site):
    """The shipped mkdocs.yml names no repo_url: no header repository link, no edit icons, on any page."""
    for html in shipped_site.rglob("*.html"):
        tree = LexborHTMLParser(html.read_text(encoding="utf-8"))
        assert tree.css_first(".md-source, a.md-content__button, a[rel='edit']") is None, html.relative_to(shipped_site)
