"""Crosswalk: a knowledge-base site generator on MkDocs and Material."""

__version__ = "0.1.0"
