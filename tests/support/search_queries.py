"""The queries the search tests share: the browser, the terminal and the sharded index answer the same ones."""

from __future__ import annotations

# query -> (first result's id, the section it lands on). Every query the issue names; the full-text ones
# are phrases that are in no title, alias or summary, only in a body or a Markdown field.
FIRST = {
    "RACI": ("raci", ""),
    "PRD": ("prd", ""),
    "DACI": ("daci", ""),
    "A/B test": ("ab-test", ""),
    "ab test": ("ab-test", ""),
    "CI/CD": ("ci-cd", ""),
    "ci cd": ("ci-cd", ""),
    "data drift": ("data-drift", ""),
    "drift": ("drift", ""),
    "F1 score": ("f1-score", ""),
    "5 Whys": ("five-whys", ""),
    "responsibility assignment": ("raci", ""),
    "retra": ("retraining", ""),
    "retraning": ("retraining", ""),
    "accuarcy": ("accuracy", ""),
    "product requirements document": ("prd", ""),
    "drifts": ("drift", ""),
    "drifting": ("drift", ""),  # a name in another form (root())
    "prototyping": ("prototype", ""),
    "Spark Summit": ("mlflow-first-release", "the-outcome"),
    "feels like spam": ("user-impact-translation-interview", "sample-answer"),
    "Fei-Fei Li": ("mlflow-first-release", "the-outcome"),
}
# Every query the issue names, plus one that lands on a hand-written page.
QUERIES = [*FIRST, "error messages"]
# Typed as text, never read as query syntax or markup: no error, nothing injected, an empty or sensible answer.
HOSTILE = [
    "ratio:",
    "A/B test:",
    "+",
    "-",
    "~",
    "^2",
    "*",
    "x" * 10_000,
    "a " * 5_000,
    "?!.,;:",
    "😀🚀",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "title:RACI",
    "-RACI +PRD",
    "RACI~1",
    "\u0000",
    "   ",
    "^",
    "<img src=x onerror=window.__injected=1>",
    "<script>window.__injected=1</script>",
]
