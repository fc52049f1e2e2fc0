"""The ``crosswalk-search`` plugin: a prebuilt search index, glossary first, and the search box."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit


from ..core.search import index_meta, page_document, search_documents
from ..engine import Config, File, Files, MkDocsConfig, Page, config_options as c, event_priority
from ..render.page_text import page_text
from ..render.urls import relative_url
from .feature import ASSET_DIR, FeaturePlugin
from .site import site_plugin

# Terms load first (they answer most queries and are small); everything else follows.
GLOSSARY_SHARD = "search/crosswalk-glossary.json"
ENTRIES_SHARD = "search/crosswalk-entries.json"
PAGES_SHARD = "search/crosswalk-pages.json"  # hand-written pages, known only once they are rendered
SCRIPT = f"{ASSET_DIR}/search.js"  # loaded from each page's <head>, not with the theme's scripts at the end


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)


class SearchPlugin(FeaturePlugin[SearchConfig]):
    STYLESHEETS = ("search.css",)

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        site = site_plugin(config)
        self._head: dict[str, str] = {}  # the rendered tags per folder depth
        docs = search_documents(site.kb, lambda entry: site.urls[entry.id])
        shards = {GLOSSARY_SHARD: [d for d in docs if d["kind"] == "term"], ENTRIES_SHARD: [d for d in docs if d["kind"] != "term"]}
        for path, shard in shards.items():
            index = {"version": 1, **index_meta(site.kb.kinds), "docs": shard}
            files.append(File.generated(config, path, content=json.dumps(index, ensure_ascii=False, separators=(",", ":"))))
        return files

    @event_priority(-200)  # after every other plugin has finished with the page content
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        site = site_plugin(config)
        self.pages = []
        documents = site.carried("search-pages")  # kept for the pages an incremental `serve` build leaves alone
        for file in files.documentation_pages():
            page = file.page
            if page is None or file.src_uri in site.plans:
                continue
            if page.content:
                documents[file.url] = page_document(page.title or file.src_uri, page_text(page.content), file.url)
            if file.url in documents:
                self.pages.append(documents[file.url])
        return env

    @event_priority(-200)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig):
        """Load search from the <head>, so it is ready with the page rather than after the theme's scripts."""
        if not self.config.enabled:
            return output
        return self._add_to_head(output, relative_url(SCRIPT, page.url), relative_url(GLOSSARY_SHARD, page.url), config)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig):
        """The error page too, with links from the site root as MkDocs gives it (it is served at any path)."""
        if not self.config.enabled or template_name != "404.html":
            return output_content
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        return self._add_to_head(output_content, root + SCRIPT, root + GLOSSARY_SHARD, config)

    def _add_to_head(self, output: str, script_href: str, glossary_href: str, config: MkDocsConfig) -> str:
        if "</head>" not in output:
            return output
        tags = self._head.get(script_href)
        if tags is None:
            template = site_plugin(config).templates.get_template("crosswalk/search/head.html")
            tags = self._head[script_href] = template.render(glossary_href=glossary_href, script_href=script_href).strip()
        return output.replace("</head>", tags + "\n</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig):
        if self.config.enabled:
            target = Path(config.site_dir) / PAGES_SHARD
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps({"version": 1, "docs": self.pages}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
