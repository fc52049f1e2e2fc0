"""Parsing valid entries: every kind's fields, the default id, the body and where it came from."""

from __future__ import annotations

from datetime import date

from mkdocs_crosswalk.core import Entry, parse_entry
from mkdocs_crosswalk.core.models import Case, Comparison, Journey, Path, Role, Rubric, Skill, Term

from .conftest import MINI_KB, front, load, write_entry


def parse_mini(name: str) -> Entry:
    result = parse_entry((MINI_KB / f"{name}.md").read_bytes(), f"kb/{name}.md", f"{name}.md")
    assert isinstance(result, Entry), result
    return result


def test_term():
    raci = parse_mini("raci")
    assert isinstance(raci, Term)
    assert (raci.kind, raci.id, raci.title) == ("term", "raci", "RACI")
    assert raci.summary.startswith("A chart that says who is Responsible")
    assert raci.aliases == ["RACI chart", "responsibility assignment matrix"]
    assert raci.names == ["RACI", "RACI chart", "responsibility assignment matrix"]
    assert raci.domains == ["product", "ux"]
    assert raci.see_also == ["data-drift"]
    assert raci.tags == ["collaboration"]
    assert raci.owner is None and raci.reviewed is None
    assert raci.body == "Teams draw a RACI before a launch so nobody assumes someone else owns a step.\n"
    assert raci.source.path == "kb/raci.md"
    assert raci.source.rel_path == "raci.md"
    assert raci.source.body_line == 10


def test_skill():
    skill = parse_mini("collaboration")
    assert isinstance(skill, Skill)
    assert skill.levels.beginner == ["Knows the [[raci]] of the project."]
    assert skill.levels.intermediate == ["Runs a joint review."]
    assert skill.levels.advanced == ["Sets up team rituals."]
    assert (skill.practice, skill.tools, skill.rubrics, skill.roles) == (["ship-it"], ["raci"], ["explain-tradeoff"], ["ux-designer"])
    assert skill.body == "## Why it matters\n\nProducts fail at the seams between teams.\n"
    assert skill.source.body_line == 14


def test_case():
    case = parse_mini("ship-it")
    assert isinstance(case, Case)
    assert case.level == "beginner"
    assert case.duration_minutes == 45
    assert (case.roles, case.skills) == (["ux-designer"], ["collaboration"])
    assert case.scenario == "Your team must ship a model by Friday. Draw a [[raci]] first.\n"
    assert case.steps == ["Meet the ML engineer.", "Agree on **one** metric."]
    assert case.deliverables == ["A one-page plan"]
    assert case.body == ""


def test_rubric():
    rubric = parse_mini("explain-tradeoff")
    assert isinstance(rubric, Rubric)
    assert rubric.skill == "collaboration"
    assert rubric.question.startswith("How would you explain")
    assert rubric.scale == {
        1: "Talks only about model metrics.",
        2: "Mentions users but no concrete impact.",
        3: "Links latency to a concrete user moment.",
        4: "Proposes a test that lets users decide.",
    }
    assert rubric.follow_ups == ["What if the designer disagrees?"]
    assert rubric.red_flags == ["Dismisses design concerns"]


def test_comparison():
    cmp = parse_mini("ux-vs-ml")
    assert isinstance(cmp, Comparison)
    assert [(t.id, t.title, t.role) for t in cmp.tracks] == [("ux", "UX design", "ux-designer"), ("ml", "MLOps", None)]
    assert [s.id for s in cmp.stages] == ["discover", "monitor"]
    discover = cmp.stage("discover")
    assert discover.cells == {"ux": "User research", "ml": "Data exploration"}
    assert discover.focus == "Aligning needs with data"
    assert discover.terms == ["data-drift"]
    assert cmp.stage("monitor").cells["ml"] == "Watch for [[data-drift]]"
    assert cmp.stage("deploy") is None


def test_journey():
    journey = parse_mini("ml-journey")
    assert isinstance(journey, Journey)
    assert journey.persona == "ux-designer"
    assert [(s.id, s.emotion, s.actions) for s in journey.stages] == [("train", 1, ["Fit models"]), ("evaluate", -1, ["Compare runs"])]
    assert journey.stages[1].pain_points == ["Slow feedback"]
    assert journey.stages[0].pain_points == [] and journey.stages[0].opportunities == []
    assert [(loop.from_, loop.to, loop.label) for loop in journey.loops] == [("evaluate", "train", "Retrain")]


def test_role_with_string_shorthand_responsibility():
    role = parse_mini("ux-designer")
    assert isinstance(role, Role)
    assert role.domains == ["ux"]
    assert role.cares_about == ["Users reaching their goal without confusion"]
    first, second = role.responsibilities
    assert (first.text, first.comparison, first.stage, first.raci) == ("Runs usability tests.", None, None, None)
    assert (second.text, second.comparison, second.stage, second.raci) == ("Leads discovery research.", "ux-vs-ml", "discover", "R")


def test_path():
    path = parse_mini("designer-path")
    assert isinstance(path, Path)
    assert path.audience == "ux-designer"
    assert [(s.ref, s.note, s.week, s.requires) for s in path.steps] == [
        ("raci", "Learn who owns what.", 1, []),
        ("ship-it", None, 2, []),
    ]


def test_every_mini_entry_loads_as_its_kind(mini_kb):
    kb = load(mini_kb)
    assert {e.id: e.kind for e in kb.entries.values()} == {
        "collaboration": "skill",
        "data-drift": "term",
        "designer-path": "path",
        "explain-tradeoff": "rubric",
        "ml-journey": "journey",
        "raci": "term",
        "ship-it": "case",
        "ux-designer": "role",
        "ux-vs-ml": "comparison",
    }
    assert [e.id for e in kb.of_kind("term")] == ["data-drift", "raci"]  # sorted by title
    assert kb.counts() == {"term": 2, "skill": 1, "case": 1, "rubric": 1, "comparison": 1, "journey": 1, "role": 1, "path": 1}
    assert "raci" in kb and "nope" not in kb and kb.get("nope") is None


def test_id_defaults_to_file_name_and_source_paths_in_subfolder(kb_dir):
    write_entry(
        kb_dir,
        "glossary/ml/model-card.md",
        front(
            "kind: term",
            "title: Model card",
            "summary: s",
            "reviewed: 2024-05-01",
            "owner: Dana",
            body="First line.\nSecond line.\n",
        ),
    )
    entry = load(kb_dir)["model-card"]
    assert entry.id == "model-card"
    assert entry.source.path == "kb/glossary/ml/model-card.md"
    assert entry.source.rel_path == "glossary/ml/model-card.md"
    assert entry.body == "First line.\nSecond line.\n"
    assert entry.source.body_line == 8
    assert entry.reviewed == date(2024, 5, 1)
    assert entry.owner == "Dana"


def test_explicit_id_wins_over_file_name(kb_dir):
    write_entry(kb_dir, "Some File.md", front("kind: term", "id: model-card", "title: Model card", "summary: s"))
    kb = load(kb_dir)
    assert list(kb.entries) == ["model-card"]
    assert kb["model-card"].source.rel_path == "Some File.md"


def test_crlf_file_parses_with_the_same_fields(kb_dir):
    text = front("kind: term", "title: Windows", "summary: Saved on Windows.", body="Body line.\n").replace("\n", "\r\n")
    result = parse_entry(text.encode(), "kb/windows.md", "windows.md")
    assert isinstance(result, Term)
    assert (result.title, result.summary) == ("Windows", "Saved on Windows.")
    assert result.source.body_line == 6
    assert result.body.strip() == "Body line."
