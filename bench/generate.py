#!/usr/bin/env python3
"""Write a synthetic knowledge base of N entries, valid under `crosswalk check`.

usage: python bench/generate.py N OUT [--seed S]

The mix follows the shipped knowledge base: about 40% terms, 25% cases, 15% rubrics,
10% skills, the rest comparisons, journeys, roles and paths. Every entry refers to
others and mentions glossary terms in its prose. The same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

WORDS = [
    "model",
    "data",
    "user",
    "research",
    "design",
    "product",
    "team",
    "signal",
    "metric",
    "launch",
    "review",
    "feedback",
    "pipeline",
    "experiment",
    "prototype",
    "journey",
    "persona",
    "workflow",
    "baseline",
    "release",
    "risk",
    "scope",
    "insight",
    "outcome",
    "dataset",
    "label",
    "feature",
    "training",
    "evaluation",
    "monitoring",
    "dashboard",
    "interview",
    "survey",
    "sketch",
    "flow",
    "latency",
    "accuracy",
    "trust",
    "error",
    "cost",
    "budget",
    "roadmap",
    "stakeholder",
    "decision",
    "sprint",
    "handoff",
    "ticket",
    "quality",
    "coverage",
    "sample",
    "threshold",
    "alert",
    "incident",
    "rollback",
    "version",
    "registry",
    "endpoint",
    "service",
]
ADJECTIVES = [
    "adaptive",
    "applied",
    "batch",
    "causal",
    "central",
    "cohort",
    "contextual",
    "continuous",
    "shadow",
    "streaming",
    "guided",
    "holdout",
    "hybrid",
    "incremental",
    "layered",
    "live",
    "manual",
    "online",
    "offline",
    "paired",
    "staged",
    "synthetic",
    "tiered",
    "unified",
    "weighted",
    "federated",
    "explainable",
    "responsive",
    "inclusive",
]
NOUNS = [
    "review",
    "analysis",
    "audit",
    "benchmark",
    "canvas",
    "chart",
    "checklist",
    "contract",
    "cycle",
    "drift",
    "map",
    "matrix",
    "mockup",
    "playbook",
    "protocol",
    "rubric",
    "score",
    "sheet",
    "study",
    "survey",
    "test",
    "trial",
    "tracker",
    "split",
    "story",
    "sprint",
    "backlog",
    "charter",
    "gate",
]
DOMAINS = ["ux", "ml", "product", "data", "engineering", "business", "compliance"]
LEVELS = ["beginner", "intermediate", "advanced"]
MIX = {"term": 0.40, "case": 0.25, "rubric": 0.15, "skill": 0.10, "comparison": 0.03, "journey": 0.02, "role": 0.03}
SECTIONS = {
    "term": "glossary",
    "case": "cases",
    "rubric": "rubrics",
    "skill": "skills",
    "comparison": "comparisons",
    "journey": "journeys",
    "role": "roles",
    "path": "paths",
}


class Generator:
    def __init__(self, n: int, seed: int):
        self.rng = random.Random(seed)
        counts = {kind: max(2 if kind == "role" else 1, int(n * share)) for kind, share in MIX.items()}
        counts["path"] = max(1, n - sum(counts.values()))
        self.ids = {kind: [f"{kind}-{i:05d}" for i in range(count)] for kind, count in counts.items()}
        self.term_titles = self._term_titles(counts["term"])

    def _term_titles(self, count: int) -> list[str]:
        titles, seen = [], set()
        while len(titles) < count:
            title = f"{self.rng.choice(ADJECTIVES).capitalize()} {self.rng.choice(NOUNS)}"
            if title in seen:
                title = f"{title} {len(titles)}"
            seen.add(title)
            titles.append(title)
        return titles

    def pick(self, kind: str, k: int) -> list[str]:
        pool = self.ids[kind]
        return self.rng.sample(pool, min(k, len(pool)))

    def sentence(self, mentions: int = 1) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(9, 18))]
        for _ in range(mentions):  # plain-text mentions, which the glossary links automatically
            words.insert(self.rng.randrange(len(words)), self.rng.choice(self.term_titles).lower())
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int, links: int = 1) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        for _ in range(links):
            target = self.rng.choice(self.ids["term"])
            parts.insert(self.rng.randrange(len(parts) + 1), f"See [[{target}]].")
        return " ".join(parts)

    def entries(self):
        for kind, ids in self.ids.items():
            for index, entry_id in enumerate(ids):
                front, body = getattr(self, kind)(index)
                front = {"kind": kind, "id": entry_id, **front}
                yield kind, entry_id, front, body

    def common(self, title: str) -> dict:
        return {"title": title, "summary": self.sentence(0), "tags": self.rng.sample(WORDS[:20], 2)}

    def term(self, index: int):
        title = self.term_titles[index]
        aliases = [f"{''.join(w[0] for w in title.split()).upper()}{index}"]
        return {
            **self.common(title),
            "aliases": aliases,
            "domains": self.rng.sample(DOMAINS, 2),
            "see_also": [i for i in self.pick("term", 2) if i != self.ids["term"][index]],
        }, "\n\n".join(self.paragraph(4) for _ in range(2))

    def skill(self, index: int):
        return {
            **self.common(f"Skill {index}: {self.rng.choice(WORDS)} {self.rng.choice(WORDS)}"),
            "levels": {level: [self.sentence() for _ in range(3)] for level in LEVELS},
            "practice": self.pick("case", 3),
            "tools": self.pick("term", 4),
            "rubrics": self.pick("rubric", 2),
            "roles": self.pick("role", 2),
        }, "## Why it matters\n\n" + self.paragraph(5, links=2)

    def case(self, index: int):
        return {
            **self.common(f"Case {index}: the {self.rng.choice(WORDS)} {self.rng.choice(NOUNS)}"),
            "level": self.rng.choice(LEVELS),
            "roles": self.pick("role", 2),
            "skills": self.pick("skill", 2),
            "duration_minutes": self.rng.choice([30, 45, 60, 90, 120]),
            "scenario": self.paragraph(5),
            "steps": [self.sentence() for _ in range(5)],
            "deliverables": [self.sentence(0) for _ in range(2)],
        }, self.paragraph(3)

    def rubric(self, index: int):
        return {
            **self.common(f"Rubric {index}: {self.rng.choice(WORDS)} under pressure"),
            "skill": self.pick("skill", 1)[0],
            "question": self.sentence(),
            "assesses": self.sentence(),
            "strategy": self.paragraph(2, links=0),
            "sample_answer": self.paragraph(3),
            "scale": {score: self.sentence(0) for score in (1, 2, 3, 4)},
            "follow_ups": [self.sentence(0) for _ in range(2)],
            "red_flags": [self.sentence(0) for _ in range(2)],
        }, ""

    def comparison(self, index: int):
        tracks = [{"id": f"track-{t}", "title": f"{self.rng.choice(WORDS).capitalize()} track"} for t in range(self.rng.choice([2, 3]))]
        stages = [
            {
                "id": f"stage-{s}",
                "title": f"{self.rng.choice(WORDS).capitalize()} stage",
                "cells": {t["id"]: self.sentence() for t in tracks},
                "focus": self.sentence(0),
                "terms": self.pick("term", 3),
            }
            for s in range(self.rng.randint(4, 6))
        ]
        return {**self.common(f"Comparison {index}"), "tracks": tracks, "stages": stages}, self.paragraph(2)

    def journey(self, index: int):
        stages = [
            {
                "id": f"stage-{s}",
                "title": f"{self.rng.choice(WORDS).capitalize()}",
                "actions": [self.sentence(0) for _ in range(2)],
                "emotion": self.rng.randint(-2, 2),
                "pain_points": [self.sentence(0)],
                "opportunities": [self.sentence(0)],
            }
            for s in range(5)
        ]
        return {
            **self.common(f"Journey {index}"),
            "persona": self.pick("role", 1)[0],
            "stages": stages,
            "loops": [{"from": "stage-3", "to": "stage-1", "label": "Retry"}],
        }, self.paragraph(2)

    def role(self, index: int):
        comparison = self.rng.choice(self.ids["comparison"])
        return {
            **self.common(f"Role {index}"),
            "domains": self.rng.sample(DOMAINS, 2),
            "cares_about": [self.sentence(0) for _ in range(3)],
            "pain_points": [self.sentence(0) for _ in range(3)],
            "responsibilities": [{"text": self.sentence(0), "comparison": comparison, "stage": "stage-0", "raci": self.rng.choice("RACI")}],
        }, self.paragraph(2)

    def path(self, index: int):
        refs = self.pick("term", 3) + self.pick("case", 3) + self.pick("skill", 2)
        return {
            **self.common(f"Onboarding path {index}"),
            "audience": self.pick("role", 1)[0],
            "steps": [{"ref": ref, "note": self.sentence(0), "week": 1 + i // 3} for i, ref in enumerate(refs)],
        }, self.paragraph(2)


def write_knowledge_base(n: int, out: Path, seed: int = 1) -> int:
    """Write the entries under ``out`` (the kb folder); return how many."""
    count = 0
    for kind, entry_id, front, body in Generator(n, seed).entries():
        path = out / SECTIONS[kind] / f"{entry_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000) + "---\n" + body + "\n"
        path.write_text(text, encoding="utf-8")
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty; choose a new folder")
    print(f"wrote {write_knowledge_base(args.n, args.out, args.seed)} entries to {args.out}")


if __name__ == "__main__":
    main()
