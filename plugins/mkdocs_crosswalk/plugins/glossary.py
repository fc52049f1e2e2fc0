"""The ``crosswalk-glossary`` plugin: term mentions linked with their definitions, usage, glossary.json."""

from __future__ import annotations

import json
import re
from uuid import uuid4

from markupsafe import Markup, escape

from ..core.glossary import TermMatcher, autolink_html, glossary_rows
from ..core.parallel import parallel_map
from ..engine import Config, File, Files, MkDocsConfig, event_priority
from ..engine import config_options as c
from ..render.plan import PagePlan, catalogue_src_uri
from ..render.sheets import SHEETS_DIR, meeting_sheets
from ..render.urls import relative_url
from .feature import FeaturePlugin
from .incremental import SUMMARY
from .site import site_plugin

# A term already linked on the page with [[id]] (partials/link.html): it shows the definition too.
# Placed by the term and glossary templates: "<!--crosswalk:usage:raci-->" (the list), "-count" (a number).
USAGE_MARKER = re.compile(r"<!--crosswalk:usage(-count)?:([a-z0-9-]+)-->")
# Stand-ins in a term's rendered link for what differs per mention: unguessable, so no definition holds them.
_HREF, _TEXT = f"cw-href-{uuid4().hex}", f"cw-text-{uuid4().hex}"


# The last matcher made and what it was made from: a `serve` rebuild after an edit to anything but a term
# (the same term objects, from the parse cache) reuses it.
_LAST_MATCHER: list = [None, None]


def _matcher_for(terms, never) -> TermMatcher:
    terms, never = list(terms), list(never)
    made_from = _LAST_MATCHER[0]
    same = made_from is not None and made_from[1] == never and len(made_from[0]) == len(terms) and all(a is b for a, b in zip(made_from[0], terms))
    if not same:
        _LAST_MATCHER[:] = [(terms, never), TermMatcher.for_terms(terms, never=never)]
    return _LAST_MATCHER[1]


class GlossaryConfig(Config):
    enabled = c.Type(bool, default=True)
    autolink = c.Type(bool, default=True)  # link the first mention of each term on every page
    never_autolink = c.ListOfItems(c.Type(str), default=[])  # names never linked in prose, in any case ("run", "Spark")
    json = c.Type(bool, default=True)  # publish glossary.json for other tools
    sheets = c.Type(bool, default=True)  # printable meeting sheets per tag, domain and comparison stage


