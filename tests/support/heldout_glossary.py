"""A held-out glossary nobody on the team wrote: The Carpentries' glosario (CC BY 4.0) as Crosswalk terms, and nine
Software Carpentry episodes (CC BY 4.0) as the prose it links (tests/glossary/fixtures/heldout_glossary/README.md).

Run as a script (from tests/) for the figures: precision under main's rules and under the rules of OLD_RULES, and per
kind of evidence for common-word names. ``--list`` prints the links with no label yet, in a fixed-seed random order,
with their sentences only (for labelling by hand before anyone looks at the rule behind a link); ``--old`` does the
same for the links of the old rules.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import yaml

import mkdocs_crosswalk.core.glossary as glossary
from mkdocs_crosswalk.core.glossary import WITH_EVIDENCE, TermMatcher, autolink_html, autolink_names, paragraph_words
from mkdocs_crosswalk.core.models import Term
from mkdocs_crosswalk.core.scaffold import slugify

from .real_glossary import _CODE, HEADINGS, Heading, _term, autolinks, judgements, without_clashes

FIXTURE = Path(__file__).resolve().parent.parent / "glossary" / "fixtures" / "heldout_glossary"
LESSONS = ("shell-novice", "git-novice", "python-novice-inflammation")
SAMPLE_SEED = 2026  # every link is labelled (a census, 177 links), in this random order
OLD_RULES = "5d3ac0f"  # the commit before page subjects, shared rare words and -ing forms of acts

_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")  # [text](url), [text][ref]
_TAGS = re.compile(r"<kbd>(.*?)</kbd>|<!--.*?-->|<[^>]+>", re.DOTALL)
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`<]*?)\s*(?:<[^`>]*>)?`")  # MyST {ref}`text <target>`: a link, shown as its text


def _plain_definition(text: str) -> str:
    """A glosario definition as a reader sees it: links as their text, no code marks."""
    return " ".join(_LINK.sub(r"\1", text).replace("`", "").split())


def load_terms() -> list[Term]:
    """Every English entry of glossary.yml as it is: ``term`` the title, the first sentence of ``def`` the summary,
    ``def`` the body, ``acronym`` an alias, ``ref`` the see-also list. Nothing else is added."""
    entries = [e for e in yaml.safe_load((FIXTURE / "glossary.yml").read_text(encoding="utf-8")) if "en" in e]
    ids = {e["slug"]: slugify(e["en"]["term"]) for e in entries}
    terms = []
    for entry in entries:
        en = entry["en"]
        definition = _plain_definition(en["def"])
        aliases = [en["acronym"]] if en.get("acronym") else []
        see_also = [ids[slug] for slug in entry.get("ref", []) if slug in ids and ids[slug] != ids[entry["slug"]]]
        terms.append(_term(en["term"], definition, aliases=aliases, see_also=list(dict.fromkeys(see_also))))
    kept = without_clashes(terms)
    known = {t.id for t in kept}
    return [t if set(t.see_also) <= known else t.model_copy(update={"see_also": [s for s in t.see_also if s in known]}) for t in kept]


def _prose(line: str) -> str:
    """A Markdown line's text as the site shows it; code (and keys, links) kept as `code`, which is never linked."""
    line = _ROLE.sub(lambda m: f"`{m.group(1)}`" if m.group(1) else "", line)
    line = _TAGS.sub(lambda m: f"`{m.group(1)}`" if m.group(1) is not None else "", line)
    line = _LINK.sub(lambda m: f"`{m.group(1)}`" if m.group(1) and not m.group(0).startswith("!") else "", line)
    pieces = re.split(r"(`[^`]+`)", line)
    return "".join(piece if piece.startswith("`") else _EMPHASIS.sub("", piece) for piece in pieces)


