"""The reference graph (backlinks) and ``[[id]]`` wikilinks in Markdown."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core.references import find_wikilinks, replace_wikilinks

from .conftest import front, load, write_entry

# Worked out by hand from tests/fixtures/mini/kb: who refers to whom, and through which field.
MINI_INCOMING = {
    "raci": {("collaboration", "tools"), ("collaboration", "levels"), ("designer-path", "steps"), ("ship-it", "scenario")},
    "data-drift": {("raci", "see_also"), ("ux-vs-ml", "stages")},
    "ship-it": {("collaboration", "practice"), ("data-drift", "body"), ("designer-path", "steps")},
    "ux-designer": {
        ("collaboration", "roles"),
        ("designer-path", "audience"),
        ("ml-journey", "persona"),
        ("ship-it", "roles"),
        ("ux-vs-ml", "tracks"),
    },
    "collaboration": {("explain-tradeoff", "skill"), ("ship-it", "skills")},
    "explain-tradeoff": {("collaboration", "rubrics")},
    "ux-vs-ml": {("ux-designer", "responsibilities")},
    "designer-path": set(),
    "ml-journey": set(),
}


def test_mini_graph_covers_every_entry(mini_kb):
    kb = load(mini_kb)
    assert set(kb.entries) == set(MINI_INCOMING)


# ux-designer is referred to by ux-vs-ml's track role, ux-vs-ml by ux-designer's responsibility
@pytest.mark.parametrize("entry_id", list(MINI_INCOMING))
def test_backlinks_of_mini_entry(mini_kb, entry_id):
    kb = load(mini_kb)
    incoming = MINI_INCOMING[entry_id]
    expected = sorted({source for source, _ in incoming})
    referrers = kb.graph.referrers(entry_id)
    assert sorted(referrers) == expected
    assert len(referrers) == len(set(referrers)), "a referrer is listed twice"
    assert [e.id for e in kb.referrers(entry_id)] == referrers
    assert all(e is kb[e.id] for e in kb.referrers(entry_id))
    assert {(r.source, r.field) for r in kb.graph.incoming.get(entry_id, [])} == incoming


@pytest.mark.parametrize("source", list(MINI_INCOMING))
def test_outgoing_targets_of_mini_entry(mini_kb, source):
    kb = load(mini_kb)
    expected = sorted({target for target, incoming in MINI_INCOMING.items() if any(s == source for s, _ in incoming)})
    assert sorted(kb.graph.targets(source)) == expected


def test_collaboration_targets(mini_kb):
    assert sorted(load(mini_kb).graph.targets("collaboration")) == ["explain-tradeoff", "raci", "ship-it", "ux-designer"]


def test_self_reference_and_repeated_links_are_not_double_counted(mini_kb):
    write_entry(
        mini_kb,
        "loopy.md",
        front(
            "kind: term",
            "title: Loopy",
            "summary: s",
            "see_also: [raci, loopy]",
            body="[[loopy]] refers to itself. [[raci]], [[raci|again]] and [[raci]].\n",
        ),
    )
    kb = load(mini_kb)
    assert kb.graph.referrers("loopy") == []
    assert sorted(kb.graph.referrers("raci")) == ["collaboration", "designer-path", "loopy", "ship-it"]
    assert {(r.source, r.field) for r in kb.graph.incoming["raci"] if r.source == "loopy"} == {("loopy", "see_also"), ("loopy", "body")}


def test_link_anchor_to_comparison_stage_is_kept(mini_kb):
    write_entry(mini_kb, "watch.md", front("kind: term", "title: Watch", "summary: s", body="See ![[ux-vs-ml#monitor]].\n"))
    kb = load(mini_kb)
    assert "watch" in kb.graph.referrers("ux-vs-ml")
    (ref,) = [r for r in kb.graph.incoming["ux-vs-ml"] if r.source == "watch"]
    assert (ref.field, ref.anchor) == ("body", "monitor")


# --- wikilinks ---------------------------------------------------------------------------


def _links(text):
    return [(wl.target, wl.anchor, wl.text, wl.embed, wl.line_offset, text[wl.start : wl.end]) for wl in find_wikilinks(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("See [[raci]].", [("raci", None, None, False, 0, "[[raci]]")]),
        ("See [[raci|the chart]].", [("raci", None, "the chart", False, 0, "[[raci|the chart]]")]),
        ("See [[ux-vs-ml#monitor]].", [("ux-vs-ml", "monitor", None, False, 0, "[[ux-vs-ml#monitor]]")]),
        ("![[ux-vs-ml]]", [("ux-vs-ml", None, None, True, 0, "![[ux-vs-ml]]")]),
        ("![[ux-vs-ml#monitor|Monitor]]", [("ux-vs-ml", "monitor", "Monitor", True, 0, "![[ux-vs-ml#monitor|Monitor]]")]),
        ("[[ raci ]]", [("raci", None, None, False, 0, "[[ raci ]]")]),
        ("[[a]][[b]]", [("a", None, None, False, 0, "[[a]]"), ("b", None, None, False, 0, "[[b]]")]),
        ("no links [here] or [[]]", []),
        ("[[split\nacross]] lines", []),
    ],
)
def test_find_wikilinks_forms(text, expected):
    assert _links(text) == expected


def test_line_offsets_count_newlines_before_each_link():
    text = "[[a]] first\n\nthird [[b]]\nfourth\n  [[c|C]] fifth"
    assert [(wl.target, wl.line_offset) for wl in find_wikilinks(text)] == [("a", 0), ("b", 2), ("c", 4)]


@pytest.mark.parametrize(
    "text, targets",
    [
        ("Write `[[a]]` but link [[b]].", ["b"]),
        ("Double ``x `[[a]]` y`` then [[b]].", ["b"]),
        ("```\n[[a]]\n```\n[[b]]", ["b"]),
        ("```markdown\n[[a]]\n```\n[[b]]", ["b"]),
        ("~~~\n[[a]]\n~~~\n[[b]]", ["b"]),
        # a longer fence is only closed by a fence at least as long, of the same character
        ("````\n```\n[[a]]\n````\n[[b]]", ["b"]),
        ("~~~~\n[[a]]\n~~~\n[[b]]\n~~~~\n[[c]]", ["c"]),
        ("```\n[[a]]\n~~~\n[[b]]\n```\n[[c]]", ["c"]),
        ("  ```\n  [[a]]\n  ```\n[[b]]", ["b"]),
        ("```\r\n[[a]]\r\n```\r\n[[b]]", ["b"]),
        ("```\n[[a]]\nnever closed [[b]]", []),
    ],
)
def test_links_in_code_are_not_links(text, targets):
    links = find_wikilinks(text)
    assert [wl.target for wl in links] == targets
    for link in links:  # offsets still point into the original text
        assert text[link.start : link.end] == f"[[{link.target}]]"
        assert link.line_offset == text.count("\n", 0, link.start)


def test_stray_backtick_does_not_hide_a_link_in_another_paragraph():
    text = "Don`t panic.\n\nRead [[raci]] first.\n\nThen run `make`."
    assert [wl.target for wl in find_wikilinks(text)] == ["raci"]


def test_replace_wikilinks_leaves_everything_else_alone():
    text = "A [[raci|chart]] and ![[ux-vs-ml#monitor]].\n`[[raci]]` stays.\n```\n[[raci]]\n```\nEnd [[data-drift]]"
    rendered = replace_wikilinks(text, lambda wl: f"<{wl.target}|{wl.anchor}|{wl.text}|{wl.embed}>")
    assert rendered == (
        "A <raci|None|chart|False> and <ux-vs-ml|monitor|None|True>.\n`[[raci]]` stays.\n```\n[[raci]]\n```\nEnd <data-drift|None|None|False>"
    )


def test_replace_wikilinks_without_links_returns_text_unchanged():
    calls = []
    text = "Plain text with [brackets] and `[[code]]`."
    assert replace_wikilinks(text, calls.append) == text
    assert calls == []
