"""Site-relative URLs, so pages work from any folder and on any static host."""

from __future__ import annotations

import posixpath


def relative_url(target: str, base: str) -> str:
    """The link from the page at ``base`` to ``target`` (both site-relative, e.g. ``glossary/raci/``)."""
    base_dir = base.rsplit("/", 1)[0] if "/" in base else ""
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(path or ".", base_dir or ".")
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
        if rel == "./" and base_dir == "":
            rel = "./"
    return rel + (f"#{fragment}" if fragment else "")
