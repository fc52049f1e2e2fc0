"""What goes where in a comparison picture (swimlanes), as plain data for its template.

The picture is HTML laid out by CSS grid (templates/crosswalk/pictures/, comparisons.css): the
browser wraps every label in whatever font the reader has, and boxes grow to hold their words, so
nothing here measures text or cuts it short. This module only decides the structure: in the wide
form the stages run left to right in bands of at most ``MAX_COLUMNS`` (numbered, so the order
survives the wrapping), each band naming its lanes again; the narrow form (phones) is one card per
stage with each track's cell under the track's name.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from ..core.models import Comparison, Entry
from ..core.wording import plain_text

MAX_COLUMNS = 4  # stage columns in one band: four keep a desktop article's cells about 20 words wide


@dataclass(frozen=True)
class Stage:
    id: str
    number: int
    title: str


@dataclass(frozen=True)
class Lane:
    """One track across one band: its name and the words of its cell at each stage of the band."""

    track_id: str
    title: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    stages: tuple[Stage, ...]
    lanes: tuple[Lane, ...]


@dataclass(frozen=True)
class StageCard:
    """The narrow form's row for one stage: (track id, track title, words) for each track."""

    stage: Stage
    cells: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class ComparisonPicture:
    id: str
    bands: tuple[Band, ...]  # the wide form
    cards: tuple[StageCard, ...]  # the narrow form
    tracks: int


def comparison_picture(comparison: Comparison, entries: Mapping[str, Entry]) -> ComparisonPicture:
    """Swimlanes: one lane per track, the stages lined up across them."""
    stages = [Stage(s.id, i + 1, s.title) for i, s in enumerate(comparison.stages)]
    words = {(s.id, t.id): plain_text(s.cells.get(t.id, ""), entries) for s in comparison.stages for t in comparison.tracks}
    bands_needed = math.ceil(len(stages) / MAX_COLUMNS)
    per_band = math.ceil(len(stages) / bands_needed)  # balanced: 9 stages make 3 bands of 3, not 4 + 4 + 1
    bands = []
    for first in range(0, len(stages), per_band):
        chunk = tuple(stages[first : first + per_band])
        lanes = tuple(Lane(t.id, t.title, tuple(words[(s.id, t.id)] for s in chunk)) for t in comparison.tracks)
        bands.append(Band(chunk, lanes))
    cards = tuple(StageCard(s, tuple((t.id, t.title, words[(s.id, t.id)]) for t in comparison.tracks)) for s in stages)
    return ComparisonPicture(comparison.id, tuple(bands), cards, len(comparison.tracks))
