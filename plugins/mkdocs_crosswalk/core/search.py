"""Search: the documents the site and `crosswalk search` share, their lunr indexes, and the queries.

Two lunr indexes, built here with `lunr` (Python) and serialized for the site:

- the *names* index: one document per entry or hand-written page, its title and aliases. Small, so
  it loads first, and it answers exact names, names that start with the query and typos in names;
- the *text* index: one document per section (a page's text up to its first heading, then each
  heading with an id and the text up to the next one), so a phrase from a case study's scenario or
  a rubric's sample answer lands on that section. It ships cut into shards of neighbouring terms
  (``shards_for`` picks the ones a query's words can touch, ``merge_shards`` joins them into one lunr
  index), so the browser fetches a query's words, not the whole text, and gets the whole index's answer.

Neither index has a lunr pipeline: words are made into index terms here, by ``words`` and
``stem`` (plural to singular), and queries are built clause by clause (``QUERY_PLAN``) rather than
parsed, so whatever a person types is text, never query syntax. assets/crosswalk/search.js reads
``QUERY_PLAN``, the limits, the kind order and the levels from the index metadata and builds the
same clauses for lunr.js: one ranking, two runtimes.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lunr.builder import Builder
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.query import Query, QueryPresence
from lunr.vector import Vector

from .kinds import BUILTIN_KINDS, KindRegistry
from .knowledge_base import KnowledgeBase
from .models import LEVELS, Entry
from .wording import plain_text

FORMAT = 5  # of the serialized files; search.js and Searcher refuse another
# The files the site ships, under its root; `crosswalk search --site` reads the same ones. The text
# index is one lunr index cut into shards of neighbouring terms ("{}" is the shard's number), and the
# passages into chunks of sections, so a query fetches only the terms it can match and the passages shown.
INDEX_FILES = {
    "names": "search/crosswalk-names.json",
    "text": "search/crosswalk-text.json",
    "shard": "search/text/{}.json",
    "snippets": "search/snippets/{}.json",
}
SNIPPET_SOURCE = 2000  # characters of a section kept for its snippet: enough to find a match in most
SHARD_CHARACTERS = 32_000  # of a shard's postings: a few round trips' worth, so a query fetches little
SNIPPET_CHUNK = 64  # sections per file of passages: a page of results fetches a few small files

# Words are runs of letters and digits (the same in search.js: /[\p{L}\p{N}]+/gu), lowercased:
# "A/B test" -> a, b, test; "CI/CD" -> ci, cd; "Fei-Fei" -> fei, fei. Punctuation never reaches lunr.
_WORD = re.compile(r"[^\W_]+")
LIMITS = {
    "words": 12,  # words of a query that are searched; the rest of a pasted essay is ignored
    "word_length": 40,  # longer "words" (a pasted hash) are cut, so no lunr automaton grows large
    "fuzzy_min": 4,  # shorter words are not matched with a typo ("ci" is not "cd")
    "key_length": 60,
}

# The tiers, best first. Each is one lunr query over one index; a result keeps its best tier.
# clause fields: which index field; "term": how the query's words become the term
#   key = all words joined ("ab test" and "A/B test" both give "abtest"),
#   stem_key = the same with the last word stemmed (plural and singular find each other),
#   root_key = the same with the last word's root (root(): "drifting", "drifted" and "drift" meet at "drift"),
#   word / stem = one clause per word, as written or stemmed,
#   surface = one clause per word that stemming changes, as written (the text index holds both forms,
#   so "feels like spam" finds "feel like spam" too but puts the words as typed first);
# "wildcard": "last" puts a trailing wildcard on the last word (or on the key), if it has at least
#   "wildcard_min" letters (in the text, "a*" would be hundreds of words, each in thousands of sections);
# "fuzzy": edit distance 1 (one letter missing, extra, different, or two swapped) for long enough words.
QUERY_PLAN = [
    {"tier": "exact name", "index": "names", "clauses": [{"field": "key", "term": "key"}, {"field": "key", "term": "stem_key"}]},
    {"tier": "name starts with", "index": "names", "clauses": [{"field": "key", "term": "key", "wildcard": "last"}]},
    {"tier": "name with a typo", "index": "names", "clauses": [{"field": "key", "term": "key", "fuzzy": True}]},
    {
        "tier": "name in another form",
        "index": "names",
        "clauses": [{"field": "key", "term": "root_key"}, {"field": "root", "term": "root_key"}],
    },
    {
        "tier": "words of a name",
        "index": "names",
        "clauses": [{"field": "name", "term": "word", "required": True, "wildcard": "last", "fuzzy": True}],
    },
    {
        "tier": "full text",
        "index": "text",
        "clauses": [{"field": "text", "term": "stem", "required": True, "wildcard": "last", "wildcard_min": 3}, {"field": "text", "term": "surface"}],
    },
]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def stem(word: str) -> str:
    """Plural to singular, so either finds the other ("retrospectives", "studies", "matches", "feels").

    Not lunr's Porter stemmer: lunr (Python) and lunr.js stem differently ("always", "play"), and the
    browser must make the very terms the index was built with. This rule is the one thing written
    twice (search.js has it too); tests/browser/test_search.py holds both to the same output over
    every word of the shipped knowledge base. Digits and short words (most abbreviations) are kept.
    """
    if len(word) < 4 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")  # "runn", "labell", "embedd": one consonant too many


def root(word: str) -> str:
    """A word's root for finding a name in another form: -ing, -ed or a final -e cut off, then a doubled last
    consonant undone ("drifting", "drifted" -> "drift"; "labelling", "labelled", "label" -> "label"; "prototyping",
    "prototype" -> "prototyp"). Only for words of six letters or more, so abbreviations and short words stay as they
    are. Applied to plural-folded words (stem()). Written twice like stem() (search.js), held to the same output."""
    if len(word) < 6 or not word.isalpha():
        return word
    for ending in ("ing", "ed", "e"):
        if word.endswith(ending):
            return _DOUBLED.sub(r"\1", word[: -len(ending)])
    return word


def name_key(name_words: list[str]) -> str:
    return "".join(name_words)


# Not text of the page: scripts, permalink signs, term definitions shown on hover (found under the term itself),
# pictures, and lists that repeat other entries' names and definitions: "Referenced by", and what a template marks
# data-search-exclude as Material does (a term's See also and "Used on" list, a role's vocabulary, a role pair's
# shared vocabulary).
# The entries they repeat are found under their own names; as short sections, such lists outranked the pages
# that discuss a term.
NOT_SEARCHED = "script, style, .headerlink, .cw-term__tip, svg, .cw-referenced-by, [data-search-exclude]"


@dataclass(frozen=True)
class Section:
    """A stretch of a page under one heading (or before the first one: heading "", anchor "")."""

    heading: str
    anchor: str
    text: str


def entry_document(entry: Entry, url: str) -> dict:
    return {
        "id": entry.id,
        "kind": entry.KIND,
        "label": entry.LABEL,
        "title": entry.title,
        "aliases": list(getattr(entry, "aliases", [])),
        "summary": entry.summary,
        "level": getattr(entry, "level", ""),
        "domains": list(getattr(entry, "domains", [])),
        "url": url,
    }


def page_document(title: str, url: str, boost: float = 1.0) -> dict:
    """A hand-written page's document; ``boost`` multiplies the scores of its sections in the full text, as
    Material's ``search: boost:`` does (below 1, the page's sections come after others that match as well)."""
    document = {"id": url, "kind": "page", "label": "Page", "title": title, "aliases": [], "summary": "", "level": "", "domains": [], "url": url}
    if boost != 1:
        document["boost"] = boost
    return document


def search_boost(value, where: str) -> float:
    """A page's ``search: boost:`` as a number: above 0 and at most 100, as given; anything else is refused, naming
    the page, rather than silently ignored."""
    if value is None:
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 100:
        raise ValueError(f"{where}: search: boost: {value!r} is not a number above 0 and at most 100 (for example 0.5 or 2)")
    return float(value)


def kind_order(kinds: KindRegistry = BUILTIN_KINDS) -> list[str]:
    """The order results of equal rank come in, and the kind filter's order, from the registry of kinds;
    hand-written pages last. Written into the index for search.js (with LEVELS), never copied into it."""
    return [*kinds.in_search_order(), "page"]


def entries_in_order(kb: KnowledgeBase) -> list[Entry]:
    """Every entry, by kind in search order, then by title: the order of the index's documents."""
    return [entry for kind in kb.kinds.in_search_order() for entry in kb.of_kind(kind)]


