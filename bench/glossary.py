#!/usr/bin/env python3
"""Glossary autolinking benchmark: 2,000 terms over 5,000 pages, against a naive baseline.

usage: python bench/glossary.py [--terms 2000] [--pages 5000] [--runs 5]

Times Crosswalk's autolinker (one matcher, a trie of name tokens, for all terms) over every page, and
in the same run a naive linker that runs one regular expression per term, on a sample of
pages (it is too slow for all of them), scaled per page. Also checks that the cost grows
linearly with text length (pages four times as long). Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "plugins"))
sys.path.insert(0, str(HERE))
from generate import ADJECTIVES, NOUNS, WORDS  # noqa: E402

from mkdocs_crosswalk.core.glossary import TermMatcher, autolink_html  # noqa: E402


def make_terms(n: int, rng: random.Random) -> list[tuple[str, str]]:
    names, seen, terms = [], set(), 0
    while terms < n:
        words = [rng.choice(ADJECTIVES), rng.choice(NOUNS)] + ([rng.choice(WORDS)] if rng.random() < 0.3 else [])
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        term_id = f"t{terms}"
        terms += 1
        names.append((term_id, name))
        if rng.random() < 0.3:  # an abbreviation alias, matched only in capitals
            names.append((term_id, "".join(w[0] for w in words).upper() + str(len(names))))
    return names


def make_page(names, rng: random.Random, paragraphs: int) -> str:
    out = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(60)]
        for _ in range(4):
            words.insert(rng.randrange(len(words)), rng.choice(names)[1])
        out.append(f"<p>{' '.join(words)}.</p>")
    return "<h2>Section</h2>" + "".join(out) + "<pre><code>data model</code></pre>"


def link(term_id: str, text: str) -> str:
    return f'<a class="cw-term" href="../{term_id}/">{text}</a>'


def crosswalk_pass(matcher, pages) -> float:
    start = time.perf_counter()
    for page in pages:
        autolink_html(page, matcher, link)
    return time.perf_counter() - start


def naive_pass(names, pages) -> float:
    """One regex per name over each page: cost grows with terms x text."""
    patterns = [(term_id, re.compile(r"\b" + re.escape(name) + r"\b", re.IGNORECASE)) for term_id, name in names]
    start = time.perf_counter()
    for page in pages:
        done = set()
        for term_id, pattern in patterns:
            if term_id not in done and pattern.search(page):
                page = pattern.sub(lambda m, term_id=term_id: link(term_id, m.group(0)), page, count=1)
                done.add(term_id)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--naive-sample", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(7)
    names = make_terms(args.terms, rng)
    pages = [make_page(names, rng, 4) for _ in range(args.pages)]
    long_pages = [make_page(names, rng, 16) for _ in range(args.pages // 4)]  # same total pages' worth x4 length each
    matcher = TermMatcher(names)
    ours, ours_long = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both lengths alike
        ours.append(crosswalk_pass(matcher, pages))
        ours_long.append(crosswalk_pass(matcher, long_pages))
    naive = [naive_pass(names, pages[: args.naive_sample]) for _ in range(max(1, args.runs // 2))]
    ours_median, naive_median = statistics.median(ours), statistics.median(naive) * args.pages / args.naive_sample
    chars = sum(map(len, pages))
    per_page = ours_median / args.pages * 1000
    per_page_long = statistics.median(ours_long) / len(long_pages) * 1000
    print(f"{len(names):,} names of {args.terms:,} terms over {args.pages:,} pages ({chars / 1e6:.1f} MB of HTML), median of {args.runs}:")
    print("| linker | all pages | per page |")
    print("| --- | ---: | ---: |")
    print(f"| Crosswalk (one matcher) | {ours_median:.2f} s | {per_page:.2f} ms |")
    print(f"| naive (one regex per term, {args.naive_sample} pages scaled) | {naive_median:.1f} s | {naive_median / args.pages * 1000:.1f} ms |")
    print(f"\nCrosswalk is {naive_median / ours_median:.0f}x faster than the naive linker.")
    print(
        f"Pages 4x as long cost {per_page_long / per_page:.2f}x as much per page (linear would be 4.00x;"
        " a little less is expected, as only first mentions are linked)."
    )


if __name__ == "__main__":
    main()
