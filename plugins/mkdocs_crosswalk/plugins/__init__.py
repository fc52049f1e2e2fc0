"""Thin MkDocs plugins over Crosswalk's core, one per feature."""
