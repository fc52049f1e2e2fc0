"""Where things go in a journey map picture: stages, the emotion curve, actions and pain points, loops back.

Wide form: stages left to right, the curve across them, notes under each stage, loops as
arrows over the stages. Narrow form (phones): stages top down, the curve in a strip on the
left, loops as arrows on the right. Plain numbers and text; the SVG comes from a template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.models import Journey, JourneyStage
from .diagrams import NARROW, PAD, SMALL, SMALL_LINE, WIDE, Box, Line, box_height, lines_of
from .labels import plain_text, text_width, wrap

FEELINGS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}
MAX_ITEM_LINES = 4


@dataclass
class LoopArrow:
    path: str  # SVG path data, ending where the arrowhead goes
    from_: str
    to: str
    label: list[Line] = field(default_factory=list)  # drawn beside the arrow (wide form); empty when in the notes
    label_x: float = 0
    label_y: float = 0  # first baseline
    line_height: float = SMALL_LINE


@dataclass
class JourneyLayout:
    width: float
    height: float
    narrow: bool
    stages: list[Box]
    notes: list[Box]  # actions and pain points (and, when narrow, where each loop starts), one box per stage
    curve: list[tuple[float, float, int]]  # (x, y, emotion) per stage
    neutral: tuple[float, float, float, float]  # the line of a neutral feeling: x1, y1, x2, y2
    axis: list[tuple[float, float, str, str]]  # (x, y, text, text-anchor) naming the ends of the feeling scale
    loops: list[LoopArrow]


def journey_layout(journey: Journey, titles: dict[str, str], *, narrow: bool = False) -> JourneyLayout:
    return _upright(journey, titles) if narrow else _across(journey, titles)


def _levels(spans: list[tuple[float, float]]) -> list[int]:
    """A level per span so that overlapping spans never share one; shorter spans sit lower (inside longer ones)."""
    levels = [0] * len(spans)
    taken: dict[int, list[tuple[float, float]]] = {}
    for i in sorted(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0]):
        low, high = spans[i]
        level = 0
        while any(low <= b and a <= high for a, b in taken.get(level, [])):
            level += 1
        taken.setdefault(level, []).append((low, high))
        levels[i] = level
    return levels


def _item_lines(prefix: str, text: str, width: float, style: str) -> list[Line]:
    """A bullet item: the prefix on its first line, later lines indented under the text."""
    indent = text_width(prefix + " ", SMALL)
    lines = wrap(text, width - indent, SMALL, max_lines=MAX_ITEM_LINES)
    return [Line(f"{prefix} {lines[0]}", style)] + [Line(t, style, indent) for t in lines[1:]]


def _note_lines(stage: JourneyStage, titles: dict[str, str], width: float) -> tuple[list[Line], str]:
    """Actions (•) then pain points (!), and the full text when an item had to be cut short."""
    lines, full, cut = [], [], False
    for prefix, style, items in (("•", "", stage.actions), ("!", "pain", stage.pain_points)):
        for item in items:
            text = plain_text(item, titles)
            item_lines = _item_lines(prefix, text, width, style)
            cut = cut or (item_lines[-1].text.endswith("…") and not text.endswith("…"))
            lines += item_lines
            full.append(f"{prefix} {text}")
    return lines, "\n".join(full) if cut else ""


def _feeling_y(middle: float, step: float, emotion: int) -> float:
    return middle - emotion * step


GUTTER = 44  # px left of the stages, naming the ends of the feeling scale
MIN_STAGE = 116  # px: five stages fit the desktop article; more scroll sideways
STAGE_GAP = 8
STEP = 14  # px per step of feeling
RISE = 16  # px from the stage tops to the lowest loop
LEVEL = 2 * SMALL_LINE + 14  # px between loop levels: room for a two-line label
CORNER = 6


def _across(journey: Journey, titles: dict[str, str]) -> JourneyLayout:
    stages = journey.stages
    n = len(stages)
    col_w = max(MIN_STAGE, (WIDE - GUTTER - (n - 1) * STAGE_GAP) / n)
    width = GUTTER + n * col_w + (n - 1) * STAGE_GAP
    xs = [GUTTER + i * (col_w + STAGE_GAP) for i in range(n)]
    centers = {s.id: x + col_w / 2 for s, x in zip(stages, xs)}

    # Loops first: how many levels they need decides where the stages start.
    specs = []
    for loop in journey.loops:
        start, end = centers[loop.from_] + 8, centers[loop.to] - 8  # apart, so an arrow in and one out do not meet
        label_w = min(width, max(abs(end - start) - 2 * PAD, 200))
        label = lines_of(loop.label or "", label_w, size=SMALL, style="loop", max_lines=2) if loop.label else []
        middle = min(max((start + end) / 2, label_w / 2), width - label_w / 2)
        specs.append((loop, start, end, label, middle, label_w))
    levels = _levels([(min(s, e, m - w / 2) - 8, max(s, e, m + w / 2) + 8) for _, s, e, _, m, w in specs])
    top_room = max((RISE + lv * LEVEL + 6 + len(spec[3]) * SMALL_LINE for lv, spec in zip(levels, specs)), default=0)
    tops = top_room + (4 if specs else 0)

    loops = []
    for level, (loop, start, end, label, middle, _) in zip(levels, specs):
        flat = tops - RISE - level * LEVEL
        loops.append(LoopArrow(_bracket_up(start, end, tops - 2, flat), loop.from_, loop.to, label, middle, flat - 6 - (len(label) - 1) * SMALL_LINE))

    text_w = col_w - 2 * PAD
    headers = [lines_of(s.title, text_w, style="strong", max_lines=3) for s in stages]
    header_h = max(box_height(h) for h in headers)
    boxes = [Box(x, tops, col_w, header_h, s.id, "stage", h) for s, x, h in zip(stages, xs, headers)]

    middle = tops + header_h + 16 + 2 * STEP + 6
    curve = [(centers[s.id], _feeling_y(middle, STEP, s.emotion), s.emotion) for s in stages]
    axis = [(GUTTER - 6, _feeling_y(middle, STEP, 2) + 4, "better", "end"), (GUTTER - 6, _feeling_y(middle, STEP, -2) + 4, "worse", "end")]

    notes_top = middle + 2 * STEP + 6 + 14
    written = [_note_lines(s, titles, text_w) for s in stages]
    notes_h = max(box_height(lines, SMALL_LINE) for lines, _ in written)
    notes = [Box(x, notes_top, col_w, notes_h, s.id, "note", lines, full, SMALL_LINE) for s, x, (lines, full) in zip(stages, xs, written)]
    return JourneyLayout(width, notes_top + notes_h, False, boxes, notes, curve, (GUTTER, middle, width, middle), axis, loops)


def _bracket_up(start: float, end: float, bottom: float, flat: float) -> str:
    """Up from ``start``, across at height ``flat``, down to ``end``: a loop drawn over the stages."""
    turn = CORNER if end >= start else -CORNER
    return (
        f"M {start:.1f} {bottom:.1f} V {flat + CORNER:.1f} Q {start:.1f} {flat:.1f} {start + turn:.1f} {flat:.1f} "
        f"H {end - turn:.1f} Q {end:.1f} {flat:.1f} {end:.1f} {flat + CORNER:.1f} L {end:.1f} {bottom:.1f}"
    )


NARROW_GUTTER = 64  # px for the feeling strip left of the stages
NARROW_STEP = 12
LOOP_LANE = 10  # px per loop level right of the stages
ROW_GAP = 14


def _upright(journey: Journey, titles: dict[str, str]) -> JourneyLayout:
    stages = journey.stages
    index = {s.id: i for i, s in enumerate(stages)}
    levels = _levels([(min(index[l.from_], index[l.to]), max(index[l.from_], index[l.to])) for l in journey.loops])
    right = 8 + (max(levels) + 1) * LOOP_LANE if levels else 0
    x = NARROW_GUTTER + 4
    col_w = NARROW - x - right
    text_w = col_w - 2 * PAD
    strip = NARROW_GUTTER / 2
    axis = [(4, 12, "worse", "start"), (NARROW_GUTTER - 4, 12, "better", "end")]

    boxes, notes, curve, starts, header_mid = [], [], [], {}, {}
    y = 24.0
    for stage in stages:
        header = lines_of(stage.title, text_w, style="strong", max_lines=3)
        boxes.append(Box(x, y, col_w, box_height(header), stage.id, "stage", header))
        header_mid[stage.id] = y + box_height(header) / 2
        curve.append((strip + stage.emotion * NARROW_STEP, header_mid[stage.id], stage.emotion))
        y += box_height(header) + 4
        lines, full = _note_lines(stage, titles, text_w)
        for n, loop in enumerate(journey.loops):
            if loop.from_ == stage.id:
                starts[n] = len(lines)  # the arrow leaves from this line
                title = next(s.title for s in stages if s.id == loop.to)
                lines += lines_of(f"Loops back to {title}" + (f": {loop.label}" if loop.label else ""), text_w, size=SMALL, style="loop", max_lines=3)
        note = Box(x, y, col_w, box_height(lines, SMALL_LINE), stage.id, "note", lines, full, SMALL_LINE)
        notes.append(note)
        for n in [n for n, loop in enumerate(journey.loops) if loop.from_ == stage.id]:
            starts[n] = note.baseline + starts[n] * SMALL_LINE - SMALL * 0.35  # the middle of that line's letters
        y += note.h + ROW_GAP
    height = y - ROW_GAP

    edge = x + col_w
    loops = [
        LoopArrow(_bracket_side(edge, starts[n], header_mid[loop.to], edge + 8 + level * LOOP_LANE), loop.from_, loop.to)
        for n, (loop, level) in enumerate(zip(journey.loops, levels))
    ]
    return JourneyLayout(NARROW, height, True, boxes, notes, curve, (strip, 24, strip, height), axis, loops)


def _bracket_side(edge: float, start: float, end: float, out: float) -> str:
    """Out to the right of the stages at ``start``, along at ``out``, back in at ``end``."""
    turn = CORNER if end >= start else -CORNER
    return (
        f"M {edge:.1f} {start:.1f} H {out - CORNER:.1f} Q {out:.1f} {start:.1f} {out:.1f} {start + turn:.1f} "
        f"V {end - turn:.1f} Q {out:.1f} {end:.1f} {out - CORNER:.1f} {end:.1f} L {edge + 2:.1f} {end:.1f}"
    )


def journey_alt(journey: Journey, titles: dict[str, str]) -> str:
    """The picture in words, for screen readers: each stage with its feeling, then the loops."""
    names = {s.id: s.title for s in journey.stages}
    stages = "; ".join(f"{i + 1}. {s.title} ({FEELINGS[s.emotion]})" for i, s in enumerate(journey.stages))
    loops = "; ".join(f"from {names[l.from_]} back to {names[l.to]}" + (f" ({l.label})" if l.label else "") for l in journey.loops)
    return f"Journey of {titles.get(journey.persona, journey.persona)} through {len(journey.stages)} stages: {stages}." + (f" Loops: {loops}." if loops else "")
