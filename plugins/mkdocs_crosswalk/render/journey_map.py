"""What goes where in a journey map picture: stages, the feeling curve, actions and pain points, loops back.

Like the comparison pictures, the journey is HTML laid out by CSS grid, so the browser wraps every
label and boxes grow to fit; SVG draws only the curve. Wide form: stages are equal columns, loops
are brackets over the stages (one grid row per level, so overlapping loops never meet), the curve
runs through the middle of each column (x as a percentage of the strip, so it needs no measuring).
Narrow form (phones): one row per stage, the curve running down a strip on the left, each loop
told in words under the stage it leaves from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.models import Entry, Journey
from ..core.wording import plain_text

FEELINGS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}

STRIP = 64  # px: the height of the wide form's feeling strip
STEP = 12  # px per step of feeling in that strip
DOT = 18  # px from the top of a narrow row to its dot, level with the stage's title


@dataclass(frozen=True)
class Note:
    mark: str  # "•" for an action, "!" for a pain point, "↩" for a loop back
    text: str
    style: str  # "", "pain" or "loop": a word the stylesheet knows


@dataclass(frozen=True)
class JourneyStage:
    id: str
    title: str
    emotion: int
    x: float  # percent: the middle of the stage's column (wide form) or its feeling on the strip (narrow form)
    y: float  # px: the height of its feeling in the wide form's strip
    notes: tuple[Note, ...]  # actions, then pain points, then (narrow form only) loops back


@dataclass(frozen=True)
class LoopBracket:
    from_: str
    to: str
    label: str
    row: int  # grid row above the stages: 1 is the top
    first: int  # 1-based column of the left end among the stages
    last: int  # 1-based column of the right end
    back: bool  # to an earlier stage: the arrow head is at the left end


@dataclass(frozen=True)
class JourneyPicture:
    id: str
    stages: tuple[JourneyStage, ...]  # wide form
    narrow_stages: tuple[JourneyStage, ...]
    loops: tuple[LoopBracket, ...]
    loop_rows: int
    neutral_y: float
    strip: float = STRIP


def _levels(spans: list[tuple[int, int]]) -> list[int]:
    """A level per span so that spans sharing any stage never share one; shorter spans sit lower (inside longer ones)."""
    levels = [0] * len(spans)
    taken: dict[int, list[tuple[int, int]]] = {}
    for i in sorted(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0]):
        low, high = spans[i]
        level = 0
        while any(low <= b and a <= high for a, b in taken.get(level, [])):
            level += 1
        taken.setdefault(level, []).append((low, high))
        levels[i] = level
    return levels


def journey_picture(journey: Journey, entries: Mapping[str, Entry]) -> JourneyPicture:
    stages = journey.stages
    index = {s.id: i for i, s in enumerate(stages)}
    names = {s.id: s.title for s in stages}
    middle = STRIP / 2

    def notes_of(stage) -> list[Note]:
        return [Note("•", plain_text(a, entries), "") for a in stage.actions] + [Note("!", plain_text(p, entries), "pain") for p in stage.pain_points]

    def loops_from(stage) -> list[Note]:
        return [
            Note("↩", f"Loops back to {names[loop.to]}" + (f": {loop.label}" if loop.label else ""), "loop")
            for loop in journey.loops
            if loop.from_ == stage.id
        ]

    count = len(stages)
    wide = tuple(
        JourneyStage(s.id, s.title, s.emotion, (i + 0.5) * 100 / count, middle - s.emotion * STEP, tuple(notes_of(s))) for i, s in enumerate(stages)
    )
    narrow = tuple(JourneyStage(s.id, s.title, s.emotion, 15 + (s.emotion + 2) * 17.5, DOT, tuple(notes_of(s) + loops_from(s))) for s in stages)
    spans = [tuple(sorted((index[loop.from_], index[loop.to]))) for loop in journey.loops]
    levels = _levels(spans)
    rows = max(levels, default=-1) + 1
    loops = tuple(
        LoopBracket(loop.from_, loop.to, loop.label or "", rows - level, low + 1, high + 1, index[loop.to] < index[loop.from_])
        for loop, (low, high), level in zip(journey.loops, spans, levels)
    )
    return JourneyPicture(journey.id, wide, narrow, loops, rows, middle)
