"""The glossary outside the term pages: finding mentions of terms in text, and export rows.

One matcher serves every term. Names (titles and aliases) are split into tokens and stored
in a trie of tokens, so matching walks the text's tokens once and, where a name may start,
follows the trie only as far as the text agrees: cost grows with the text, not with the
number of terms.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from typing import Callable, Iterable

from .knowledge_base import KnowledgeBase
from .models import Term

# Words, single marks, and HTML character references as one mark each, so "W&amp;B" in a page reads as "W&B".
_TOKEN = re.compile(r"&(?:[a-zA-Z]\w*|#\d+|#[xX][0-9a-fA-F]+);|\w+|[^\w\s]")
# Marks that join a word to the one before or after it ("x/RACI", "RACI-like", "CI/CD/CT"): no mention there.
_JOINS_BEFORE = frozenset("/-_.@#&+\\=~:")
_JOINS_AFTER = frozenset("/-_")
_END = ""  # the key under which a trie node keeps the term whose name ends there ("" is never a token)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every token, character references decoded."""
    found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    if "&" in text:
        found = [(start, end, unescape(token) if token[0] == "&" and len(token) > 1 else token) for start, end, token in found]
    return found


def _is_abbreviation(name: str) -> bool:
    """RACI, PRD, CI/CD: written without lowercase letters, so they match only as written."""
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)


def _singulars(token: str) -> tuple[str, ...]:
    """What a lowercased word may be the simple plural of: "personas" -> "persona", "processes" -> "process"."""
    if not token.endswith("s"):
        return ()
    return (token[:-1], token[:-2]) if token.endswith("es") else (token[:-1],)


class TermMatcher:
    def __init__(self, names: Iterable[tuple[str, str]]):
        """``names``: ``(term_id, name)`` pairs, a term's title and each alias."""
        self._exact: dict = {}  # abbreviations, by their tokens as written
        self._found: dict[str, list] = {}  # find()'s answers: layouts repeat card and list texts on many pages
        self._folded: dict = {}  # every other name, by its lowercased tokens
        for term_id, name in names:
            exact = _is_abbreviation(name)
            node = root = self._exact if exact else self._folded
            for _, _, token in _tokens(name):
                node = node.setdefault(token if exact else token.lower(), {})
            if node is not root:
                node.setdefault(_END, term_id)  # a name two terms share stays with the first

    @classmethod
    def for_terms(cls, terms: Iterable[Term]) -> "TermMatcher":
        return cls((term.id, name) for term in terms for name in term.names)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping mentions ``(start, end, term_id)`` in ``text``, left to right, the longest name first."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        tokens = _tokens(text)
        exact, folded = self._exact, self._folded
        found, i = [], 0
        while i < len(tokens):
            first = tokens[i][2]
            # most words start no name: a dictionary look-up or two rules them out
            if first not in exact and first.lower() not in folded and not (first[-1] in "sS" and self._may_be_plural(first.lower())):
                i += 1
                continue
            match = self._match_at(text, tokens, i)
            if match:
                length, term_id = match
                found.append((tokens[i][0], tokens[i + length - 1][1], term_id))
                i += length
            else:
                i += 1
        return found

    def _match_at(self, text, tokens, i) -> tuple[int, str] | None:
        """``(number of tokens, term id)`` of the longest name starting at token ``i``."""
        if i and tokens[i - 1][1] == tokens[i][0] and tokens[i - 1][2] in _JOINS_BEFORE:
            return None  # glued to the word before ("e-RACI", "x/CI"): not the start of a name
        best: tuple[int, str] | None = None

        def consider(length: int, term_id: str) -> None:
            nonlocal best
            if (best is None or length > best[0]) and self._ends_word(tokens, i + length - 1):
                best = (length, term_id)

        for trie, fold in ((self._exact, False), (self._folded, True)):
            node, k = trie, i
            while k < len(tokens):
                start, _, token = tokens[k]
                if k > i and text[tokens[k - 1][1] : start].strip():
                    break  # only white space may separate the words of a name
                key = token.lower() if fold else token
                child = node.get(key)
                if child is None:
                    if fold:  # a simple plural of the name's last word ("data drifts", "personas")
                        for stem in _singulars(key):
                            if stem[-1:].isalpha() and _END in node.get(stem, ()):
                                consider(k + 1 - i, node[stem][_END])
                    break
                node, k = child, k + 1
                if _END in node:
                    consider(k - i, node[_END])
        return best

    def _may_be_plural(self, folded: str) -> bool:
        return any(s in self._folded for s in _singulars(folded))

    @staticmethod
    def _ends_word(tokens, last: int) -> bool:
        """Whether a name may end at token ``last``: not glued to a joining mark ("RACI-like", "CI/CD/CT")."""
        if last + 1 >= len(tokens):
            return True
        after = tokens[last + 1]
        return not (after[0] == tokens[last][1] and after[2] in _JOINS_AFTER)


