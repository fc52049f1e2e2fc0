"""A fourth glossary nobody on the team wrote and no rule was tuned on: Usability.gov's glossary (public domain, US
government) as Crosswalk terms, and twenty-five of Usability.gov's own pages on UX methods as the prose it links
(tests/glossary/fixtures/fourth_glossary/README.md). Measured once; the rules are never to be tuned on it.

Besides every link, the mentions of common-word names the rules hold back (no evidence) are labelled too, so a
common-word policy can be scored for recall as well as precision (``score``).

Run as a script (from tests/) for the figures: precision over all links, over common-word names and over the others,
the wrong links with their reasons, and precision and recall on common-word mentions. ``--list`` prints the links
with no label yet, ``--held-back`` the held-back mentions with no label yet, each in a fixed-seed random order with
its sentence and the term's definition only (for labelling by hand before anyone looks at the rule behind a link).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from mkdocs_crosswalk.core.glossary import TermMatcher, autolink_html
from mkdocs_crosswalk.core.models import Term
from mkdocs_crosswalk.core.scaffold import slugify

from .heldout_glossary import in_random_order, precision
from .real_glossary import _CODE, DEFINITIONS, HEADINGS, Heading, _term, autolinks, without_clashes
from .third_glossary import split

FIXTURE = Path(__file__).resolve().parent.parent / "glossary" / "fixtures" / "fourth_glossary"
SOURCE = FIXTURE / "third_party"  # the public site's files, cut out unchanged (README.md)
PAGE_SEED, PAGES = 2028, 25  # the pages drawn from the site's method and topic pages (README.md), not chosen
LABEL_SEED = 2029  # every link and every held-back mention is labelled, in this random order
HELD_BACK_PER_PAGE = 3  # held-back mentions labelled per term and page: the first three

# "Card sorting or Card sort", "Ethnography, or ethnographic research", "Modal/non-modal OR modality"
_OR = re.compile(r",? or ", re.IGNORECASE)
_BRACKET = re.compile(r"\s*\[(see also|or) ([^\]]+)\]", re.IGNORECASE)  # "Section 508 [see also 508]"
_ACRONYM = re.compile(r"\s*\(([A-Z]{2,}(?:, [A-Z]{2,})*)\)$")  # "Cascading style sheets (CSS)", "(UE, UX)"
_SEE = re.compile(r"\[?\bSee(?: also)?:?\s+([^\[\]]+?)\]?\.?$", re.IGNORECASE)  # "[See Card Sort and Open Card Sort]"


def _text(node: LexborNode) -> str:
    """A node's text as a reader sees it, with one space wherever the markup breaks a line."""
    return " ".join((node.text(deep=True, separator="") or "").split())


def entries() -> list[tuple[str, str]]:
    """``(name, definition)`` of every entry of the glossary's letter pages, in the site's order."""
    found = []
    for path in sorted((SOURCE / "glossary").glob("*.html")):
        for row in LexborHTMLParser(path.read_text(encoding="utf-8")).css("li.glossaryTerm"):
            found.append(
                (_text(row.css_first(".views-field-title .field-content")), _text(row.css_first(".views-field-field-definition .field-content")))
            )
    return found


def _names(entry: str) -> tuple[str, list[str], list[str]]:
    """``(title, aliases, see-also names)`` from an entry's name as the source writes it: its other names after "or"
    ("Mental map or model": mental model) and its acronyms in brackets aliases, "[see also 508]" a see-also."""
    see = [m.group(2) for m in _BRACKET.finditer(entry) if m.group(1).lower() == "see also"]
    alternatives = [m.group(2) for m in _BRACKET.finditer(entry) if m.group(1).lower() == "or"]
    names = _OR.split(_BRACKET.sub("", entry).strip())
    first, aliases = names[0].strip(), [a.strip() for a in alternatives]
    for name in names[1:]:
        name = name.strip()
        if " " not in name and " " in first:  # "Mental map or model", "Usability evaluation or assessment"
            name = first.rsplit(" ", 1)[0] + " " + name
        aliases.append(name)
    title = first
    for i, name in enumerate([first, *aliases]):
        acronym = _ACRONYM.search(name)
        if acronym:
            bare = name[: acronym.start()].strip()
            title = bare if i == 0 else title
            aliases = [bare if a == name else a for a in aliases]
            aliases += [a.strip() for a in acronym.group(1).split(",")]
    return title, list(dict.fromkeys(a for a in aliases if a.casefold() != title.casefold())), see


