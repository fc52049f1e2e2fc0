"""The ``crosswalk`` plugin: a page per entry, catalogues, ``[[id]]`` links and backlinks."""

from __future__ import annotations

import gc
import logging
import os
import posixpath
from collections.abc import Callable, Mapping
from html import escape as escape_html
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..core import ContentError, Entry, KindError, KnowledgeBase, ParseCache, Problem, load_knowledge_base, parallel
from ..core.changes import prose_changes
from ..core.references import WikiLink, find_wikilinks, markdown_texts
from ..core.site_kinds import load_site_kinds
from ..core.wording import in_running_text
from ..engine import ENGINE, BasePlugin, Config, File, Files, InclusionLevel, MkDocsConfig, Page, PluginError, event_priority, get_toc
from ..engine import config_options as c
from ..render import catalogues
from ..render.environment import make_environment
from ..render.fields import FieldRenderer, inline
from ..render.generic import is_short, own_fields
from ..render.page_links import PageLinkExtension
from ..render.plan import PagePlan, catalogue_src_uri, entry_src_uri, plan_pages
from ..render.toc import toc_tokens
from ..render.urls import href_placeholder, relative_url, resolve_hrefs, site_url
from ..render.wikilinks import WikiLinkExtension
from .incremental import ANY, SUMMARY, BuildMemory, CompiledTemplates, QuietDirtyWarning, keep_serving, pages_showing, remove_stale, stamp_of
from .staging import StagedSiteDir

log = logging.getLogger("mkdocs.plugins.crosswalk")

ASSETS = Path(__file__).resolve().parent.parent / "assets"
# Parsed entries survive `mkdocs serve` rebuilds (which make new plugin instances), keyed by folder.
_CACHES: dict[str, ParseCache] = {}


class CrosswalkConfig(Config):
    enabled = c.Type(bool, default=True)
    kb_dir = c.Type(str, default="kb")
    # Edit link base for entry files, e.g. "https://git.example.org/team/kb/-/edit/main/kb/".
    # Default: the site's repo_url + edit_uri with its docs folder swapped for kb_dir.
    edit_url = c.Optional(c.Type(str))
    home = c.Type(bool, default=True)
    # Build into a staging folder and swap it in on success (`mkdocs build` only; serve builds elsewhere).
    atomic_build = c.Type(bool, default=True)
    # Processes that render generated pages and link terms in `mkdocs build`: 0 means one per core
    # (at most 4); 1 renders in MkDocs' own process. `mkdocs serve` always uses its own process.
    workers = c.Type(int, default=0)
    # The site's own kinds: kind name -> 'module:Class', a module in the folder that holds mkdocs.yml.
    kinds = c.Type(dict, default={})


