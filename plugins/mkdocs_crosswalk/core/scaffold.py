"""Filled-in starting points for ``crosswalk new``: valid entries an author edits."""

from __future__ import annotations

import re
import unicodedata

import yaml

from .models import KINDS

# Per kind: the fields after the common ones, with hints an author replaces.
_FIELDS: dict[str, dict] = {
    "term": {"aliases": [], "domains": ["product"], "see_also": []},
    "skill": {
        "levels": {
            "beginner": ["What someone new to this skill can do."],
            "intermediate": ["What someone practised in it can do."],
            "advanced": ["What someone who teaches it can do."],
        },
        "practice": [],
        "tools": [],
        "rubrics": [],
        "roles": [],
    },
    "case": {
        "level": "beginner",
        "roles": [],
        "skills": [],
        "duration_minutes": 45,
        "scenario": "The situation the learner walks into, in a few sentences.",
        "steps": ["The first thing the learner does.", "The next thing."],
        "deliverables": ["What the learner hands in."],
    },
    "rubric": {
        "skill": "SKILL-ID",
        "question": "The question the interviewer asks.",
        "assesses": "What a good answer shows.",
        "strategy": "How a strong candidate structures the answer.",
        "sample_answer": "An answer that would score 4.",
        "scale": {1: "What a weak answer sounds like.", 2: "A partial answer.", 3: "A solid answer.", 4: "An excellent answer."},
        "follow_ups": ["A question that probes deeper."],
        "red_flags": ["A sign the candidate lacks the skill."],
    },
    "comparison": {
        "tracks": [{"id": "first", "title": "First track"}, {"id": "second", "title": "Second track"}],
        "stages": [
            {"id": "stage-one", "title": "Stage one", "cells": {"first": "What the first track does.", "second": "What the second track does."}, "focus": "What both share.", "terms": []}
        ],
    },
    "journey": {
        "persona": "ROLE-ID",
        "stages": [{"id": "start", "title": "Start", "actions": ["What the persona does."], "emotion": 0, "pain_points": [], "opportunities": []}],
        "loops": [],
    },
    "role": {"cares_about": ["What this role is measured on."], "pain_points": ["What slows them down."], "responsibilities": []},
    "path": {"audience": "ROLE-ID", "steps": [{"ref": "ENTRY-ID", "note": "Why this step comes first.", "week": 1}]},
}


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "entry"


def scaffold(kind: str, title: str) -> str:
    """The text of a new entry file of ``kind`` titled ``title``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    fields = {"kind": kind, "title": title, "summary": f"One or two plain sentences about {title}.", "tags": [], **_FIELDS[kind]}
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\nWrite the body in Markdown. Link to other entries with `[[entry-id]]`.\n"
