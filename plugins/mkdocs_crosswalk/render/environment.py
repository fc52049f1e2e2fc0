"""The Jinja environment for Crosswalk's templates: autoescaped, overridable from a site's custom_dir."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..core.models import LEVELS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def make_environment(override_dirs: list[str] | None = None) -> jinja2.Environment:
    """Templates in ``override_dirs`` (a site's ``custom_dir``) win over the shipped ones of the same name."""
    loaders = [jinja2.FileSystemLoader(d) for d in override_dirs or [] if d and Path(d).is_dir()]
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        auto_reload=False,  # templates do not change during a build; skip a stat() per use
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["minutes"] = format_minutes
    env.globals["levels"] = LEVELS
    return env


def format_minutes(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
