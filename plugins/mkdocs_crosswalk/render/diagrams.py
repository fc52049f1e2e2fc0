"""Where things go in the comparison pictures (swimlanes), as plain numbers and text.

The SVG markup comes from templates (autoescaped); this module only decides positions and
wraps labels. Every picture has a wide form (lanes left to right, the stages wrapping into
bands that fit a desktop article) and a narrow form for phones (lanes top to bottom).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..core.models import Comparison
from .labels import plain_text, wrap

WIDE = 680  # px: the article column of a desktop page, so the picture needs no scrolling there
NARROW = 340  # px: a phone's article column
FONT = 12  # px, the pictures' text size (comparisons.css sets the same)
SMALL = 11  # px, for notes and captions inside pictures
LINE = 15  # px between baselines at FONT
SMALL_LINE = 14
PAD = 8  # px inside a box, around its text
GAP = 8  # px between boxes
BAND_GAP = 20  # px between two bands of stages
_BASELINE = PAD + (LINE - FONT) / 2 + 0.8 * FONT  # from a box's top edge to its first baseline


@dataclass(frozen=True)
class Line:
    """One line of a label; ``style`` is "" or a word the stylesheet knows (strong, pain, loop)."""

    text: str
    style: str = ""
    indent: float = 0  # continuation lines of a bullet item sit under its text, not its bullet


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    key: str  # stage id, track id, or "stage/track" for a cell
    kind: str  # "stage", "track", "cell" or "note"
    lines: list[Line] = field(default_factory=list)
    full_text: str = ""  # the whole label, when the lines had to cut it short
    line_height: float = LINE

    @property
    def text_x(self) -> float:
        return self.x + PAD

    @property
    def baseline(self) -> float:
        return self.y + _BASELINE


def lines_of(text: str, width: float, *, size: float = FONT, style: str = "", max_lines: int = 0) -> list[Line]:
    return [Line(t, style) for t in wrap(text, width, size, bold=style == "strong", max_lines=max_lines)]


def box_height(lines: list[Line], line_height: float = LINE) -> float:
    return len(lines) * line_height + 2 * PAD


def _cut_short(lines: list[Line], text: str) -> str:
    """The full text, when the last line ends in an ellipsis the text did not have."""
    return text if lines and lines[-1].text.endswith("…") and not text.endswith("…") else ""


@dataclass
class ComparisonLayout:
    width: float
    height: float
    narrow: bool
    stages: list[Box] = field(default_factory=list)  # one header per stage
    tracks: list[Box] = field(default_factory=list)  # track names: one per lane and band (wide), one per lane (narrow)
    cells: list[Box] = field(default_factory=list)  # one per stage and track, key "stage/track"


MIN_COLUMN = 128  # px: narrower stage columns would wrap every other word
LABEL_COLUMN = 112  # px for the track names left of the lanes
MAX_CELL_LINES = 9


def comparison_layout(comparison: Comparison, titles: dict[str, str], *, narrow: bool = False) -> ComparisonLayout:
    """Swimlanes: one lane per track, the stages lined up across them (left to right, or top down when narrow)."""
    cells = {(s.id, t.id): plain_text(s.cells.get(t.id, ""), titles) for s in comparison.stages for t in comparison.tracks}
    return _vertical_lanes(comparison, cells) if narrow else _horizontal_lanes(comparison, cells)


def _stage_label(index: int, title: str) -> str:
    return f"{index + 1}. {title}"  # numbered, so the order survives wrapping into bands


def _horizontal_lanes(comparison: Comparison, texts: dict) -> ComparisonLayout:
    """Tracks as rows, stages as columns; more stages than fit wrap into further bands, each with its lane names."""
    stages = comparison.stages
    x0 = LABEL_COLUMN + GAP
    fits = max(1, (WIDE - x0 + GAP) // (MIN_COLUMN + GAP))
    bands = math.ceil(len(stages) / fits)
    columns = math.ceil(len(stages) / bands)  # balanced: 9 stages make 3 bands of 3, not 4 + 4 + 1
    col_w = (WIDE - x0 - (columns - 1) * GAP) / columns
    text_w = col_w - 2 * PAD
    layout = ComparisonLayout(width=WIDE, height=0, narrow=False)
    y = 0.0
    for band in range(bands):
        first = band * columns
        chunk = stages[first : first + columns]
        headers = [lines_of(_stage_label(first + i, s.title), text_w, style="strong", max_lines=3) for i, s in enumerate(chunk)]
        header_h = max(box_height(h) for h in headers)
        for i, (stage, lines) in enumerate(zip(chunk, headers)):
            layout.stages.append(Box(x0 + i * (col_w + GAP), y, col_w, header_h, stage.id, "stage", lines, _cut_short(lines, stage.title)))
        y += header_h + GAP
        for track in comparison.tracks:
            name = lines_of(track.title, LABEL_COLUMN - 2 * PAD, style="strong", max_lines=4)
            cell_lines = [lines_of(texts[(s.id, track.id)], text_w, max_lines=MAX_CELL_LINES) for s in chunk]
            lane_h = max(box_height(lines) for lines in [name, *cell_lines])
            layout.tracks.append(Box(0, y, LABEL_COLUMN, lane_h, track.id, "track", name, _cut_short(name, track.title)))
            for i, (stage, lines) in enumerate(zip(chunk, cell_lines)):
                text = texts[(stage.id, track.id)]
                layout.cells.append(Box(x0 + i * (col_w + GAP), y, col_w, lane_h, f"{stage.id}/{track.id}", "cell", lines, _cut_short(lines, text)))
            y += lane_h + GAP
        y += BAND_GAP - GAP if band < bands - 1 else -GAP
    layout.height = y
    return layout


MAX_NARROW_CELL_LINES = 7


def _vertical_lanes(comparison: Comparison, texts: dict) -> ComparisonLayout:
    """Tracks as columns under their names, each stage a band across them: swimlanes turned upright for a phone."""
    lanes = len(comparison.tracks)
    lane_w = (NARROW - (lanes - 1) * GAP) / lanes
    text_w = lane_w - 2 * PAD
    layout = ComparisonLayout(width=NARROW, height=0, narrow=True)
    names = [lines_of(t.title, text_w, style="strong", max_lines=3) for t in comparison.tracks]
    names_h = max(box_height(n) for n in names)
    for i, (track, lines) in enumerate(zip(comparison.tracks, names)):
        layout.tracks.append(Box(i * (lane_w + GAP), 0, lane_w, names_h, track.id, "track", lines, _cut_short(lines, track.title)))
    y = names_h + GAP
    for index, stage in enumerate(comparison.stages):
        header = lines_of(_stage_label(index, stage.title), NARROW - 2 * PAD, style="strong", max_lines=3)
        layout.stages.append(Box(0, y, NARROW, box_height(header), stage.id, "stage", header, _cut_short(header, stage.title)))
        y += box_height(header) + GAP
        cell_lines = [lines_of(texts[(stage.id, t.id)], text_w, max_lines=MAX_NARROW_CELL_LINES) for t in comparison.tracks]
        row_h = max(box_height(lines) for lines in cell_lines)
        for i, (track, lines) in enumerate(zip(comparison.tracks, cell_lines)):
            text = texts[(stage.id, track.id)]
            layout.cells.append(Box(i * (lane_w + GAP), y, lane_w, row_h, f"{stage.id}/{track.id}", "cell", lines, _cut_short(lines, text)))
        y += row_h + BAND_GAP
    layout.height = y - BAND_GAP
    return layout


def comparison_alt(comparison: Comparison, titles: dict[str, str]) -> str:
    """The picture in words, for screen readers: what each track does at each stage."""
    tracks = ", ".join(t.title for t in comparison.tracks)
    stages = "; ".join(
        f"{i + 1}. {s.title}: " + ", ".join(f"{t.title}: {plain_text(s.cells.get(t.id, ''), titles)}" for t in comparison.tracks)
        for i, s in enumerate(comparison.stages)
    )
    return f"{len(comparison.tracks)} tracks ({tracks}) side by side across {len(comparison.stages)} stages. {stages}"
