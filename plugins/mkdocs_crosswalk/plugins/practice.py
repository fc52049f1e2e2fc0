"""The ``crosswalk-practice`` plugin: case finder, shareable assignments, progress, interviewer kits."""

from __future__ import annotations

import json
from functools import partial

from markupsafe import Markup

from ..core.references import markdown_texts
from ..core.wording import plain_text
from ..engine import Config, File, Files, MkDocsConfig
from ..engine import config_options as c
from ..render import catalogues
from ..render.environment import format_minutes
from ..render.fields import inline as inline_html
from ..render.plan import PagePlan, catalogue_src_uri, entry_src_uri
from ..render.urls import relative_url
from .feature import FeaturePlugin
from .site import site_plugin

ASSIGNMENT = "cases/assignment.md"
CASES_JSON = "assets/crosswalk/cases.json"


class PracticeConfig(Config):
    enabled = c.Type(bool, default=True)
    progress = c.Type(bool, default=True)  # "mark as done" boxes, progress bars, export and import
    assignments = c.Type(bool, default=True)  # pick boxes, the assignment builder and the assignment page
    kits = c.Type(bool, default=True)  # an interviewer kit page per skill that has rubrics


class PracticePlugin(FeaturePlugin[PracticeConfig]):
    SCRIPTS = ("practice.js",)
    STYLESHEETS = ("practice.css",)

    def on_files(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return files
        site = site_plugin(config)
        kb = site.kb
        assignment = self._add_assignment_page(site, files, config) if self.config.assignments else None
        # Which practice controls templates show: done boxes and progress bars, pick boxes and the builder.
        switches = {"progress": self.config.progress, "assignments": self.config.assignments}
        catalogue = files.get_file_from_path(catalogue_src_uri("case"))
        for src_uri in list(site.plans):
            # The assignment link needs this page's position: worked out if the page is rendered.
            site.register_context_later(src_uri, partial(self._page_context, files.get_file_from_path(src_uri), assignment, switches))
            if catalogue and src_uri == catalogue.src_uri:
                site.register_context(src_uri, finder=self._finder_options(kb))
        if self.config.kits:
            self._add_kits(site, files, config)
        return files

    @staticmethod
    def _page_context(file: File, assignment: File | None, switches: dict) -> dict:
        return {"practice": switches, "assignment_href": relative_url(assignment.url, file.url) if assignment else ""}

    def _add_assignment_page(self, site, files: Files, config: MkDocsConfig) -> File | None:
        """The page that shows an assignment read from its link, and the case data it reads it against."""
        assignment = site.add_page(PagePlan(ASSIGNMENT, "Assignment", "crosswalk/practice/assignment.html"), files, config)
        data = files.get_file_from_path(CASES_JSON)
        if data is None:
            data = File.generated(config, CASES_JSON, content=self._cases_json(site))
            files.append(data)
        if assignment:
            site.register_context(
                assignment.src_uri,
                cases_json_href=relative_url(data.url, assignment.url),
                site_root_href=relative_url("", assignment.url),
                site_name=config.site_name,
            )
        return assignment

    def _add_kits(self, site, files: Files, config: MkDocsConfig) -> None:
        """A kit page per skill with rubrics, linked from the skill, each of its rubrics and the rubrics catalogue."""
        kb = site.kb
        kit_urls: dict[str, str] = {}  # skill id -> kit page URL
        for skill, rubrics in catalogues.rubrics_by_skill(kb):
            if not rubrics:
                continue
            src_uri = f"{skill.SECTION}/{skill.id}/kit.md"
            context = {"skill": skill, "rubrics": rubrics}
            kit = site.add_page(PagePlan(src_uri, f"Interviewer kit: {skill.title}", "crosswalk/practice/kit.html", context=context), files, config)
            if kit:
                kit_urls[skill.id] = kit.url
                site.register_context(src_uri, rubric_field=_field_reader(site, kit.url))
        linked = [(entry_src_uri(s), s.id) for s in kb.of_kind("skill")] + [(entry_src_uri(r), r.skill) for r in kb.of_kind("rubric")]
        for src_uri, skill_id in linked:
            if src_uri in site.plans and skill_id in kit_urls:
                site.register_context(src_uri, kit_href=relative_url(kit_urls[skill_id], files.get_file_from_path(src_uri).url))
        catalogue = catalogue_src_uri("rubric")
        if catalogue in site.plans:
            here = files.get_file_from_path(catalogue).url
            site.register_context(catalogue, kit_hrefs={skill_id: relative_url(url, here) for skill_id, url in kit_urls.items()})

    @staticmethod
    def _finder_options(kb) -> dict:
        cases = kb.of_kind("case")
        roles = sorted({r for c in cases for r in c.roles})
        skills = sorted({s for c in cases for s in c.skills})
        return {"roles": [kb[r] for r in roles], "skills": [kb[s] for s in skills], "durations": sorted({c.duration_minutes for c in cases})}

    @staticmethod
    def _cases_json(site) -> str:
        """What the assignment page needs of each case, as plain text (the page sets it with textContent)."""
        entries = site.kb.entries
        # An incremental `serve` build changes no title a [[link]] shows: an unchanged case reads the same.
        kept = site.carried("practice-cases")

        def data(case) -> dict:
            if case.id in kept and kept[case.id][0] is case:
                return kept[case.id][1]
            kept[case.id] = (
                case,
                {
                    "title": case.title,
                    "level": case.level,
                    "minutes": case.duration_minutes,
                    "duration": format_minutes(case.duration_minutes),
                    "summary": case.summary,
                    "scenario": plain_text(case.scenario, entries),
                    "steps": [plain_text(s, entries) for s in case.steps],
                    "deliverables": [plain_text(d, entries) for d in case.deliverables],
                    "url": site.urls[case.id],
                },
            )
            return kept[case.id][1]

        cases = {case.id: data(case) for case in site.kb.of_kind("case")}
        return json.dumps({"cases": cases}, ensure_ascii=False, separators=(",", ":"))


def _field_reader(site, page_url: str):
    """Markdown fields of other entries, as rendered on their own pages, with links that work on ``page_url``."""

    def read(entry, *loc, inline: bool = False) -> Markup:
        html = site.field_html(entry.id, loc, page_url)
        if html is None:  # a hand-written page replaced the entry's page, so nothing was rendered: its words only
            text = next(t.text for t in markdown_texts(entry) if t.loc == loc)
            return Markup.escape(plain_text(text, site.kb.entries))
        return Markup(inline_html(html) if inline else html)

    return read
