"""The one module through which Crosswalk reaches its site engine: MkDocs 1.6 or ProperDocs 1.6.

ProperDocs is a fork of MkDocs 1.6 with the same plugin API under the package name
``properdocs``. Its command line maps every ``mkdocs.*`` import onto ``properdocs.*`` before any
plugin loads, so Material for MkDocs and Crosswalk get ProperDocs' classes from the same
``mkdocs.*`` names. This module does that mapping too when ProperDocs is chosen from Python (a
benchmark, a script), so the names below always belong to the engine that runs the build.
Supporting another engine with this plugin API means changing this module only.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

ENGINES = ("mkdocs", "properdocs")


def _engine() -> str:
    """The engine already running in this process; before one runs, ``CROSSWALK_ENGINE``; else
    MkDocs when it is installed, ProperDocs when only it is."""
    if "properdocs" in sys.modules:  # ProperDocs' command imports itself before any plugin
        return "properdocs"
    if "mkdocs" in sys.modules:
        return "mkdocs"
    chosen = os.environ.get("CROSSWALK_ENGINE", "")
    if chosen in ENGINES and find_spec(chosen) is not None:
        return chosen
    return "mkdocs" if find_spec("mkdocs") is not None else "properdocs"


ENGINE = _engine()
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401  (maps mkdocs.* onto properdocs.*, as its command does)

# Every name Crosswalk uses from the engine; plugins (and the benchmarks) import them from here.
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import config_options, load_config  # noqa: E402
from mkdocs.config.base import Config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import BasePlugin, event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

# lunr.js 2.3.9 (MIT licence), the copy the engine ships for its own search plugin; both engines have it.
LUNR_JS = Path(sys.modules[BasePlugin.__module__.split(".")[0]].__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"

__all__ = [
    "ENGINE",
    "ENGINES",
    "BasePlugin",
    "Config",
    "File",
    "Files",
    "InclusionLevel",
    "LUNR_JS",
    "MkDocsConfig",
    "Page",
    "PluginError",
    "build",
    "config_options",
    "event_priority",
    "get_toc",
    "load_config",
]
