"""axe-core in a Playwright page: the accessibility findings a reader with assistive technology would meet.

axe-core is pinned and installed by ./dev (next to the venv, from npm), so a test run never fetches it.
"""

from __future__ import annotations

from support import REPO

AXE_JS = REPO / ".venv" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_source() -> str:
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run ./dev test once, which installs the pinned axe-core")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, exclude: tuple[str, ...] = (), skip_rules: tuple[str, ...] = (), source: str | None = None) -> list[dict]:
    """Every serious or critical WCAG A/AA (and best-practice) violation on the page as it is now, one dict per rule."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=source or axe_source())
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]}
    result = page.evaluate(
        """([context, skip]) => axe.run(context, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
            resultTypes: ['violations'],
            rules: Object.fromEntries(skip.map((id) => [id, {enabled: false}])),
        })""",
        [context, list(skip_rules)],
    )
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


def describe(violations: list[dict]) -> str:
    """One line per rule with a few of the offending elements, for an assertion message."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:4])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} — {targets}")
    return "\n".join(lines)
