"""Crosswalk adds documents to lunr's Builder and makes their vectors in bulk (core/search.py,
_TermsBuilder): the serialized index must be the very one lunr's own Builder makes from the same terms,
or search.js and `crosswalk search` would rank differently from what lunr defines."""

from __future__ import annotations

from lunr.builder import Builder

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core import search as core_search
from support import REPO

KB = load_knowledge_base(REPO / "kb")


def both(fields, documents, *, boosts=None):
    """The serialized index of lunr's own Builder and of Crosswalk's, fed the same documents."""
    made = []
    for builder in (Builder(), core_search._builder(fields)):
        builder.ref("ref")
        for field in fields:
            builder.field(field, boost=(boosts or {}).get(field, 1))
        builder.metadata_whitelist = []
        for number, document in enumerate(documents):
            builder.add({"ref": str(number), **document}, attributes={"boost": 1 + number % 3} if boosts else None)
        made.append(builder.build().serialize())
    return made


def shipped_text_documents():
    documents = []
    for entry in core_search.entries_in_order(KB):
        for section in core_search.sections_of_markdown(entry, KB):
            documents.append({"text": [form for word in core_search.words(section.text) for form in core_search._forms(word)]})
    return documents


def test_the_text_index_of_the_shipped_knowledge_base_is_lunrs_own():
    documents = shipped_text_documents()
    assert len(documents) > 100 and sum(len(d["text"]) for d in documents) > 20_000
    lunrs, ours = both(["text"], documents)
    assert ours == lunrs


def test_two_fields_with_boosts_score_as_lunr_scores_them():
    # Crosswalk boosts nothing today; a boost must still come out as lunr's arithmetic gives it.
    documents = [
        {"key": [core_search.name_key(core_search.words(entry.title))], "name": core_search.words(entry.title + " " + entry.summary)}
        for entry in core_search.entries_in_order(KB)
    ]
    lunrs, ours = both(["key", "name"], documents, boosts={"key": 3})
    assert ours == lunrs
    assert lunrs["fieldVectors"][0][1] != both(["key", "name"], documents)[0]["fieldVectors"][0][1]  # the boosts did something


def test_a_document_with_an_empty_field_and_repeated_words_is_indexed_alike():
    documents = [{"text": []}, {"text": ["data", "drift", "data", "datum", "drift", "data"]}, {"text": ["drift"]}]
    lunrs, ours = both(["text"], documents)
    assert ours == lunrs


def test_a_field_empty_in_every_document_is_indexed_alike():
    # `crosswalk glossary define` searches names only: its text index holds no words at all.
    documents = [{"key": ["raci"], "name": []}, {"key": ["kpi"], "name": []}]
    lunrs, ours = both(["key", "name"], documents)
    assert ours == lunrs
