"""Autolinks on a real glossary imported as it is (tests/glossary/fixtures/real_glossary), against labels made by hand.

Precision: every link the site makes is labelled (labels.json). Recall: on a fixed-seed random sample of pages,
every mention of a term name in any inflection is labelled (recall_labels.json), and we count how many of the
(page, term) pairs that deserve a link get one."""

from __future__ import annotations

import random

from mkdocs_crosswalk.core.glossary import TermMatcher
from support.real_glossary import autolinks, candidate_mentions, load_labels, load_recall_labels, load_terms, measure

# The issue's floors (docs/guide/glossary.md, "Measured"): both reached.
PRECISION_FLOOR, RECALL_GOAL = 0.97, 0.95
# What these rules measure: precision 275 of 283 links, recall 121 of 126 pairs. The rules of 5d3ac0f (page-wide
# and two-step evidence, no page subject, paragraph words, qualifiers or activity forms) measured 262 of 271 and
# 112 of 126 on the same fixture; tests/glossary/test_heldout_precision.py checks them on a glossary not tuned on.
HELD_PRECISION, HELD_RECALL = 275 / 283, 121 / 126


def measured() -> dict:
    terms = load_terms()
    return measure(autolinks(TermMatcher.for_terms(terms), terms), load_labels(), load_recall_labels(), terms)


def test_the_import_is_the_real_glossary_as_it_is():
    terms = load_terms()
    assert len(terms) == 95 and not any(t.aliases for t in terms)  # no hints added by hand
    assert {"Model", "Instance", "method", "CLI (Command Line Interface)"} <= {t.title for t in terms}


def test_every_autolink_is_labelled_at_the_mention_it_links_and_a_random_sample_of_100_is_judged():
    result = measured()
    assert result["links"] >= 100
    unlabelled = [link["key"] + " @ " + link["at"] + " :: " + link["context"] for link in result["unlabelled"]]
    assert unlabelled == [], "label these links by hand in labels.json (python -m support.real_glossary --list)"
    terms = load_terms()
    labels = load_labels()["links"]
    sample = random.Random(15).sample(autolinks(TermMatcher.for_terms(terms), terms), 100)
    right = sum(labels[link["key"]] for link in sample)
    assert right >= 97, f"{right} of 100 sampled links teach the right sense"


def test_every_mention_on_the_recall_sample_is_labelled():
    terms, known = load_terms(), load_recall_labels()
    mentions = candidate_mentions(terms)
    assert len(mentions) >= 200 and sum(known.values()) >= 150
    assert [m for m in mentions if m["key"] not in known] == [], "label these mentions in recall_labels.json (--mentions)"
    # and every link the site makes on those pages is one of them, so none escapes the count
    sampled = {key.split("|", 1)[0] for key in known}
    links = [link for link in autolinks(TermMatcher.for_terms(terms), terms) if link["page"] in sampled]
    assert [link["key"] for link in links if f"{link['key']}|{link['at']}" not in known] == []


def test_precision_reaches_the_floor_of_the_issue_and_holds_what_the_rules_measure():
    result = measured()
    assert result["precision"] >= max(PRECISION_FLOOR, HELD_PRECISION - 1e-9), result["precision"]


def test_recall_reaches_the_goal_of_the_issue_and_holds_what_the_rules_measure():
    result = measured()
    assert result["recall"] >= max(RECALL_GOAL, HELD_RECALL - 1e-9), (result["recall"], result["missed"])


def test_the_known_wrong_senses_stay_unlinked():
    terms = load_terms()
    keys = {link["key"] for link in autolinks(TermMatcher.for_terms(terms), terms)}
    for wrong in (
        "nn_concepts#neural-network|model",
        "ux-cross-functional-collaboration|feature",
        "ux-lesson-choose-method|recall",
        "architectures#vae|model",
        "ux-lesson-interpreting-results|label",
        "glossary/algorithm|method",
        "glossary/hyperparameters|parameters",
        "glossary/transfer-learning|method",
        "architectures#autoencoder|method",
    ):
        assert wrong not in keys, wrong
