"""The glossary outside the term pages: finding mentions of terms in text, and export rows.

One matcher serves every term. Names (titles and aliases) are split into tokens and stored
in a trie of tokens, so matching walks the text's tokens once and, where a name may start,
follows the trie only as far as the text agrees: cost grows with the text, not with the
number of terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from html import unescape
from pathlib import Path

from .knowledge_base import KnowledgeBase
from .models import Term
from .problems import Problem

# Words, single marks, and HTML character references as one mark each, so "W&amp;B" in a page reads as "W&B".
_TOKEN = re.compile(r"&(?:[a-zA-Z]\w*|#\d+|#[xX][0-9a-fA-F]+);|\w+|[^\w\s]")
# Marks that join a word to the one before or after it ("x/RACI", "RACI-like", "CI/CD/CT"): no mention there.
_JOINS_BEFORE = frozenset("/-_.@#&+\\=~:")
_JOINS_AFTER = frozenset("/-_")
_END = ""  # the key under which a trie node keeps the term whose name ends there ("" is never a token)
_WEAK = "\0"  # ... and the term whose name ends there but needs evidence to be linked (a common word)
# Words before a common-word name that make it a verb ("used to model", "who runs", "should model"): no link.
_VERB_CUES = frozenset(["to", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "not", "i", "we", "you", "they", "who"])


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every token, character references decoded."""
    found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    if "&" in text:
        found = [(start, end, unescape(token) if token[0] == "&" and len(token) > 1 else token) for start, end, token in found]
    return found


def _is_abbreviation(name: str) -> bool:
    """RACI, PRD, CI/CD: written without lowercase letters, so they match only as written."""
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)


def _letters(name: str) -> int:
    return sum(c.isalnum() for c in name)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The commonest English words (core/common_words.txt, from wordfreq; see bench/common_words.py)."""
    text = (Path(__file__).with_name("common_words.txt")).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_common_word(name: str) -> bool:
    """A name of one everyday English word ("Run", "Instance", "Model"): in prose it usually means something else."""
    words = [token.lower() for _, _, token in _tokens(name)]
    return len(words) == 1 and (words[0] in common_words() or any(s in common_words() for s in _singulars(words[0])))


def _singulars(token: str) -> tuple[str, ...]:
    """What a lowercased word may be the simple plural of: "personas" -> "persona", "processes" -> "process".
    Words ending in -ss, -us, -is are not plurals ("loss", "status", "analysis")."""
    if not token.endswith("s") or token.endswith(("ss", "us", "is")) or len(token) < 4:
        return ()
    return (token[:-1], token[:-2]) if token.endswith("es") else (token[:-1],)


def name_keys(name: str) -> set[str]:
    """The lowercased forms under which ``name`` is looked up: itself, its singular and its plural
    ("Personas" -> personas, persona; "neural network" -> neural network, neural networks). For
    `crosswalk define` and search, so a reader finds a term however it was written."""
    folded = " ".join(token.lower() for _, _, token in _tokens(name))
    head, _, last = folded.rpartition(" ")
    prefix = head + " " if head else ""
    keys = {folded, *(prefix + stem for stem in _singulars(last))}
    if _letters(last) > 2 and last[-1:].isalpha() and not _singulars(last):
        keys.add(prefix + last + ("es" if last.endswith(("s", "x", "z", "ch", "sh")) else "s"))
    return keys


AS_WRITTEN, ANY_CASE, WITH_EVIDENCE = "as-written", "any-case", "with-evidence"  # how a name matches in prose


def title_names(title: str) -> list[str]:
    """A title's names once its parenthesised parts are read as optional or as an expansion, as glossaries write
    them: "CLI (Command Line Interface)" -> CLI, Command Line Interface; "(success) metric" -> metric, success
    metric; "(the) 'experience'" -> experience, the experience."""
    if "(" not in title and title[:1] not in "'\"":
        return [title]
    bare = " ".join(re.sub(r"\([^()]*\)", " ", title).split()).strip("'\" ")
    joined = " ".join(re.sub(r"[()]", " ", title).split()).strip("'\" ").replace(" '", " ").replace("' ", " ")
    names = [n for n in dict.fromkeys([bare, joined]) if n]
    inner = re.fullmatch(r"\s*(\S+)\s*\(([^()]+)\)\s*", title)
    if inner and _is_abbreviation(inner.group(1)):
        names.append(inner.group(2).strip())
    return names or [title]


def autolink_names(term: Term, never: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The names under which mentions of ``term`` are linked in prose, each with how it matches
    (AS_WRITTEN, ANY_CASE or WITH_EVIDENCE).

    The rules (docs/guide/glossary.md): abbreviations and names of one or two letters or digits match only as
    written and never as plurals; a name of one letter is not linked at all; a name that is one common English
    word links only with evidence (see TermMatcher); names in ``never`` (the site's list) are not linked;
    snake_case names also match as words ("random_state" -> "random state").
    """
    if term.autolink == "never":
        return []
    if term.autolink_forms:
        return [(form, AS_WRITTEN) for form in term.autolink_forms]
    as_written = term.autolink == "as-written"
    found = []
    for name in [*title_names(term.title), *term.aliases]:
        if name.casefold() in never or (_letters(name) <= 1 and not as_written):
            continue
        exact = as_written or _is_abbreviation(name) or _letters(name) <= 2
        how = AS_WRITTEN if exact else WITH_EVIDENCE if is_common_word(name) else ANY_CASE
        found.append((name, how))
        if "_" in name.strip("_"):
            found.append((re.sub(r"(?<=[^\W_])_+(?=[^\W_])", " ", name), how))
    return found


