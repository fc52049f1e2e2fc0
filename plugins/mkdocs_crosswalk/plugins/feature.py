"""What every feature plugin (glossary, comparisons, practice, search) shares: an ``enabled`` switch
that also decides whether its script and stylesheet join the site."""

from __future__ import annotations

from ..engine import BasePlugin, MkDocsConfig

ASSET_DIR = "assets/crosswalk"


class FeaturePlugin(BasePlugin):
    """Subclass as ``FeaturePlugin[SomeConfig]``; the config must have an ``enabled`` option."""

    SCRIPTS: tuple[str, ...] = ()  # file names under assets/crosswalk/, added to every page
    STYLESHEETS: tuple[str, ...] = ()

    def on_config(self, config: MkDocsConfig):
        if self.config.enabled:
            config.extra_javascript.extend(f"{ASSET_DIR}/{name}" for name in self.SCRIPTS)
            config.extra_css.extend(f"{ASSET_DIR}/{name}" for name in self.STYLESHEETS)
        return config
