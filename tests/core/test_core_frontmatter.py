"""Front matter is read in one pass, but the data must be exactly what PyYAML would build.

The one-pass reader handles plain mappings, lists and scalars itself and hands anything
unusual to PyYAML's constructor; these tests compare both on random and on awkward YAML,
and on every entry of the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_crosswalk.core.frontmatter import parse_front_matter

KB = Path(__file__).resolve().parents[2] / "kb"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["yes", "No", "~", "0x1F", "1e3", "1_000", "12:30", "2026-02-30", "null", "&amp;"]),
)
documents = st.dictionaries(
    st.text(min_size=1, max_size=12),
    st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4), max_leaves=12
    ),
    min_size=1,
    max_size=8,
)


def parsed(yaml_text: str):
    return parse_front_matter(f"---\n{yaml_text}---\nBody\n", "kb/x.md").data


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, False]))
def test_random_front_matter_reads_as_pyyaml_reads_it(document, flow):
    yaml_text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, sort_keys=False)
    assert parsed(yaml_text) == yaml.load(yaml_text, Loader)


AWKWARD = [
    "title: x\nreviewed: 2026-01-31\nwhen: 2026-01-31 10:30:00\n",
    "flags: [yes, No, on, ~, null, 0x1F, 0o17, 1_000, 1e3, .inf, -.nan]\n",
    "text: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\n",
    "quoted: 'it''s'\ndouble: \"tab\\there\"\nempty:\n",
    "1: one\ntrue: yes\n",
    "set: !!set {a, b}\nstr: !!str 12\n",
    "nested:\n  - a: [1, {b: c}]\n  - - deep\n",
]


@pytest.mark.parametrize("yaml_text", AWKWARD)
def test_awkward_front_matter_reads_as_pyyaml_reads_it(yaml_text):
    data = parsed(yaml_text)
    expected = yaml.load(yaml_text, Loader)
    assert data == expected
    assert [type(v) for v in data.values()] == [type(v) for v in expected.values()]


def test_every_shipped_entry_reads_as_pyyaml_reads_it():
    files = sorted(KB.rglob("*.md"))
    assert len(files) > 100
    for file in files:
        text = file.read_text(encoding="utf-8-sig")
        yaml_text = text.split("---\n", 2)[1]
        assert parse_front_matter(text, str(file)).data == yaml.load(yaml_text, Loader), file


def test_field_lines_are_found_when_asked():
    front = parse_front_matter("---\nkind: term\ntitle: RACI\naliases:\n  - responsibility matrix\n  - RAM\n---\nBody\n", "kb/raci.md")
    assert front.positions.line_of(("title",)) == 3
    assert front.positions.line_of(("aliases", 1)) == 6
    assert front.positions.line_of(("aliases", 7)) == 4  # no such item: the field's own line


def test_dates_and_times_come_out_as_dates_and_times():
    data = parsed("reviewed: 2026-01-31\nwhen: 2026-01-31 10:30:00\n")
    assert data == {"reviewed": date(2026, 1, 31), "when": datetime(2026, 1, 31, 10, 30)}
