"""The ``crosswalk-search`` plugin: lunr indexes of every entry and page, names first, and the search box."""

from __future__ import annotations

import logging
import os
import threading
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


log = logging.getLogger("mkdocs.plugins.crosswalk.search")


class SearchPlugin(FeaturePlugin[SearchConfig]):
    STYLESHEETS = ("search.css",)
    _serving = False
    _writer: threading.Thread | None = None  # in `serve`: the last build's search files, being made

    def on_startup(self, *, command: str, dirty: bool):
        self._serving = command == "serve"

    def on_shutdown(self):
        self._wait_for_writer()

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if self.config.enabled:
            self._head: dict[str, str] = {}  # the rendered tags per folder depth
            files.append(File.generated(config, LUNR, abs_src_path=str(LUNR_JS)))
        return files

    @event_priority(-200)  # after every other plugin has finished with the page content
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Every entry page and hand-written page, split into sections, as it will be published.

        The indexes are made while MkDocs writes the pages, by a forked worker on another core (in
        ``mkdocs build`` with workers). In ``serve`` they are made after the build, in a thread, so the
        edited page is served first; the next build waits for them (``on_post_build``).
        """
        if not self.config.enabled:
            return env
        self._wait_for_writer()  # the last build's files before this build's
        site = site_plugin(config)
        # (document, sections) per page URL, kept for the pages an incremental `serve` build leaves alone;
        # where the worker can split the pages, (document, HTML) until then
        carried = site.carried("search")
        in_worker = site.workers > 1 and parallel.can_fork()  # `workers: 1` keeps everything in this process
        entries, pages = {}, []
        for file in files.documentation_pages():
            page = file.page
            plan = site.plans.get(file.src_uri)
            if page is None or (plan is not None and not plan.entry_id):  # catalogues and the like: found through their entries
                continue
            if page.content:
                document = entry_document(site.kb[plan.entry_id], file.url) if plan else page_document(page.title or file.src_uri, file.url)
                carried[file.url] = (document, page.content if in_worker else sections_of_html(page.content))
            if file.url not in carried:
                continue
            if plan:
                entries[plan.entry_id] = carried[file.url]
            else:
                pages.append(carried[file.url])
        ordered = [entries[entry.id] for entry in entries_in_order(site.kb) if entry.id in entries] + pages
        make = partial(site_files, ordered, kind_order(site.kb.kinds))
        self._files = parallel.in_background(make) if in_worker else parallel.Pending(make, None)
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
        if not self.config.enabled:
            return
        pending, site_dir = self._files, Path(config.site_dir)
        if self._serving:  # (no workers in `serve`)
            # not a daemon: a process that ends (a server stopped, a one-off `serve` build) still writes them
            self._writer = threading.Thread(target=self._write, args=(pending, site_dir), name="crosswalk-search")
            self._writer.start()
        else:
            self._write(pending, site_dir)

    def on_build_error(self, *, error: Exception):
        pending = getattr(self, "_files", None)
        if pending is not None:
            pending.cancel()

    @staticmethod
    def _write(pending: parallel.Pending[dict[str, str]], site_dir: Path) -> None:
        try:
            files = pending.result()
        except Exception:
            if threading.current_thread() is not threading.main_thread():
                log.exception("Crosswalk could not build the search index")  # a thread's error would go unseen
                return
            raise
        for path, text in files.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            partial_file = target.with_name(target.name + ".part")  # the server never sends half a file
            partial_file.write_text(text, encoding="utf-8")
            os.replace(partial_file, target)

    def _wait_for_writer(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.join()