class GlossaryPlugin(FeaturePlugin[GlossaryConfig]):
    SCRIPTS = ("glossary.js",)
    STYLESHEETS = ("glossary.css",)

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        self.site = site_plugin(config)
        self.matcher = _matcher_for(self.site.kb.terms, self.config.never_autolink)
        if self.config.autolink and self.site.tracking:
            self._note_evidence()
        if self.config.sheets:
            self._add_sheets(files, config)
        if self.config.json:
            rows = glossary_rows(self.site.kb, lambda term: self.site.urls[term.id])
            files.append(File.generated(config, "glossary.json", content=json.dumps({"terms": rows}, ensure_ascii=False, indent=1)))
        return files

    def _note_evidence(self) -> None:
        """Which terms and words are evidence for a common-word name comes from the terms' prose (TermMatcher.for_terms):
        when an edit changes that, links on any page may change, and an incremental `serve` build redoes them all."""
        evidence = {term_id: self.matcher.evidence_of(term_id) for term_id in self.matcher.weak}
        before = self.site.carried("glossary-evidence").get("evidence")
        if before is not None and before != evidence:
            self.site.rebuild_everything()
        self.site.carried("glossary-evidence")["evidence"] = evidence

    def _add_sheets(self, files: Files, config: MkDocsConfig) -> None:
        sheets = meeting_sheets(self.site.kb)
        groups: dict[str, list] = {}
        index = self.site.add_page(PagePlan(f"{SHEETS_DIR}/index.md", "Meeting sheets", "crosswalk/glossary/sheets.html"), files, config)
        for sheet in sheets:
            context = {"terms": sheet.terms, "sheet_kind": sheet.group[:-1]}
            file = self.site.add_page(PagePlan(sheet.src_uri, sheet.title, "crosswalk/glossary/sheet.html", context=context), files, config)
            if file and index:
                self.site.register_context(sheet.src_uri, sheets_url=relative_url(index.url, file.url))
                groups.setdefault(sheet.group, []).append((relative_url(file.url, index.url), sheet.title, len(sheet.terms)))
        if index:
            self.site.register_context(index.src_uri, groups=list(groups.items()))

    @event_priority(-100)  # after the site plugin has rendered every generated page
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        pages = [f.page for f in files.documentation_pages() if f.page is not None and f.page.content]
        usage = self._referring_pages()
        if self.config.autolink:
            self.term_links = self._term_links()
            # page URL -> (title, terms autolinked): kept for the pages an incremental `serve` build leaves alone
            autolinked = self.site.carried("glossary-autolinked")
            late = self._usage_pages(self._link_terms(pages, autolinked))
            self._link_terms(late, autolinked)
            pages += late
            for url, (title, linked) in autolinked.items():
                for term_id in linked:
                    if term_id in usage:
                        usage[term_id][url] = title
        self._fill_usage(pages, usage)
        return env

    def _link_terms(self, pages, autolinked: dict) -> set[str]:
        """Link term mentions on ``pages``; the terms whose list of pages that mention them changed."""
        changed: set[str] = set()
        for page, (content, linked) in zip(pages, parallel_map(self._autolink, pages, workers=self.site.workers)):
            page.content = content
            before = autolinked.get(page.url)
            autolinked[page.url] = (self._title(page), linked)
            if before is not None:
                changed |= set(before[1]) ^ set(linked)
            self.site.depends_on(page.url, linked, SUMMARY)  # its card
        return changed

    def _usage_pages(self, terms: set[str]) -> list:
        """The pages an incremental build had left alone that show how often ``terms`` are used, rendered now."""
        if not terms:
            return []
        urls = [self.site.urls[t] for t in sorted(terms) if t in self.site.urls] + [self.site.urls.get("catalogue:term", "")]
        return [page for page in map(self.site.rebuild_late, urls) if page is not None]

    def _autolink(self, page) -> tuple[str, list[str]]:
        """``page``'s content with the first mention of each term linked, and the ids linked."""
        site = self.site
        if page.meta.get("glossary_links") is False or page.file.src_uri == catalogue_src_uri("term"):
            return page.content, []
        plan = site.plans.get(page.file.src_uri)
        own = plan.entry_id if plan and plan.entry_id in self.term_links else None
        base = page.url

        def render(term_id: str, matched: str) -> str:
            href = escape(relative_url(site.urls[term_id], base))
            return self.term_links[term_id].replace(_HREF, href, 1).replace(_TEXT, matched, 1)

        explicit = site.linked_from(base)  # terms the page links already show their definitions
        # what the page is about: its title and the nav sections it sits in ("Loss functions" > "Huber")
        subject = [self._title(page), *(section.title for section in page.ancestors if section.title)]
        return autolink_html(page.content, self.matcher, render, skip_term=own, already=explicit, subject=subject)

    def _term_links(self) -> dict[str, str]:
        """Each term's link markup, rendered once with stand-ins for the page's href and the matched text."""
        template = self.site.templates.get_template("crosswalk/partials/term_link.html")
        return {term.id: template.render(term=term, href=Markup(_HREF), text=Markup(_TEXT)).strip() for term in self.site.kb.terms}

    def _referring_pages(self) -> dict[str, dict[str, str]]:
        """Term id -> {url: title} of the entries and hand-written pages that link to it with ``[[id]]`` or a field."""
        site = self.site
        usage: dict[str, dict[str, str]] = {}
        for term in site.kb.terms:
            pages = usage[term.id] = {site.urls[e.id]: e.title for e in site.kb.referrers(term.id)}
            for page in site.page_links.get(term.id, {}).values():
                pages[page.url] = self._title(page)
        return usage

    def _fill_usage(self, pages, usage: dict[str, dict[str, str]]) -> None:
        """Replace the usage markers of term pages and the glossary, now that every mention is known."""
        template = self.site.templates.get_template("crosswalk/partials/term_usage.html")
        kb = self.site.kb
        terms_at = {self.site.urls[term.id]: term for term in kb.terms}  # a term's page in the list shows its card
        # The list comes in groups: entries by kind, in the catalogue's order, then every other page (role pairs, stage
        # pages, hand-written pages), so the cases and guides that use a term are not lost among generated pages.
        kinds = kb.kinds.in_catalogue_order()
        rank_of = {self.site.urls[entry.id]: kinds.index(entry.kind) for entry in kb.entries.values() if entry.id in self.site.urls}
        other = len(kinds)

        def filled(page) -> str:
            def fill(match: re.Match) -> str:
                compact, term_id = match.groups()
                users = sorted(
                    (rank_of.get(url, other), title.casefold(), url, title) for url, title in usage.get(term_id, {}).items() if url != page.url
                )
                groups: list[tuple[str, list]] = []
                for rank, _, url, title in users:
                    label = kb.kinds[kinds[rank]].PLURAL if rank < other else "Other pages"
                    if not groups or groups[-1][0] != label:
                        groups.append((label, []))
                    groups[-1][1].append((relative_url(url, page.url), title, terms_at.get(url)))
                term_href = relative_url(self.site.urls[term_id], page.url) if term_id in self.site.urls else ""
                return template.render(groups=groups, n=len(users), compact=compact == "-count", term_href=term_href).strip()

            return USAGE_MARKER.sub(fill, page.content)

        marked = [page for page in pages if "<!--crosswalk:usage" in page.content]
        for page, content in zip(marked, parallel_map(filled, marked, workers=self.site.workers)):
            page.content = content

    def _title(self, page) -> str:
        plan = self.site.plans.get(page.file.src_uri)
        return plan.title if plan else (page.title or page.url)
