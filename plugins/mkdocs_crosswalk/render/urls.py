"""Site-relative URLs, so pages work from any folder and on any static host."""

from __future__ import annotations

import posixpath
import re


def relative_url(target: str, base: str) -> str:
    """The link from the page at ``base`` to ``target`` (both site-relative, e.g. ``glossary/raci/``).

    Runs for every link on every page, so it compares path segments directly rather than
    calling ``posixpath.relpath``, which is many times slower.
    """
    path, hash_, fragment = target.partition("#")
    base_dirs = base.split("/")[:-1]
    parts = path.split("/")
    common = 0
    while common < len(base_dirs) and common < len(parts) - 1 and base_dirs[common] == parts[common]:
        common += 1
    rel = "../" * (len(base_dirs) - common) + "/".join(parts[common:])
    return (rel or "./") + hash_ + fragment


def resolve_url(href: str, base: str) -> str:
    """The site-relative URL that the relative ``href`` on page ``base`` points to."""
    base_dir = base.rsplit("/", 1)[0] if "/" in base else ""
    path, hash_, fragment = href.partition("#")
    if not path:
        return base + hash_ + fragment
    target = posixpath.normpath(posixpath.join(base_dir, path))
    target = "" if target == "." else target
    if path.endswith("/") and target:
        target += "/"
    return target + hash_ + fragment


_CROSSWALK_HREF = re.compile(r'(<a class="cw-ref[^"]*" href=")([^"]*)(")')


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """Crosswalk links rendered for the page at ``from_url``, made to work on the page at ``to_url``."""
    if from_url == to_url:
        return html
    return _CROSSWALK_HREF.sub(lambda m: m.group(1) + relative_url(resolve_url(m.group(2), from_url), to_url) + m.group(3), html)
