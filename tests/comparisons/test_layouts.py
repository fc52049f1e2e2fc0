"""Picture layouts as plain data: every stage and track placed, nothing overlapping, every line fitting its box."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.render.diagrams import NARROW, PAD, WIDE, comparison_alt, comparison_layout
from mkdocs_crosswalk.render.journey_map import journey_alt, journey_layout
from mkdocs_crosswalk.render.labels import plain_text, text_width, wrap
from support import FIXTURES


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(FIXTURES / "comparisons" / "kb")


@pytest.fixture(scope="module")
def titles(kb):
    return {e.id: e.title for e in kb.entries.values()}


def _overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _assert_tidy(boxes, width, height):
    for box in boxes:
        assert 0 <= box.x and box.x + box.w <= width + 0.01 and 0 <= box.y and box.y + box.h <= height + 0.01, box
        assert len(box.lines) * box.line_height + 2 * PAD <= box.h + 0.01, f"{box.key}: its lines overflow the box"
        for line in box.lines:
            size = 11 if box.kind == "note" else 12
            assert line.indent + text_width(line.text, size, bold=line.style == "strong") <= box.w - 2 * PAD + 0.01, line
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), (a.key, b.key)


@pytest.mark.parametrize("comparison_id", ["design-vs-ml", "three-tracks", "tooling"])
@pytest.mark.parametrize("narrow", [False, True])
def test_a_node_per_stage_and_per_cell_none_overlapping(kb, titles, comparison_id, narrow):
    comparison = kb[comparison_id]
    layout = comparison_layout(comparison, titles, narrow=narrow)
    assert layout.width == (NARROW if narrow else WIDE)
    assert [b.key for b in layout.stages] == [s.id for s in comparison.stages]
    assert sorted(b.key for b in layout.cells) == sorted(f"{s.id}/{t.id}" for s in comparison.stages for t in comparison.tracks)
    assert {b.key for b in layout.tracks} == {t.id for t in comparison.tracks}
    _assert_tidy(layout.stages + layout.tracks + layout.cells, layout.width, layout.height)


def test_wide_lanes_run_left_to_right_and_many_stages_wrap_into_even_bands(kb, titles):
    two = comparison_layout(kb["design-vs-ml"], titles)
    assert len({b.y for b in two.stages}) == 1 and [b.x for b in two.stages] == sorted(b.x for b in two.stages)
    assert len(two.tracks) == 2  # one band: each lane named once
    nine = comparison_layout(kb["tooling"], titles)  # not a cycle: one row per activity
    rows = sorted({b.y for b in nine.stages})
    assert len(rows) == 3 and [sum(b.y == y for b in nine.stages) for y in rows] == [3, 3, 3]
    assert len(nine.tracks) == 3 * 2  # each band names its lanes again
    assert nine.stages[0].lines[0].text.startswith("1. ")  # numbered, so the order survives the wrapping


def test_narrow_lanes_run_top_down_under_their_names(kb, titles):
    layout = comparison_layout(kb["three-tracks"], titles, narrow=True)
    lanes = {b.key: b.x for b in layout.tracks}
    assert len(set(lanes.values())) == 3 and all(b.y == 0 for b in layout.tracks)
    for cell in layout.cells:
        assert cell.x == lanes[cell.key.split("/")[1]]  # each cell sits in its track's lane
    assert [b.y for b in layout.stages] == sorted(b.y for b in layout.stages)


def test_cells_show_the_words_readers_see_and_keep_the_whole_text_when_cut(kb, titles):
    layout = comparison_layout(kb["design-vs-ml"], titles)
    cell = next(b for b in layout.cells if b.key == "discover/ml")
    assert " ".join(line.text for line in cell.lines) == "Check the data for drift before promising a model."
    long = comparison_layout(kb["three-tracks"], titles, narrow=True)
    cut = [b for b in long.cells if b.full_text]
    for box in cut:
        assert box.lines[-1].text.endswith("…") and box.full_text.startswith(box.lines[0].text)


def test_alt_texts_tell_every_stage_and_loop(kb, titles):
    text = comparison_alt(kb["three-tracks"], titles)
    assert text.startswith("3 tracks (Design, Machine learning and data engineering together, Product)")
    assert "1. Idea:" in text and "2. Launch:" in text and "Product: Agree the Success metric." in text
    journey = journey_alt(kb["ml-loop"], titles)
    assert "Journey of ML engineer through 4 stages" in journey and "3. Evaluate (very negative)" in journey
    assert 'from Evaluate back to Train (Retry <now> & "again")' in journey


def test_journey_stages_run_left_to_right_with_the_feeling_curve(kb, titles):
    journey = kb["ml-loop"]
    layout = journey_layout(journey, titles)
    assert [b.key for b in layout.stages] == [s.id for s in journey.stages]
    assert [b.x for b in layout.stages] == sorted(b.x for b in layout.stages) and layout.width <= WIDE
    by_feeling = sorted(zip(journey.stages, layout.curve), key=lambda pair: pair[0].emotion)
    assert [y for _, (_, y, _) in by_feeling] == sorted((y for _, (_, y, _) in by_feeling), reverse=True)  # better is higher
    assert all(y == layout.neutral[1] for s, (_, y, _) in zip(journey.stages, layout.curve) if s.emotion == 0)
    _assert_tidy(layout.stages + layout.notes, layout.width, layout.height)
    notes = {b.key: [line.text for line in b.lines] for b in layout.notes}
    assert notes["evaluate"][0] == "• Compare runs" and any(t.startswith("! Unclear") for t in notes["evaluate"])


def _ends(path: str) -> tuple[tuple[float, float], tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    return (numbers[0], numbers[1]), (numbers[-2], numbers[-1])


def test_loops_are_arrows_from_the_later_stage_back_to_the_earlier_one(kb, titles):
    journey = kb["ml-loop"]
    wide = journey_layout(journey, titles)
    stage = {b.key: b for b in wide.stages}
    for arrow, loop in zip(wide.loops, journey.loops):
        (x0, y0), (x1, y1) = _ends(arrow.path)
        assert stage[loop.from_].x < x0 < stage[loop.from_].x + stage[loop.from_].w
        assert stage[loop.to].x < x1 < stage[loop.to].x + stage[loop.to].w
        assert y0 <= stage[loop.from_].y and y1 <= stage[loop.to].y  # drawn over the stages, ending at the top of one
    inner, outer = wide.loops  # evaluate -> train nests inside monitor -> collect, so it is drawn lower
    assert _flat(inner) > _flat(outer)
    assert inner.label_y < _flat(inner) and [line.text for line in inner.label] == ['Retry <now> & "again"']
    narrow = journey_layout(journey, titles, narrow=True)
    stage = {b.key: b for b in narrow.stages}
    note = {b.key: b for b in narrow.notes}
    for arrow, loop in zip(narrow.loops, journey.loops):
        (x0, y0), (x1, y1) = _ends(arrow.path)
        assert note[loop.from_].y < y0 < note[loop.from_].y + note[loop.from_].h  # leaves from its line in the notes
        assert stage[loop.to].y < y1 < stage[loop.to].y + stage[loop.to].h
    assert any(line.style == "loop" and line.text.startswith("Loops back to Train") for line in note["evaluate"].lines)
    assert len({_ends(a.path)[0][0] for a in narrow.loops}) == 1 and narrow.loops[0].path != narrow.loops[1].path
    _assert_tidy(narrow.stages + narrow.notes, narrow.width, narrow.height)


def _flat(arrow) -> float:
    """The height of the level part of a wide loop arrow."""
    return float(re.search(r"H \S+ Q \S+ (\S+)", arrow.path).group(1))


def test_a_journey_too_long_for_the_page_keeps_its_stages_readable(kb, titles):
    journey = kb["ml-loop"].model_copy(update={"stages": kb["ml-loop"].stages * 2, "loops": []})
    layout = journey_layout(journey, titles)
    assert layout.width > WIDE  # it scrolls instead of shrinking its text
    assert min(b.w for b in layout.stages) >= 116


def test_plain_text_keeps_link_texts_and_drops_markup():
    titles = {"data-drift": "Data drift"}
    assert plain_text("Watch **[[data-drift]]** and [[data-drift|drift]] in [the docs](https://x).", titles) == "Watch Data drift and drift in the docs."


def test_wrap_breaks_after_slashes_and_inside_words_too_long_for_any_line():
    assert wrap("DevOps/MLOps engineers", text_width("engineers", 12) + 1, 12) == ["DevOps/", "MLOps", "engineers"]
    lines = wrap("Supercalifragilistic", 50, 12)
    assert len(lines) > 1 and all(line.endswith("-") for line in lines[:-1]) and "".join(l.rstrip("-") for l in lines) == "Supercalifragilistic"
    assert wrap("one two three four", 30, 12, max_lines=2)[-1].endswith("…")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=200), st.integers(20, 400), st.booleans())
def test_wrapped_lines_never_run_wider_than_their_box(text, width, bold):
    for line in wrap(text, width, 12, bold=bold, max_lines=6):
        assert text_width(line, 12, bold=bold) <= width or len(line) <= 2  # a box narrower than two letters takes one each
