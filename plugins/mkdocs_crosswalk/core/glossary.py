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

from lunr.stemmer import porter_stemmer

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
# Words around the -s form of a common-word name that make it a verb: "this means", "which makes", "lists the files".
_SUBJECT_CUES = frozenset(["it", "this", "that", "which", "he", "she", "what"])
_OBJECT_CUES = frozenset(["the", "a", "an", "it", "them", "us", "me", "him", "this", "these", "those", "your", "our", "their", "its", "my", "his"])
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


def rare_words(text: str) -> frozenset[str]:
    """The stems (word_stem) of the words of ``text`` that are not everyday English (not in common_words(), nor
    their singular, four letters or more): the words that say what a paragraph or a definition is about."""
    found = set()
    for _, _, token in _tokens(text):
        word = token.lower()
        if len(word) < 4 or not word.isalpha() or word in common_words():
            continue
        if not any(s in common_words() for s in _singulars(word)):
            found.add(word_stem(word))
    return frozenset(found)


@lru_cache(maxsize=65536)
def word_stem(word: str) -> str:
    """A lowercased word's Porter stem, by lunr's stemmer (search uses it too): "programming" and "programs" meet
    "program", "tests" meets "testing"."""
    return porter_stemmer.stem(word)


def paragraph_words(text: str) -> frozenset[str]:
    """The stems (word_stem) of every word of ``text`` of three letters or more: what a common-word mention's
    paragraph says (its rare words meet signatures, any word a qualifier such as "test")."""
    return frozenset(word_stem(token.lower()) for _, _, token in _tokens(text) if len(token) > 2 and token.isalpha())


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
QUALIFIED = "qualified"  # a common word that the title qualifies, "error (in a test)": linked where its paragraph says so
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # "reST", "iOS": written so on purpose


def sense_qualifier(title: str) -> tuple[str, frozenset[str]] | None:
    """``(name, words)`` when a title ends in a bracketed qualifier that says which sense of the name it means, as
    dictionaries write them: "error (in a test)" -> error, {test}; "variable (program)" -> variable, {program}. Not an
    expansion or an abbreviation in brackets ("CLI (Command Line Interface)", "artificial intelligence (AI)")."""
    found = re.fullmatch(r"\s*([^()]+?)\s*\(([^()]+)\)\s*", title)
    if not found or _is_abbreviation(found.group(1)):
        return None
    name, inner = found.group(1), found.group(2)
    initials = "".join(word[0] for word in re.findall(r"\w+", name)).lower()
    if re.sub(r"\W", "", inner).lower() == initials or _is_abbreviation(inner):
        return None
    words = {word_stem(w) for w in re.findall(r"[a-z]+", inner.lower()) if len(w) > 2 and w not in _QUALIFIER_FILLERS}
    return (name, frozenset(words)) if words else None


_QUALIFIER_FILLERS = frozenset(["the", "and", "for", "with", "from", "into", "of", "in", "an", "a", "as", "on"])


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


def autolink_names(term: Term, never: frozenset[str] = frozenset(), *, capitals_are_names: bool = False) -> list[tuple[str, str]]:
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
    qualified = sense_qualifier(term.title)
    found = []
    for name in [*title_names(term.title), *term.aliases]:
        if name.casefold() in never or (_letters(name) <= 1 and not as_written):
            continue
        common = is_common_word(name)
        # a name in a common word's spelling that is written as a name: "reST"; "Make", the build tool, in a glossary
        # that writes its other titles in lower case ("list", "key"); a title the author marked proper_noun
        named = _INNER_CAPITAL.search(name) is not None or (name == term.title and (term.proper_noun or (capitals_are_names and name[:1].isupper())))
        exact = as_written or _is_abbreviation(name) or _letters(name) <= 2 or (common and named)
        how = AS_WRITTEN if exact else (QUALIFIED if qualified and name == qualified[0] else WITH_EVIDENCE) if common else ANY_CASE
        found.append((name, how))
        if "_" in name.strip("_"):
            found.append((re.sub(r"(?<=[^\W_])_+(?=[^\W_])", " ", name), how))
    return found