class CrosswalkPlugin(BasePlugin[CrosswalkConfig]):
    """The site: entry pages, catalogues, ``[[id]]`` links and backlinks. Feature plugins find it with
    :func:`site_plugin` and use what is documented here; everything else is its own business.

    Read (set in ``on_config`` and ``on_files``): ``kb``, ``templates``, ``urls``, ``plans``, ``workers``,
    ``page_links``. Call:

    - ``add_page(plan, files, config)`` in ``on_files``: a generated page rendered from ``plan.template``;
    - ``register_context(src_uri, **values)``: template variables for a generated page that are known
      only after pages were added (their URLs); a plan's own ``context`` is read-only;
    - ``register_context_later(src_uri, make)``: the same, worked out by ``make()`` when the page is rendered
      (an incremental `serve` build renders few pages: the others cost nothing);
    - ``add_problem(problem)``: a problem with the content, reported with all others before pages render;
    - ``add_embedder(kind, embed)``: what ``![[id]]`` of an entry of ``kind`` becomes;
    - ``set_anchor_url(entry_id, anchor, url)``: where ``[[id#anchor]]`` goes when it has a page of its own;
    - ``link()``, ``url()``, ``field_html()``: links and rendered fields for a page's templates;
    - ``linked_from(page_url)``: the entries a page links to, noted as the links were made;
    - ``depends_on(page_url, ids, part=ANY)``: the page shows ``part`` of these entries (a field's location,
      ``SUMMARY``, or ``ANY``) besides links and fields (in `serve --dirty`, an edit to it rebuilds the page);
    - ``carried(feature)``: a feature's notes per page URL, kept from the last good `serve --dirty` build
      for the pages this build does not redo (empty in a full build);
    - ``rebuild_late(page_url)``: render a generated page this incremental build skipped, once a feature
      found that it changes (a term's usage list); None when it is rendered anyway;
    - ``rebuild_everything()`` in ``on_files``: an edit reaches every page, so this build redoes them all.
    """

    supports_multiple_instances = False
    staged: StagedSiteDir | None = None
    # `mkdocs serve --dirty`: rebuild only what an edit touched (plugins/incremental.py). This instance
    # lives as long as the server (MkDocs keeps plugins that have on_startup across rebuilds).
    tracking = False
    _memory: BuildMemory | None = None

    # Set in on_config, for the whole build.
    kb: KnowledgeBase  # the loaded knowledge base, with the site's kinds (kb.kinds)
    templates: jinja2.Environment  # Crosswalk's templates, a site's custom_dir first
    workers: int  # processes for work that parallel.parallel_map spreads (1 in `serve`)
    # Set in on_files, for the build that is running.
    plans: Mapping[str, PagePlan]  # src_uri -> the plan of each generated page (read only; add_page adds)
    urls: Mapping[str, str]  # entry id (and "catalogue:<kind>") -> site-relative URL
    page_links: Mapping[str, Mapping[str, Page]]  # entry id -> hand-written pages that link to it, by src_uri

    def on_startup(self, *, command: str, dirty: bool):
        self.command, self.dirty = command, dirty
        self.tracking = command == "serve" and dirty
        if self.tracking:
            logging.getLogger(f"{ENGINE}.commands.build").addFilter(QuietDirtyWarning())
            self._compiled = CompiledTemplates()

    @event_priority(100)  # redirect site_dir before other plugins read it
    def on_config(self, config: MkDocsConfig):
        if not self.config.enabled:
            return
        if self.tracking:
            # The server holds two builds' objects: a full collection during a rebuild took 0.3-0.7 s of it
            # (bench/serve.py). Collections wait until the rebuild is over, while the author reads.
            gc.disable()
        building = getattr(self, "command", "build") in ("build", "gh-deploy")  # not serve
        if self.config.atomic_build and building and not getattr(self, "dirty", False):
            self.staged = StagedSiteDir(config.site_dir)
            config.site_dir = self.staged.begin()
        root = Path(config.config_file_path or ".").resolve().parent
        self.kb_path = (root / self.config.kb_dir).resolve()
        config_name = Path(config.config_file_path or "mkdocs.yml").name
        try:
            kinds = load_site_kinds(self.config.kinds, root, config_name=config_name)
        except KindError as exc:
            raise PluginError(f"Crosswalk cannot use the site's own kinds:\n{exc}") from None
        cache = _CACHES.setdefault(str(self.kb_path), ParseCache())
        try:
            self.kb: KnowledgeBase = load_knowledge_base(self.kb_path, display_root=self.config.kb_dir.rstrip("/"), cache=cache, kinds=kinds)
        except ContentError as exc:
            raise PluginError("Crosswalk found problems in the knowledge base:\n" + exc.report()) from None
        # Entry id -> where its prose changed, when only prose changed since the last good `serve --dirty`
        # build; None: rebuild everything.
        self._changed: dict[str, set[tuple]] | None = None
        if self.tracking and self._memory and self._memory.stamp == stamp_of(config.config_file_path, config.theme.custom_dir):
            self._changed = prose_changes(self._memory.kb, self.kb)
        self.templates = make_environment([config.theme.custom_dir] if config.theme.custom_dir else [])
        if self.tracking:
            self.templates.bytecode_cache = self._compiled
        self._link_template = self.templates.get_template("crosswalk/partials/link.html")
        self._links: dict[tuple, Markup] = {}
        self.site_name = config.site_name
        self._config = config
        self.workers = (self.config.workers or min(parallel.available_cores(), 4)) if building else 1
        self.edit_base = self.config.edit_url or _default_edit_base(config, self.config.kb_dir)
        config.extra_css.insert(0, "assets/crosswalk/crosswalk.css")
        config.extra_javascript.append("assets/crosswalk/navigation.js")  # the narrow screens' menu, by keyboard
        config.extra_javascript.append("assets/crosswalk/printing.js")  # paper in the light scheme
        # [[id]] is Markdown syntax: the extension sees the page being converted through self._converting.
        self._converting: tuple[Page, PagePlan | None, int, str] | None = None
        self._fields: FieldRenderer | None = None  # made on first use, with every extension configured
        self._field: tuple[str, tuple] | None = None  # (entry id, location) of the field being rendered
        config.markdown_extensions.append(WikiLinkExtension(self._render_wikilink))
        config.markdown_extensions.append(PageLinkExtension(self._render_page_link))
        return config

    def on_serve(self, server, *, config, builder):
        if self.config.enabled:
            server.watch(str(self.kb_path))
            server.builder = keep_serving(server.builder)
        return server

    @event_priority(100)  # first, so feature plugins can add pages that link to entries
    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        self.plans = {}
        self.urls = {}
        self.page_links = {}
        self._problems: list[Problem] = []
        self._context: dict[str, dict] = {}  # src_uri -> variables registered after the plan was made
        self._context_makers: dict[str, list[Callable[[], dict]]] = {}  # src_uri -> what works out more of them
        self._rendered: dict[str, tuple[str, dict]] = {}  # entry id -> (body HTML, field location -> HTML)
        self._embedders: dict[str, Callable[[WikiLink, Page], str]] = {}
        self._anchor_urls: dict[tuple[str, str], str] = {}  # (entry id, anchor) -> site URL, e.g. a stage's own page
        self._linked_from: dict[str, set[str]] = {}  # page URL -> ids of the entries it links to (see linked_from)
        self._field_links: dict[tuple[str, tuple], set[str]] = {}  # (entry id, field location) -> ids it links to
        self._deps: dict[str, dict[str, set]] = {}  # page URL -> entry id -> the parts of it the page shows (see depends_on)
        self._docs = {f.src_uri: os.path.getmtime(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
        self._files = files
        for plan in plan_pages(self.kb, home=self.config.home):
            self.add_page(plan, files, config)
        for entry in self.kb.entries.values():
            self.urls[entry.id] = files.get_file_from_path(entry_src_uri(entry)).url
        self._term_pages = {self.urls[term.id]: term.id for term in self.kb.terms}  # a term's page URL -> its id
        for kind in self.kb.kinds:
            file = files.get_file_from_path(catalogue_src_uri(kind, self.kb.kinds))
            self.urls[f"catalogue:{kind}"] = file.url if file else ""
        for asset in ASSETS.rglob("*"):
            if asset.is_file():
                files.append(File.generated(config, f"assets/{asset.relative_to(ASSETS).as_posix()}", abs_src_path=str(asset)))
        self._rebuild = self._carry_over()
        return files

    def _carry_over(self) -> set[str] | None:
        """URLs of the pages this build redoes (None: all), with what the last good build knew of the others."""
        memory, self._carried = self._memory, {}
        if self._changed is None or memory is None or memory.docs != self._docs:
            return None
        # Shallow copies: a failed build leaves the memory as it was, but for what pages it did not redo
        # noting the same links and parts again.
        self._rendered = dict(memory.rendered)
        self._field_links = dict(memory.field_links)
        self._linked_from = dict(memory.linked_from)
        self.page_links = dict(memory.page_links)
        self._deps = dict(memory.deps)
        self._carried = {name: dict(notes) for name, notes in memory.carried.items()}
        rebuild = pages_showing(self._deps, self._changed)
        rebuild |= {self.urls[entry_id] for entry_id in self._changed}
        # Catalogues list titles, summaries and short fields, never bodies.
        rebuild |= {self.urls[f"catalogue:{self.kb[entry_id].kind}"] for entry_id, parts in self._changed.items() if parts - {()}} - {""}
        for url in rebuild:  # noted again as the page is made
            self._linked_from.pop(url, None)
            self._deps.pop(url, None)
        log.debug("Crosswalk rebuilds %d pages for %d edited entries", len(rebuild), len(self._changed))
        return rebuild

    def rebuild_everything(self) -> None:
        """Make this build a full one (see the class docstring): nothing from the last build is kept."""
        if self._rebuild is not None:
            self._rebuild, self._carried, self._deps = None, {}, {}
            self._rendered, self._field_links, self._linked_from, self.page_links = {}, {}, {}, {}

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.config.enabled:
            self._place_outside_pages(nav, files)
        if not (self.config.enabled and self.tracking):
            return nav
        # MkDocs asks File.is_modified() before reading a page and again before writing it. Pages in the
        # navigation are always read, so every page's navigation shows their titles.
        self._in_nav = {page.file.src_uri for page in nav.pages}
        self._reading = True
        self._by_url = {}
        for file in files.documentation_pages():
            file.is_modified = lambda file=file: self._redo(file)
            self._by_url[file.url] = file
        return nav

    def _redo(self, file: File) -> bool:
        if self._rebuild is None or file.url in self._rebuild:
            return True
        if not self._reading:
            return False
        if file.src_uri in self._in_nav:
            return True
        self._skim(file)
        return False

    def _skim(self, file: File) -> None:
        """A page this build leaves alone still goes through the Markdown event, unconverted: plugins that
        collect something from every page (Material's tags, for the tags index and tags.json) see it all."""
        page = file.page
        plan = self.plans.get(file.src_uri)
        if plan:
            markdown = page.markdown = self._source_of(plan)  # a page has a title once it has Markdown
        else:
            page.read_source(self._config)
            markdown = page.markdown
        self._config.plugins.on_page_markdown(markdown, page=page, config=self._config, files=self._files)
        self._converting = None

    def depends_on(self, page_url: str, entry_ids, part=ANY) -> None:
        """The page at ``page_url`` shows ``part`` of these entries (see the class docstring)."""
        if not self.tracking:  # only `serve --dirty` asks what a page showed
            return
        shown = self._deps.setdefault(page_url, {})
        for entry_id in entry_ids:
            shown.setdefault(entry_id, set()).add(part)

    def carried(self, feature: str) -> dict:
        """``feature``'s notes per page URL from the last good build (see the class docstring)."""
        return self._carried.setdefault(feature, {})

    def rebuild_late(self, page_url: str) -> Page | None:
        """Render the generated page at ``page_url`` now, if this incremental build had left it alone."""
        if self._rebuild is None or page_url in self._rebuild or page_url not in self._by_url:
            return None
        file = self._by_url[page_url]
        plan = self.plans.get(file.src_uri)
        if plan is None:
            return None
        self._rebuild.add(page_url)  # its links and what it shows are those of the last build, plus what renders now
        page = file.page
        self._prepare(page, plan)
        page.content = self.render_page(plan, page)
        page.toc = get_toc(toc_tokens(page.content))
        return page

    def add_page(self, plan: PagePlan, files: Files, config: MkDocsConfig) -> File | None:
        """Generate a page rendered from ``plan.template`` in ``on_env``; a hand-written page of the same path wins."""
        if files.get_file_from_path(plan.src_uri) is not None:
            return None
        inclusion = InclusionLevel.UNDEFINED if plan.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, plan.src_uri, content=self._source_of(plan), inclusion=inclusion)
        files.append(file)
        self.plans[plan.src_uri] = plan
        return file

    def register_context(self, src_uri: str, **values) -> None:
        """Template variables for the generated page ``src_uri``, added to its plan's own."""
        if src_uri not in self.plans:
            raise KeyError(f"no generated page {src_uri!r}: add it with add_page first")
        self._context.setdefault(src_uri, {}).update(values)

    def register_context_later(self, src_uri: str, make: Callable[[], dict]) -> None:
        """Template variables for the generated page ``src_uri``, worked out when it is rendered."""
        if src_uri not in self.plans:
            raise KeyError(f"no generated page {src_uri!r}: add it with add_page first")
        self._context_makers.setdefault(src_uri, []).append(make)

    def context_of(self, plan: PagePlan) -> dict:
        """Everything a feature plugin gave a page's templates: its plan's context and what was registered."""
        context = {**plan.context, **self._context.get(plan.src_uri, {})}
        for make in self._context_makers.get(plan.src_uri, ()):
            context.update(make())
        return context

    def add_problem(self, problem: Problem) -> None:
        """A problem found in the pages; the build stops with every problem before pages are rendered."""
        self._problems.append(problem)

    def add_embedder(self, kind: str, embed: Callable[[WikiLink, Page], str]) -> None:
        """``![[id]]`` of an entry of ``kind`` becomes ``embed(link, page)`` (HTML) instead of a link."""
        self._embedders[kind] = embed

    def set_anchor_url(self, entry_id: str, anchor: str, url: str, *, replace: bool = True) -> None:
        """``[[entry_id#anchor]]`` goes to ``url`` (site-relative); ``replace=False`` keeps a URL already set."""
        if replace or (entry_id, anchor) not in self._anchor_urls:
            self._anchor_urls[(entry_id, anchor)] = url

    def _source_of(self, plan: PagePlan) -> str:
        """The Markdown MkDocs reads for a generated page: the entry's body, after a blank line.

        The blank line tells MkDocs there is no front matter, so it does not parse YAML for
        thousands of pages; the title and tags are handed over in ``on_page_markdown`` instead.
        """
        return "\n" + (self.kb[plan.entry_id].body if plan.entry_id else "")

    @staticmethod
    def _meta_of(plan: PagePlan) -> dict:
        # Themes print page titles unescaped, so the title travels HTML-escaped.
        meta = {"title": escape_html(plan.title, quote=False)}
        if plan.tags:
            meta["tags"] = list(plan.tags)
        return meta

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files):
        plan = self.plans.get(page.file.src_uri) if self.config.enabled else None
        if plan and plan.entry_id and self.edit_base:
            page.edit_url = self._edit_url(plan)
        return page

    @staticmethod
    def _place_outside_pages(nav, files: Files) -> None:
        """Give every page outside the navigation a parent: the page of its folder (``folder/index.md`` or
        ``folder.md``), or of the nearest folder above that has one (glossary/drift.md -> the Glossary page; a
        comparison's stage page -> the comparison, whose parent is the Comparisons page). So its tab and nav section show as active and the breadcrumbs lead
        back, as for pages in the nav; MkDocs leaves such pages without any."""
        in_nav = {page.file.src_uri for page in nav.pages}
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.parent is not None or file.src_uri in in_nav:
                continue
            folder = posixpath.dirname(file.src_uri)
            if posixpath.basename(file.src_uri) == "index.md":
                folder = posixpath.dirname(folder)
            while folder:  # not the home page: the breadcrumbs always start there
                home = files.get_file_from_path(f"{folder}/index.md") or files.get_file_from_path(f"{folder}.md")
                if home is not None and home.page is not None:
                    page.parent = home.page
                    break
                folder = posixpath.dirname(folder)

    def _edit_url(self, plan: PagePlan) -> str:
        return self.edit_base + self.kb[plan.entry_id].source.rel_path

    def _prepare(self, page: Page, plan: PagePlan) -> None:
        """What MkDocs' reading of a generated page would have set (for rebuild_late)."""
        page.meta = self._meta_of(plan)
        if plan.entry_id and self.edit_base:
            page.edit_url = self._edit_url(plan)

    @event_priority(50)  # before other plugins read the page's title and tags
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return markdown
        plan = self.plans.get(page.file.src_uri)
        if plan:  # before the tags plugin and the theme read them
            page.meta.update(self._meta_of(plan))
        # MkDocs converts this Markdown next; [[id]] links in it are rendered for this page.
        self._converting = (page, plan, 1 if plan else _body_first_line(page, markdown), markdown)
        self._seen: dict[str, int] = {}
        return markdown

    def _render_wikilink(self, link: WikiLink) -> str | None:
        """What ``[[id]]`` in the page being converted becomes (called by the Markdown extension)."""
        if self._converting is None:  # Markdown converted outside a page (another plugin's own use)
            return None
        page, plan, first_line, markdown = self._converting
        if link.target not in self.kb:
            self.add_problem(
                Problem(_docs_path(page, self._config), self._line_of(markdown, link, first_line), "", f"[[{link.target}]] refers to no entry")
            )
            return link.target
        self._note_page_link(page, plan, link.target)
        if self._field is None:  # a link shows the entry's title and summary (a term's card); an embed, anything
            self.depends_on(page.url, (link.target,), ANY if link.embed else SUMMARY)
        embedder = self._embedders.get(self.kb[link.target].kind) if link.embed else None
        if embedder:
            return embedder(link, page)
        if self._field is not None:  # a field: shown on other pages too, so its links are resolved where shown
            self._field_links.setdefault(self._field, set()).add(link.target)
            return self.link(link.target, None, text=self._link_text(link), anchor=link.anchor)
        return self.link(link.target, page.url, text=self._link_text(link), anchor=link.anchor)

    def _note_page_link(self, page: Page, plan: PagePlan | None, target: str) -> None:
        if not plan:  # a hand-written page: listed under "Referenced by"
            self.page_links.setdefault(target, {})[page.file.src_uri] = page

    def _render_page_link(self, href: str, inner_html: str) -> str | None:
        """What a hand-written Markdown link in the page being converted becomes (called by the Markdown
        extension): to a term's page, the same link with its definition card as ``[[id]]`` makes, keeping the
        author's text and href; any other link stays as written."""
        if self._converting is None or self._field is not None:  # a field's links are not resolved for a page
            return None
        page, plan = self._converting[:2]
        target = site_url(href, page.url)
        term_id = self._term_pages.get(target.partition("#")[0]) if target is not None else None
        if term_id is None:
            return None
        self._note_page_link(page, plan, term_id)
        self.depends_on(page.url, (term_id,), SUMMARY)
        self._linked_from.setdefault(page.url, set()).add(term_id)
        return self._link_html(term_id, href, Markup(inner_html))

    def _link_text(self, link: WikiLink) -> str | None:
        """The author's link text, else the entry's title as a word of the sentence around the link."""
        if link.text or link.sentence_start:
            return link.text
        entry = self.kb[link.target]
        lowered = in_running_text(entry.title, proper_noun=entry.proper_noun)
        return lowered if lowered != entry.title else None

    def _line_of(self, markdown: str, link: WikiLink, first_line: int) -> int:
        """The line of the n-th link to the target outside fenced and inline code, n counting those converted so far.

        (Markdown does not say where in the source it is; an indented code block before the link can
        still shift the line.)
        """
        nth = self._seen[link.target] = self._seen.get(link.target, -1) + 1
        found = [candidate for candidate in find_wikilinks(markdown) if candidate.target == link.target]
        return first_line + (found[min(nth, len(found) - 1)].line_offset if found else 0)

    def link(self, entry_id: str, from_url: str | None, *, text: str | None = None, anchor: str | None = None) -> Markup:
        """An ``<a>`` to an entry on the page at ``from_url``, with its title unless the author gave link text.

        With ``from_url=None`` the href is a placeholder that :func:`resolve_hrefs` turns into a link
        from whichever page shows it (for fields, which several pages show).
        """
        target = self._anchor_urls.get((entry_id, anchor)) if anchor else None
        target = target or self.urls[entry_id] + (f"#{anchor}" if anchor else "")
        if from_url is not None:
            self._linked_from.setdefault(from_url, set()).add(entry_id)
        return self._link_html(entry_id, relative_url(target, from_url) if from_url is not None else href_placeholder(target), text)

    def _link_html(self, entry_id: str, href: str, text: str | None) -> Markup:
        """partials/link.html for an entry, ``text`` escaped unless it is Markup already (a hand-written link's content)."""
        key = (entry_id, href, text, isinstance(text, Markup))  # "a &amp; b" as text and as HTML are different links
        if key not in self._links:  # the same link recurs across pages of one folder
            self._links[key] = Markup(self._link_template.render(entry=self.kb[entry_id], href=href, text=text).strip())
        return self._links[key]

    def url(self, entry_id: str, from_url: str) -> str:
        return relative_url(self.urls[entry_id], from_url)

    def field_html(self, entry_id: str, loc: tuple, page_url: str) -> str | None:
        """A Markdown field of an entry as HTML for the page at ``page_url``; None when it was not rendered
        (a hand-written page replaced the entry's page)."""
        html = self._rendered.get(entry_id, ("", {}))[1].get(tuple(loc))
        self.depends_on(page_url, (entry_id,), tuple(loc))
        if html is None:
            return None
        self._linked_from.setdefault(page_url, set()).update(self._field_links.get((entry_id, tuple(loc)), ()))
        return resolve_hrefs(html, page_url)

    def body_html(self, entry_id: str) -> str:
        """An entry's body as rendered on its own page ("" when a hand-written page replaced it)."""
        return self._rendered.get(entry_id, ("", {}))[0]

    def linked_from(self, page_url: str) -> set[str]:
        """Ids of the entries the page links to: its [[id]] links, its template's and the fields it shows."""
        return self._linked_from.get(page_url, set())

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        plan = self.plans.get(page.file.src_uri) if self.config.enabled else None
        if plan and plan.entry_id:
            if self._fields is None:
                self._fields = FieldRenderer(config.markdown_extensions, config.mdx_configs)
            fields = {}
            for text in markdown_texts(self.kb[plan.entry_id]):
                if text.loc:
                    self._field = (plan.entry_id, text.loc)
                    fields[text.loc] = self._fields.render(text.text)
            self._field = None
            self._rendered[plan.entry_id] = (html, fields)
        self._converting = None
        return html

    @event_priority(-50)  # after other plugins have collected what they need from the pages
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        if self._problems:
            raise PluginError("Crosswalk found problems in the pages:\n" + ContentError(self._problems).report())
        self._reading = False
        if self.tracking:  # the theme's templates load after this event
            env.bytecode_cache = self._compiled
        pages = [(plan, files.get_file_from_path(src_uri).page) for src_uri, plan in self.plans.items()]
        if self._rebuild is not None:
            pages = [(plan, page) for plan, page in pages if page.url in self._rebuild]
            # The sitemap and the error page list and link the same pages as the last build's: kept as they are.
            config.theme.static_templates.difference_update({"sitemap.xml", "404.html"})

        def render(item: tuple[PagePlan, Page]) -> tuple[str, list, set]:
            content = self.render_page(*item)
            # Headings from templates belong in the TOC too; what the templates linked is noted in a worker.
            return content, toc_tokens(content), self.linked_from(item[1].url)

        started = parallel.workers_started
        for (_, page), (content, headings, linked) in zip(pages, parallel.parallel_map(render, pages, workers=self.workers)):
            page.content, page.toc = content, get_toc(headings)
            self._linked_from.setdefault(page.url, set()).update(linked)
        log.debug("Crosswalk rendered %d generated pages in %d processes", len(pages), 1 + parallel.workers_started - started)
        return env

    @event_priority(-100)  # last: other plugins write into the staging folder first
    def on_post_build(self, *, config: MkDocsConfig):
        if self.staged:
            config.site_dir = self.staged.commit()
        if self.config.enabled and self.tracking:
            self._remember(config)
            gc.enable()

    def _remember(self, config: MkDocsConfig) -> None:
        """This build was good: keep what the next one needs, and remove pages that no longer exist."""
        if self._rebuild is None:
            dests = {file.abs_dest_path for file in self._files}
            if self._memory is not None:
                remove_stale(config.site_dir, self._memory.dests, dests)
            redone = set(self._linked_from)
        else:  # the same pages as the last build's; only those redone have new links and parts to note
            dests, redone = self._memory.dests, self._rebuild
        for url in redone:
            self.depends_on(url, self._linked_from.get(url, ()), SUMMARY)
        for entry_id in self.kb.entries:
            if entry_id in self.urls and (self._rebuild is None or self.urls[entry_id] in self._rebuild):
                self.depends_on(self.urls[entry_id], (entry_id,))
        self._memory = BuildMemory(
            kb=self.kb,
            stamp=stamp_of(config.config_file_path, config.theme.custom_dir),
            docs=self._docs,
            dests=dests,
            deps=self._deps,
            rendered=self._rendered,
            field_links=self._field_links,
            linked_from=self._linked_from,
            page_links=self.page_links,
            carried=self._carried,
        )

    def on_build_error(self, *, error: Exception):
        if self.staged:
            self.staged.abandon()
        gc.enable()

    def render_page(self, plan: PagePlan, page: Page) -> str:
        context = PageContext(self, page, plan)
        return self.templates.get_or_select_template(list(plan.template) if isinstance(plan.template, tuple) else plan.template).render(
            **context.variables()
        )


