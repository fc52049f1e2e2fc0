"""Commands about the content itself: check, new, schema, stats."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

import click

from ..core.glossary import glossary_warnings
from ..core.models import SLUG
from ..core.scaffold import scaffold, slugify
from ..core.schema import front_matter_schema
from ..core.stats import knowledge_base_stats
from .common import KB_OPTION, kind_or_exit, kinds_or_exit, main
from .common import load_or_exit as _load


@main.command()
@KB_OPTION
def check(kb_dir):
    """Validate every entry; print each problem as path:line: field: message."""
    kb = _load(kb_dir)
    for warning in glossary_warnings(kb):
        click.echo(f"warning: {warning}", err=True)
    counts = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in kb.counts().items())
    click.echo(f"{len(kb)} {'entry' if len(kb) == 1 else 'entries'} OK: {counts}")


@main.command()
@click.argument("kind")
@click.argument("title")
@KB_OPTION
@click.option("--id", "entry_id", help="Entry id (default: from the title).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(kind, title, kb_dir, entry_id, force):
    """Write a filled-in template for a new entry of KIND (a built-in kind or one mkdocs.yml adds)."""
    kinds = kinds_or_exit()
    kind = kind_or_exit(kind, kinds)
    entry_id = entry_id or slugify(title)
    if not SLUG.fullmatch(entry_id):
        click.echo(f"--id {entry_id!r} is not an id: use lowercase letters, digits and single hyphens, like 'data-drift'", err=True)
        sys.exit(1)
    target = Path(kb_dir) / kinds[kind].SECTION / f"{entry_id}.md"
    if target.exists() and not force:
        click.echo(f"{target} already exists; choose another --id or pass --force to overwrite it", err=True)
        sys.exit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold(kind, title, kinds), encoding="utf-8")
    click.echo(f"wrote {target}")


@main.command()
def schema():
    """Print the JSON Schema of entry front matter (the site's own kinds included)."""
    click.echo(json.dumps(front_matter_schema(kinds_or_exit()), indent=2))


@main.command()
@KB_OPTION
@click.option("--max-age", "max_age_days", default=365, show_default=True, help="Days after 'reviewed' before an entry is due for review.")
def stats(kb_dir, max_age_days):
    """Counts per kind, unreferenced entries, entries due for review."""
    kb = _load(kb_dir)
    report = knowledge_base_stats(kb, today=date.today(), max_age=timedelta(days=max_age_days))
    click.echo("Entries per kind:")
    for kind, n in report.counts.items():
        click.echo(f"  {kind:<11}{n:>5}")
    click.echo(f"  {'total':<11}{len(kb):>5}")
    click.echo(f"Unreferenced entries ({len(report.unreferenced)}):")
    for entry in report.unreferenced:
        click.echo(f"  {entry.id} ({entry.kind}) {entry.source.path}")
    click.echo(f"Due for review, reviewed more than {max_age_days} days ago or never ({len(report.stale)}):")
    for entry in report.stale:
        when = entry.reviewed.isoformat() if entry.reviewed else "never"
        click.echo(f"  {entry.id} ({entry.kind}) last reviewed {when}")
