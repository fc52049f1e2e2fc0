"""Reading a built site the way a visitor's browser would."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser


@lru_cache(maxsize=512)
def _parse(path: str, mtime: float) -> LexborHTMLParser:
    return LexborHTMLParser(Path(path).read_text(encoding="utf-8"))


def page(site: Path, url: str) -> LexborHTMLParser:
    """The parsed page at a site-relative URL such as ``glossary/raci/``."""
    path = site / url / "index.html" if url.endswith("/") or url == "" else site / url
    return _parse(str(path), path.stat().st_mtime)


def content(site: Path, url: str):
    """The page's main content (Material's article), where Crosswalk renders."""
    return page(site, url).css_first("article.md-content__inner")


def resolve(from_url: str, href: str) -> tuple[str, str]:
    """The site-relative URL and fragment a relative ``href`` on ``from_url`` points to."""
    parts = urlsplit(href)
    base = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    target = posixpath.normpath(posixpath.join("/" + base, unquote(parts.path))).lstrip("/")
    if parts.path.endswith("/") and target:
        target += "/"
    if target == ".":
        target = ""
    return target, parts.fragment


def exists(site: Path, url: str) -> bool:
    path = site / url
    return (path / "index.html").is_file() if (url.endswith("/") or url == "") else path.is_file()