def _body(term: Term) -> str:
    """The term page's own text, when the term was loaded from a file."""
    return term._source.body if getattr(term, "_source", None) is not None else ""


_LAST_READER: list = [None, None]  # (names, the matcher without evidence) of the last for_terms


class TermMatcher:
    def __init__(self, names: Iterable[tuple[str, str] | tuple[str, str, str]], related: dict[str, set[str]] | None = None):
        """``names``: ``(term_id, name)`` or ``(term_id, name, how)`` with ``how`` one of AS_WRITTEN, ANY_CASE,
        WITH_EVIDENCE; an abbreviation always matches only as written. ``related``: term id -> the terms whose
        mention on a page is evidence for a WITH_EVIDENCE name of it (see :meth:`for_terms`)."""
        self._exact: dict = {}  # names that match only as written, by their tokens as written
        self._found: dict[str, list] = {}  # find()'s answers: layouts repeat card and list texts on many pages
        self._folded: dict = {}  # every other name, by its lowercased tokens
        self.related = related or {}
        self._plain: set[str] = set()  # terms with a name that needs no evidence: the only steps of two-step evidence
        for term_id, name, *how in names:
            how = how[0] if how else ANY_CASE
            exact = how == AS_WRITTEN or _is_abbreviation(name)
            end = _WEAK if how == WITH_EVIDENCE and not exact else _END
            tokens = [token if exact else token.lower() for _, _, token in _tokens(name)]
            forms = [tokens]
            if not exact and tokens:  # a plural name matches its singular ("Neural Networks" -> "a neural network")
                forms += [tokens[:-1] + [stem] for stem in _singulars(tokens[-1])]
            for form in forms:
                node = root = self._exact if exact else self._folded
                for token in form:
                    node = node.setdefault(token, {})
                if node is not root:
                    node.setdefault(end, term_id)  # a name two terms share stays with the first

    @classmethod
    def for_terms(cls, terms: Iterable[Term], never: Iterable[str] = ()) -> TermMatcher:
        """The matcher the site uses: each term under its :func:`autolink_names`; ``never``: words never linked.

        Evidence for a common-word name is a mention of a related term on the same page: one its definition
        names, one whose definition names it, one of its see_also, or a term related to one of those that is not
        itself a common word. So "Model" links on a page that also speaks of overfitting or a training set, and
        "for instance" on a page about interviews stays prose (:meth:`has_evidence`)."""
        terms = list(terms)
        never = frozenset(word.casefold() for word in never)
        names = [(term.id, name, how) for term in terms for name, how in autolink_names(term, never)]
        # The reader's mentions depend on the names alone: after an edit to a term's prose in `serve`, the
        # names are the same, and only the edited text is read again (the others' mentions are remembered).
        if _LAST_READER[0] != names:
            _LAST_READER[:] = [names, TermMatcher(names)]
        reader = _LAST_READER[1]
        related: dict[str, set[str]] = {term.id: set(term.see_also) for term in terms}
        for term in terms:
            for _, _, other, _ in reader.mentions(term.summary + "\n" + _body(term)):
                if other != term.id:
                    related[term.id].add(other)
                    related.setdefault(other, set()).add(term.id)
            for other in term.see_also:
                related.setdefault(other, set()).add(term.id)
        matcher = cls(names, related)
        matcher._plain = {term_id for term_id, _, how in names if how != WITH_EVIDENCE}
        return matcher

    def has_evidence(self, term_id: str, present: set[str]) -> bool:
        """Whether the terms ``present`` on a page make a common-word mention of ``term_id`` mean the term: a related
        term is present, or two steps away through terms that are not common words (so a page about early stopping
        that speaks of epochs and overfitting is evidence for "accuracy")."""
        related = self.related.get(term_id, set())
        if not related.isdisjoint(present):
            return True
        sure = present & self._plain  # the far end must be named unambiguously too: two common words prove nothing
        return any(not (self.related.get(near, set()) - {term_id}).isdisjoint(sure) for near in related & self._plain)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping mentions ``(start, end, term_id)`` in ``text``, left to right, the longest name first;
        a common-word name only where the text itself holds evidence for it."""
        found = self.mentions(text)
        present = {term_id for _, _, term_id, _ in found}
        return [(s, e, t) for s, e, t, weak in found if not weak or self.has_evidence(t, present)]

    def mentions(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Every mention ``(start, end, term_id, needs_evidence)``: ``needs_evidence`` for a common-word name."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> list[tuple[int, int, str, bool]]:
        tokens = _tokens(text)
        exact, folded = self._exact, self._folded
        found, i = [], 0
        while i < len(tokens):
            first = tokens[i][2]
            compound = self._compound_at(text, tokens, i)
            if compound:  # "hyper parameters", "data set": a closed compound written as two words
                found.append((tokens[i][0], tokens[i + 1][1], *compound))
                i += 2
                continue
            # most words start no name: a dictionary look-up or two rules them out
            folded_first = first.lower()
            if first not in exact and folded_first not in folded and not (first[-1] in "sS" and self._may_be_plural(folded_first)):
                i += 1
                continue
            match = self._match_at(text, tokens, i)
            if match:
                length, term_id, weak = match
                if not (weak and i and tokens[i - 1][2].lower() in _VERB_CUES):
                    found.append((tokens[i][0], tokens[i + length - 1][1], term_id, weak))
                i += length
            else:
                i += 1
        return found

    def _compound_at(self, text, tokens, i) -> tuple[str, bool] | None:
        """``(term id, needs evidence)`` when tokens ``i`` and ``i + 1``, joined, are a one-word name (or its plural)."""
        if i + 1 >= len(tokens) or text[tokens[i][1] : tokens[i + 1][0]] != " " or not tokens[i][2].isalpha() or not tokens[i + 1][2].isalpha():
            return None
        joined = (tokens[i][2] + tokens[i + 1][2]).lower()
        for form in (joined, *_singulars(joined)):
            node = self._folded.get(form)
            if node and (_END in node or _WEAK in node) and self._ends_word(tokens, i + 1):
                return (node[_END], False) if _END in node else (node[_WEAK], True)
        return None

    def _match_at(self, text, tokens, i) -> tuple[int, str, bool] | None:
        """``(number of tokens, term id, needs evidence)`` of the longest name starting at token ``i``."""
        after_slash = False
        if i and tokens[i - 1][1] == tokens[i][0] and tokens[i - 1][2] in _JOINS_BEFORE:
            if tokens[i - 1][2] != "/":
                return None  # glued to the word before ("e-RACI", "x-CI"): not the start of a name
            after_slash = True  # "x/CI" is no mention, but "training/validation set" names a validation set
        best: tuple[int, str, bool] | None = None

        def consider(length: int, node: dict, fold: bool = True) -> None:
            nonlocal best
            weak = _END not in node
            if after_slash and (length < 2 or not fold):
                return
            if (best is None or length > best[0] or (length == best[0] and best[2] and not weak)) and self._ends_word(
                tokens, i + length - 1, hyphen=fold and not weak
            ):
                best = (length, node[_WEAK] if weak else node[_END], weak)

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
                            ends = node.get(stem, {})
                            if stem[-1:].isalpha() and (_END in ends or _WEAK in ends):
                                consider(k + 1 - i, ends)
                    break
                node, k = child, k + 1
                if _END in node or _WEAK in node:
                    consider(k - i, node, fold)
        return best

    def _may_be_plural(self, folded: str) -> bool:
        return any(s in self._folded for s in _singulars(folded))

    @staticmethod
    def _ends_word(tokens, last: int, hyphen: bool = False) -> bool:
        """Whether a name may end at token ``last``: not glued to a joining mark ("RACI-like", "CI/CD/CT"). With
        ``hyphen`` (a name in any case that is no common word), a hyphen may follow: "hyperparameter-tuning" is
        still about hyperparameters, while "RACI-like" or "run-time" are other words."""
        if last + 1 >= len(tokens):
            return True
        after = tokens[last + 1]
        return not (after[0] == tokens[last][1] and after[2] in _JOINS_AFTER and not (hyphen and after[2] == "-"))


# Elements whose text is never linked: headings (table headers and <details> summaries too),
# links, code, and things that are not prose.
SKIP_ELEMENTS = frozenset(
    [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "th",
        "summary",
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "svg",
        "math",
        "template",
        "noscript",
        "button",
        "textarea",
        "select",
        "label",
        "title",
    ]
)
# Classes that make an element a skip zone: the opt-out for templates and pages, and admonition titles.
SKIP_CLASSES = frozenset({"cw-no-autolink", "admonition-title", "cw-term__tip", "cw-kind-label"})  # cards and kind labels are not prose
# Skip zones that may hold elements of their own name, so their end is found by counting.
_NESTING_SKIP = frozenset({"svg", "math"})
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
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


def _prose(html: str):
    """``(start, end, is_text)`` pieces of ``html`` in order: text that may be linked, and everything else."""
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
            yield pos, end, True
            pos = end
            continue
        yield pos, end, False
        pos = end


def autolink_html(
    html: str, matcher: TermMatcher, render: Callable[[str, str], str], *, skip_term: str | None = None, already: set[str] | None = None
) -> tuple[str, list[str]]:
    """Link the first mention of each term in the prose of ``html``.

    ``render(term_id, matched_html)`` returns the link markup. Text inside SKIP_ELEMENTS or
    an element with one of SKIP_CLASSES is left alone, and so are ``skip_term`` (a term's own
    page) and the ids in ``already`` (linked on the page by other means). A common-word name is
    linked only when the page mentions a related term (TermMatcher.has_evidence), the page's own
    term and ``already`` included, and on a term's own page never in the words a paragraph opens
    with ("A method, function, ..."). Returns the new HTML and the ids linked, in order.
    """
    pieces = list(_prose(html))
    present = set(already or ()) | ({skip_term} if skip_term else set())
    for start, end, is_text in pieces:
        if is_text:
            present.update(term_id for _, _, term_id, _ in matcher.mentions(html[start:end]))
    linked: list[str] = []
    done = set(already or ()) | ({skip_term} if skip_term else set())
    out = [
        _link_text(html[start:end], matcher, render, done, linked, present, skip_term) if is_text else html[start:end]
        for start, end, is_text in pieces
    ]
    return "".join(out), linked


# "A method, function, or ..." / "A machine learning method where ...": the words a definition opens with name the
# general class of the term being defined, so a common word there is plain English, not the glossary's term.
_OPENING = re.compile(r"\s*an?\s+(?:(?!(?:of|for|to|in|on|with|by|from|that|which)\s)[\w-]+\s+){0,2}", re.IGNORECASE)


def _opens_definition(text: str, start: int) -> bool:
    return _OPENING.fullmatch(text, 0, start) is not None


def _link_text(text: str, matcher: TermMatcher, render, done: set[str], linked: list[str], present: set[str], own: str | None) -> str:
    if not text.strip():
        return text
    pieces, last = [], 0
    for start, end, term_id, weak in matcher.mentions(text):
        if term_id in done or (weak and not matcher.has_evidence(term_id, present)) or (weak and own and _opens_definition(text, start)):
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


MIN_DEFINITION_WORDS = 4  # "A user archetype." reads as a definition; "Ideation." or "See below:" does not


def glossary_warnings(kb: KnowledgeBase) -> list[Problem]:
    """What `crosswalk check` warns about in the glossary: things that build, but read or link badly."""
    warnings = []
    for term in kb.terms:
        source = term.source
        sure_alias = any(len(alias.split()) > 1 for alias in term.aliases)  # "model accuracy" always links
        if term.autolink == "auto" and not term.autolink_forms and not sure_alias and is_common_word(term.title):
            warnings.append(
                Problem(
                    source.path,
                    source.line_of(("title",)),
                    "title",
                    f"{term.title!r} is a very common English word, so a mention of it links only on pages that also "
                    "mention a related term, and never as a verb; to be sure of the sense, add a multi-word alias "
                    "(such as 'training run') or set 'autolink: as-written', 'autolink: never' or 'autolink_forms'",
                )
            )
        summary = term.summary.strip()
        if summary.endswith(":") or len(summary.split()) < MIN_DEFINITION_WORDS:
            warnings.append(
                Problem(
                    source.path,
                    source.line_of(("summary",)),
                    "summary",
                    f"the summary is shown as the definition, but {summary!r} does not read as one: write a "
                    f"sentence of at least {MIN_DEFINITION_WORDS} words that does not end with ':'",
                )
            )
    return warnings


def glossary_rows(kb: KnowledgeBase, url_for: Callable[[Term], str], *, domain: str | None = None, tag: str | None = None) -> list[dict]:
    """The glossary as plain rows, the one shape shared by glossary.json, CLI exports and search."""
    return [
        {"id": t.id, "title": t.title, "aliases": list(t.aliases), "domains": list(t.domains), "definition": t.summary, "url": url_for(t)}
        for t in kb.terms
        if (domain is None or domain in t.domains) and (tag is None or tag in t.tags)
    ]
