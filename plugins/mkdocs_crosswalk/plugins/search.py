"""The ``crosswalk-search`` plugin: lunr indexes of every entry and page, names first, and the search box."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from ..core import parallel
from ..core.search import INDEX_FILES, entries_in_order, entry_document, kind_order, page_document, sections_of_html, site_files
from ..engine import LUNR_JS, Config, File, Files, MkDocsConfig, Page, event_priority
from ..engine import config_options as c
from ..render.urls import relative_url
from .feature import ASSET_DIR, FeaturePlugin
from .site import site_plugin

# The names index (titles and aliases: small, answers most queries) loads first; the text index's
# manifest when the box opens or the page is idle, then its shards and the passages as queries need them.
SCRIPT = f"{ASSET_DIR}/search.js"  # loaded from each page's <head>, not with the theme's scripts at the end
LUNR = f"{ASSET_DIR}/lunr.js"


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)


class SearchPlugin(FeaturePlugin[SearchConfig]):
    STYLESHEETS = ("search.css",)

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if self.config.enabled:
            self._head: dict[str, str] = {}  # the rendered tags per folder depth
            files.append(File.generated(config, LUNR, abs_src_path=str(LUNR_JS)))
        return files

    @event_priority(-200)  # after every other plugin has finished with the page content
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Every entry page and hand-written page, split into sections, as it will be published.

        The indexes are made while MkDocs writes the pages: by a forked worker on the other core in
        ``mkdocs build``, and in ``on_post_build`` where there is no fork (``serve``).
        """
        if not self.config.enabled:
            return env
        site = site_plugin(config)
        # (document, sections) per page URL, kept for the pages an incremental `serve` build leaves alone;
        # where the worker can split the pages, (document, HTML) until then
        carried = site.carried("search")
        split_later = parallel.can_fork()
        entries, pages = {}, []
        for file in files.documentation_pages():
            page = file.page
            plan = site.plans.get(file.src_uri)
            if page is None or (plan is not None and not plan.entry_id):  # catalogues and the like: found through their entries
                continue
            if page.content:
                document = entry_document(site.kb[plan.entry_id], file.url) if plan else page_document(page.title or file.src_uri, file.url)
                carried[file.url] = (document, page.content if split_later else sections_of_html(page.content))
            if file.url not in carried:
                continue
            if plan:
                entries[plan.entry_id] = carried[file.url]
            else:
                pages.append(carried[file.url])
        ordered = [entries[entry.id] for entry in entries_in_order(site.kb) if entry.id in entries] + pages
        self._files = parallel.in_background(partial(site_files, ordered, kind_order(site.kb.kinds)))
        return env

    @event_priority(-200)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig):
        """Load search from the <head>, so it is ready with the page rather than after the theme's scripts."""
        if not self.config.enabled:
            return output
        return self._add_to_head(output, lambda path: relative_url(path, page.url), config)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig):
        """The error page too, with links from the site root as MkDocs gives it (it is served at any path)."""
        if not self.config.enabled or template_name != "404.html":
            return output_content
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        return self._add_to_head(output_content, lambda path: root + path, config)

    def _add_to_head(self, output: str, href, config: MkDocsConfig) -> str:
        if "</head>" not in output:
            return output
        script_href = href(SCRIPT)
        tags = self._head.get(script_href)
        if tags is None:
            template = site_plugin(config).templates.get_template("crosswalk/search/head.html")
            tags = self._head[script_href] = template.render(
                names_href=href(INDEX_FILES["names"]), lunr_href=href(LUNR), script_href=script_href
            ).strip()
        return output.replace("</head>", tags + "\n</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig):
        if self.config.enabled:
            for path, text in self._files.result().items():
                target = Path(config.site_dir) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")

    def on_build_error(self, *, error: Exception):
        pending = getattr(self, "_files", None)
        if pending is not None:
            pending.cancel()
