"""Glossary commands: export it for meeting notes and spreadsheets, define a term in the terminal."""

from __future__ import annotations

import csv
import difflib
import io
import json
import sys
from pathlib import Path

import click
import yaml

from ..core.autolink_review import by_count, site_mentions
from ..core.glossary import TermMatcher, glossary_rows, name_keys
from ..core.models import DOMAINS
from ..core.search import QUERY_PLAN, Searcher
from .common import KB_OPTION, load_or_exit, main, plugin_options


def _site_url(option: str | None) -> str:
    """--site-url, else site_url from mkdocs.yml, else '' (links relative to the site root)."""
    if option is not None:
        return option
    config = Path("mkdocs.yml")
    if config.is_file():
        try:
            # mkdocs.yml may carry !!python tags for other tools; only site_url matters here
            data = yaml.load(config.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
            return str(data.get("site_url") or "")
        except yaml.YAMLError:
            return ""
    return ""


class _LenientLoader(yaml.SafeLoader):
    pass


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def render_rows(rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"terms": rows}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "title", "aliases", "domains", "definition", "url"])
        for row in rows:
            writer.writerow([row["id"], row["title"], "; ".join(row["aliases"]), "; ".join(row["domains"]), row["definition"], row["url"]])
        return out.getvalue()
    lines = ["| Term | Also called | Definition |", "| --- | --- | --- |"]
    for row in rows:
        cells = [f"[{_md(row['title'])}]({row['url']})" if row["url"] else _md(row["title"]), _md(", ".join(row["aliases"])), _md(row["definition"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text made safe for a Markdown table cell: no pipes, no markup."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("[", "\\[").replace("]", "\\]").replace("\n", " ")


@main.group()
def export():
    """Export parts of the knowledge base for other tools."""


@export.command("glossary")
@KB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "md"]), default="json", show_default=True)
@click.option("--domain", type=click.Choice(DOMAINS), help="Only terms of this domain.")
@click.option("--tag", help="Only terms with this tag.")
@click.option("--site-url", help="Prefix for term URLs (default: site_url in mkdocs.yml).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of printing.")
@click.option("--force", is_flag=True, help="Overwrite --output if it exists.")
def export_glossary(kb_dir, fmt, domain, tag, site_url, output, force):
    """The glossary as JSON, CSV or a Markdown table (id, title, aliases, domains, definition, url)."""
    kb = load_or_exit(kb_dir)
    base = _site_url(site_url)
    if base and not base.endswith("/"):
        base += "/"
    rows = glossary_rows(kb, lambda term: f"{base}{term.SECTION}/{term.id}/", domain=domain, tag=tag)
    text = render_rows(rows, fmt)
    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists() and not force:
        click.echo(f"{output} already exists; pass --force to overwrite it", err=True)
        sys.exit(1)
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {len(rows)} terms to {output}", err=True)


# The search tiers whose first answer is the term asked for, not a guess: the name however it is spelt ("ab test"),
# or in another form of its last word ("drifting"); a prefix or a typo only suggests.
SAME_NAME_TIERS = ("exact name", "name in another form")


@main.command()
@click.argument("term")
@KB_OPTION
def define(term, kb_dir):
    """Print the definition of a term or alias, or the nearest names when none matches."""
    kb = load_or_exit(kb_dir)
    names = {name.casefold(): t for t in kb.terms for name in t.names}
    forms = {key: t for t in reversed(kb.terms) for name in t.names for key in name_keys(name)}  # singular or plural
    found = (
        names.get(term.casefold())
        or next((forms[k] for k in sorted(name_keys(term)) if k in forms), None)
        or (kb.get(term) if kb.get(term) is not None and kb.get(term).kind == "term" else None)
    )
    if found is None:
        # what the site's search finds for it (names first): an exact name however it is spelt ("ab test" is
        # A/B test, as in search), else suggestions, then names spelled alike ("racy" -> RACI)
        results = Searcher.of_knowledge_base(kb, full_text=False).search(term, kind="term", limit=5)
        if results and QUERY_PLAN[results[0].tier]["tier"] in SAME_NAME_TIERS:
            found = kb[results[0].doc["id"]]
    if found is None:
        searched = [r.doc["title"] for r in results]
        close = [names[c].title for c in difflib.get_close_matches(term.casefold(), list(names), n=5, cutoff=0.6)]
        suggestions = list(dict.fromkeys(searched + close))[:5]
        click.echo(f"No term or alias {term!r}." + (f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""), err=True)
        sys.exit(1)
    click.echo(found.title + (f" ({', '.join(found.aliases)})" if found.aliases else ""))
    click.echo(found.summary)
    if found.domains:
        click.echo("Domains: " + ", ".join(found.domains))
    base = _site_url(None)
    click.echo("Page: " + (base.rstrip("/") + "/" if base else "") + f"{found.SECTION}/{found.id}/")


@main.command()
@KB_OPTION
@click.option("--site", "site_dir", default="site", show_default=True, type=click.Path(file_okay=False, path_type=Path), help="The built site.")
@click.option("--term", "term_ids", multiple=True, help="Only this term (its id); may be given more than once.")
@click.option("--all", "every_term", is_flag=True, help="Every term's autolinks, not only those of common-word names.")
def autolinks(kb_dir, site_dir, term_ids, every_term):
    """List the built site's autolinks with their sentences, to check each is the term's sense.

    By default only the mentions of common-word names ("main", "issue"), which link on evidence and so may be
    wrong; a sentence repeated on generated pages is one line. Fix a wrong sense in the term's front matter with
    autolink: never, autolink: as-written or autolink_forms, or reword the sentence."""
    kb = load_or_exit(kb_dir)
    if not (site_dir / "index.html").is_file():
        click.echo(f"{site_dir}: no built site here; build it first (mkdocs build), or pass --site", err=True)
        sys.exit(1)
    config = Path(click.get_current_context().find_root().params.get("config_file") or "mkdocs.yml")
    never = plugin_options(config, "crosswalk-glossary").get("never_autolink") or [] if config.is_file() else []
    matcher = TermMatcher.for_terms(kb.terms, never=never)
    unknown = [t for t in term_ids if kb.get(t) is None or kb.get(t).kind != "term"]
    if unknown:
        raise click.BadParameter(f"no term with the id {', '.join(map(repr, unknown))}", param_hint="--term")
    mentions = site_mentions(site_dir)

    # the terms linked by a name that needs evidence (a common word)
    common = {t for t, sightings in mentions.items() if any(weak for s in sightings for *_, weak in matcher.mentions(s.mention.text))}
    shown = [t for t in mentions if kb.get(t) is not None and (t in term_ids if term_ids else every_term or t in common)]
    if not shown:
        click.echo("No autolinks" + (" of these terms." if term_ids else " of common-word names." if not every_term else "."))
        return
    for term_id, pages in by_count(mentions, shown):
        term, sightings = kb[term_id], mentions[term_id]
        note = "common word, linked on evidence" if term_id in common else "linked by name"
        click.echo(click.style(term.title, bold=True) + f"  ({term_id}; {note}): {pages} page{'s' if pages != 1 else ''}")
        for s in sightings:
            where = s.pages[0] + (f" and {len(s.pages) - 1} more" if len(s.pages) > 1 else "")
            sentence = f"{s.mention.before}[{s.mention.text}]{s.mention.after}".strip()
            click.echo(f"  {where}: {sentence}")
    click.echo(
        "\nA wrong sense? In the term's front matter: autolink: never, autolink: as-written (only as written), or "
        "autolink_forms: [the forms to link]; or add the word to never_autolink (docs/guide/glossary.md).",
        err=True,
    )