# Elements whose text is never linked: headings (table headers and <details> summaries too),
# links, code, and things that are not prose.
SKIP_ELEMENTS = frozenset(
    "h1 h2 h3 h4 h5 h6 th summary a code pre kbd samp script style svg math template noscript button textarea select label title".split()
)
# Classes that make an element a skip zone: the opt-out for templates and pages, and admonition titles.
SKIP_CLASSES = frozenset({"cw-no-autolink", "admonition-title"})
# Skip zones that may hold elements of their own name, so their end is found by counting.
_NESTING_SKIP = frozenset({"svg", "math"})
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_ATTRIBUTES = r"""[^'">]*(?:(?:"[^"]*"|'[^']*')[^'">]*)*"""  # attribute values may hold ">"


def _alternation(words) -> str:
    """A regex matching any of ``words``, shaped as a trie ("s(?:amp|cript)"): the engine tries one
    branch per letter instead of every word in turn (the walk below got about a fifth faster)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


_FLAT = _alternation(SKIP_ELEMENTS - _NESTING_SKIP)
# Markup with no text to link, consumed in one step: tags, comments, white space, and whole skip zones
# that never nest. It stops before text, and before any tag that may open another kind of skip zone.
_MARKUP = re.compile(
    rf"""(?:
        <(?P<zone>{_FLAT})(?=[\s/>]){_ATTRIBUTES}>.*?</(?P=zone)\s*>
      | <!--.*?-->
      | </?(?!{_alternation(SKIP_ELEMENTS)}(?=[\s/>]))[a-zA-Z][\w-]*(?![^>]*(?:{"|".join(map(re.escape, SKIP_CLASSES))})){_ATTRIBUTES}>
      | \s
    )+""",
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
_TAG = re.compile(rf"<(/?)([a-zA-Z][\w-]*)({_ATTRIBUTES})>")
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def _skip_zone(name: str, attributes: str) -> bool:
    if name in SKIP_ELEMENTS:
        return True
    found = _CLASS.search(attributes) if "class" in attributes else None
    return bool(found) and not SKIP_CLASSES.isdisjoint((found.group(1) or found.group(2) or found.group(3) or "").split())


@lru_cache(maxsize=64)
def _same_name_tags(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){re.escape(name)}(?=[\s/>]){_ATTRIBUTES}>", re.IGNORECASE)


def _zone_end(html: str, name: str, pos: int) -> int:
    """Where the element ``name`` that opened before ``pos`` closes, counting nested ones of its name."""
    depth = 1
    for tag in _same_name_tags(name).finditer(html, pos):
        if tag.group(0).endswith("/>"):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


def autolink_html(html: str, matcher: TermMatcher, render: Callable[[str, str], str], *, skip_term: str | None = None, already: set[str] | None = None) -> tuple[str, list[str]]:
    """Link the first mention of each term in the prose of ``html``.

    ``render(term_id, matched_html)`` returns the link markup. Text inside SKIP_ELEMENTS or
    an element with one of SKIP_CLASSES is left alone, and so are ``skip_term`` (a term's own
    page) and the ids in ``already`` (linked on the page by other means). Returns the new HTML
    and the ids linked, in order.
    """
    linked: list[str] = []
    done = set(already or ()) | ({skip_term} if skip_term else set())
    out: list[str] = []
    pos, size = 0, len(html)
    while pos < size:
        markup = _MARKUP.match(html, pos)
        if markup:
            end = markup.end()
        elif (tag := _TAG.match(html, pos)) is not None:  # a tag that may open a skip zone
            end = tag.end()
            name = tag.group(2).lower()
            if not tag.group(1) and name not in _VOID and not tag.group(3).endswith("/") and _skip_zone(name, tag.group(3)):
                end = _zone_end(html, name, end)
        else:  # text, up to the next tag
            end = html.find("<", pos + 1)
            end = size if end < 0 else end
            out.append(_link_text(html[pos:end], matcher, render, done, linked))
            pos = end
            continue
        out.append(html[pos:end])
        pos = end
    return "".join(out), linked


def _link_text(text: str, matcher: TermMatcher, render, done: set[str], linked: list[str]) -> str:
    if not text.strip():
        return text
    pieces, last = [], 0
    for start, end, term_id in matcher.find(text):
        if term_id in done:
            continue
        done.add(term_id)
        linked.append(term_id)
        pieces.append(text[last:start])
        pieces.append(render(term_id, text[start:end]))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def glossary_rows(kb: KnowledgeBase, url_for: Callable[[Term], str], *, domain: str | None = None, tag: str | None = None) -> list[dict]:
    """The glossary as plain rows, the one shape shared by glossary.json, CLI exports and search."""
    return [
        {"id": t.id, "title": t.title, "aliases": list(t.aliases), "domains": list(t.domains), "definition": t.summary, "url": url_for(t)}
        for t in kb.terms
        if (domain is None or domain in t.domains) and (tag is None or tag in t.tags)
    ]
