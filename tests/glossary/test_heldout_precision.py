"""Autolink precision on a second real glossary nobody on the team wrote (tests/glossary/fixtures/heldout_glossary):
The Carpentries' glosario, imported as it is, linking nine Software Carpentry episodes; every link labelled by hand.

It was held out at first: the rules of b3f31d9, tuned on tests/glossary/fixtures/real_glossary alone, measured 119 of
177 links right here (67.2%, the same links as the rules before them, 5d3ac0f). The next round of rules (section
scope, qualifiers in brackets, names written as names, verb cues, no two-step evidence) was made looking at its wrong
links, so it is a second tuning fixture now, not a held-out one: 115 of 142 (81.0%). The floor is that figure, so a
rule change that costs precision here fails. (docs/guide/glossary.md, "Measured", gives a third glossary's figure,
measured once and never tuned on.)"""

from __future__ import annotations

import pytest

from support.heldout_glossary import links, load_labels, load_terms, precision

HELD_PRECISION = 115 / 142  # 119 / 177 under the rules of 5d3ac0f


@pytest.fixture(scope="module")
def found() -> list[dict]:
    return links(load_terms())


def test_the_import_is_the_glossary_as_it_is():
    terms = load_terms()
    assert len(terms) == 633  # every English entry; none clashes
    by_title = {t.title: t for t in terms}
    assert by_title["Application Programming Interface"].aliases == ["API"]  # the source's own acronym
    assert sum(bool(t.aliases) for t in terms) == 47 and all(len(t.aliases) <= 1 for t in terms)  # nothing else added
    assert by_title["Git"].summary == "A version control tool to record and manage changes to a project."


def test_every_link_on_the_episodes_is_labelled_at_the_mention_it_links(found):
    labels = load_labels()
    assert len(found) >= 120
    unlabelled = [f"{link['key']} @ {link['at']} :: {link['context']}" for link in found if labels["at"].get(link["key"]) != link["at"]]
    assert unlabelled == [], "label these links by hand in labels.json (python -m support.heldout_glossary --list)"


def test_precision_holds_what_the_rules_measure_on_the_held_out_glossary(found):
    labels = load_labels()
    right, judged = precision(found, labels)
    assert judged == len(found) >= 120
    assert right / judged >= HELD_PRECISION - 1e-9, f"{right} of {judged} links teach the sense their sentence means"
