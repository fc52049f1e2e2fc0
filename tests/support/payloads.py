"""A knowledge base whose every front-matter string carries script-injection payloads."""

from __future__ import annotations

from pathlib import Path

import yaml

from support import FIXTURES, copy_project

PAYLOAD = "<script>alert('xss-1')</script>\" onmouseover=\"alert('xss-2')\" x='</svg><img src=x onerror=alert(\"xss-3\")>' javascript:alert('xss-4')"
MARKDOWN_PAYLOAD = " [click](javascript:alert('xss-5')) [also](JaVaScRiPt&#58;alert('xss-6'))"
# Fields that hold ids, enumerations or numbers: validation rejects payloads there, so none are planted.
NOT_TEXT = {
    "kind",
    "id",
    "level",
    "domains",
    "skill",
    "persona",
    "audience",
    "ref",
    "requires",
    "see_also",
    "practice",
    "tools",
    "rubrics",
    "roles",
    "skills",
    "terms",
    "comparison",
    "stage",
    "raci",
    "from",
    "to",
    "week",
    "emotion",
    "duration_minutes",
    "role",
    "tags",
    "reviewed",
}


# Text that is harmless but must be escaped exactly once to read right: apostrophes, ampersands, quotes, brackets.
PUNCTUATION = "Ann's \"R&D\" <notes> & O'Brien's 'A&B' -> x<y>z"


def _plant(value, suffix: str, key=None):
    if key in NOT_TEXT:
        return value
    if isinstance(value, str):
        return value + " " + suffix
    if isinstance(value, list):
        return [_plant(item, suffix) for item in value]
    if isinstance(value, dict):
        return {k: _plant(v, suffix, k) for k, v in value.items()}
    return value


def payload_project(target: Path, suffix: str = PAYLOAD + MARKDOWN_PAYLOAD) -> Path:
    """The mini fixture with ``suffix`` (by default injection payloads) in every text field of every entry."""
    project = copy_project(FIXTURES / "mini", target)
    for path in sorted((project / "kb").rglob("*.md")):
        _, front, body = path.read_text().split("---\n", 2)
        planted = _plant(yaml.safe_load(front), suffix)  # nested ids and cell keys are kept, so references still resolve
        path.write_text("---\n" + yaml.safe_dump(planted, sort_keys=False, allow_unicode=True) + "---\n" + body)
    return project
