"""The ``crosswalk-search`` plugin: a prebuilt search index, glossary first, and the search box."""

from __future__ import annotations

import json

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..core.search import search_documents
from .site import site_plugin

# Terms load first (they answer most queries and are small); everything else follows.
GLOSSARY_SHARD = "search/crosswalk-glossary.json"
ENTRIES_SHARD = "search/crosswalk-entries.json"


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)


class SearchPlugin(BasePlugin[SearchConfig]):
    def on_config(self, config: MkDocsConfig):
        if self.config.enabled:
            config.extra_javascript.append("assets/crosswalk/search.js")
            config.extra_css.append("assets/crosswalk/search.css")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        site = site_plugin(config)
        docs = search_documents(site.kb, lambda entry: site.urls[entry.id])
        shards = {GLOSSARY_SHARD: [d for d in docs if d["kind"] == "term"], ENTRIES_SHARD: [d for d in docs if d["kind"] != "term"]}
        for path, shard in shards.items():
            files.append(File.generated(config, path, content=json.dumps({"version": 1, "docs": shard}, ensure_ascii=False, separators=(",", ":"))))
        return files
