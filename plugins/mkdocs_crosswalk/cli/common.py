"""The ``crosswalk`` command group and what its commands share."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml

from ..core import ContentError, KindError, KindRegistry, KnowledgeBase, load_knowledge_base
from ..core.site_kinds import load_site_kinds

KB_OPTION = click.option("--kb", "kb_dir", default="kb", show_default=True, type=click.Path(file_okay=False), help="Knowledge-base folder.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The site's configuration, for the kinds it adds (plugins > crosswalk > kinds); ignored when missing.",
)
@click.version_option(package_name="mkdocs-crosswalk")
def main(config_file):
    """Crosswalk: a knowledge base for teams shipping AI products."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its own tags (!ENV, !!python/name:...) become nothing."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def plugin_options(config_file: Path, plugin: str) -> dict:
    """The options of ``plugin`` (``crosswalk``, ``crosswalk-glossary``...) in a site's configuration ({} when it has none)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        click.echo(f"{config_file}: cannot read it: {exc}", err=True)
        sys.exit(1)
    plugins = config.get("plugins") or [] if isinstance(config, dict) else []
    items = plugins.items() if isinstance(plugins, dict) else ((next(iter(p.items())) if isinstance(p, dict) and p else (p, {})) for p in plugins)
    return next((options or {} for name, options in items if name == plugin), {})


def kinds_or_exit() -> KindRegistry:
    """The built-in kinds and those the site's configuration adds, or the problems and exit 1."""
    config_file = Path(click.get_current_context().find_root().params.get("config_file") or "mkdocs.yml")
    if not config_file.is_file():
        return load_site_kinds(None, Path("."))
    try:
        return load_site_kinds(plugin_options(config_file, "crosswalk").get("kinds"), config_file.resolve().parent, config_name=config_file.name)
    except KindError as exc:
        click.echo(f"Crosswalk cannot use the site's own kinds:\n{exc}", err=True)
        sys.exit(1)


def kind_or_exit(kind: str, kinds: KindRegistry) -> str:
    if kind not in kinds:
        raise click.BadParameter(f"{kind!r} is not a kind; expected one of {', '.join(kinds)}", param_hint="KIND")
    return kind


def load_or_exit(kb_dir: str) -> KnowledgeBase:
    """Load the knowledge base, or print every problem and exit 1 (never a traceback)."""
    try:
        return load_knowledge_base(kb_dir, display_root=kb_dir.rstrip("/"), kinds=kinds_or_exit())
    except ContentError as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
