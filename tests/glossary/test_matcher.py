"""The term matcher and the HTML autolinker, on their own."""

from __future__ import annotations

from mkdocs_crosswalk.core.glossary import TermMatcher, autolink_html

NAMES = [
    ("raci", "RACI"), ("raci", "responsibility assignment matrix"), ("prd", "PRD"), ("data-drift", "data drift"),
    ("drift", "Drift"), ("persona", "persona"), ("process", "process"), ("ab-test", "A/B test"), ("ci-cd", "CI/CD"),
    ("f1", "F1 score"), ("five-whys", "5 Whys"),
]
MATCHER = TermMatcher(NAMES)


def found(text):
    return [(text[s:e], term) for s, e, term in MATCHER.find(text)]


def test_longest_name_wins():
    assert found("Watch for data drift, and drift in general.") == [("data drift", "data-drift"), ("drift", "drift")]


def test_abbreviations_match_only_as_written():
    assert found("A RACI, a raci, a Raci; the PRD and the prd.") == [("RACI", "raci"), ("PRD", "prd")]


def test_ordinary_words_match_in_any_case_and_simple_plural():
    assert found("Personas, PERSONA and processes; persons are not.") == [("Personas", "persona"), ("PERSONA", "persona"), ("processes", "process")]


def test_punctuation_inside_names():
    text = "We ran an A/B test, shipped through CI/CD, tracked the F1 score and did the 5 Whys."
    assert [term for _, term in found(text)] == ["ab-test", "ci-cd", "f1", "five-whys"]


def test_names_glued_to_other_words_are_not_mentions():
    assert found("RACI-like charts, CI/CD/CT pipelines, xRACI and RACIs") == []


def test_alias_finds_its_term():
    assert found("Draw a responsibility assignment matrix first.") == [("responsibility assignment matrix", "raci")]


def _link(term_id, text):
    return f'<a data-t="{term_id}">{text}</a>'


def test_autolink_links_first_mention_only_outside_skip_zones():
    html = (
        "<h2>RACI</h2><p>Use a RACI. Another RACI.</p><pre><code>data drift</code></pre>"
        '<p><a href="/x">data drift</a> then <code>drift</code> and data drift.</p>'
        '<div class="cw-no-autolink"><p>persona <span>persona</span></p></div><p>Our personas.</p>'
    )
    out, linked = autolink_html(html, MATCHER, _link)
    assert linked == ["raci", "data-drift", "persona"]
    assert out.count('data-t="raci"') == 1 and "<h2>RACI</h2>" in out
    assert '<pre><code>data drift</code></pre>' in out and '<a href="/x">data drift</a>' in out
    assert '<p>Our <a data-t="persona">personas</a>.</p>' in out
    assert '<div class="cw-no-autolink"><p>persona <span>persona</span></p></div>' in out


def test_autolink_skips_the_terms_own_page_and_terms_already_linked():
    out, linked = autolink_html("<p>RACI and PRD and data drift.</p>", MATCHER, _link, skip_term="raci", already={"prd"})
    assert linked == ["data-drift"]


def test_cost_is_linear_in_text_length():
    """Doubling the text doubles the work: the number of tokens examined, counted, not timed."""
    calls = []
    original = TermMatcher._match_at

    def counting(self, text, tokens, i):
        calls.append(i)
        return original(self, text, tokens, i)

    TermMatcher._match_at = counting
    try:
        MATCHER.find("The data drift of a persona. " * 100)
        short = len(calls)
        calls.clear()
        MATCHER.find("The data drift of a persona. " * 200)
        assert len(calls) == 2 * short
    finally:
        TermMatcher._match_at = original
