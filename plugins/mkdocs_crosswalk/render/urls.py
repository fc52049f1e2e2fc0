"""Site-relative URLs, so pages work from any folder and on any static host."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit


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


def site_url(href: str, base: str) -> str | None:
    """The site-relative URL (with its fragment) that ``href`` on the page at ``base`` leads to: the inverse of
    :func:`relative_url`. None for a link that leaves the site's relative URLs: to another origin, from the
    root (``/...``), to an anchor of the page itself, or above the site's root."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path))
    if path == ".." or path.startswith("../"):
        return None
    path = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


# A link to a site URL made before it is known which page shows it (an entry's fields appear on its
# own page and on others). Site URLs are made of slugs, so the placeholder survives HTML escaping.
_PLACEHOLDER = "crosswalk-href:"
_PLACEHOLDERS = re.compile(re.escape(_PLACEHOLDER) + r"([A-Za-z0-9/._#-]*)")


def href_placeholder(site_url: str) -> str:
    """What stands in an ``href`` for ``site_url`` until :func:`resolve_hrefs` knows the page."""
    return _PLACEHOLDER + site_url


def resolve_hrefs(html: str, page_url: str) -> str:
    """``html`` with each placeholder made a link from the page at ``page_url``."""
    if _PLACEHOLDER not in html:
        return html
    return _PLACEHOLDERS.sub(lambda m: relative_url(m.group(1), page_url), html)
