"""The ``crosswalk`` command group and what its commands share."""

from __future__ import annotations

import sys

import click

from ..core import ContentError, KnowledgeBase, load_knowledge_base

KB_OPTION = click.option("--kb", "kb_dir", default="kb", show_default=True, type=click.Path(file_okay=False), help="Knowledge-base folder.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-crosswalk")
def main():
    """Crosswalk: a knowledge base for teams shipping AI products."""


def load_or_exit(kb_dir: str) -> KnowledgeBase:
    """Load the knowledge base, or print every problem and exit 1 (never a traceback)."""
    try:
        return load_knowledge_base(kb_dir, display_root=kb_dir.rstrip("/"))
    except ContentError as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