def _episode(path: Path) -> tuple[str, list[str]]:
    """``(title, paragraphs)`` of a Carpentries episode: its front matter's title, and its body's blocks (blocks)."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front)["title"], blocks(body)


def blocks(body: str) -> list[str]:
    """A Markdown (or MyST) body's paragraphs as a site shows them: no code blocks, fences (``:::: callout``,
    ```` ```{figure} ````), HTML tables, target labels (``(name)=``), tables, images or link references; headings as
    Heading; each list item a paragraph of its own."""
    found: list[str] = []
    current: list[str] = []
    fence = None

    def close():
        if current:
            found.append(" ".join(" ".join(current).split()))
            current.clear()

    for line in body.splitlines():
        stripped = line.strip()
        if fence:
            fence = None if stripped.startswith(fence) else fence
            continue
        if stripped.startswith(("```", "~~~", "<table")):
            close()
            fence = "</table>" if stripped.startswith("<table") else stripped[:3]
            continue
        if not stripped or re.fullmatch(r":{3,}.*|\(\S+\)=", stripped) or re.match(r"\[[^\]]+\]:\s", stripped):
            close()
            continue
        if stripped.startswith("#"):
            close()
            found.append(Heading(_prose(stripped.lstrip("#").strip()).replace("`", "")))
            continue
        if stripped.startswith(("|", "![", "{")):
            close()
            continue
        if _ITEM.match(line):
            close()
            line = _ITEM.sub("", line)
        current.append(_prose(line.lstrip("> ")))
    close()
    return [b for b in found if b.strip()]


def load_pages() -> list[tuple[str, None, list[str]]]:
    """Each episode a page: its title the ``<h1>``, its lesson's title the nav section it sits in (HEADINGS)."""
    pages = []
    for lesson in LESSONS:
        lesson_title = yaml.safe_load((FIXTURE / lesson / "config.yaml").read_text(encoding="utf-8"))["title"]
        for path in sorted((FIXTURE / lesson / "episodes").glob("*.md")):
            title, paragraphs = _episode(path)
            name = f"{lesson}/{path.stem}"
            HEADINGS[name] = (title, [lesson_title])
            pages.append((name, None, paragraphs))
    return pages


def links(terms: list[Term], module=glossary) -> list[dict]:
    """The links ``module``'s rules (core.glossary, or an older version of it) make on the episodes."""
    matcher = module.TermMatcher.for_terms(terms)
    link = autolink_html if module is glossary else lambda html, m, r, skip_term, subject: module.autolink_html(html, m, r, skip_term=skip_term)
    return autolinks(matcher, terms, link=link, pages=load_pages())


def in_random_order(found: list[dict], seed: int = SAMPLE_SEED) -> list[dict]:
    """``found`` in the fixed-seed random order they were labelled in, so no page or rule is judged as a block."""
    return random.Random(seed).sample(found, len(found))


def old_rules():
    """core/glossary.py as it was at OLD_RULES, loaded as a module beside today's (same package, same word list)."""
    source = subprocess.run(
        ["git", "show", f"{OLD_RULES}:plugins/mkdocs_crosswalk/core/glossary.py"], capture_output=True, text=True, check=True, cwd=FIXTURE
    ).stdout
    name = "mkdocs_crosswalk.core._glossary_" + OLD_RULES
    spec = importlib.util.spec_from_loader(name, loader=None, origin=glossary.__file__)
    module = importlib.util.module_from_spec(spec)
    module.__file__, module.__package__ = glossary.__file__, "mkdocs_crosswalk.core"
    exec(compile(source, f"{OLD_RULES}:core/glossary.py", "exec"), module.__dict__)
    return module


def load_labels() -> dict:
    """``links``: page|term -> whether the link teaches the sense its sentence means; ``at``: the mention labelled."""
    return json.loads((FIXTURE / "labels.json").read_text(encoding="utf-8"))


def precision(found: list[dict], labels: dict) -> tuple[int, int]:
    """(right, labelled) over ``found``."""
    judged = judgements(found, labels)
    return sum(judged), len(judged)


def is_weak(term: Term, text: str, kinds=(WITH_EVIDENCE,)) -> bool:
    """Whether ``text``, a mention linked to ``term``, is one of its names that link only with evidence (``kinds``),
    in any of the forms the name is matched in: "author" for the title "Authors", "rules" for "Rule"."""
    return any(text.casefold() in glossary.name_keys(n) for n, how in autolink_names(term) if how in kinds)


