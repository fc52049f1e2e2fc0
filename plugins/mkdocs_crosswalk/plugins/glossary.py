"""The ``crosswalk-glossary`` plugin: term mentions linked with their definitions, usage, glossary.json."""

from __future__ import annotations

import json
import re

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..core.glossary import TermMatcher, autolink_html, glossary_rows
from ..render.plan import PagePlan, catalogue_src_uri
from ..render.sheets import SHEETS_DIR, meeting_sheets
from ..render.urls import relative_url
from .site import site_plugin

# Placed by the term and glossary templates: "<!--crosswalk:usage:raci-->" (the list), "-count" (a number).
EXPLICIT_TERM_LINK = re.compile(r'<a class="cw-ref cw-ref--term" href="[^"]*" data-cw-id="([a-z0-9-]+)"')
USAGE_MARKER = re.compile(r"<!--crosswalk:usage(-count)?:([a-z0-9-]+)-->")


class GlossaryConfig(Config):
    enabled = c.Type(bool, default=True)
    autolink = c.Type(bool, default=True)  # link the first mention of each term on every page
    json = c.Type(bool, default=True)  # publish glossary.json for other tools
    sheets = c.Type(bool, default=True)  # printable meeting sheets per tag, domain and comparison stage


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def on_config(self, config: MkDocsConfig):
        if self.config.enabled:
            config.extra_javascript.append("assets/crosswalk/glossary.js")
            config.extra_css.append("assets/crosswalk/glossary.css")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        self.site = site_plugin(config)
        self.matcher = TermMatcher.for_terms(self.site.kb.terms)
        if self.config.sheets:
            self._add_sheets(files, config)
        if self.config.json:
            rows = glossary_rows(self.site.kb, lambda term: self.site.urls[term.id])
            files.append(File.generated(config, "glossary.json", content=json.dumps({"terms": rows}, ensure_ascii=False, indent=1)))
        return files

    def _add_sheets(self, files: Files, config: MkDocsConfig) -> None:
        sheets = meeting_sheets(self.site.kb)
        groups: dict[str, list] = {}
        index = self.site.add_page(PagePlan(f"{SHEETS_DIR}/index.md", "Meeting sheets", "crosswalk/glossary/sheets.html", context={}), files, config)
        for sheet in sheets:
            context = {"terms": sheet.terms, "sheet_kind": sheet.group[:-1]}
            file = self.site.add_page(PagePlan(sheet.src_uri, sheet.title, "crosswalk/glossary/sheet.html", context=context), files, config)
            if file and index:
                context["sheets_url"] = relative_url(index.url, file.url)
                groups.setdefault(sheet.group, []).append((relative_url(file.url, index.url), sheet.title, len(sheet.terms)))
        if index:
            self.site.plans[index.src_uri].context["groups"] = list(groups.items())

    @event_priority(-100)  # after the site plugin has rendered every generated page
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        site = self.site
        usage: dict[str, list] = {term.id: [] for term in site.kb.terms}
        links: dict[tuple[str, str], str] = {}
        pages = [f.page for f in files.documentation_pages() if f.page is not None and f.page.content]
        glossary_uri = catalogue_src_uri("term")
        for page in pages:
            plan = site.plans.get(page.file.src_uri)
            if not self.config.autolink or page.meta.get("glossary_links") is False or page.file.src_uri == glossary_uri:
                continue
            own = plan.entry_id if plan and plan.entry_id in usage else None
            base = page.url

            def render(term_id: str, matched: str) -> str:
                key = (term_id, base)
                if key not in links:  # one render per term and page; the matched text goes in afterwards
                    links[key] = site.templates.get_template("crosswalk/partials/term_link.html").render(
                        term=site.kb[term_id], href=relative_url(site.urls[term_id], base), text=Markup("\x00")
                    ).strip()
                return links[key].replace("\x00", matched, 1)

            explicit = set(EXPLICIT_TERM_LINK.findall(page.content))  # [[term]] links already name these terms
            page.content, linked = autolink_html(page.content, self.matcher, render, skip_term=own, already=explicit)
            linked += sorted((explicit - {own}) & usage.keys())
            for term_id in linked:
                usage[term_id].append(page)
        self._fill_usage(pages, usage)
        return env

    def _fill_usage(self, pages, usage: dict[str, list]) -> None:
        """Replace the usage markers of term pages and the glossary, now that every mention is known."""
        template = self.site.templates.get_template("crosswalk/partials/term_usage.html")
        for page in pages:
            if "<!--crosswalk:usage" not in page.content:
                continue

            def fill(match: re.Match) -> str:
                kind, term_id = match.groups()
                users = [p for p in usage.get(term_id, []) if p is not page]
                listed = [(relative_url(p.url, page.url), self._title(p)) for p in users]
                term_href = relative_url(self.site.urls[term_id], page.url) if term_id in self.site.urls else ""
                return template.render(pages=listed, compact=kind == "-count", term_href=term_href).strip()

            page.content = USAGE_MARKER.sub(fill, page.content)

    def _title(self, page) -> str:
        plan = self.site.plans.get(page.file.src_uri)
        return plan.title if plan else (page.title or page.url)