# A definition that says its term is an act: "The process of analyzing ...", "To turn recordings into text".
_ACT = re.compile(r"\s*(?:(?:the|an?)\s+)?(?:process|act|practice|activity)\s+of\s|\s*to\s+[a-z]", re.IGNORECASE)


def activity_names(term: Term, never: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The -ing forms under which a term that names an act is linked too ("interpret", "The process of analyzing
    ..." -> "interpreting user feedback"), for its one-word names of five letters or more that are no common word.
    Not for a term that names a thing or a state ("Drift is the change ..."): "delivery drifting out of step" is
    not drift. Not -ed either, mostly the everyday verb ("can be interpreted as a probability")."""
    if not _ACT.match(term.summary):
        return []
    found = []
    for name, how in autolink_names(term, never):
        word = name.lower()
        if how == ANY_CASE and len(word) >= 5 and word.isalpha() and not word.endswith(("ing", "ed")):
            found.append(((word[:-1] if word.endswith("e") and not word.endswith("ee") else word) + "ing", ANY_CASE))
    return found


def lowercase_titles(terms: Iterable[Term]) -> bool:
    """Whether a glossary writes most of its titles in lower case ("list", "error (in a test)"), so that a title it
    capitalises is a name (autolink_names' ``capitals_are_names``)."""
    initials = [term.title[:1] for term in terms if term.title[:1].isalpha()]
    return sum(initial.islower() for initial in initials) * 2 > len(initials)


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
        self._plain: set[str] = set()  # terms with a name that needs no evidence: the kin whose definitions sign a term
        self.signatures: dict[str, frozenset[str]] = {}  # common-word term -> the rare words of its and its kin's definitions
        self.qualifiers: dict[str, frozenset[str]] = {}  # QUALIFIED term -> the words of its qualifier (sense_qualifier)
        self.namesakes: dict[str, list[str]] = {}  # common-word term -> the later terms whose name is the same word
        self.weak: frozenset[str] = frozenset()  # the terms with a common-word name (for_terms)
        # terms whose name is a common word written as a name ("Make"): not at the start of a sentence
        self._shy = {
            term_id
            for term_id, name, *how in names
            if how == [AS_WRITTEN] and name[:1].isupper() and not _is_abbreviation(name) and is_common_word(name)
        }
        for term_id, name, *how in names:
            how = how[0] if how else ANY_CASE
            exact = how == AS_WRITTEN or _is_abbreviation(name)
            end = _WEAK if how in (WITH_EVIDENCE, QUALIFIED) and not exact else _END
            tokens = [token if exact else token.lower() for _, _, token in _tokens(name)]
            forms = [tokens]
            if not exact and tokens:  # a plural name matches its singular ("Neural Networks" -> "a neural network")
                forms += [tokens[:-1] + [stem] for stem in _singulars(tokens[-1])]
            for form in forms:
                node = root = self._exact if exact else self._folded
                for token in form:
                    node = node.setdefault(token, {})
                if node is not root:
                    first = node.setdefault(end, term_id)  # a name two terms share stays with the first...
                    if first != term_id and end == _WEAK and term_id not in self.namesakes.setdefault(first, []):
                        self.namesakes[first].append(term_id)  # ... but a common word is linked in the sense its text means

    @classmethod
    def for_terms(cls, terms: Iterable[Term], never: Iterable[str] = ()) -> TermMatcher:
        """The matcher the site uses: each term under its :func:`autolink_names`; ``never``: words never linked.

        Evidence for a common-word name is a mention of a related term in the same section (one its definition
        names, one whose definition names it, one of its see_also), or, in the same paragraph, a rare word that its
        definition or a related term's uses (its signature: "the data your model will train on" shares "dataset"
        with Model's definition). So "Model" links in a section that also speaks of overfitting or a training set,
        and "for instance" on a page about interviews stays prose (:meth:`sense`)."""
        terms = list(terms)
        never = frozenset(word.casefold() for word in never)
        capitals = lowercase_titles(terms)
        names = [(term.id, name, how) for term in terms for name, how in autolink_names(term, never, capitals_are_names=capitals)]
        names += [(term.id, name, how) for term in terms for name, how in activity_names(term, never)]  # after: a name wins
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
        matcher._plain = {term_id for term_id, _, how in names if how not in (WITH_EVIDENCE, QUALIFIED)}
        matcher.weak = frozenset(term_id for term_id, _, how in names if how in (WITH_EVIDENCE, QUALIFIED))
        matcher.qualifiers = {
            term.id: qualified[1] for term in terms if (qualified := sense_qualifier(term.title)) and (term.id, qualified[0], QUALIFIED) in names
        }
        definitions = {term.id: rare_words(term.summary + "\n" + _body(term)) for term in terms}
        own_words: dict[str, set[str]] = {}  # the words of a term's own names: in its paragraph by definition
        for term_id, name, _ in names:
            own_words.setdefault(term_id, set()).update(paragraph_words(name))
        matcher.signatures = {
            term_id: definitions.get(term_id, frozenset()).union(
                *(definitions[kin] for kin in related.get(term_id, ()) & matcher._plain if kin in definitions)
            )
            - own_words[term_id]
            for term_id, _, how in names
            if how == WITH_EVIDENCE
        }
        return matcher

    def has_evidence(self, term_id: str, present: set[str], paragraph: frozenset[str] = frozenset()) -> bool:
        """Whether a common-word mention of ``term_id`` means the term: a related term is ``present`` in its section,
        or its ``paragraph`` (paragraph_words()) shares a rare word with the term's signature, as the simplified Lesk
        algorithm judges a sense."""
        return not self.related.get(term_id, set()).isdisjoint(present) or not self.signatures.get(term_id, frozenset()).isdisjoint(paragraph)

    def sense(
        self,
        term_id: str,
        present: set[str],
        paragraph: frozenset[str],
        named: Iterable[str] = (),
        done: Iterable[str] = (),
        about: frozenset[str] = frozenset(),
    ) -> str | None:
        """The term a mention of the common-word name of ``term_id`` means, given the terms ``present`` in its
        section, the ``paragraph_words()`` around it, the terms the page is ``named`` after and the words of what it
        is ``about`` (title, nav sections, headings): the first of ``term_id`` and the later terms of the same name
        (namesakes), not ``done`` already, with evidence. A QUALIFIED term needs a word of its qualifier in the
        paragraph, or else in what the page is about, and nothing else will do: "variable (program)" in a paragraph
        about a program, "error (in a test)" where tests are spoken of. None: the mention is plain English."""
        candidates = [c for c in (term_id, *self.namesakes.get(term_id, ())) if c not in done]
        for candidate in candidates:
            qualifier = self.qualifiers.get(candidate)
            if qualifier is not None:
                if not qualifier.isdisjoint(paragraph):
                    return candidate
            elif candidate in named or self.has_evidence(candidate, present, paragraph | about):
                return candidate
        return next((c for c in candidates if c in self.qualifiers and not self.qualifiers[c].isdisjoint(about)), None)

    def evidence_of(self, term_id: str) -> tuple:
        """Everything sense() weighs for ``term_id`` besides the page: its related terms, signature, qualifier and
        namesakes."""
        return (
            frozenset(self.related.get(term_id, ())),
            self.signatures.get(term_id, frozenset()),
            self.qualifiers.get(term_id),
            tuple(self.namesakes.get(term_id, ())),
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping mentions ``(start, end, term_id)`` in ``text``, left to right, the longest name first;
        a common-word name only where the text itself holds evidence for it."""
        found = self.mentions(text)
        present = {term_id for _, _, term_id, _ in found}
        words = paragraph_words(text) if any(weak for *_, weak in found) else frozenset()
        linked = [(s, e, self.sense(t, present, words) if weak else t) for s, e, t, weak in found]
        return [(s, e, t) for s, e, t in linked if t is not None]

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
                length, term_id, weak, inflected = match
                shy = term_id in self._shy and (i == 0 or tokens[i - 1][2] in ".!?:")  # "Make sure": any word starts a sentence so
                if not (shy or (weak and self._reads_as_verb(tokens, i, length, inflected))):
                    found.append((tokens[i][0], tokens[i + length - 1][1], term_id, weak))
                i += length
            else:
                i += 1
        return found

    @staticmethod
    def _reads_as_verb(tokens, i: int, length: int, inflected: bool) -> bool:
        """Whether a common-word name at tokens ``i`` to ``i + length - 1`` is a verb: after "to", "can", "we"...; or,
        in its -s form, after "it", "this", "which"... or before an object ("This means", "`ls` lists the files",
        "makes it fail"), where a plural noun seldom stands."""
        before = tokens[i - 1][2].lower() if i else ""
        if before in _VERB_CUES:
            return True
        after = tokens[i + length][2].lower() if i + length < len(tokens) else ""
        return inflected and (before in _SUBJECT_CUES or after in _OBJECT_CUES)

    def _compound_at(self, text, tokens, i) -> tuple[str, bool] | None:
        """``(term id, needs evidence)`` when tokens ``i`` and ``i + 1``, joined, are a one-word name (or its plural).
        Each half is a word of three letters or more ("data set", "hyper parameters"): "the person as a child" is no
        "personas"."""
        if i + 1 >= len(tokens) or text[tokens[i][1] : tokens[i + 1][0]] != " ":
            return None
        if not (tokens[i][2].isalpha() and tokens[i + 1][2].isalpha() and len(tokens[i][2]) > 2 and len(tokens[i + 1][2]) > 2):
            return None
        joined = (tokens[i][2] + tokens[i + 1][2]).lower()
        for form in (joined, *_singulars(joined)):
            node = self._folded.get(form)
            if node and (_END in node or _WEAK in node) and self._ends_word(tokens, i + 1):
                return (node[_END], False) if _END in node else (node[_WEAK], True)
        return None

    def _match_at(self, text, tokens, i) -> tuple[int, str, bool, bool] | None:
        """``(number of tokens, term id, needs evidence, ends in an -s the name has not)`` of the longest name
        starting at token ``i``."""
        after_slash = False
        if i and tokens[i - 1][1] == tokens[i][0] and tokens[i - 1][2] in _JOINS_BEFORE:
            if tokens[i - 1][2] != "/":
                return None  # glued to the word before ("e-RACI", "x-CI"): not the start of a name
            after_slash = True  # "x/CI" is no mention, but "training/validation set" names a validation set
        best: tuple[int, str, bool, bool] | None = None

        def consider(length: int, node: dict, fold: bool = True, inflected: bool = False) -> None:
            nonlocal best
            weak = _END not in node
            if after_slash and (length < 2 or not fold):
                return
            if (best is None or length > best[0] or (length == best[0] and best[2] and not weak)) and self._ends_word(
                tokens, i + length - 1, hyphen=fold and not weak
            ):
                best = (length, node[_WEAK] if weak else node[_END], weak, inflected)

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
                                consider(k + 1 - i, ends, inflected=True)
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
SKIP_CLASSES = frozenset(
    {"cw-no-autolink", "admonition-title", "cw-term__tip", "cw-kind-label", "cw-usage__group"}
)  # cards and kind labels are not prose
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
    html: str,
    matcher: TermMatcher,
    render: Callable[[str, str], str],
    *,
    skip_term: str | None = None,
    already: set[str] | None = None,
    subject: Iterable[str] = (),
) -> tuple[str, list[str]]:
    """Link the first mention of each term in the prose of ``html``.

    ``render(term_id, matched_html)`` returns the link markup. Text inside SKIP_ELEMENTS or
    an element with one of SKIP_CLASSES is left alone, and so are ``skip_term`` (a term's own
    page) and the ids in ``already`` (linked on the page by other means). A common-word name is
    linked only with evidence (TermMatcher.sense): its section mentions a related term (the page's
    own term and ``already`` count everywhere), its paragraph shares a rare word with the term's
    signature, or the page is about the term: its title, the titles of the nav sections it sits in
    (``subject``) or one of its headings names it ("Loss functions", "Injecting noise"). On a term's
    own page a common word is never linked in the words a paragraph opens with ("A method, function,
    ..."). Returns the new HTML and the ids linked, in order.
    """
    pieces = list(_prose(html))
    # each piece of markup's headings, read once: they say what the page is about and where its sections begin
    headings = {
        start: [_TAG.sub(" ", found.group(2)) for found in _HEADING.finditer(html, start, end)] for start, end, is_text in pieces if not is_text
    }
    about = [*subject, *(text for texts in headings.values() for text in texts)]
    named = {term_id for text in about for _, _, term_id, _ in matcher.mentions(text)}
    linked_already = set(already or ()) | ({skip_term} if skip_term else set())
    base = linked_already | named
    # text piece start -> the terms present in its section: in a large glossary nearly every page names some term
    # related to a common word, so a related term counts only between the same headings
    sections: dict[int, set[str]] = {}
    current = set(base)
    for start, end, is_text in pieces:
        if is_text:
            current.update(term_id for _, _, term_id, _ in matcher.mentions(html[start:end]))
            sections[start] = current
        elif headings[start]:
            current = set(base)
    linked: list[str] = []
    done = set(linked_already)
    paragraphs = _paragraph_words(html, pieces)
    about_words = paragraph_words(" ".join(about))
    out = [
        _link_text(html[start:end], matcher, render, done, linked, sections[start], named, paragraphs[start], about_words, skip_term)
        if is_text
        else html[start:end]
        for start, end, is_text in pieces
    ]
    return "".join(out), linked


# Tags that start or end a block of text: the paragraph whose words are a mention's context (TermMatcher.has_evidence).
_BLOCK = re.compile(
    r"</?(?:p|li|dd|dt|td|th|tr|div|h[1-6]|blockquote|section|article|aside|figure|figcaption|details|summary|table|ul|ol|dl|br|hr)(?=[\s/>])",
    re.IGNORECASE,
)


def _paragraph_words(html: str, pieces: list[tuple[int, int, bool]]) -> dict[int, Callable[[], frozenset[str]]]:
    """For each text piece (by its start), a function giving the paragraph_words() of the paragraph it is part of, worked
    out only when a common-word mention needs them: inline markup (a link, emphasis) does not end a paragraph."""
    found: dict[int, Callable[[], frozenset[str]]] = {}
    block: list[str] = []

    def words_of(texts: list[str], cache: list) -> Callable[[], frozenset[str]]:
        def words() -> frozenset[str]:
            if not cache:
                cache.append(paragraph_words(" ".join(texts)))
            return cache[0]

        return words

    current = words_of(block, [])
    for start, end, is_text in pieces:
        if is_text:
            block.append(html[start:end])
            found[start] = current
        elif _BLOCK.search(html, start, end):
            block = []
            current = words_of(block, [])
    return found


_HEADING = re.compile(r"<(h[1-6])(?=[\s>])[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)  # a heading: what the page is about


# "A method, function, or ..." / "A machine learning method where ...": the words a definition opens with name the
# general class of the term being defined, so a common word there is plain English, not the glossary's term.
_OPENING = re.compile(r"\s*an?\s+(?:(?!(?:of|for|to|in|on|with|by|from|that|which)\s)[\w-]+\s+){0,2}", re.IGNORECASE)


def _opens_definition(text: str, start: int) -> bool:
    return _OPENING.fullmatch(text, 0, start) is not None


def _link_text(
    text: str,
    matcher: TermMatcher,
    render,
    done: set[str],
    linked: list[str],
    present: set[str],
    named: set[str],
    paragraph: Callable[[], frozenset[str]],
    about: frozenset[str],
    own: str | None,
) -> str:
    if not text.strip():
        return text
    pieces, last = [], 0
    for start, end, term_id, weak in matcher.mentions(text):
        if weak:
            if own and _opens_definition(text, start):
                continue
            term_id = matcher.sense(term_id, present, paragraph(), named, done, about)
            if term_id is None:
                continue
        elif term_id in done:
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
        settled = term.autolink != "auto" or term.autolink_forms or term.proper_noun or sense_qualifier(term.title) is not None
        if not settled and not sure_alias and is_common_word(term.title):
            warnings.append(
                Problem(
                    source.path,
                    source.line_of(("title",)),
                    "title",
                    f"{term.title!r} is a very common English word, so a mention of it links only where its section "
                    "or paragraph shows the sense, and never as a verb; to be sure of the sense, add a multi-word alias "
                    "(such as 'training run'), write the sense in brackets in the title (such as 'run (of an experiment)'), "
                    "set 'proper_noun: true' if it is a name, or set 'autolink: as-written', 'autolink: never' or 'autolink_forms'",
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
