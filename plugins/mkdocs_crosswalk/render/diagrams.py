"""Layouts for the pictures Crosswalk draws as inline SVG: plain numbers and text, no markup.

The SVG itself comes from templates (autoescaped); this module only decides where things go.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ..core.models import Comparison, Journey

_LINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain_text(markdown: str, titles: dict[str, str]) -> str:
    """Markdown reduced to the words a reader sees, for labels inside pictures."""
    text = _LINK.sub(lambda m: m.group(2) or titles.get(m.group(1).strip(), m.group(1)), markdown)
    text = _MD_LINK.sub(r"\1", text)
    return re.sub(r"\s+", " ", re.sub(r"[*_`#>]", "", text)).strip()


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return lines


@dataclass
class Node:
    x: float
    y: float
    w: float
    h: float
    lines: list[str]
    key: str  # stage id, track id, or "stage/track"
    kind: str  # "stage", "track" or "cell"


@dataclass
class ComparisonLayout:
    width: float
    height: float
    stages: list[Node] = field(default_factory=list)
    tracks: list[Node] = field(default_factory=list)
    cells: list[Node] = field(default_factory=list)


LINE = 14  # px between text lines at the diagram's font size
CHARS_PER_PX = 1 / 6.6  # average character width at 11px


def comparison_layout(comparison: Comparison, titles: dict[str, str]) -> ComparisonLayout:
    """Swimlanes: one row per track, one column per stage, the stage headers on top."""
    label_w, col_w, gap, pad = 120, 168, 8, 8
    chars = int((col_w - 2 * pad) * CHARS_PER_PX)
    header_lines = max(len(wrap(s.title, chars, 3)) for s in comparison.stages)
    header_h = header_lines * LINE + 2 * pad
    layout = ComparisonLayout(width=label_w + len(comparison.stages) * (col_w + gap), height=0)
    for i, stage in enumerate(comparison.stages):
        layout.stages.append(Node(label_w + i * (col_w + gap), 0, col_w, header_h, wrap(stage.title, chars, 3), stage.id, "stage"))
    y = header_h + gap
    for track in comparison.tracks:
        texts = [wrap(plain_text(stage.cells.get(track.id, ""), titles), chars, 5) for stage in comparison.stages]
        lane_h = max(len(t) for t in texts) * LINE + 2 * pad
        layout.tracks.append(Node(0, y, label_w - gap, lane_h, wrap(track.title, int((label_w - 2 * pad) * CHARS_PER_PX), 4), track.id, "track"))
        for i, (stage, lines) in enumerate(zip(comparison.stages, texts)):
            layout.cells.append(Node(label_w + i * (col_w + gap), y, col_w, lane_h, lines, f"{stage.id}/{track.id}", "cell"))
        y += lane_h + gap
    layout.height = y
    return layout


@dataclass
class JourneyLayout:
    width: float
    height: float
    stages: list[Node]
    curve: list[tuple[float, float, int]]  # (x, y, emotion) per stage
    baseline: float
    loops: list[dict]  # {"path": d, "label": str, "x": lx, "y": ly}
    notes: list[Node]  # actions and pain points under each stage


def journey_layout(journey: Journey, titles: dict[str, str]) -> JourneyLayout:
    """Stages left to right, the emotion curve across them, notes below, loops as arrows back underneath."""
    col_w, gap, pad, top = 170, 10, 8, 0
    chars = int((col_w - 2 * pad) * CHARS_PER_PX)
    title_h = max(len(wrap(s.title, chars, 3)) for s in journey.stages) * LINE + 2 * pad
    curve_top, step = title_h + 18, 22  # emotion +2 at the top, -2 at the bottom
    baseline = curve_top + 2 * step
    stages, curve, notes = [], [], []
    notes_top = curve_top + 4 * step + 24
    notes_h = 0
    for i, stage in enumerate(journey.stages):
        x = i * (col_w + gap)
        stages.append(Node(x, top, col_w, title_h, wrap(stage.title, chars, 3), stage.id, "stage"))
        curve.append((x + col_w / 2, baseline - stage.emotion * step, stage.emotion))
        lines = []
        for item in stage.actions[:2]:
            lines += wrap("• " + plain_text(item, titles), chars, 3)
        for item in stage.pain_points[:2]:
            lines += wrap("! " + plain_text(item, titles), chars, 3)
        notes.append(Node(x, notes_top, col_w, len(lines) * LINE + 2 * pad, lines, stage.id, "note"))
        notes_h = max(notes_h, len(lines) * LINE + 2 * pad)
    loops_top = notes_top + notes_h + 16
    index = {s.id: i for i, s in enumerate(journey.stages)}
    loops = []
    for n, loop in enumerate(journey.loops):
        a, b = curve[index[loop.from_]][0], curve[index[loop.to]][0]
        depth = loops_top + 18 + n * 26
        path = f"M {a:.0f} {loops_top:.0f} C {a:.0f} {depth + 14:.0f}, {b:.0f} {depth + 14:.0f}, {b:.0f} {loops_top:.0f}"
        loops.append({"path": path, "label": loop.label or "", "x": (a + b) / 2, "y": depth + 20, "from": loop.from_, "to": loop.to})
    height = loops_top + (len(journey.loops) * 26 + 40 if journey.loops else 0)
    width = len(journey.stages) * (col_w + gap) - gap
    return JourneyLayout(width, height, stages, curve, baseline, loops, notes)


def responsibility_matrix(comparison: Comparison, roles) -> tuple[list, list[dict]]:
    """RACI rows for one comparison: (roles with duties there, [{stage, cells: {role id: [(letter, text)]}}])."""
    involved = [r for r in roles if any(d.comparison == comparison.id for d in r.responsibilities)]
    rows = []
    for stage in comparison.stages:
        cells = {}
        for role in involved:
            cells[role.id] = [(d.raci or "", d.text) for d in role.responsibilities if d.comparison == comparison.id and d.stage == stage.id]
        rows.append({"stage": stage, "cells": cells})
    return involved, rows


def shared_vocabulary(first, second, terms) -> list:
    """Terms whose domains cover both roles: each role works in at least one of the term's domains."""
    a, b = set(first.domains), set(second.domains)
    return [t for t in terms if a & set(t.domains) and b & set(t.domains)]
