"""The site plugin's API for feature plugins: plans stay as made; later values go through methods."""

from __future__ import annotations

import pytest

from mkdocs_crosswalk.plugins.site import CrosswalkPlugin
from mkdocs_crosswalk.render.plan import PagePlan


def test_a_plans_context_is_read_only_once_made():
    given = {"terms": ["raci"]}
    plan = PagePlan("sheets/x.md", "X", "crosswalk/glossary/sheet.html", context=given)
    with pytest.raises(TypeError):
        plan.context["terms"] = []  # type: ignore[index]
    given["terms"] = []  # the caller's dict is not the plan's
    assert plan.context["terms"] == ["raci"]


def test_registered_context_joins_the_plans_own_and_needs_a_planned_page():
    site = CrosswalkPlugin()
    plan = PagePlan("sheets/x.md", "X", "crosswalk/glossary/sheet.html", context={"terms": ["raci"], "sheets_url": ""})
    site.plans, site._context, site._context_makers = {plan.src_uri: plan}, {}, {}
    site.register_context(plan.src_uri, sheets_url="../")
    assert site.context_of(plan) == {"terms": ["raci"], "sheets_url": "../"}
    with pytest.raises(KeyError, match="add it with add_page first"):
        site.register_context("nowhere.md", x=1)


def test_context_registered_for_later_is_worked_out_only_when_the_page_renders():
    site = CrosswalkPlugin()
    plan = PagePlan("sheets/x.md", "X", "crosswalk/glossary/sheet.html", context={"terms": ["raci"]})
    site.plans, site._context, site._context_makers = {plan.src_uri: plan}, {}, {}
    made = []
    site.register_context_later(plan.src_uri, lambda: made.append(1) or {"sheets_url": "../"})
    assert made == []  # an incremental `serve` build that leaves the page alone never pays for it
    assert site.context_of(plan) == {"terms": ["raci"], "sheets_url": "../"}
    with pytest.raises(KeyError, match="add it with add_page first"):
        site.register_context_later("nowhere.md", dict)