def entry_documents(kb: KnowledgeBase, url_for: Callable[[Entry], str]) -> list[dict]:
    return [entry_document(entry, url_for(entry)) for entry in entries_in_order(kb)]


# Elements whose text stands apart from its neighbours': table cells, list items, paragraphs. Their texts are joined
# with BETWEEN_BLOCKS (a snippet of a table reads "Stage · Owner · Review the design", not "Stage Owner Review the
# design"); other elements' texts with a space. Line breaks and rules separate too.
BLOCKS = frozenset(
    "address article aside blockquote caption dd details div dl dt figcaption figure footer form header hr li main nav "  # noqa: SIM905
    "ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
BREAKS = frozenset({"br", "hr"})
BETWEEN_BLOCKS = " · "
_ENDS_SENTENCE = frozenset(".!?:;·")  # after these, the next block needs no separator of its own
_CLOSING = tuple(".,;:!?)")  # text that goes on from the markup before it ("see <a>Planning</a>.")


def sections_of_html(html: str) -> list[Section]:
    """Split a page's content at every heading that has an id (the ones a link can land on)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(f"<div>{html}</div>")
    for node in tree.css(NOT_SEARCHED):
        node.decompose()
    sections: list[list] = [["", "", []]]
    heading_node = None
    block = None  # the block the text read last stands in (its mem_id); None at the start of a section
    last = ""  # the last character of text read in this section, but white space
    for node in tree.body.traverse(include_text=True):
        tag = node.tag
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            anchor = node.attributes.get("id") or ""
            if tag == "h1" or not anchor:
                heading_node = node
                continue
            sections.append([" ".join(node.text(separator=" ").split()), anchor, []])
            heading_node, block, last = node, None, ""
        elif tag in BREAKS:
            block = -1  # the next text starts afresh, as if in a block of its own
        elif tag == "-text":
            if heading_node is not None and _inside(node, heading_node):
                continue
            text, parts = node.text_content or "", sections[-1][2]
            if not text.strip():
                parts.append(" ")  # white space between blocks or words: keeps them apart
                continue
            here = _block_of(node)
            if block is not None and here != block and last:
                parts.append(" " if last in _ENDS_SENTENCE else BETWEEN_BLOCKS)
            elif not text.startswith(_CLOSING):
                # Elements laid out as boxes may touch ("<a>1. Intro</a><a>2. Scope</a>"): their words stay apart.
                parts.append(" ")
            parts.append(text)
            block, last = here, text.rstrip()[-1]
    result = []
    for heading, anchor, parts in sections:
        text = " ".join("".join(parts).split())
        if text or anchor:
            result.append(Section(heading, anchor, text))
    return result


def _block_of(node) -> int:
    """The mem_id of the nearest element around ``node`` whose text stands apart (BLOCKS), or 0 for none."""
    parent = node.parent
    while parent is not None:
        if parent.tag in BLOCKS:
            return parent.mem_id
        parent = parent.parent
    return 0


def _inside(node, ancestor) -> bool:
    parent = node.parent
    for _ in range(8):  # headings hold a few levels of inline markup at most
        if parent is None:
            return False
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def sections_of_markdown(entry: Entry, entries: Mapping[str, Entry]) -> list[Section]:
    """Each Markdown field and the body as one section, no anchor (see Searcher.of_knowledge_base), as the words a
    reader sees: "[[ab-test|A/B tests]]" is "A/B tests" in a snippet, as on the page."""
    from .references import markdown_texts

    return [Section("", "", " ".join(plain_text(text.text, entries) for text in markdown_texts(entry)))]


def build_indexes(documents: list[dict], sections: list[list[Section]], kinds: list[str]) -> dict[str, dict]:
    """The files the site ships under its root (INDEX_FILES), each a JSON-ready dict: the names index,
    the text index's manifest (sections, shard starts), its shards, and the passages in chunks.

    ``sections[i]`` are the sections of ``documents[i]``; ``kinds`` is :func:`kind_order`.
    """
    names = _builder(["key", "name", "root"])
    for number, doc in enumerate(documents):
        names_words = [words(name) for name in [doc["title"], *doc["aliases"]]]
        keys, roots = [], []
        for w in names_words:
            if w:
                keys += [name_key(w), name_key([*w[:-1], stem(w[-1])])]
                roots.append(name_key([*w[:-1], root(stem(w[-1]))]))
        # a root is kept only where it is no key already ("prototyp" for Prototype; Drift's is its key): the index
        # every page preloads stays small, and the tier looks for a query's root among the keys too
        names.add({"ref": str(number), "key": sorted(set(keys)), "name": [x for w in names_words for x in w], "root": sorted(set(roots) - set(keys))})
    text = _builder(["text"])
    section_rows, snippet_texts = [], []
    for number, doc_sections in enumerate(sections):
        for section in doc_sections:
            terms = text_terms(section.heading + " " + section.text)
            if terms:
                boost = documents[number].get("boost", 1)
                text.add({"ref": str(len(section_rows)), "text": terms}, attributes={"boost": boost} if boost != 1 else None)
                section_rows.append([number, section.heading, section.anchor])
                snippet_texts.append(section.text[:SNIPPET_SOURCE])
    meta = {
        "format": FORMAT,
        "kinds": kinds,
        "levels": list(LEVELS),
        "plan": QUERY_PLAN,
        "limits": LIMITS,
        "docs": [
            [d["id"], d["kind"], d["label"], d["title"], d["url"], d["level"], d["domains"], d["summary"] if d["kind"] == "term" else ""]
            for d in documents
        ],
    }
    # lunr cannot build an index of nothing; a site with no text still ships a (never matching) one
    serialized = (text if section_rows else _builder(["text"], empty=True)).build().serialize()
    del text  # the builder's tables go before the compact form is made: memory at 10,000 entries
    packed = compact(serialized)
    del serialized
    shards = _cut(packed)
    files = {
        INDEX_FILES["names"]: {"format": FORMAT, "meta": meta, "index": compact(names.build().serialize())},
        INDEX_FILES["text"]: {
            "format": FORMAT,
            "sections": pack_sections(section_rows),
            "snippet_chunk": SNIPPET_CHUNK,
            "index": {
                "version": packed["version"],
                "fields": packed["fields"],
                "pipeline": packed["pipeline"],
                "shards": [terms[0] if number else "" for number, (terms, _) in enumerate(shards)],
            },
        },
    }
    for number, (terms, postings) in enumerate(shards):
        files[INDEX_FILES["shard"].format(number)] = {"format": FORMAT, "terms": terms, "postings": postings}
    for number, start in enumerate(range(0, max(len(snippet_texts), 1), SNIPPET_CHUNK)):
        files[INDEX_FILES["snippets"].format(number)] = {"format": FORMAT, "text": snippet_texts[start : start + SNIPPET_CHUNK]}
    return files


def site_files(pages: list[tuple[dict, list[Section] | str]], kinds: list[str]) -> dict[str, str]:
    """The search files of a site (INDEX_FILES), path -> JSON text: ``pages`` are (document, sections),
    or (document, its published HTML), split into sections here."""
    sections = [found if isinstance(found, list) else sections_of_html(found) for _, found in pages]
    files = build_indexes([document for document, _ in pages], sections, kinds)
    return {path: dumps(data) for path, data in files.items()}


def _cut(packed: dict) -> list[tuple[list[str], dict]]:
    """The compact index's terms (sorted) in runs of about SHARD_CHARACTERS of postings each."""
    fields, terms = packed["fields"], packed["terms"]
    shards, start, size = [], 0, 0
    for number in range(len(terms)):
        size += len(terms[number]) + sum(len(dumps(packed["postings"][field][number])) for field in fields)
        if size >= SHARD_CHARACTERS or number == len(terms) - 1:
            shards.append((terms[start : number + 1], {field: packed["postings"][field][start : number + 1] for field in fields}))
            start, size = number + 1, 0
    return shards or [([], {field: [] for field in fields})]


def pack_sections(rows: list[list]) -> dict:
    """The sections as (document, heading, anchor) in few bytes: each distinct heading and anchor once,
    then per section the gap from the previous section's document and the number of its heading."""
    places: dict[tuple[str, str], int] = {}
    gaps, at, previous = [], [], 0
    for number, heading, anchor in rows:
        gaps.append(number - previous)
        previous = number
        at.append(places.setdefault((heading, anchor), len(places)))
    return {"places": [list(place) for place in places], "docs": gaps, "at": at}


def unpack_sections(packed: dict) -> list[list]:
    """[document number, heading, anchor] per section (search.js has the same)."""
    rows, number = [], 0
    for gap, place in zip(packed["docs"], packed["at"]):
        number += gap
        rows.append([number, *packed["places"][place]])
    return rows


def shards_for(starts: list[str], query_words: list[str]) -> list[int] | None:
    """The shards of the text index that the text tiers of QUERY_PLAN can touch for these words, in
    order (None: all of them, for a clause that could match any term). Terms are sorted across shards,
    and ``starts`` holds each shard's first term, so a term lives in the last shard starting at or before
    it, and a prefix also in the shards after that whose first term starts with it. search.js: shardsFor
    (it compares strings by UTF-16 units, which orders terms as Python does unless they hold letters
    beyond the Basic Multilingual Plane; lunr.js's own index loading assumes the same)."""
    wanted: set[int] = set()
    for step in QUERY_PLAN:
        if step["index"] != "text":
            continue
        for spec in step["clauses"]:
            for term, is_last in query_terms(spec, query_words):
                how = expansion(spec, term, is_last)
                if how == "fuzzy":
                    return None
                first = bisect_right(starts, term) - 1
                wanted.add(first)
                while how == "wildcard" and first + 1 < len(starts) and starts[first + 1].startswith(term):
                    first += 1
                    wanted.add(first)
    return sorted(wanted)


def merge_shards(manifest: dict, shards: list[dict]) -> dict:
    """The compact text index holding only these shards' terms (given in order). A lunr query over it
    scores every section as over the whole index: a section's score sums only the query's own terms."""
    index = manifest["index"]
    return {
        "version": index["version"],
        "fields": index["fields"],
        "pipeline": index["pipeline"],
        "terms": [term for shard in shards for term in shard["terms"]],
        "postings": {field: [p for shard in shards for p in shard["postings"][field]] for field in index["fields"]},
    }


def compact(serialized: dict) -> dict:
    """lunr's serialized index in fewer bytes, losing nothing lunr reads.

    lunr writes each (term, document) pair twice: in the inverted index (``"123":{}``) and in the
    document's field vector with its score. Here each term keeps, per field, its documents as gaps
    between numbers and their scores in thousandths (lunr keeps three decimals); ``expand`` (and
    ``expand`` in search.js) rebuilds both halves. Terms are renumbered in sorted order, which
    changes no score. A term in no document of a field (a name's joined key is no word of it, and the other way
    round) is ``0`` there, not an empty pair. Every ref must be a whole number (ours are).
    """
    fields = serialized["fields"]
    # field -> term number -> [(ref, score)]: the documents' vectors turned around, in one pass
    # (a term is in a document's vector exactly when the document is in the term's posting)
    # (flat lists [ref, score, ref, score, ...]: a million pairs as tuples would cost 60 MB more)
    found: dict[str, dict[int, list]] = {field: {} for field in fields}
    for field_ref, elements in serialized["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        ref, by_term = int(ref), found[field]
        pairs = iter(elements)
        for term_index, score in zip(pairs, pairs):
            flat = by_term.get(term_index)
            if flat is None:
                flat = by_term[term_index] = []
            flat += (ref, round(score * 1000))
    terms, postings = [], {field: [] for field in fields}
    for term, posting in serialized["invertedIndex"]:
        terms.append(term)
        for field in fields:
            flat = found[field].pop(posting["_index"], [])
            refs, scores = flat[0::2], flat[1::2]
            if any(a >= b for a, b in zip(refs, refs[1:])):  # vectors not in the order of their refs
                refs, scores = map(list, zip(*sorted(zip(refs, scores)))) if refs else ([], [])
            postings[field].append([[b - a for a, b in zip([0, *refs], refs)], scores] if refs else 0)
    return {"version": serialized["version"], "fields": fields, "pipeline": serialized["pipeline"], "terms": terms, "postings": postings}


def expand(packed: dict) -> dict:
    """The serialized lunr index ``compact`` was made from (search.js has the same, for lunr.js)."""
    inverted, vectors = [], {}
    for number, term in enumerate(packed["terms"]):
        posting = {"_index": number}
        for field in packed["fields"]:
            gaps, scores = packed["postings"][field][number] or ((), ())
            refs, ref = {}, 0
            for gap, score in zip(gaps, scores):
                ref += gap
                refs[str(ref)] = {}
                vectors.setdefault(f"{field}/{ref}", []).extend((number, score / 1000))
            posting[field] = refs
        inverted.append([term, posting])
    return {
        "version": packed["version"],
        "fields": packed["fields"],
        "fieldVectors": list(vectors.items()),
        "invertedIndex": inverted,
        "pipeline": packed["pipeline"],
    }


# Short parts joined by slashes, written as one name: "A/B", "CI/CD". A reader types "ab test" or "ci cd" as often.
_SLASHED = re.compile(r"(?<![\w./])[^\W_]{1,4}(?:/[^\W_]{1,4})+(?![^\W_]|/)")


def text_terms(text: str) -> list[str]:
    """The full-text index's terms for ``text``: each word and its stem, and for "A/B" or "CI/CD" the parts joined
    too ("ab", "cicd"), so that a query written either way finds the passage (names already match so: name_key)."""
    lowered = text.lower()
    terms = [form for w in words(lowered) for form in _forms(w)]
    terms += ["".join(words(found.group())) for found in _SLASHED.finditer(lowered)]
    return terms


@lru_cache(maxsize=1 << 16)  # a site's text is a few thousand distinct words, each written thousands of times
def _forms(word: str) -> tuple[str, ...]:
    stemmed = stem(word)
    return (stemmed,) if stemmed == word else (stemmed, word)


_NO_METADATA: dict = {}  # what every posting holds (no metadata is kept): one dict, not a million


class _TermsBuilder(Builder):
    """lunr's Builder, given each field as its list of index terms (lowercase, made by ``words`` and
    ``stem``), as it is here: there is no pipeline to run.

    Two of lunr's steps are done here in bulk, with lunr's own arithmetic and into lunr's own tables:
    ``add`` counts a document's terms (lunr wraps every word in a Token with a deep copy of its empty
    metadata and runs the empty pipeline over them: more than half of the indexing time), and the
    documents' vectors are made from sorted pairs (lunr inserts each term into a sorted list with a
    binary search of its own). ``build`` and ``serialize`` are lunr's; tests/search/test_indexing.py
    holds the serialized index to the one lunr's own Builder makes.
    """

    def add(self, doc, attributes=None):
        if self.metadata_whitelist:  # term metadata (positions) needs lunr's Tokens
            return super().add(doc, attributes)
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        fields, inverted_index = self._fields, self.inverted_index
        for field_name in fields:
            terms = doc[field_name]
            field_ref = f"{field_name}/{doc_ref}"
            counts = Counter(terms)  # in the order terms are first seen, as lunr numbers them
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(terms)
            for term in counts:
                posting = inverted_index.get(term)
                if posting is None:
                    posting = inverted_index[term] = {name: {} for name in fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                posting[field_name][doc_ref] = _NO_METADATA

    def _create_field_vectors(self):
        """Builder._create_field_vectors (BM25 with lunr's k1 and b, scores to three decimals), each
        vector made at once from its (term index, score) pairs in order."""
        k1, b = self._k1, self._b
        idfs: dict[str, tuple[int, float]] = {}
        field_vectors = {}
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            if not term_frequencies:  # (an empty field: its average length may be 0)
                field_vectors[field_ref] = Vector()
                continue
            field_name, doc_ref = field_ref.split("/", 1)
            field_boost, doc_boost = self._fields[field_name].boost, self._documents[doc_ref].get("boost", 1)
            norm = k1 * (1 - b + b * (self.field_lengths[field_ref] / self.average_field_length[field_name]))
            pairs = []
            for term, tf in term_frequencies.items():
                known = idfs.get(term)
                if known is None:
                    posting = self.inverted_index[term]
                    known = idfs[term] = (posting["_index"], Idf(posting, self.document_count))
                term_index, idf = known
                score = idf * ((k1 + 1) * tf) / (norm + tf)
                pairs.append((term_index, round(score * field_boost * doc_boost, 3)))
            pairs.sort()
            field_vectors[field_ref] = Vector([x for pair in pairs for x in pair])
        self.field_vectors = field_vectors


def _builder(fields: list[str], *, empty: bool = False) -> Builder:
    builder = _TermsBuilder()  # no pipeline: terms are made by words() and stem(), the same in search.js
    builder.ref("ref")
    for field in fields:
        builder.field(field)
    builder.metadata_whitelist = []
    if empty:
        builder.add({"ref": "-1", **{field: [] for field in fields}})
    return builder


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Result:
    doc: dict
    tier: int
    score: float
    heading: str = ""
    anchor: str = ""
    snippet: str = ""
    section: int = -1  # the text index's section, for a full-text match

    @property
    def url(self) -> str:
        return self.doc["url"] + (f"#{self.anchor}" if self.anchor else "")


class Searcher:
    """Queries the serialized indexes with lunr, in the order and with the clauses of QUERY_PLAN.

    ``read(path)`` gives one of the site's files (INDEX_FILES) as parsed JSON; text shards and passages
    are read when a query needs them, as search.js fetches them.
    """

    def __init__(self, read: Callable[[str], dict], *, full_text: bool = True):
        self._read = read
        names = self._file(INDEX_FILES["names"])
        meta = names["meta"]
        keys = ("id", "kind", "label", "title", "url", "level", "domains", "summary")
        self.docs = [dict(zip(keys, row)) for row in meta["docs"]]
        self.kinds = meta["kinds"]
        self.names_index = Index.load(expand(names["index"]))
        self.text = self._file(INDEX_FILES["text"]) if full_text else None
        if self.text is not None:
            self.sections = unpack_sections(self.text["sections"])
        self._shards: dict[int, dict] = {}
        self._snippets: dict[int, list[str]] = {}

    def _file(self, path: str) -> dict:
        data = self._read(path)
        if data.get("format") != FORMAT:
            raise ValueError(f"search index of another format (this Crosswalk reads format {FORMAT})")
        return data

    @classmethod
    def of_site(cls, site_dir) -> Searcher:
        """The index a built site ships (its search box's)."""
        from pathlib import Path

        return cls(lambda path: json.loads((Path(site_dir) / path).read_text(encoding="utf-8")))

    @classmethod
    def of_knowledge_base(cls, kb: KnowledgeBase, *, full_text: bool = True) -> Searcher:
        """Without a built site: the entries' own Markdown as their text, one section each (no
        hand-written pages, no section links), serialized and read back as a site's index would be."""
        docs = entry_documents(kb, lambda e: f"{e.SECTION}/{e.id}/")
        files = build_indexes(docs, [sections_of_markdown(kb[doc["id"]], kb) if full_text else [] for doc in docs], kind_order(kb.kinds))
        return cls(lambda path: json.loads(dumps(files[path])), full_text=full_text)

    def text_index(self, query_words: list[str]) -> Index:
        """lunr's index over the shards these words can touch (shards_for)."""
        starts = self.text["index"]["shards"]
        wanted = shards_for(starts, query_words)
        for number in range(len(starts)) if wanted is None else wanted:
            if number not in self._shards:
                self._shards[number] = self._file(INDEX_FILES["shard"].format(number))
        chosen = [self._shards[number] for number in (range(len(starts)) if wanted is None else wanted)]
        return Index.load(expand(merge_shards(self.text, chosen)))

    def passage(self, section: int) -> str:
        chunk, at = divmod(section, self.text["snippet_chunk"])
        if chunk not in self._snippets:
            self._snippets[chunk] = self._file(INDEX_FILES["snippets"].format(chunk))["text"]
        return self._snippets[chunk][at]

    def search(self, query: str, *, kind: str = "", level: str = "", domain: str = "", limit: int = 10) -> list[Result]:
        query_words = [w[: LIMITS["word_length"]] for w in words(query)[: LIMITS["words"]]]
        if not query_words:
            return []
        best: dict[int, Result] = {}
        indexes = {"names": self.names_index, "text": self.text_index(query_words) if self.text is not None else None}
        for tier, step in enumerate(QUERY_PLAN):
            index = indexes[step["index"]]
            if index is None:
                continue
            lunr_query = index.create_query()
            if not add_clauses(lunr_query, step["clauses"], query_words):
                continue
            for match in index.query(lunr_query):
                if step["index"] == "text":
                    row = self.sections[int(match["ref"])]
                    number, heading, anchor = row[0], row[1], row[2]
                else:
                    number, heading, anchor = int(match["ref"]), "", ""
                if number in best:
                    continue
                doc = self.docs[number]
                if (kind and doc["kind"] != kind) or (level and doc["level"] != level) or (domain and domain not in doc["domains"]):
                    continue
                best[number] = Result(doc, tier, match["score"], heading, anchor, section=int(match["ref"]) if step["index"] == "text" else -1)
        results = sorted(best.values(), key=lambda r: order_key(r, self.kinds))[:limit]
        for result in results:  # passages only for what is shown, as search.js fetches them
            if result.section >= 0:
                result.snippet = snippet(self.passage(result.section), query_words)
        return results


def order_key(result: Result, kinds: list[str]) -> tuple:
    """Tier first, then lunr's score (rounded, so float noise between runtimes does not reorder),
    then glossary terms before other kinds, then shorter titles."""
    return (result.tier, -round(result.score, 4), kinds.index(result.doc["kind"]), len(result.doc["title"]), result.doc["title"].lower())


def query_terms(spec: dict, query_words: list[str]) -> list[tuple[str, bool]]:
    """(term, is_last) pairs for one clause spec; empty when the clause does not apply."""
    how = spec["term"]
    if how in ("key", "stem_key", "root_key"):
        last_word = query_words[-1] if how == "key" else stem(query_words[-1])
        if how == "root_key":
            last_word = root(last_word)
        key_words = [*query_words[:-1], last_word]
        key = name_key(key_words)[: LIMITS["key_length"]]
        return [(key, True)] if key else []
    last = len(query_words) - 1
    if how == "surface":
        return [(w, i == last) for i, w in enumerate(query_words) if stem(w) != w]
    return [(stem(w) if how == "stem" else w, i == last) for i, w in enumerate(query_words)]


def add_clauses(lunr_query: Query, specs: Iterable[dict], query_words: list[str]) -> bool:
    added = False
    for spec in specs:
        for term, is_last in query_terms(spec, query_words):
            options = {"fields": [spec["field"]], "use_pipeline": False, "boost": 1}
            if spec.get("required"):
                options["presence"] = QueryPresence.REQUIRED
            how = expansion(spec, term, is_last)
            if how == "wildcard":
                options["wildcard"] = Query.WILDCARD_TRAILING
            elif how == "fuzzy":
                options["edit_distance"] = 1
            lunr_query.term(term, **options)
            added = True
    return added


def expansion(spec: dict, term: str, is_last: bool) -> str:
    """How a clause's term matches more than itself: "wildcard" (any term it starts), "fuzzy" (one edit) or ""."""
    if spec.get("wildcard") == "last" and is_last and len(term) >= spec.get("wildcard_min", 1):
        return "wildcard"
    if spec.get("fuzzy") and LIMITS["fuzzy_min"] <= len(term) <= LIMITS["word_length"]:
        return "fuzzy"
    return ""


def snippet(text: str, query_words: list[str], width: int = 160) -> str:
    """The stretch of a section's text around the first word that matches (plain text; the caller
    marks the matched words up as it escapes them)."""
    lowered = text.lower()
    at = -1
    for w in query_words:
        for candidate in (w, stem(w)):
            found = lowered.find(candidate)
            if found >= 0 and (at < 0 or found < at):
                at = found
    start = max(0, at - width // 3) if at >= 0 else 0
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
