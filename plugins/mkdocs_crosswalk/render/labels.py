"""Text for pictures: Markdown reduced to the words a reader sees, measured and wrapped to fit a box.

SVG text does not wrap by itself, so the layout wraps it at build time. Widths come from the
metrics of Helvetica/Arial (and the metric-compatible Liberation Sans), the fonts the pictures
ask for first (assets/crosswalk/comparisons.css); a small margin covers fonts a little wider.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_LINE_MARKUP = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+|#{1,6}[ \t]+)", re.MULTILINE)  # quote and heading markers
_EMPHASIS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")  # bold, italics, code; snake_case keeps its underscores
_BREAK_AFTER = re.compile(r"[^/-]*[/-]+|[^/-]+")


def plain_text(markdown: str, titles: dict[str, str]) -> str:
    """Markdown reduced to the words a reader sees, for labels inside pictures."""
    text = _LINK.sub(lambda m: m.group(2) or titles.get(m.group(1).strip(), m.group(1)), markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _LIST_ITEM.sub("• ", text)  # list items stay apart once the lines are joined
    text = _EMPHASIS.sub("", _LINE_MARKUP.sub("", text))
    return re.sub(r"\s+", " ", text).strip()


def _by_width(groups: dict[float, str]) -> dict[str, float]:
    return {char: width for width, chars in groups.items() for char in chars}


# Advance widths in em of printable ASCII, measured in Chromium.
_REGULAR = _by_width({
    0.19: "'", 0.22: "ijl", 0.26: "|", 0.28: " !,./:;I[\\]ft", 0.33: "()-`r{}", 0.35: '"', 0.39: "*", 0.47: "^",
    0.5: "Jcksvxyz", 0.56: "#$0123456789?L_abdeghnopqu", 0.58: "+<=>~", 0.61: "FTZ", 0.67: "&ABEKPSVXY",
    0.72: "CDHNRUw", 0.78: "GOQ", 0.83: "Mm", 0.89: "%", 0.94: "W", 1.02: "@",
})
_BOLD = _by_width({
    0.24: "'", 0.28: " ,./I\\ijl|", 0.33: "!()-:;[]`ft", 0.39: "*r{}", 0.47: '"', 0.5: "z",
    0.56: "#$0123456789J_aceksvxy", 0.58: "+<=>^~", 0.61: "?FLTZbdghnopqu", 0.67: "EPSVXY",
    0.72: "&ABCDHKNRU", 0.78: "GOQw", 0.83: "M", 0.89: "%m", 0.94: "W", 0.98: "@",
})
_OTHER = 0.62  # accented letters, dashes, quotes: about an average letter, a little over
SAFETY = 1.06  # fonts a few percent wider than Helvetica (San Francisco, Segoe UI) still fit


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in px of ``text`` set at ``size`` px, with a margin for slightly wider fonts."""
    widths = _BOLD if bold else _REGULAR
    return sum(widths.get(char, _OTHER) for char in text) * size * SAFETY


def wrap(text: str, width: float, size: float, *, bold: bool = False, max_lines: int = 0) -> list[str]:
    """``text`` broken into lines no wider than ``width`` px; with ``max_lines``, cut short with an ellipsis."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        # "DevOps/MLOps" and "high-fidelity" may break after their slash or hyphen, like in a browser.
        for n, piece in enumerate(_BREAK_AFTER.findall(word)):
            candidate = line + piece if n else (f"{line} {piece}" if line else piece)
            if text_width(candidate, size, bold=bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width(piece, size, bold=bold) > width:  # longer than the box on its own: break it
                cut = _fitting_prefix(piece, width, size, bold)
                lines.append(piece[:cut] + "-")
                piece = piece[cut:]
            line = piece
    if line or not lines:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], width, size, bold)
    return lines


def _fitting_prefix(word: str, width: float, size: float, bold: bool) -> int:
    cut = len(word) - 1
    while cut > 1 and text_width(word[:cut] + "-", size, bold=bold) > width:
        cut -= 1
    return cut


def _with_ellipsis(line: str, width: float, size: float, bold: bool) -> str:
    line = line.rstrip(" -")
    while line and text_width(line + "…", size, bold=bold) > width:
        line = line[:-1].rstrip()
    return line + "…"
