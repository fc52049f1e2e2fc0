"""Picture structure as plain data: bands and cards of a comparison, the stages, curve and loops of a journey.

The browser lays the pictures out (tests/browser/test_comparisons.py checks what a reader sees); these tests
check what the templates are given: every stage and cell, in order, with nothing cut short.
"""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core.wording import plain_text
from mkdocs_crosswalk.render.diagrams import MAX_COLUMNS, comparison_picture
from mkdocs_crosswalk.render.journey_map import STEP, journey_picture
from support import FIXTURES


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(FIXTURES / "comparisons" / "kb")


@pytest.mark.parametrize("comparison_id", ["design-vs-ml", "three-tracks", "tooling"])
def test_every_stage_and_cell_is_in_both_forms_in_order(kb, comparison_id):
    comparison = kb[comparison_id]
    picture = comparison_picture(comparison, kb.entries)
    assert [s.id for band in picture.bands for s in band.stages] == [s.id for s in comparison.stages]
    assert [s.number for band in picture.bands for s in band.stages] == list(range(1, len(comparison.stages) + 1))
    for band in picture.bands:
        assert [lane.track_id for lane in band.lanes] == [t.id for t in comparison.tracks]
        assert all(len(lane.cells) == len(band.stages) for lane in band.lanes)
    assert [c.stage.id for c in picture.cards] == [s.id for s in comparison.stages]
    assert all([t for t, _, _ in c.cells] == [t.id for t in comparison.tracks] for c in picture.cards)


def test_many_stages_wrap_into_even_bands_of_at_most_four(kb):
    assert [len(b.stages) for b in comparison_picture(kb["design-vs-ml"], kb.entries).bands] == [3]
    assert [len(b.stages) for b in comparison_picture(kb["tooling"], kb.entries).bands] == [3, 3, 3]  # not 4 + 4 + 1
    five = kb["tooling"].model_copy(update={"stages": kb["tooling"].stages[:5]})
    assert [len(b.stages) for b in comparison_picture(five, kb.entries).bands] == [3, 2]
    assert all(len(b.stages) <= MAX_COLUMNS for b in comparison_picture(five, kb.entries).bands)


def test_long_cells_keep_every_word(kb):
    comparison = kb["three-tracks"]
    picture = comparison_picture(comparison, kb.entries)
    for card in picture.cards:
        stage = next(s for s in comparison.stages if s.id == card.stage.id)
        for track_id, _, words in card.cells:
            assert words == plain_text(stage.cells.get(track_id, ""), kb.entries)
            assert not words.endswith("…")


def test_journey_stages_curve_and_notes(kb):
    journey = kb["ml-loop"]
    picture = journey_picture(journey, kb.entries)
    assert [s.id for s in picture.stages] == [s.id for s in journey.stages]
    assert [round(s.x, 3) for s in picture.stages] == [12.5, 37.5, 62.5, 87.5]  # the middle of each of four columns
    for stage, source in zip(picture.stages, journey.stages):
        assert stage.y == picture.neutral_y - source.emotion * STEP  # better is higher
    evaluate = picture.stages[2]
    assert [n.mark for n in evaluate.notes] == ["•", "!", "!"] and evaluate.notes[2].text == 'A pain point with <markup> & "quotes" in it'
    narrow = {s.id: s for s in picture.narrow_stages}
    assert narrow["evaluate"].notes[-1].text == 'Loops back to Train: Retry <now> & "again"' and narrow["evaluate"].notes[-1].style == "loop"
    assert narrow["evaluate"].x < narrow["collect"].x < narrow["monitor"].x < narrow["train"].x  # worse on the left


def test_loops_that_share_a_stage_get_their_own_row_the_shorter_one_lower(kb):
    picture = journey_picture(kb["ml-loop"], kb.entries)
    inner, outer = picture.loops  # evaluate -> train nests inside monitor -> collect
    assert (inner.first, inner.last, inner.back) == (2, 3, True) and (outer.first, outer.last) == (1, 4)
    assert picture.loop_rows == 2 and inner.row == 2 and outer.row == 1
    apart = kb["ml-loop"].model_copy(
        update={
            "loops": [
                kb["ml-loop"].loops[0].model_copy(update={"from_": "train", "to": "collect"}),
                kb["ml-loop"].loops[0].model_copy(update={"from_": "monitor", "to": "evaluate"}),
            ]
        }
    )
    assert journey_picture(apart, kb.entries).loop_rows == 1  # loops over different stages share a row


def test_plain_text_keeps_link_texts_drops_markup_and_lowers_titles_inside_sentences(kb):
    assert (
        plain_text("Watch **[[data-drift]]** and [[data-drift|drift]] in [the docs](https://x).", kb.entries)
        == "Watch data drift and drift in the docs."
    )
    assert plain_text("[[data-drift]] first. [[data-drift]] again", kb.entries) == "Data drift first. Data drift again"
    assert plain_text("- [[data-drift]]\n- see [[nowhere]]", kb.entries) == "• Data drift • see nowhere"
