"""The ``crosswalk-comparisons`` plugin: stage pages, diagrams, responsibility matrices, role pairs, embeds."""

from __future__ import annotations

import itertools
import logging
import re

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from ..core.models import Comparison
from ..core.references import WikiLink
from ..render.diagrams import comparison_layout, journey_layout, plain_text, responsibility_matrix, shared_vocabulary
from ..render.plan import PagePlan, entry_src_uri
from ..render.urls import rebase_links, relative_url
from .site import site_plugin

log = logging.getLogger("mkdocs.plugins.crosswalk")
EMBED = re.compile(r'<div class="cw-embed" data-cw-embed="([a-z0-9-]+)(?:#([a-z0-9-]+))?"></div>')


class ComparisonsConfig(Config):
    enabled = c.Type(bool, default=True)
    stage_pages = c.Type(bool, default=True)
    diagrams = c.Type(bool, default=True)
    role_pairs = c.Type(bool, default=True)
    # Pairs grow with the square of the roles; above this many roles the pair pages are left out.
    role_pairs_max_roles = c.Type(int, default=40)


class ComparisonsPlugin(BasePlugin[ComparisonsConfig]):
    def on_config(self, config: MkDocsConfig):
        if self.config.enabled:
            config.extra_css.append("assets/crosswalk/comparisons.css")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        self.site = site = site_plugin(config)
        kb = site.kb
        self.titles = {e.id: e.title for e in kb.entries.values()}
        self.stage_urls: dict[tuple[str, str], str] = {}
        for comparison in kb.of_kind("comparison"):
            overview = files.get_file_from_path(entry_src_uri(comparison))
            if self.config.stage_pages:
                self._add_stage_pages(comparison, overview, files, config)
            plan = site.plans.get(overview.src_uri)
            if plan is not None:
                plan.context.update(self._comparison_context(comparison, overview.url, "cw-cmp-" + comparison.id))
        for journey in kb.of_kind("journey"):
            plan = site.plans.get(entry_src_uri(journey))
            if plan is not None and self.config.diagrams:
                layout = journey_layout(journey, self.titles)
                plan.context.update(diagram=layout, svg_id=f"cw-journey-{journey.id}", alt=self._journey_alt(journey))
        for role in kb.of_kind("role"):
            plan = site.plans.get(entry_src_uri(role))
            if plan is not None:
                plan.context["raci_columns"] = [
                    (comparison, responsibility_matrix(comparison, [role])[1]) for comparison in kb.of_kind("comparison")
                    if any(d.comparison == comparison.id for d in role.responsibilities)
                ]
        if self.config.role_pairs:
            self._add_role_pairs(files, config)
        site.embedders["comparison"] = self._embed_placeholder
        return files

    def _add_stage_pages(self, comparison: Comparison, overview, files, config) -> None:
        stages = comparison.stages
        for i, stage in enumerate(stages):
            src_uri = f"{comparison.SECTION}/{comparison.id}/{stage.id}.md"
            context = {"cmp": comparison, "stage": stage, "index": i, "previous": stages[i - 1] if i else None, "next": stages[i + 1] if i + 1 < len(stages) else None}
            file = self.site.add_page(PagePlan(src_uri, f"{stage.title} · {comparison.title}", "crosswalk/comparison/stage.html", context=context), files, config)
            if file is not None:
                self.site.anchor_urls[(comparison.id, stage.id)] = file.url
                self.stage_urls[(comparison.id, stage.id)] = file.url
        for i, stage in enumerate(stages):
            plan = self.site.plans.get(f"{comparison.SECTION}/{comparison.id}/{stage.id}.md")
            if plan is None:
                continue
            here = self.stage_urls[(comparison.id, stage.id)]
            plan.context.update(
                cmp_field=self._field_reader(comparison.id, here),
                overview_href=relative_url(overview.url, here),
                stage_href=lambda sid, here=here, cid=comparison.id: relative_url(self.stage_urls[(cid, sid)], here),
                related=self._stage_related(comparison, stage),
            )

    def _field_reader(self, comparison_id: str, page_url: str):
        """Rendered Markdown fields of a comparison, with links made to work on another page."""

        def read(*loc) -> Markup:
            html = self.site.fields_html(comparison_id)[1].get(tuple(loc), "")
            return Markup(rebase_links(html, self.site.urls[comparison_id], page_url))

        return read

    def _comparison_context(self, comparison: Comparison, page_url: str, svg_id: str) -> dict:
        hrefs = {s.id: relative_url(self.stage_urls.get((comparison.id, s.id), f"{page_url}#stage-{s.id}"), page_url) for s in comparison.stages}
        context = {"stage_hrefs": hrefs, "cmp": comparison, "svg_id": svg_id}
        if self.config.diagrams:
            context.update(diagram=comparison_layout(comparison, self.titles), alt=self._comparison_alt(comparison))
        roles, rows = responsibility_matrix(comparison, self.site.kb.of_kind("role"))
        context.update(matrix_roles=roles, matrix_rows=rows)
        return context

    def _comparison_alt(self, comparison: Comparison) -> str:
        tracks = ", ".join(t.title for t in comparison.tracks)
        stages = "; ".join(
            f"{s.title}: " + ", ".join(f"{t.title}: {plain_text(s.cells.get(t.id, ''), self.titles)}" for t in comparison.tracks)
            for s in comparison.stages
        )
        return f"{len(comparison.tracks)} tracks ({tracks}) side by side across {len(comparison.stages)} stages. {stages}."

    def _journey_alt(self, journey) -> str:
        feeling = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}
        stages = "; ".join(f"{s.title} ({feeling[s.emotion]})" for s in journey.stages)
        loops = "; ".join(f"loops back from {l.from_} to {l.to}" + (f" ({l.label})" if l.label else "") for l in journey.loops)
        return f"Journey of {self.titles[journey.persona]} through {len(journey.stages)} stages: {stages}." + (f" It {loops}." if loops else "")

    def _stage_related(self, comparison: Comparison, stage) -> list[tuple[str, list]]:
        """Entries that link to this stage, then entries that use its terms, grouped by kind."""
        kb = self.site.kb
        direct = [kb[r.source] for r in kb.graph.incoming.get(comparison.id, []) if r.anchor == stage.id]
        duties = [r for r in kb.of_kind("role") if any(d.comparison == comparison.id and d.stage == stage.id for d in r.responsibilities)]
        journeys = [j for j in kb.of_kind("journey") if any(s.id == stage.id for s in j.stages)]
        via_terms = {}
        for term_id in stage.terms:
            for source in kb.referrers(term_id):
                if source.kind in ("case", "skill", "rubric"):
                    via_terms.setdefault(source.id, source)
        groups = []
        for label, items in (("Linked to this stage", direct), ("Roles with a part in it", duties), ("Journeys with this stage", journeys), ("Using its terms", via_terms.values())):
            items = sorted({e.id: e for e in items}.values(), key=lambda e: (e.kind, e.title.casefold()))
            if items:
                groups.append((label, items))
        return groups

    def _add_role_pairs(self, files, config) -> None:
        roles = self.site.kb.of_kind("role")
        if len(roles) > self.config.role_pairs_max_roles:
            log.info("crosswalk-comparisons: %d roles is more than role_pairs_max_roles (%d); role-pair pages left out", len(roles), self.config.role_pairs_max_roles)
            return
        pairs = []
        for first, second in itertools.combinations(roles, 2):
            src_uri = f"roles/pairs/{first.id}--{second.id}.md"
            context = {"first": first, "second": second, "shared": shared_vocabulary(first, second, self.site.kb.terms), "plain": self._plain}
            if self.site.add_page(PagePlan(src_uri, f"{first.title} and {second.title}", "crosswalk/comparison/role_pair.html", context=context), files, config):
                pairs.append((first, second, src_uri))
        index = self.site.add_page(PagePlan("roles/pairs/index.md", "Two roles side by side", "crosswalk/comparison/role_pairs.html", context={}), files, config)
        if index:
            self.site.plans[index.src_uri].context["pairs"] = [
                (a, b, relative_url(files.get_file_from_path(uri).url, index.url)) for a, b, uri in pairs
            ]

    def _plain(self, markdown: str) -> str:
        return plain_text(markdown, self.titles)

    def _embed_placeholder(self, link: WikiLink, page) -> str:
        """`![[comparison]]` or `![[comparison#stage]]`: filled in once the comparison's cells are rendered."""
        return self.site.templates.get_template("crosswalk/comparison/embed_placeholder.html").render(target=link.target, anchor=link.anchor).strip()

    @event_priority(-60)  # after the site plugin renders entry pages (-50), before glossary links (-100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.content and 'class="cw-embed"' in page.content:
                page.content = EMBED.sub(lambda m: self._render_embed(m.group(1), m.group(2), page), page.content)
        return env

    def _render_embed(self, comparison_id: str, stage_id: str | None, page) -> str:
        comparison = self.site.kb[comparison_id]
        overview_url = self.site.urls[comparison_id]
        _, fields = self.site.fields_html(comparison_id)
        cells = {loc: Markup(rebase_links(html, overview_url, page.url)) for loc, html in fields.items()}
        stages = [s for s in comparison.stages if stage_id in (None, s.id)]
        context = self._comparison_context(comparison, page.url, f"cw-embed-{comparison_id}-{stage_id or 'all'}")
        template = self.site.templates.get_template("crosswalk/comparison/embed.html")
        return template.render(
            **context, stages=stages, cells=cells, stage_index={s.id: i for i, s in enumerate(comparison.stages)},
            overview_href=relative_url(overview_url, page.url), whole=stage_id is None,
        )
