"""A third glossary nobody on the team wrote and no rule was tuned on: The Turing Way's glossary (CC BY 4.0) as
Crosswalk terms, and thirty pages of The Turing Way's Guide for Reproducible Research (CC BY 4.0) as the prose it
links (tests/glossary/fixtures/third_glossary/README.md). Measured once; the rules are never to be tuned on it.

Run as a script (from tests/) for the figures: precision over all links, over common-word names (those that link only
with evidence) and over the others, and the wrong links with their reasons. ``--list`` prints the links with no label
yet in a fixed-seed random order, with their sentences only (for labelling by hand before anyone looks at the rule
behind a link).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

from mkdocs_crosswalk.core.glossary import QUALIFIED, WITH_EVIDENCE, TermMatcher, autolink_html
from mkdocs_crosswalk.core.models import Term
from mkdocs_crosswalk.core.scaffold import slugify

from .heldout_glossary import blocks, in_random_order, is_weak, precision
from .real_glossary import HEADINGS, Heading, _term, autolinks, without_clashes

FIXTURE = Path(__file__).resolve().parent.parent / "glossary" / "fixtures" / "third_glossary"
GUIDE = FIXTURE / "reproducible-research"
PAGE_SEED, PAGES = 2026, 30  # the pages drawn from the guide's subchapters (README.md), not chosen
LABEL_SEED = 2027  # every link is labelled, in this random order

_GLOSSARY_BLOCK = re.compile(r"```\{glossary\}\n(.*?)```", re.DOTALL)
_MARKS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")  # *Acronym: RDM*, _The Turing Way_
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# the source's own short names, as it writes them: "*Acronym: RDM*", "Also called CI.", "shortened to ‘repo’"
_SHORT_NAME = re.compile(r"(?:Acronym:|Also called|shortened to)\s+['‘]?([\w-]+)['’]?", re.IGNORECASE)
_SEE = re.compile(r"\bsee ([\w ]+?) for\b", re.IGNORECASE)  # "see research data management for definition"


def _plain_definition(text: str) -> str:
    """A definition as a reader sees it: links as their text, no emphasis marks."""
    return " ".join(_MARKS.sub("", _LINK.sub(r"\1", text)).split())


def entries() -> list[tuple[str, str]]:
    """``(title, definition)`` of every entry of the ``{glossary}`` blocks: a line at the margin names a term, the
    indented lines after it define it."""
    found: list[tuple[str, list[str]]] = []
    for block in _GLOSSARY_BLOCK.findall((FIXTURE / "glossary.md").read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.strip() and not line[0].isspace():
                found.append((line.strip(), []))
            elif line.strip():
                found[-1][1].append(line.strip())
    return [(title, " ".join(lines)) for title, lines in found]


def load_terms() -> list[Term]:
    """Every entry as it is: its name the title, its first sentence the summary, the whole definition the body; the
    short names the definition itself gives ("Also called CI.") aliases, the entry it sends to ("see X for
    definition") its see-also. Nothing else is added."""
    raw = [(title, _plain_definition(definition)) for title, definition in entries()]
    ids = {title.casefold(): slugify(title) for title, _ in raw}
    terms = []
    for title, definition in raw:
        aliases = [a for a in dict.fromkeys(_SHORT_NAME.findall(definition)) if a.casefold() != title.casefold()]
        see_also = [ids[s.casefold()] for s in _SEE.findall(definition) if s.casefold() in ids and ids[s.casefold()] != slugify(title)]
        terms.append(_term(title, definition, aliases=aliases, see_also=see_also))
    return without_clashes(terms)


def _title(path: Path) -> str:
    return next(line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))


def load_pages() -> list[tuple[str, None, list[str]]]:
    """Each drawn page: its ``#`` heading the ``<h1>``, its other headings ``<h2>``, the guide's and its chapter's
    titles the nav sections it sits in (HEADINGS)."""
    guide = _title(GUIDE / "reproducible-research.md")
    pages = []
    for path in sorted(GUIDE.glob("*/*.md")):
        name = f"{path.parent.name}/{path.stem}"
        paragraphs = blocks(path.read_text(encoding="utf-8"))
        title = _title(path)
        paragraphs.remove(next(p for p in paragraphs if isinstance(p, Heading) and p == title))
        HEADINGS[name] = (title, [guide, _title(GUIDE / f"{path.parent.name}.md")])
        pages.append((name, None, paragraphs))
    return pages


def links(terms: list[Term]) -> list[dict]:
    """The links the site's rules (core.glossary) make on the pages."""
    return autolinks(TermMatcher.for_terms(terms), terms, link=autolink_html, pages=load_pages())


def load_labels() -> dict:
    """``links``: page|term -> whether the link teaches the sense its sentence means; ``at``: the mention labelled;
    ``wrong``: why each wrong link is wrong."""
    return json.loads((FIXTURE / "labels.json").read_text(encoding="utf-8"))


def split(found: list[dict], terms: list[Term]) -> dict[str, list[dict]]:
    """The links of names that are a common word (linked only with evidence) and of the others."""
    by_id = {t.id: t for t in terms}
    weak = [link for link in found if is_weak(by_id[link["term"]], link["text"], (WITH_EVIDENCE, QUALIFIED))]
    return {"common-word names": weak, "other names": [link for link in found if link not in weak]}


def drawn_pages(mirror: str, commit: str) -> list[str]:
    """How the pages were drawn (README.md), from a clone of The Turing Way: the guide's subchapters but the lists of
    resources and checklists, PAGES of them at random."""
    files = subprocess.run(
        ["git", "-C", mirror, "ls-tree", "-r", "--name-only", commit, "book/website/reproducible-research"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    pool = sorted(f for f in files if f.endswith(".md") and f.count("/") == 4 and not f.endswith(("-resources.md", "-checklist.md")))
    return random.Random(PAGE_SEED).sample(pool, PAGES)


if __name__ == "__main__":
    terms = load_terms()
    found = links(terms)
    if "--list" in sys.argv:
        labels = load_labels() if (FIXTURE / "labels.json").exists() else {"at": {}}
        for link in in_random_order(found, LABEL_SEED):
            if labels["at"].get(link["key"]) != link["at"]:
                print(json.dumps({"key": link["key"], "at": link["at"], "text": link["text"], "context": link["context"]}))
    else:
        labels = load_labels()
        for name, made in (("all", found), *split(found, terms).items()):
            right, judged = precision(made, labels)
            print(f"{name}: {len(made)} links, {judged} labelled, {right} right, precision {right / max(judged, 1):.1%}")
        for key, why in sorted(labels["wrong"].items()):
            print(f"  {key}: {why}")
    print(len(terms), "terms,", len(load_pages()), "pages,", len(found), "links", file=sys.stderr)
