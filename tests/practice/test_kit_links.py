"""Interviewer kits are reachable from every rubric, and keep the rubrics' Markdown and links."""

from __future__ import annotations

from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO
from support.html import content, exists, resolve

KB = load_knowledge_base(REPO / "kb")
SKILLS_WITH_RUBRICS = {r.skill for r in KB.of_kind("rubric")}


def test_the_rubrics_catalogue_links_each_skill_to_its_kit(shipped_site):
    links = content(shipped_site, "rubrics/").css(".cw-kit-link a")
    targets = {resolve("rubrics/", a.attributes["href"])[0] for a in links}
    assert targets == {f"skills/{skill_id}/kit/" for skill_id in SKILLS_WITH_RUBRICS}


def test_each_rubric_page_links_to_its_own_sheet_in_the_kit(shipped_site):
    for rubric in KB.of_kind("rubric"):
        url = f"rubrics/{rubric.id}/"
        target, fragment = resolve(url, content(shipped_site, url).css_first(".cw-kit-link a").attributes["href"])
        assert (target, fragment) == (f"skills/{rubric.skill}/kit/", rubric.id)
        assert content(shipped_site, target).css_first(f"section.cw-kit__sheet[id='{rubric.id}']") is not None


def test_kits_keep_the_rubrics_links_and_every_link_works(shipped_site):
    linked = [r for r in KB.of_kind("rubric") if "[[" in r.sample_answer]
    assert linked, "the shipped rubrics link to entries from their sample answers"
    for rubric in linked:
        url = f"skills/{rubric.skill}/kit/"
        answer = content(shipped_site, url).css_first(f"#{rubric.id} .cw-sample-answer")
        assert answer.css("a.cw-ref"), rubric.id  # a link, not its flattened text
    for skill_id in SKILLS_WITH_RUBRICS:
        url = f"skills/{skill_id}/kit/"
        for a in content(shipped_site, url).css(".cw-kit__sheet a[href]"):
            target, _ = resolve(url, a.attributes["href"])
            assert exists(shipped_site, target), (url, a.attributes["href"])
