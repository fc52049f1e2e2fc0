"""The text index ships cut into shards of neighbouring terms: a query reads only the shards its words
can touch, and answers exactly as it would over the whole index."""

from __future__ import annotations

import re

import pytest
from lunr.index import Index

from mkdocs_crosswalk.core import load_knowledge_base
from mkdocs_crosswalk.core import search as core_search
from mkdocs_crosswalk.core.search import INDEX_FILES, QUERY_PLAN, Searcher, expand, merge_shards, shards_for, words
from support import REPO
from support.search_queries import HOSTILE, QUERIES

KB = load_knowledge_base(REPO / "kb")
# The named queries, single common words, a two-letter word, a plural, and the hostile inputs.
NAMED = [*QUERIES, "drifts", "model", "team", "it", "studies", "user s", *HOSTILE]


class Whole(Searcher):
    """The same files, every shard loaded for every query: the whole lunr index, as before the cut."""

    def text_index(self, query_words):
        shards = [self._file(INDEX_FILES["shard"].format(n)) for n in range(len(self.text["index"]["shards"]))]
        return Index.load(expand(merge_shards(self.text, shards)))


@pytest.fixture(scope="module")
def files():
    """The shipped knowledge base's index, in shards far smaller than a site's, so that words and
    prefixes often straddle them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(core_search, "SHARD_CHARACTERS", 400)
        docs = core_search.entry_documents(KB, lambda e: f"{e.SECTION}/{e.id}/")
        sections = [core_search.sections_of_markdown(KB[doc["id"]], KB) for doc in docs]
        made = core_search.build_indexes(docs, sections, core_search.kind_order(KB.kinds))
    return {path: core_search.json.loads(core_search.dumps(data)) for path, data in made.items()}


def starts_of(files) -> list[str]:
    return files[INDEX_FILES["text"]]["index"]["shards"]


def straddling_prefixes(files) -> list[str]:
    """Three-letter prefixes of terms on both sides of a shard boundary."""
    starts = starts_of(files)
    terms = {n: files[INDEX_FILES["shard"].format(n)]["terms"] for n in range(len(starts))}
    return sorted({terms[n][0][:3] for n in range(1, len(starts)) if terms[n - 1] and terms[n - 1][-1][:3] == terms[n][0][:3]})


def answers(searcher, query):
    return [(r.doc["id"], r.anchor, r.tier, round(r.score, 4), r.snippet) for r in searcher.search(query, limit=50)]


def test_the_cut_is_fine_enough_to_matter(files):
    assert len(starts_of(files)) > 100 and len(straddling_prefixes(files)) > 10


def test_every_query_answers_as_over_the_whole_index(files):
    read = lambda path: files[path]
    sharded, whole = Searcher(read), Whole(read)
    queries = NAMED + straddling_prefixes(files) + [f"user {p}" for p in straddling_prefixes(files)]
    pairs = {q[:20]: (answers(sharded, q), answers(whole, q)) for q in queries}
    assert {q: (a[:3], b[:3]) for q, (a, b) in pairs.items() if a != b} == {}
    full_text = next(tier for tier, step in enumerate(QUERY_PLAN) if step["index"] == "text")
    assert pairs["Spark Summit"][1][0][2] == full_text and "Spark Summit" in pairs["Spark Summit"][1][0][4]  # something to compare


def test_a_query_reads_only_the_shards_its_words_can_touch(files):
    read_paths = []
    searcher = Searcher(lambda path: read_paths.append(path) or files[path])
    searcher.search("Spark Summit")
    shards = [p for p in read_paths if re.fullmatch(INDEX_FILES["shard"].format(r"\d+"), p)]
    assert 1 <= len(shards) <= 4, shards
    # every word's term is in a shard that was read
    loaded = {term for path in shards for term in files[path]["terms"]}
    assert {"spark", "summit"} <= loaded


def test_a_prefix_reaches_every_shard_holding_terms_that_start_with_it(files):
    starts = starts_of(files)
    for prefix in straddling_prefixes(files):
        wanted = shards_for(starts, words(prefix))
        holding = {n for n in range(len(starts)) if any(t.startswith(prefix) for t in files[INDEX_FILES["shard"].format(n)]["terms"])}
        assert holding and holding <= set(wanted), prefix
