"""The ``crosswalk-search`` plugin: lunr indexes of every entry and page, names first, and the search box."""

from __future__ import annotations

import multiprocessing
import os
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from ..core import parallel
from ..core.search import INDEX_FILES, entries_in_order, entry_document, kind_order, page_document, search_boost, sections_of_html, site_files
from ..engine import LUNR_JS, Config, File, Files, MkDocsConfig, Page, PluginError, event_priority
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
    _serving = False
    _writer: multiprocessing.process.BaseProcess | None = None  # in `serve`: the last build's search files, being made

    def on_startup(self, *, command: str, dirty: bool):
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig):
        # A new build in `serve` makes the last one's search files out of date: the process still making
        # them stops now, not to share the machine's cores with this build (each file is replaced whole,
        # so the files it had not written yet stay as they were).
        if self._writer is not None:
            self._writer.terminate()
            self.wait_for_index()
        return super().on_config(config)

    def on_shutdown(self):
        self.wait_for_index()

    def wait_for_index(self) -> None:
        """In `serve`, the search files of the last build are written by another process after it: wait for them."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.join()

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if self.config.enabled:
            self._head: dict[str, str] = {}  # the rendered tags per folder depth
            files.append(File.generated(config, LUNR, abs_src_path=str(LUNR_JS)))
        return files

    @event_priority(-200)  # after every other plugin has finished with the page content
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Every entry page and hand-written page, split into sections, as it will be published.

        The indexes are made while MkDocs writes the pages, by a forked worker on another core (in
        ``mkdocs build`` with workers). In ``serve`` they are made after the build by another process, so
        the edited page is served first; a new build stops it, its files being out of date (``on_config``).
        """
        if not self.config.enabled:
            return env
        site = site_plugin(config)
        # (document, sections) per page URL, kept for the pages an incremental `serve` build leaves alone;
        # where the worker can split the pages, (document, HTML) until then
        carried = site.carried("search")
        in_worker = site.workers > 1 and parallel.can_fork()  # `workers: 1` keeps everything in this process
        entries, pages, problems = {}, [], []
        for file in files.documentation_pages():
            page = file.page
            plan = site.plans.get(file.src_uri)
            if page is None or (plan is not None and not plan.entry_id):  # catalogues and the like: found through their entries
                continue
            if page.content:
                if plan:
                    document = entry_document(site.kb[plan.entry_id], file.url)
                else:  # a hand-written page: Material's `search:` front matter (exclude, boost) is honoured
                    wanted = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
                    if wanted.get("exclude") is True:
                        carried.pop(file.url, None)
                        continue
                    try:
                        boost = search_boost(wanted.get("boost"), os.path.relpath(file.abs_src_path or file.src_uri))
                    except ValueError as exc:
                        problems.append(str(exc))
                        continue
                    document = page_document(page.title or file.src_uri, file.url, boost=boost)
                carried[file.url] = (document, page.content if in_worker else sections_of_html(page.content))
            if file.url not in carried:
                continue
            if plan:
                entries[plan.entry_id] = carried[file.url]
            else:
                pages.append(carried[file.url])
        if problems:
            raise PluginError("Crosswalk cannot index these pages for search:\n" + "\n".join(problems))
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
        if self._serving:  # (no workers in `serve`)
            # Not forked from this process (the server's threads): a fresh one, sent the sections; not a
            # daemon, so a process that ends (a server stopped, a one-off `serve` build) still writes them.
            self._writer = _fresh_processes().Process(target=_write_files, args=(self._files, config.site_dir), name="crosswalk-search")
            self._writer.start()
        else:
            _write_files(self._files, config.site_dir)

    def on_build_error(self, *, error: Exception):
        pending = getattr(self, "_files", None)
        if pending is not None:
            pending.cancel()


def _write_files(pending: parallel.Pending[dict[str, str]], site_dir: str) -> None:
    for path, text in pending.result().items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        partial_file = target.with_name(target.name + ".part")  # the server never sends half a file
        partial_file.write_text(text, encoding="utf-8")
        os.replace(partial_file, target)


def _fresh_processes():
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # imported once by the server, not by each writer (at its start)
    return context