class PageContext:
    """What a Crosswalk template can use: the entry, the knowledge base and link helpers for this page."""

    def __init__(self, plugin: CrosswalkPlugin, page: Page, plan: PagePlan):
        self.plugin, self.page, self.plan = plugin, page, plan
        self.kb = plugin.kb
        self.entry = self.kb[plan.entry_id] if plan.entry_id else None
        self.body = Markup(plugin.body_html(plan.entry_id) if plan.entry_id else "")

    def variables(self) -> dict:
        context = self.plugin.context_of(self.plan)
        # Entries a feature plugin handed the page (a kit's rubrics, a sheet's terms): see url().
        self.plugin.depends_on(self.page.url, _entry_ids(context.values()), SUMMARY)
        return {
            **context,
            "entry": self.entry,
            "kb": self.kb,
            "page": self.page,
            "plan": self.plan,
            "body": self.body,
            "field": self.field,
            "inline": self.inline,
            "link": self.link,
            "entries": self.entries,
            "url": self.url,
            "catalogue_url": self.catalogue_url,
            "catalogues": catalogues,
            "referenced_by": self.referenced_by,
            "site_name": self.plugin.site_name,
            "own_fields": own_fields,
            "is_short": is_short,
        }

    def field(self, *loc) -> Markup:
        """A Markdown field of this entry, rendered with the site's Markdown extensions."""
        html = self.plugin.field_html(self.entry.id, loc, self.page.url)
        if html is None:  # fallback: the raw text, escaped
            value = self.entry
            for part in loc:
                value = value[part] if isinstance(value, (list, dict)) else getattr(value, part if part != "from" else "from_")
            return Markup.escape(value)
        return Markup(html)

    def inline(self, *loc) -> Markup:
        return Markup(inline(self.field(*loc)))

    def link(self, entry_id: str, text: str | None = None) -> Markup:
        return self.plugin.link(entry_id, self.page.url, text=text)

    def entries(self, ids) -> list:
        ids = list(ids)
        self.plugin.depends_on(self.page.url, ids, SUMMARY)
        return [self.kb[i] for i in ids]

    def url(self, entry_id: str) -> str:
        # Of another entry's prose a template shows its summary as it is; Markdown fields only through
        # field() and field_html(), which note where they come from.
        self.plugin.depends_on(self.page.url, (entry_id,), SUMMARY)
        return self.plugin.url(entry_id, self.page.url)

    def catalogue_url(self, kind: str) -> str:
        return relative_url(self.plugin.urls[f"catalogue:{kind}"], self.page.url)

    def referenced_by(self, entry_id: str) -> list[tuple[str, list]]:
        """Entries grouped by kind, then hand-written pages, that link to ``entry_id``: ``(href, title, entry)``
        items, ``entry`` None for a page (a term's item shows its definition card, partials/referenced_by.html)."""
        groups = [(label, [(self.url(e.id), e.title, e) for e in items]) for label, items in catalogues.referenced_by(self.kb, entry_id)]
        pages = self.plugin.page_links.get(entry_id, {})
        if pages:
            groups.append(
                ("Pages", [(relative_url(p.url, self.page.url), p.title, None) for p in sorted(pages.values(), key=lambda p: p.title or "")])
            )
        return groups


