"""The ``crosswalk-comparisons`` plugin: stage pages, pictures, responsibility matrices, role pairs, embeds."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from markupsafe import Markup

from ..core.models import Comparison, Journey, Role
from ..core.problems import Problem
from ..core.references import WikiLink
from ..core.wording import plain_text
from ..engine import Config, Files, MkDocsConfig, Page, event_priority
from ..engine import config_options as c
from ..render.diagrams import comparison_picture
from ..render.fields import inline
from ..render.journey_map import FEELINGS, journey_picture
from ..render.plan import PagePlan, catalogue_src_uri, entry_src_uri
from ..render.responsibilities import RACI, pair_slug, responsibility_matrix, role_columns, role_pairs, shared_vocabulary, where_they_meet
from ..render.stage_links import StageIndex
from ..render.urls import relative_url
from .feature import FeaturePlugin
from .site import site_plugin

log = logging.getLogger("mkdocs.plugins.crosswalk")
# Left by ![[comparison]] in the Markdown; filled in on_env, once the comparison's cells are rendered.
PAIRS_DIR = "roles/pairs"


class ComparisonsConfig(Config):
    enabled = c.Type(bool, default=True)
    stage_pages = c.Type(bool, default=True)  # a page per stage of each comparison
    diagrams = c.Type(bool, default=True)  # the swimlane and journey pictures
    role_pairs = c.Type(bool, default=True)  # a page per pair of roles
    # Pairs grow with the square of the roles; above this many roles the pair pages are left out.
    role_pairs_max_roles = c.Type(int, default=40)


class ComparisonsPlugin(FeaturePlugin[ComparisonsConfig]):
    STYLESHEETS = ("comparisons.css",)

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        self.site = site = site_plugin(config)
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.docs_dir = Path(config.docs_dir)
        kb = site.kb
        self.stage_urls: dict[tuple[str, str], str] = {}
        self.pair_urls: dict[str, str] = {}  # pair slug -> site URL
        self.pairs_index: str | None = None
        self.pictures: dict[str, dict] = {}  # comparison id -> its picture, drawn once per build
        # Every page first, then what they show: stage pages link role pairs and the other way round.
        stage_pages = [page for c in kb.of_kind("comparison") for page in self._add_stage_pages(c, files, config)] if self.config.stage_pages else []
        for comparison in kb.of_kind("comparison"):  # [[comparison#stage]] opens the stage's page, or else its row
            for stage in comparison.stages:
                site.set_anchor_url(comparison.id, stage.id, f"{site.urls[comparison.id]}#stage-{stage.id}", replace=False)
        pair_pages = self._add_role_pairs(files, config) if self.config.role_pairs else []
        self.stage_index = StageIndex(kb) if stage_pages else None
        # Worked out when a page is rendered: an incremental `serve` build renders only a few of them.
        for comparison, stage, plan, url in stage_pages:
            site.register_context_later(plan.src_uri, partial(self._stage_context, comparison, stage, url))
        for first, second, plan, url in pair_pages:
            site.register_context_later(plan.src_uri, partial(self._pair_context, first, second, url))
        for comparison in kb.of_kind("comparison"):
            self._update(comparison, partial(self._overview_context, comparison, site.urls[comparison.id]))
        for journey in kb.of_kind("journey"):
            self._update(journey, lambda journey=journey: {"feelings": FEELINGS, **self._journey_picture(journey)})
        for role in kb.of_kind("role"):
            self._update(role, partial(self._role_context, role))
        self._embeds: list[tuple[str, str | None, str]] = []  # (comparison id, stage id, placeholder) of each ![[id]]
        self._embeds_on: dict[str, list[int]] = {}  # src_uri -> its embeds, in the order of the page
        site.add_embedder("comparison", self._embed_placeholder)
        return files

    def _update(self, entry, make) -> None:
        if entry_src_uri(entry) in self.site.plans:  # not when a hand-written page replaces the entry's page
            self.site.register_context_later(entry_src_uri(entry), make)

    def _fields(self, entry_id: str, page_url: str):
        """An entry's rendered Markdown fields, with its links made to work on ``page_url``."""

        def read(*loc, inline_: bool = False) -> Markup:
            html = self.site.field_html(entry_id, loc, page_url) or ""
            return Markup(inline(html) if inline_ else html)

        return read

    def _duty_text(self, page_url: str):
        """A role's duty as rendered Markdown, its links working on ``page_url``."""
        return lambda role_id, duty: self._fields(role_id, page_url)("responsibilities", duty.index, "text", inline_=True)

    # Comparisons

    def _add_stage_pages(self, comparison: Comparison, files: Files, config: MkDocsConfig) -> list[tuple]:
        added = []
        for stage in comparison.stages:
            plan = PagePlan(
                f"{comparison.SECTION}/{comparison.id}/{stage.id}.md", f"{stage.title} · {comparison.title}", "crosswalk/comparison/stage.html"
            )
            file = self.site.add_page(plan, files, config)
            if file is not None:
                self.stage_urls[(comparison.id, stage.id)] = file.url
                self.site.set_anchor_url(comparison.id, stage.id, file.url)
                added.append((comparison, stage, plan, file.url))
        return added

    def _stage_context(self, comparison: Comparison, stage, here: str) -> dict:
        stages = comparison.stages
        i = stages.index(stage)
        return {
            "cmp": comparison,
            "stage": stage,
            "index": i,
            "previous": stages[i - 1] if i else None,
            "next": stages[i + 1] if i + 1 < len(stages) else None,
            "cmp_field": self._fields(comparison.id, here),
            "stage_hrefs": self._stage_hrefs(comparison, here),
            "overview_href": relative_url(self.site.urls[comparison.id], here),
            "links": self.stage_index.links(comparison, stage),
            "pair_href": self._tracks_pair_href(comparison, here),
            "duty_text": self._duty_text(here),
            "raci": RACI,
        }

    def _stage_hrefs(self, comparison: Comparison, page_url: str) -> dict[str, str]:
        """Stage id -> its page, or its row on the overview when stage pages are off."""
        overview = self.site.urls[comparison.id]
        return {s.id: relative_url(self.stage_urls.get((comparison.id, s.id), f"{overview}#stage-{s.id}"), page_url) for s in comparison.stages}

    def _tracks_pair_href(self, comparison: Comparison, page_url: str) -> str | None:
        """The page setting the roles of a two-track comparison side by side, if there is one."""
        roles = [t.role for t in comparison.tracks if t.role]
        if len(comparison.tracks) != 2 or len(roles) != 2 or roles[0] == roles[1]:
            return None
        url = self.pair_urls.get("--".join(sorted(roles)))
        return relative_url(url, page_url) if url else None

    def _overview_context(self, comparison: Comparison, page_url: str) -> dict:
        roles, rows = responsibility_matrix(comparison, self.site.kb.of_kind("role"))
        return {
            "cmp": comparison,
            "stage_hrefs": self._stage_hrefs(comparison, page_url),
            "matrix_roles": roles,
            "matrix_rows": rows,
            "matrix_columns": [(self.site.link(role.id, page_url), role.id) for role in roles],
            "raci": RACI,
            "plain": self._plain,
            **self._comparison_picture(comparison),
        }

    def _comparison_picture(self, comparison: Comparison) -> dict:
        if not self.config.diagrams:
            return {}
        if comparison.id not in self.pictures:
            self.pictures[comparison.id] = comparison_picture(comparison, self.site.kb.entries)
        return {"picture": self.pictures[comparison.id]}

    def _plain(self, markdown: str) -> str:
        return plain_text(markdown, self.site.kb.entries)

    # Journeys

    def _journey_picture(self, journey: Journey) -> dict:
        if not self.config.diagrams:
            return {}
        return {"picture": journey_picture(journey, self.site.kb.entries)}

    # Roles

    def _role_context(self, role: Role) -> dict:
        here = self.site.urls[role.id]
        columns = role_columns(role, self.site.kb.of_kind("comparison"))
        return {
            "raci_columns": columns,
            "comparison_stage_hrefs": {c.id: self._stage_hrefs(c, here) for c, _ in columns},
            "duty_text": self._duty_text(here),
            "raci": RACI,
            "pairs": self._pairs_of(role, here),
        }

    def _add_role_pairs(self, files: Files, config: MkDocsConfig) -> list[tuple]:
        roles = self.site.kb.of_kind("role")
        if len(roles) > self.config.role_pairs_max_roles:
            log.info(
                "crosswalk-comparisons: %d roles is more than role_pairs_max_roles (%d); role-pair pages left out",
                len(roles),
                self.config.role_pairs_max_roles,
            )
            return []
        index = self.site.add_page(PagePlan(f"{PAIRS_DIR}/index.md", "Two roles side by side", "crosswalk/comparison/role_pairs.html"), files, config)
        self.pairs_index = index.url if index else None
        added = []
        for first, second in role_pairs(roles):
            plan = PagePlan(f"{PAIRS_DIR}/{pair_slug(first, second)}.md", f"{first.title} and {second.title}", "crosswalk/comparison/role_pair.html")
            file = self.site.add_page(plan, files, config)
            if file is not None:
                self.pair_urls[pair_slug(first, second)] = file.url
                added.append((first, second, plan, file.url))
        if index:
            self.site.register_context(index.src_uri, by_role=[(role, self._pairs_of(role, index.url)) for role in roles])
            if catalogue_src_uri("role") in self.site.plans:
                self.site.register_context(catalogue_src_uri("role"), pairs_href=relative_url(index.url, self.site.urls["catalogue:role"]))
        return added

    def _pairs_of(self, role: Role, page_url: str) -> list[tuple[Role, str]]:
        """The other roles with a pair page together with ``role``, and the link to each page."""
        others = [r for r in self.site.kb.of_kind("role") if r.id != role.id and pair_slug(role, r) in self.pair_urls]
        return [(other, relative_url(self.pair_urls[pair_slug(role, other)], page_url)) for other in others]

    def _pair_context(self, first: Role, second: Role, here: str) -> dict:
        return {
            "first": first,
            "second": second,
            "fields": {r.id: self._fields(r.id, here) for r in (first, second)},
            "duty_text": self._duty_text(here),
            "shared": shared_vocabulary(first, second, self.site.kb.terms),
            "meeting": where_they_meet(first, second, self.site.kb.of_kind("comparison")),
            "comparison_stage_hrefs": {c.id: self._stage_hrefs(c, here) for c in self.site.kb.of_kind("comparison")},
            "raci": RACI,
            "pairs_href": relative_url(self.pairs_index, here) if self.pairs_index else None,
        }

    # Embeds

    def _embed_placeholder(self, link: WikiLink, page: Page) -> str:
        """`![[comparison]]` or `![[comparison#stage]]`: a placeholder until the comparison's cells are rendered."""
        comparison = self.site.kb[link.target]
        if link.anchor and comparison.stage(link.anchor) is None:
            stages = ", ".join(s.id for s in comparison.stages)
            marker = f"![[{link.target}#{link.anchor}"
            self.site.add_problem(
                Problem(
                    self._docs_path(page),
                    self._line_of(page, marker),
                    "",
                    f"{marker}]]: {link.target!r} has no stage {link.anchor!r}; its stages are {stages}",
                )
            )
            return ""
        # A placeholder of our own, noted per page: the embed is drawn once the comparison's cells are rendered.
        # (A comment is block-level to Markdown, so an embed alone in a paragraph is not wrapped in <p>.)
        placeholder = f"<!--crosswalk:embed {len(self._embeds)}-->"
        self._embeds.append((link.target, link.anchor, placeholder))
        self._embeds_on.setdefault(page.file.src_uri, []).append(len(self._embeds) - 1)
        return placeholder

    def _docs_path(self, page: Page) -> str:
        path = (self.docs_dir / page.file.src_uri).resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else page.file.src_uri

    @staticmethod
    def _line_of(page: Page, text: str) -> int:
        try:
            source = page.file.content_string
        except Exception:
            return 1
        return source.count("\n", 0, max(source.find(text), 0)) + 1

    @event_priority(-60)  # after the site plugin renders entry pages (-50), before glossary links (-100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return env
        for src_uri, embeds in self._embeds_on.items():
            page = files.get_file_from_path(src_uri).page
            for index in embeds:
                comparison_id, stage_id, placeholder = self._embeds[index]
                page.content = page.content.replace(placeholder, self._render_embed(comparison_id, stage_id, page), 1)
        return env

    def _render_embed(self, comparison_id: str, stage_id: str | None, page: Page) -> str:
        comparison = self.site.kb[comparison_id]
        read = self._fields(comparison_id, page.url)
        context = {
            **self._overview_context(comparison, page.url),
            "cell_html": lambda *loc: read(*loc, inline_=True),
            "link": lambda entry_id: self.site.link(entry_id, page.url),
            "stages": [s for s in comparison.stages if stage_id in (None, s.id)],
            "whole": stage_id is None,
            "overview_href": relative_url(self.site.urls[comparison_id], page.url),
        }
        return self.site.templates.get_template("crosswalk/comparison/embed.html").render(**context)
