"""Words on the pages of a PDF, with their positions, read by poppler's pdftotext (installed by ./dev)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4  # points per millimetre


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    words: list[tuple[str, float, float]]  # text, top, bottom (points from the top of the page)

    @property
    def text(self) -> str:
        return " ".join(word for word, _, _ in self.words)


def pdf_pages(path: Path) -> list[PdfPage]:
    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for number, page in enumerate(ET.fromstring(xhtml).iterfind(".//x:page", ns), start=1):
        words = [(w.text or "", float(w.get("yMin")), float(w.get("yMax"))) for w in page.iterfind("x:word", ns)]
        pages.append(PdfPage(number, float(page.get("width")), float(page.get("height")), words))
    return pages
