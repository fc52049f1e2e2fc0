"""The ``crosswalk`` command line. Each feature adds its commands in a module of its own."""

from . import (
    content,  # noqa: F401  (registers check, new, schema, stats)
    glossary,  # noqa: F401  (registers export glossary, define)
    search,  # noqa: F401  (registers search)
)
from .common import main

__all__ = ["main"]