def load_terms() -> list[Term]:
    """Every entry as it is: its name the title (its other names and acronyms, as the name gives them, aliases), its
    first sentence the summary, the whole definition the body, the entries it sends to ("See also Open & Closed Card
    Sort") its see-also. Nothing else is added."""
    raw = [(*_names(name), definition) for name, definition in entries()]
    ids = {n.casefold(): slugify(title) for title, aliases, _, _ in raw for n in [title, *aliases]}
    terms = []
    for title, aliases, see, definition in raw:
        tail = _SEE.search(definition)
        names = [*see, *(re.split(r"\s*(?:,|&| and )\s*", tail.group(1)) if tail else [])]
        see_also = [ids[n.casefold()] for n in names if n.casefold() in ids and ids[n.casefold()] != slugify(title)]
        terms.append(_term(title, definition, aliases=aliases, see_also=list(dict.fromkeys(see_also))))
    kept = without_clashes(terms)
    known = {t.id for t in kept}
    return [t if set(t.see_also) <= known else t.model_copy(update={"see_also": [s for s in t.see_also if s in known]}) for t in kept]


def _inline(node: LexborNode) -> str:
    """A block's text as the site shows it: links and code as `code` (never linked), images dropped."""
    parts = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag in ("a", "code"):
            raw, text = child.text(deep=True, separator="") or "", _text(child)  # "<a>architecture </a>of": a space
            parts.append(raw[: len(raw) - len(raw.lstrip())] + f"`{text}`" + raw[len(raw.rstrip()) :] if text else "")
        elif child.tag in ("img", "script", "style", "ul", "ol", "table"):
            continue
        elif child.tag == "br":
            parts.append(" ")
        else:
            parts.append(_inline(child))
    return "".join(parts)


def _blocks(node: LexborNode) -> list[str]:
    """A page body's paragraphs: headings as Heading, each list item a paragraph of its own, no tables."""
    found: list[str] = []
    for child in node.iter(include_text=False):
        if child.tag in ("h2", "h3", "h4", "h5", "h6"):
            found.append(Heading(_text(child)))
        elif child.tag in ("p", "li", "dt", "dd"):
            found.append(" ".join(_inline(child).split()))
            found += [b for sub in child.iter(include_text=False) if sub.tag in ("ul", "ol") for b in _blocks(sub)]
        elif child.tag in ("div", "ul", "ol", "dl", "blockquote", "section"):
            found += _blocks(child)
    return [b for b in found if b.strip() and b.strip("` ")]


