"""`crosswalk search`: the site's search, in the terminal, over the same lunr index."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..core.models import DOMAINS, LEVELS
from ..core.search import INDEX_FILES, Searcher
from .common import KB_OPTION, kind_or_exit, kinds_or_exit, load_or_exit, main


@main.command("search")
@click.argument("query")
@KB_OPTION
@click.option(
    "--site",
    "site_dir",
    default="site",
    show_default=True,
    type=click.Path(file_okay=False),
    help="A built site whose search index to use (the one its search box uses); without one, the knowledge base is indexed here.",
)
@click.option("--kind", help="Only entries of this kind (any kind the site has), or 'page' for hand-written pages.")
@click.option("--level", type=click.Choice(LEVELS), help="Only case studies of this level.")
@click.option("--domain", type=click.Choice(DOMAINS), help="Only terms of this domain.")
@click.option("--limit", default=10, show_default=True)
def search_command(query, kb_dir, site_dir, kind, level, domain, limit):
    """Exact titles, aliases and abbreviations first, then names that start with the query, then the full text."""
    if kind and kind != "page":
        kind_or_exit(kind, kinds_or_exit())
    searcher = _site_searcher(Path(site_dir)) or _kb_searcher(kb_dir)
    try:
        results = searcher.search(query, kind=kind or "", level=level or "", domain=domain or "", limit=limit)
    except (OSError, ValueError, KeyError, TypeError):  # a shard or passage file read for this query
        click.echo(f"{site_dir}/search/: part of the search index could not be read. Hint: build the site again.", err=True)
        sys.exit(1)
    if not results:
        click.echo(f"Nothing found for {query!r}.", err=True)
        sys.exit(1)
    for result in results:
        doc = result.doc
        title = doc["title"] + (f" › {result.heading}" if result.heading else "")
        click.echo(f"{title}  [{doc['label']}]  {result.url}")
        if result.snippet:
            click.echo(f"    {result.snippet}")
        elif doc["kind"] == "term":
            click.echo(f"    {doc['summary']}")


def _site_searcher(site: Path) -> Searcher | None:
    if not all((site / INDEX_FILES[part]).is_file() for part in ("names", "text")):
        return None
    try:
        return Searcher.of_site(site)
    except (ValueError, KeyError, TypeError):
        click.echo(f"{site}/search/: the search index could not be read; indexing the knowledge base instead. Hint: build the site again.", err=True)
        return None


def _kb_searcher(kb_dir: str) -> Searcher:
    return Searcher.of_knowledge_base(load_or_exit(kb_dir))
