"""A title inside running text reads as a word of the sentence; names keep their capitals."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.core.wording import in_running_text, starts_sentence


@pytest.mark.parametrize(
    ("title", "before", "expected"),
    [
        ("Data readiness", "check ", "data readiness"),
        ("Retraining", "schedule ", "retraining"),
        ("User research", "Run ", "user research"),
        ("Go-live planning", "start ", "go-live planning"),
        ("Blue/green deployment", "a ", "blue/green deployment"),
        ("RACI", "agree a ", "RACI"),  # an abbreviation
        ("A/B test", "run an ", "A/B test"),
        ("MLflow", "log to ", "MLflow"),  # capitals inside
        ("SageMaker", "deploy on ", "SageMaker"),
        ("Apache Airflow", "schedule with ", "Apache Airflow"),  # a name of several capitalised words
        ("Three Amigos", "hold a ", "Three Amigos"),
        ("5 Whys", "ask the ", "5 Whys"),
        ("Data readiness", "", "Data readiness"),  # a sentence, paragraph, list item or cell starts with it
        ("Data readiness", "Done. ", "Data readiness"),
        ("Data readiness", "Intro\n\n", "Data readiness"),
        ("Data readiness", "x\n- ", "Data readiness"),
        ("Data readiness", "x\n  1. **", "Data readiness"),
        ("Data readiness", "| a | ", "Data readiness"),
        ("Data readiness", "check\n", "data readiness"),  # a sentence that goes on over a line break
        ("Data readiness", "see (", "data readiness"),
    ],
)
def test_titles_in_running_text(title, before, expected):
    assert in_running_text(title, sentence_start=starts_sentence(before)) == expected


def test_an_entry_that_names_a_proper_noun_keeps_its_capital():
    assert in_running_text("Python") == "python"
    assert in_running_text("Python", proper_noun=True) == "Python"


def test_sentence_starts():
    assert starts_sentence("") and starts_sentence("End! ") and starts_sentence("A list:\n\n* ")
    assert not starts_sentence("the ") and not starts_sentence("e.g, the ")