def load_pages() -> list[tuple[str, None, list[str]]]:
    """Each drawn page: its ``<h1>`` the heading, its body's blocks the paragraphs, its breadcrumb's sections (not
    Home) the nav sections it sits in (HEADINGS)."""
    pages = []
    for path in sorted((SOURCE / "pages").rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        name = path.relative_to(SOURCE / "pages").with_suffix("").as_posix()
        sections = [_text(a) for a in tree.css(".breadcrumb a") if _text(a) != "Home"]
        HEADINGS[name] = (_text(tree.css_first("h1")), sections)
        pages.append((name, None, _blocks(tree.css_first(".field-name-body .field-item"))))
    return pages


def links(terms: list[Term]) -> list[dict]:
    """The links the site's rules (core.glossary) make on the pages."""
    return autolinks(TermMatcher.for_terms(terms), terms, link=autolink_html, pages=load_pages())


def held_back(terms: list[Term], found: list[dict]) -> list[dict]:
    """The mentions of common-word names (needing evidence) in linkable prose that the site did not link: the first
    HELD_BACK_PER_PAGE of each term on each page. ``key``: page|term|paragraph:offset."""
    matcher, linked = TermMatcher.for_terms(terms), {(link["key"], link["at"]) for link in found}
    mentions, counted = [], {}
    for page, _, paragraphs in load_pages():
        for number, paragraph in enumerate(paragraphs):
            if isinstance(paragraph, Heading):
                continue
            code = [m.span() for m in _CODE.finditer(paragraph)]
            for start, end, term_id, needs_evidence in matcher.mentions(paragraph):
                key, at = f"{page}|{term_id}", f"{number}:{start}"
                if not needs_evidence or (key, at) in linked or any(s < end and start < e for s, e in code):
                    continue
                counted[key] = counted.get(key, 0) + 1
                if counted[key] <= HELD_BACK_PER_PAGE:
                    mentions.append(
                        {
                            "key": f"{key}|{at}",
                            "page": page,
                            "term": term_id,
                            "at": at,
                            "text": paragraph[start:end],
                            "context": paragraph[max(0, start - 70) : end + 50],
                        }
                    )
    return mentions


def needing_evidence(terms: list[Term], found: list[dict]) -> list[str]:
    """The links (page|term) at a mention of a common-word name (one that needs evidence): frozen in labels.json as
    ``common_word_links`` for the rules measured, so ``score`` keeps its pool under any later policy."""
    matcher, paragraphs = TermMatcher.for_terms(terms), {page: ps for page, _, ps in load_pages()}
    weak = []
    for link in found:
        number, start = map(int, link["at"].split(":"))
        if any(s == start and t == link["term"] and needs for s, _, t, needs in matcher.mentions(paragraphs[link["page"]][number])):
            weak.append(link["key"])
    return weak


def load_labels() -> dict:
    """``links``: page|term -> whether the link teaches the sense its sentence means; ``at``: the mention labelled;
    ``wrong``: why each wrong link is wrong; ``held_back``: page|term|paragraph:offset -> whether that mention, which
    the site did not link, means the term; ``common_word_links``: the links whose name needed evidence (a common word)
    at the measured rules."""
    return json.loads((FIXTURE / "labels.json").read_text(encoding="utf-8"))


def label_of(link: dict, labels: dict) -> bool | None:
    """The hand label of the mention a link is at: from ``links`` or, for a mention the measured rules held back,
    from ``held_back``; None when that mention was never labelled."""
    if labels["at"].get(link["key"]) == link["at"]:
        return labels["links"][link["key"]]
    return labels["held_back"].get(f"{link['key']}|{link['at']}")


def score(found: list[dict], labels: dict) -> tuple[float, float]:
    """(precision, recall on common-word mentions) of the links ``found`` (from today's rules or any other policy).
    Precision: of the links at a labelled mention, those right. Recall: of the page|term pairs of a common-word name
    with a labelled mention that means the term (a link at 1043fed or a held-back mention), those linked at a mention
    that means it."""
    judged = [label for label in (label_of(link, labels) for link in found) if label is not None]
    common = set(labels["common_word_links"])
    deserving = {key for key in common if labels["links"][key]}
    deserving |= {key.rsplit("|", 1)[0] for key, right in labels["held_back"].items() if right}
    linked_right = {link["key"] for link in found if label_of(link, labels)}
    return sum(judged) / max(len(judged), 1), len(deserving & linked_right) / max(len(deserving), 1)


def _card(term: Term) -> str:
    return f"{term.title}: {DEFINITIONS[term.id]}"


def glossary_sources(mirror: str, commit: str) -> list[tuple[str, str]]:
    """``(letter, path)`` of the glossary's letter pages in a clone of GSA/digitalgov-usability: A is the glossary's
    own page; 0-9, X, Y and Z list no entry."""
    files = subprocess.run(
        ["git", "-C", mirror, "ls-tree", "-r", "--name-only", commit, "what-and-why/glossary"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    letters = sorted(f.split("/")[2] for f in files if re.fullmatch(r"what-and-why/glossary/[a-z]/index\.html", f))
    return [("a", "what-and-why/glossary/index.html")] + [(letter, f"what-and-why/glossary/{letter}/index.html") for letter in letters]


def drawn_pages(mirror: str, commit: str) -> list[str]:
    """How the pages were drawn (README.md), from a clone of GSA/digitalgov-usability: the topic pages ("What & Why")
    and the method pages ("How To & Tools"), not the listings (index pages), PAGES of them at random."""
    files = subprocess.run(
        ["git", "-C", mirror, "ls-tree", "-r", "--name-only", commit, "what-and-why", "how-to-and-tools/methods"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    pool = sorted(f for f in files if re.fullmatch(r"(what-and-why|how-to-and-tools/methods)/[\w-]+\.html", f) and not f.endswith("/index.html"))
    return random.Random(PAGE_SEED).sample(pool, PAGES)


if __name__ == "__main__":
    terms = load_terms()
    by_id = {t.id: t for t in terms}
    found = links(terms)
    has_labels = (FIXTURE / "labels.json").exists()
    labels = load_labels() if has_labels else {"at": {}, "links": {}, "held_back": {}, "wrong": {}, "common_word_links": []}
    if "--list" in sys.argv:
        for link in in_random_order(found, LABEL_SEED):
            if labels["at"].get(link["key"]) != link["at"]:
                print(
                    json.dumps(
                        {"key": link["key"], "at": link["at"], "text": link["text"], "context": link["context"], "card": _card(by_id[link["term"]])}
                    )
                )
    elif "--held-back" in sys.argv:
        for mention in in_random_order(held_back(terms, found), LABEL_SEED):
            if mention["key"] not in labels["held_back"]:
                print(
                    json.dumps({"key": mention["key"], "text": mention["text"], "context": mention["context"], "card": _card(by_id[mention["term"]])})
                )
    else:
        for name, made in (("all", found), *split(found, terms).items()):
            right, judged = precision(made, labels)
            print(f"{name}: {len(made)} links, {judged} labelled, {right} right, precision {right / max(judged, 1):.1%}")
        for key, why in sorted(labels["wrong"].items()):
            print(f"  {key}: {why}")
        mentions = labels["held_back"]
        print(f"held back: {len(mentions)} common-word mentions labelled, {sum(mentions.values())} mean the term")
        p, r = score(found, labels)
        unlabelled = sum(label_of(link, labels) is None for link in found)
        print(f"score of these rules: precision {p:.1%}, recall on common-word mentions {r:.1%} ({unlabelled} links at an unlabelled mention)")
    print(len(terms), "terms,", len(load_pages()), "pages,", len(found), "links", file=sys.stderr)
