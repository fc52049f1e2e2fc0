"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import FIXTURES, REPO, build_site


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped knowledge base, built once with --strict."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    result = build_site(REPO, site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("mini") / "site"
    result = build_site(FIXTURES / "mini", site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return site
