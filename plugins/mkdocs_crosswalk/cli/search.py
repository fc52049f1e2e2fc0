"""`crosswalk search`: the site's search, in the terminal."""

from __future__ import annotations

import sys

import click

from ..core.models import DOMAINS, LEVELS
from ..core.search import kind_order, search, search_documents
from .common import KB_OPTION, kind_or_exit, load_or_exit, main


@main.command("search")
@click.argument("query")
@KB_OPTION
@click.option("--kind", help="Only entries of this kind.")
@click.option("--level", type=click.Choice(LEVELS), help="Only case studies of this level.")
@click.option("--domain", type=click.Choice(DOMAINS), help="Only terms of this domain.")
@click.option("--limit", default=10, show_default=True)
def search_command(query, kb_dir, kind, level, domain, limit):
    """Find entries by title, alias or abbreviation first, then by their summaries."""
    kb = load_or_exit(kb_dir)
    kind = kind and kind_or_exit(kind, kb.kinds)
    docs = search_documents(kb, lambda e: f"{e.SECTION}/{e.id}/")
    results = search(docs, query, kind=kind or "", level=level or "", domain=domain or "", limit=limit, order=kind_order(kb.kinds))
    if not results:
        click.echo(f"Nothing found for {query!r}.", err=True)
        sys.exit(1)
    for doc in results:
        click.echo(f"{doc['title']}  [{doc['label']}]  {doc['url']}")
        if doc["kind"] == "term":
            click.echo(f"    {doc['summary']}")
