"""What the tests of the never-tuned glossaries (third_glossary, fourth_glossary) share: the module's terms and
links as pytest fixtures, and the links no one has labelled yet."""

from __future__ import annotations

import pytest


def glossary_fixtures(harness):
    """``terms`` and ``found`` (the links the site's rules make) of a harness module, made once per test module:
    ``terms, found = glossary_fixtures(support.third_glossary)``."""

    @pytest.fixture(scope="module")
    def terms():
        return harness.load_terms()

    @pytest.fixture(scope="module")
    def found(terms) -> list[dict]:
        return harness.links(terms)

    return terms, found


def unlabelled(found: list[dict], labels: dict) -> list[str]:
    """The links whose mention has no hand label, with their sentence, to label (``--list`` prints them in order)."""
    return [f"{link['key']} @ {link['at']} :: {link['context']}" for link in found if labels["at"].get(link["key"]) != link["at"]]
