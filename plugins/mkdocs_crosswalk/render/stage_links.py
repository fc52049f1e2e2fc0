"""What refers to one stage of a comparison: links to it, roles with a part in it, journey stages and
practice material that use its terms. Pure functions over the knowledge base, for the stage's page."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.knowledge_base import KnowledgeBase
from ..core.models import Comparison, Entry, Journey, JourneyStage, Role, Stage
from ..core.references import find_wikilinks, markdown_texts
from .responsibilities import Duty, duties_in


@dataclass(frozen=True)
class Mention:
    """An entry (or one stage of a journey) that refers to the stage, and through which of its terms."""

    entry: Entry
    terms: tuple[str, ...] = ()  # ids of the stage's terms it uses; empty when it links the stage itself
    journey_stage: JourneyStage | None = None


@dataclass
class StageLinks:
    linked: list[Entry] = field(default_factory=list)  # entries with a [[comparison#stage]] link
    roles: list[tuple[Role, list[Duty]]] = field(default_factory=list)  # roles with a responsibility in the stage
    journey_stages: list[Mention] = field(default_factory=list)
    practice: list[Mention] = field(default_factory=list)  # cases, skills and rubrics, most shared terms first


class StageIndex:
    """What refers to which stage, worked out once for the whole knowledge base.

    Every stage page asks; scanning every journey and every practice entry per stage made the
    build quadratic (735 stages x 2,600 entries took 34 s of a 5,000-entry build).
    """

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        # term id -> ids of the cases, skills and rubrics that refer to it
        self._practice: dict[str, list[str]] = {}
        for kind in kb.kinds.practice():
            for entry in kb.of_kind(kind):
                for target in kb.graph.targets(entry.id):
                    self._practice.setdefault(target, []).append(entry.id)
        # per journey stage, in knowledge-base order: what it links to; and, inverted, where each target is linked
        self._journey_stages: list[tuple[Journey, JourneyStage, set]] = []
        self._journey_links: dict = {}  # id or (id, anchor) -> positions in _journey_stages
        for journey in kb.of_kind("journey"):
            targets = _journey_stage_targets(journey)
            for journey_stage in journey.stages:
                for target in targets[journey_stage.id]:
                    self._journey_links.setdefault(target, []).append(len(self._journey_stages))
                self._journey_stages.append((journey, journey_stage, targets[journey_stage.id]))

    def links(self, comparison: Comparison, stage: Stage) -> StageLinks:
        kb, links = self.kb, StageLinks()
        sources = dict.fromkeys(r.source for r in kb.graph.incoming.get(comparison.id, []) if r.anchor == stage.id)
        links.linked = sorted((kb[i] for i in sources), key=_by_title)
        links.roles = [(r, duties) for r in kb.of_kind("role") if (duties := duties_in(r, comparison.id, stage.id))]
        keys = [*stage.terms, (comparison.id, stage.id)]
        for position in sorted({p for key in keys for p in self._journey_links.get(key, ())}):
            journey, journey_stage, found = self._journey_stages[position]
            links.journey_stages.append(Mention(journey, tuple(t for t in stage.terms if t in found), journey_stage))
        used: dict[str, list[str]] = {}  # entry id -> the stage's terms it uses, in the stage's order
        for term in stage.terms:
            for entry_id in self._practice.get(term, ()):
                used.setdefault(entry_id, []).append(term)
        practice = [Mention(kb[entry_id], tuple(terms)) for entry_id, terms in used.items()]
        links.practice = sorted(practice, key=lambda m: (-len(m.terms), _by_title(m.entry)))
        return links


def stage_links(kb: KnowledgeBase, comparison: Comparison, stage: Stage) -> StageLinks:
    """The links of one stage; build a :class:`StageIndex` once instead when asking for many."""
    return StageIndex(kb).links(comparison, stage)


def _journey_stage_targets(journey: Journey) -> dict[str, set]:
    """Per journey stage id: the ids it links to, and (id, anchor) pairs for links to a part of an entry."""
    targets: dict[str, set] = {s.id: set() for s in journey.stages}
    for text in markdown_texts(journey):
        if len(text.loc) > 1 and text.loc[0] == "stages":
            found = targets[journey.stages[text.loc[1]].id]
            for link in find_wikilinks(text.text):
                found.add(link.target)
                if link.anchor:
                    found.add((link.target, link.anchor))
    return targets


def _by_title(entry: Entry) -> tuple:
    return (entry.title.casefold(), entry.id)