def evidence(matcher: TermMatcher, terms: dict[str, Term], link: dict, pages: dict) -> list[str]:
    """Every kind of evidence that holds for a link of a common-word name, in the order the guide lists them: "page
    subject" (title, nav section, heading), "related term" in its section, "shared rare word" (Lesk), "qualifier" (a
    word of the sense in brackets); ["name"] when the name linked needs no evidence."""
    if link["term"] not in matcher.weak or link["text"] in {n for n, how in autolink_names(terms[link["term"]]) if how == glossary.AS_WRITTEN}:
        return ["name"]
    paragraphs = pages[link["page"]]
    heading, sections = HEADINGS[link["page"]]
    about = [heading, *sections, *(p for p in paragraphs if isinstance(p, Heading))]
    named = {t for text in about for _, _, t, _ in matcher.mentions(text)}
    number = int(link["at"].split(":")[0])
    start = max((i for i, p in enumerate(paragraphs[: number + 1]) if isinstance(p, Heading)), default=-1) + 1
    end = next((i for i, p in enumerate(paragraphs) if i > number and isinstance(p, Heading)), len(paragraphs))
    present = set(named)
    for p in paragraphs[start:end]:
        present |= {t for _, _, t, _ in matcher.mentions(_CODE.sub(" ", p))}
    paragraph = paragraph_words(_CODE.sub(" ", paragraphs[number]))
    qualifier = matcher.qualifiers.get(link["term"])
    found = [
        kind
        for kind, holds in (
            ("page subject", link["term"] in named and qualifier is None),
            ("related term", qualifier is None and not matcher.related.get(link["term"], set()).isdisjoint(present)),
            ("shared rare word", qualifier is None and matcher.has_evidence(link["term"], set(), paragraph)),
            ("qualifier", qualifier is not None),
        )
        if holds
    ]
    return found or ["page subject"]  # a shared rare word in the page's title or headings


def evidence_table(found: list[dict], labels: dict) -> dict[str, tuple[int, int]]:
    """Per kind of evidence, (right, links) over the labelled links it would link on its own; "only X" rows count the
    links that kind alone makes, the ones the other rules would not."""
    terms = load_terms()
    matcher, by_id = TermMatcher.for_terms(terms), {t.id: t for t in terms}
    pages = {name: paragraphs for name, _, paragraphs in load_pages()}
    table: dict[str, list[int]] = {}
    for link in found:
        if labels["at"].get(link["key"]) != link["at"]:
            continue
        kinds = evidence(matcher, by_id, link, pages)
        rows = kinds + ([f"only {kinds[0]}"] if len(kinds) == 1 and kinds != ["name"] else [])
        rows += ["all common-word links"] if kinds != ["name"] else []
        for row in rows:
            table.setdefault(row, [0, 0])
            table[row][0] += labels["links"][link["key"]]
            table[row][1] += 1
    return {row: tuple(counts) for row, counts in table.items()}


if __name__ == "__main__":
    terms, labels = load_terms(), load_labels()
    found = links(terms)
    if "--list" in sys.argv or "--old" in sys.argv:
        for link in in_random_order(links(terms, old_rules()) if "--old" in sys.argv else found):
            if labels["at"].get(link["key"]) != link["at"]:
                print(json.dumps({"key": link["key"], "at": link["at"], "text": link["text"], "context": link["context"]}))
    else:
        for name, made in (("main", found), (OLD_RULES, links(terms, old_rules()))):
            right, judged = precision(made, labels)
            print(f"{name}: {len(made)} links, {judged} labelled, {right} right, precision {right / max(judged, 1):.1%}")
        for row, (right, judged) in sorted(evidence_table(found, labels).items()):
            print(f"  {row:24} {right:4} of {judged:<4} {right / judged:.1%}")
    print(len(terms), "terms,", len(load_pages()), "pages,", len(found), "links", file=sys.stderr)
