"""The glossary outside the term pages: finding mentions of terms in text, and export rows.

One matcher serves every term. Names (titles and aliases) are split into tokens and
indexed by their first token, so matching walks the text's tokens once and only tries
the few names that start with the token at hand: cost grows with the text, not with
the number of terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .knowledge_base import KnowledgeBase
from .models import Term

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class _Name:
    term_id: str
    tokens: tuple[str, ...]  # as written for case-sensitive names, lowercased otherwise
    case_sensitive: bool


def _is_abbreviation(name: str) -> bool:
    """RACI, PRD, CI/CD: written without lowercase letters, so they match only as written."""
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)


class TermMatcher:
    def __init__(self, names: Iterable[tuple[str, str]]):
        """``names``: ``(term_id, name)`` pairs, a term's title and each alias."""
        self._index: dict[str, list[_Name]] = {}
        for term_id, name in names:
            sensitive = _is_abbreviation(name)
            tokens = tuple(t if sensitive else t.lower() for t in _TOKEN.findall(name))
            if tokens:
                self._index.setdefault(tokens[0].lower(), []).append(_Name(term_id, tokens, sensitive))
        for candidates in self._index.values():
            candidates.sort(key=lambda n: -len(n.tokens))  # the longest name wins

    @classmethod
    def for_terms(cls, terms: Iterable[Term]) -> "TermMatcher":
        return cls((term.id, name) for term in terms for name in term.names)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping mentions ``(start, end, term_id)`` in ``text``, left to right."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        found, i = [], 0
        while i < len(tokens):
            match = self._match_at(text, tokens, i)
            if match:
                length, term_id = match
                found.append((tokens[i][0], tokens[i + length - 1][1], term_id))
                i += length
            else:
                i += 1
        return found

    def _match_at(self, text, tokens, i):
        if i and tokens[i - 1][1] == tokens[i][0] and not tokens[i - 1][2].isspace():
            # glued to the token before ("e-RACI", "x/CI"): not the start of a name
            if _TOKEN.fullmatch(tokens[i - 1][2]) and not tokens[i - 1][2][0].isalnum() and tokens[i - 1][2] not in "([\"'“‘":
                return None
        for name in self._candidates(tokens[i][2].lower()):
            if self._tokens_match(text, tokens, i, name):
                return len(name.tokens), name.term_id
        return None

    def _candidates(self, token: str) -> list[_Name]:
        """Names starting with ``token``, or with its singular ("personas" -> persona), longest first."""
        found = list(self._index.get(token, ()))
        for stem in (token[:-1] if token.endswith("s") else None, token[:-2] if token.endswith("es") else None):
            if stem:
                found += [n for n in self._index.get(stem, ()) if len(n.tokens) == 1]
        return sorted(found, key=lambda n: -len(n.tokens)) if len(found) > 1 else found

    @staticmethod
    def _tokens_match(text, tokens, i, name: _Name) -> bool:
        last = len(name.tokens) - 1
        if i + last >= len(tokens):
            return False
        for k, expected in enumerate(name.tokens):
            start, end, token = tokens[i + k]
            if k and text[tokens[i + k - 1][1] : start].strip():
                return False  # only white space may separate the words of a name
            actual = token if name.case_sensitive else token.lower()
            if actual == expected:
                continue
            plural = not name.case_sensitive and k == last and expected[-1:].isalpha() and actual in (expected + "s", expected + "es")
            if not plural:
                return False
        end = tokens[i + last][1]
        nxt = tokens[i + last + 1] if i + last + 1 < len(tokens) else None
        # a name glued to more word characters or a joining mark ("RACI-like", "CI/CD/CT") is a different word
        return not (nxt and nxt[0] == end and nxt[2] in "/-_")


# Elements whose text is never linked: headings, links, code, and things that are not prose.
SKIP_ELEMENTS = frozenset("h1 h2 h3 h4 h5 h6 a code pre kbd samp script style svg button textarea select label title".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>|<!--.*?-->", re.DOTALL)
NO_AUTOLINK_CLASS = "cw-no-autolink"


def autolink_html(html: str, matcher: TermMatcher, render: Callable[[str, str], str], *, skip_term: str | None = None, already: set[str] | None = None) -> tuple[str, list[str]]:
    """Link the first mention of each term in the prose of ``html``.

    ``render(term_id, matched_html)`` returns the link markup. Text inside SKIP_ELEMENTS or
    an element with class ``cw-no-autolink`` is left alone, and so is ``skip_term`` (a term's
    own page). Returns the new HTML and the ids linked, in order.
    """
    linked: list[str] = []
    done = set(already or ()) | ({skip_term} if skip_term else set())
    out: list[str] = []
    skipping: list[list] = []  # [tag name, depth] of the skip zone we are inside
    pos = 0
    for tag in _TAG.finditer(html):
        out.append(_link_text(html[pos : tag.start()], matcher, render, done, linked) if not skipping else html[pos : tag.start()])
        out.append(tag.group(0))
        pos = tag.end()
        name = (tag.group(2) or "").lower()
        if not name or name in _VOID or tag.group(3).rstrip().endswith("/"):
            continue
        closing = tag.group(1) == "/"
        if skipping:
            if name == skipping[-1][0]:
                skipping[-1][1] += -1 if closing else 1
                if skipping[-1][1] == 0:
                    skipping.pop()
        elif not closing and (name in SKIP_ELEMENTS or NO_AUTOLINK_CLASS in tag.group(3)):
            skipping.append([name, 1])
    out.append(_link_text(html[pos:], matcher, render, done, linked) if not skipping else html[pos:])
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