def _entry_ids(values, depth: int = 2):
    """Ids of the entries among ``values``, looking into lists and mappings ``depth`` levels down."""
    for value in values:
        if isinstance(value, Entry):
            yield value.id
        elif depth and isinstance(value, (list, tuple)):
            yield from _entry_ids(value, depth - 1)
        elif depth and isinstance(value, Mapping):
            yield from _entry_ids(value.values(), depth - 1)


def _default_edit_base(config: MkDocsConfig, kb_dir: str) -> str | None:
    if not config.repo_url or not config.edit_uri:
        return None
    docs = Path(config.docs_dir).name
    edit_uri = config.edit_uri
    if edit_uri.rstrip("/").endswith(docs):
        edit_uri = edit_uri.rstrip("/")[: -len(docs)] + kb_dir.strip("/") + "/"
    return config.repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")


def _docs_path(page: Page, config: MkDocsConfig) -> str:
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path or ".").resolve().parent
    try:
        return (docs / page.file.src_uri).resolve().relative_to(root).as_posix()
    except ValueError:
        return page.file.src_uri


def _body_first_line(page: Page, markdown: str) -> int:
    """The file line on which the Markdown (after front matter) starts, for error messages."""
    try:
        source = page.file.content_string
    except Exception:
        return 1
    return max(1, source.count("\n") - markdown.count("\n") + 1)


def site_plugin(config: MkDocsConfig) -> CrosswalkPlugin:
    """The ``crosswalk`` plugin of this site, for feature plugins that build on it."""
    for plugin in config.plugins.values():
        if isinstance(plugin, CrosswalkPlugin):
            return plugin
    raise PluginError("Crosswalk's feature plugins need the 'crosswalk' plugin: list it first under 'plugins' in mkdocs.yml")
