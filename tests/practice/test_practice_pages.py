"""Practice pages as built: kits, done boxes under stable keys, the data behind assignments."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO
from support.html import content

KB = load_knowledge_base(REPO / "kb")


def test_every_skill_with_rubrics_has_a_kit_with_each_rubric(shipped_site):
    for skill in KB.of_kind("skill"):
        rubrics = [r for r in KB.of_kind("rubric") if r.skill == skill.id]
        kit_dir = shipped_site / "skills" / skill.id / "kit"
        assert kit_dir.exists() == bool(rubrics), skill.id
        if rubrics:
            kit = content(shipped_site, f"skills/{skill.id}/kit/")
            assert [s.attributes["id"] for s in kit.css(".cw-kit__sheet")] == [r.id for r in rubrics]
            for sheet in kit.css(".cw-kit__sheet"):
                assert len(sheet.css(".cw-kit__scale tbody tr")) == 4
                assert sheet.css_first(".cw-kit__question") is not None and sheet.css_first(".cw-handout__lines") is not None


def test_done_boxes_use_stable_ids_not_positions(shipped_site):
    path = KB.of_kind("path")[0]
    boxes = content(shipped_site, f"paths/{path.id}/").css("input[data-cw-done]")
    # a case study's step is kept under the case's own key (one box wherever it is ticked), and reads its former key
    expected = [(f"case:{s.ref}", f"path:{path.id}/{s.ref}") if KB[s.ref].kind == "case" else (f"path:{path.id}/{s.ref}", None) for s in path.steps]
    assert any(former for _, former in expected) and any(former is None for _, former in expected)
    assert [(i.attributes["data-cw-done"], i.attributes.get("data-cw-done-former")) for i in boxes] == expected
    skill = KB.of_kind("skill")[0]
    keys = [i.attributes["data-cw-done"] for i in content(shipped_site, f"skills/{skill.id}/").css("input[data-cw-done]")]
    assert keys == [f"skill:{skill.id}/{level}" for level in ("beginner", "intermediate", "advanced")]
    case = KB.of_kind("case")[0]
    assert content(shipped_site, f"cases/{case.id}/").css_first("input[data-cw-done]").attributes["data-cw-done"] == f"case:{case.id}"


def test_paths_are_grouped_by_week_with_title_kind_summary_and_note(shipped_site):
    for path in KB.of_kind("path"):
        page = content(shipped_site, f"paths/{path.id}/")
        weeks = sorted({s.week for s in path.steps})
        assert [h.text(strip=True) for h in page.css("h2[id^=week-]")] == [f"Week {w}" for w in weeks]
        steps = page.css(".cw-path-step")
        assert [s.attributes["data-cw-step"] for s in steps] == [s.ref for s in sorted(path.steps, key=lambda s: s.week)]
        for item, step in zip(steps, sorted(path.steps, key=lambda s: s.week)):
            item = LexborHTMLParser(item.html)  # a private copy: tooltips are removed to read what is shown
            for tip in item.css(".cw-term__tip"):
                tip.decompose()
            assert KB[step.ref].LABEL in item.text() and KB[step.ref].summary in item.text()


def test_cases_json_holds_every_case_for_assignment_links(shipped_site):
    data = json.loads((shipped_site / "assets" / "crosswalk" / "cases.json").read_text())["cases"]
    assert set(data) == {c.id for c in KB.of_kind("case")}
    case = KB.of_kind("case")[0]
    assert data[case.id]["summary"] == case.summary and len(data[case.id]["steps"]) == len(case.steps)
    assert (shipped_site / data[case.id]["url"] / "index.html").is_file()


def test_durations_are_written_one_way_everywhere(shipped_site):
    """The finder's cards and the assignment (from cases.json) say "2 h 30 min" alike, never "150 min"."""
    data = json.loads((shipped_site / "assets" / "crosswalk" / "cases.json").read_text())["cases"]
    cards = content(shipped_site, "cases/")
    for case in KB.of_kind("case"):
        card = cards.css_first(f'.cw-card[data-cw-id="{case.id}"] .cw-card__meta')
        shown = card.css("span")[1].text(strip=True)
        assert data[case.id]["duration"] == shown, case.id
        hours, minutes = divmod(case.duration_minutes, 60)
        assert shown == " ".join(filter(None, [f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]))


def test_role_pages_link_to_their_paths(shipped_site):
    for path in KB.of_kind("path"):
        role = content(shipped_site, f"roles/{path.audience}/")
        assert role.css_first(f'#paths ~ ul a[data-cw-id="{path.id}"], a.cw-ref[data-cw-id="{path.id}"]') is not None
