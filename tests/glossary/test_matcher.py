"""The term matcher and the HTML autolinker, on their own."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core.glossary import TermMatcher, autolink_html

NAMES = [
    ("raci", "RACI"),
    ("raci", "responsibility assignment matrix"),
    ("prd", "PRD"),
    ("data-drift", "data drift"),
    ("drift", "Drift"),
    ("persona", "persona"),
    ("process", "process"),
    ("ab-test", "A/B test"),
    ("ci-cd", "CI/CD"),
    ("f1", "F1 score"),
    ("five-whys", "5 Whys"),
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


def test_the_last_word_of_a_longer_name_takes_a_plural_too():
    assert found("Two data drifts, one DATA DRIFT.") == [("data drifts", "data-drift"), ("DATA DRIFT", "data-drift")]


def test_a_longer_alias_beats_the_abbreviation_it_starts_with():
    matcher = TermMatcher([("ci-cd", "CI/CD"), ("ci-cd-pipeline", "CI/CD pipeline")])
    assert [t for _, _, t in matcher.find("Our CI/CD pipeline, our CI/CD.")] == ["ci-cd-pipeline", "ci-cd"]


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
    assert "<pre><code>data drift</code></pre>" in out and '<a href="/x">data drift</a>' in out
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


def test_names_with_ampersands_match_in_html_text():
    matcher = TermMatcher([("wandb", "Weights & Biases"), ("wandb", "W&B")])
    assert [t for _, _, t in matcher.find("Runs go to W&amp;B, that is Weights &amp; Biases.")] == ["wandb", "wandb"]
    assert [t for _, _, t in matcher.find("Runs go to W&B.")] == ["wandb"]


def test_dashes_quotes_and_spaces_before_a_name_do_not_hide_it():
    text = "The team—RACI in hand—met; “PRD” first, then&nbsp;data drift."
    assert [term for _, term in found(text)] == ["raci", "prd", "data-drift"]


def test_autolink_leaves_attribute_values_alone_even_with_angle_brackets():
    html = '<p title="a > RACI here">PRD</p>'
    out, linked = autolink_html(html, MATCHER, _link)
    assert out == '<p title="a > RACI here"><a data-t="prd">PRD</a></p>' and linked == ["prd"]


@pytest.mark.parametrize(
    "html, heading",
    [
        ("<table><tr><th>RACI</th></tr><tr><td>A RACI.</td></tr></table>", "<th>RACI</th>"),
        ("<details><summary>RACI</summary><p>The RACI.</p></details>", "<summary>RACI</summary>"),
        ('<div class="admonition note"><p class="admonition-title">RACI</p><p>RACI again.</p></div>', '<p class="admonition-title">RACI</p>'),
    ],
)
def test_table_headers_summaries_and_admonition_titles_are_headings_too(html, heading):
    out, linked = autolink_html(html, MATCHER, _link)
    assert heading in out and linked == ["raci"] and out.count('<a data-t="raci">RACI</a>') == 1


def test_the_opt_out_class_must_be_a_class():
    html = '<div data-note="cw-no-autolink"><p>RACI</p></div><div class="box cw-no-autolink"><p>PRD</p></div>'
    assert autolink_html(html, MATCHER, _link)[1] == ["raci"]


def test_skip_zones_end_where_their_element_ends_however_deeply_nested():
    html = (
        '<div class="cw-no-autolink"><div><p>RACI</p></div><p>PRD</p></div><p>A PRD.</p>'
        "<svg><svg><text>RACI</text></svg><text>RACI</text></svg><p>A RACI.</p>"
    )
    out, linked = autolink_html(html, MATCHER, _link)
    assert linked == ["prd", "raci"]
    assert out.endswith(
        '<p>A <a data-t="prd">PRD</a>.</p><svg><svg><text>RACI</text></svg><text>RACI</text></svg><p>A <a data-t="raci">RACI</a>.</p>'
    )
