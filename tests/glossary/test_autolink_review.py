"""core.autolink_review: an autolinked mention read back from a rendered page, as the author reviewing it sees it."""

from __future__ import annotations

from mkdocs_crosswalk.core.autolink_review import CONTEXT, page_mentions

LINK = (
    '<span class="cw-term"><a class="cw-term__link" href="../model/" data-cw-id="model">{text}</a>'
    '<span class="cw-term__tip" role="tooltip"><strong>Model</strong> A learned function from inputs to outputs.</span></span>'
)


def test_a_mention_comes_with_its_sentence_and_without_its_definition_card():
    html = "<p>We <em>trained</em> the " + LINK.format(text="model") + " on last year&#39;s data &amp; logs.</p><p>Other.</p>"
    [mention] = page_mentions(html)
    assert (mention.term_id, mention.text, mention.before, mention.after) == ("model", "model", "We trained the ", " on last year's data & logs.")


def test_a_long_sentence_is_cut_at_word_edges_around_the_link():
    words = " ".join(f"word{i}" for i in range(40))
    [mention] = page_mentions(f"<li>{words} " + LINK.format(text="models") + f" {words}</li>")
    assert mention.before.startswith("…word") and mention.before.endswith(" ") and len(mention.before) <= CONTEXT + 2
    assert mention.after.endswith("…") and mention.after.startswith(" word0") and len(mention.after) <= CONTEXT + 2
    assert " word" not in mention.before[:2] and not mention.after[:-1].endswith(" ")


def test_links_that_are_not_autolinks_are_not_listed():
    html = '<p>See <a class="cw-ref cw-ref--term" href="../model/" data-cw-id="model">Model</a> and ' + LINK.format(text="model") + ".</p>"
    assert [m.before for m in page_mentions(html)] == ["See Model and "]
