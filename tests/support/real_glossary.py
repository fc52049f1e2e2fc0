"""Two real public glossaries (bfortuner/ml-glossary, MIT; a Carpentries UX lesson, CC BY 4.0) as Crosswalk terms,
imported as they are, and prose pages to autolink (see tests/glossary/fixtures/real_glossary/README.md).

Run as a script to print every autolink with its sentence, for labelling, and the measured precision and recall.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from markupsafe import escape

from mkdocs_crosswalk.core.glossary import TermMatcher, autolink_html, title_names
from mkdocs_crosswalk.core.models import Source, Term
from mkdocs_crosswalk.core.scaffold import slugify

FIXTURE = Path(__file__).resolve().parent.parent / "glossary" / "fixtures" / "real_glossary"
_ROLE = re.compile(r":(?:ref|doc|math):`([^`<]*?)(?:\s*<[^>]*>)?`")
_MARKS = re.compile(r"\*\*|\*|``|`__|`_|`")
_HEADING_RULE = re.compile(r"^([=\-~^\"'+#*])\1{2,}\s*$")


def _plain(text: str) -> str:
    return " ".join(_MARKS.sub("", _ROLE.sub(r"\1", text)).split())


def _first_sentence(text: str) -> str:
    found = re.match(r"(.+?[.?!])(?:\s|$)", text)
    return found.group(1) if found else text


DEFINITIONS: dict[str, str] = {}  # term id -> the whole definition, the prose of the term's page


def _term(title: str, definition: str, **fields) -> Term:
    """A term as the loader would make it from a file whose summary is the first sentence and body the rest;
    ``fields``: what the source itself says besides (aliases, see_also)."""
    term = Term(kind="term", id=slugify(title), title=title, summary=_first_sentence(definition), **fields)
    term._source = Source(path=f"glossary/{term.id}.md", rel_path=f"glossary/{term.id}.md", body=definition, body_line=1, positions=None)
    DEFINITIONS[term.id] = definition
    return term


def load_terms() -> list[Term]:
    """Every entry of glossary.rst as it is: its heading the title, its first sentence the summary, no aliases."""
    terms, title, lines = [], None, []

    def close():
        if title:
            definition = _plain(" ".join(lines)) or "No definition yet."
            terms.append(_term(title, definition))

    for line in (FIXTURE / "glossary.rst").read_text(encoding="utf-8").splitlines():
        if line.startswith(".."):
            continue
        if line and not line[0].isspace() and not _HEADING_RULE.match(line):
            close()
            title, lines = line.strip(), []
        elif title and line.strip() and not _HEADING_RULE.match(line) and not line.strip().startswith((".. ", "P =", "R =", "S =")):
            lines.append(line.strip().lstrip("- "))
    close()
    terms = [t for t in terms if t.title not in ("Glossary", "Definitions of common machine learning terms.")]
    # the UX lesson's glossary: a Markdown definition list ("term" then ": definition")
    lines = (FIXTURE / "ux-reference.md").read_text(encoding="utf-8").split("## Glossary", 1)[1].splitlines()
    for name, definition in zip(lines, lines[1:]):
        if name.strip() and definition.startswith(": "):
            terms.append(_term(name.strip(), definition[2:].strip()))
    # merging two glossaries: a name both define ("Feature", "clustering") is a clash Crosswalk refuses; keep the first
    kept = without_clashes(terms)
    DEFINITIONS.update({t.id: t._source.body for t in kept})  # a dropped namesake ("feature" of the UX lesson) defined it too
    return kept


def without_clashes(terms: list[Term]) -> list[Term]:
    """The terms a site can hold: of two with the same id or name (title or alias, in any case), the first;
    an alias that is another term's name is dropped from the later term."""
    kept, names = [], set()
    for t in terms:
        if t.title.casefold() not in names and t.id not in {k.id for k in kept}:
            aliases = [a for a in t.aliases if a.casefold() not in names | {t.title.casefold()}]
            if aliases != t.aliases:
                t = t.model_copy(update={"aliases": aliases})
            kept.append(t)
            names |= {t.title.casefold(), *(a.casefold() for a in t.aliases)}
    return kept


# page -> (its heading, the titles of the pages it sits in): what a site shows as the page's <h1> and nav sections
HEADINGS: dict[str, tuple[str, list[str]]] = {}


def _rst_pages(path: Path) -> list[tuple[str, list[str]]]:
    """Sections of a reStructuredText page as ``(name, paragraphs)``: prose only (no directives, code or maths).
    Each section is a page of its own, under the file's title (HEADINGS)."""
    pages: list[tuple[str, list[str]]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    name, paragraphs, current, skipping = path.stem, [], [], False
    file_title = None
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _HEADING_RULE.match(following) and line.strip() and not _HEADING_RULE.match(line):
            if current:
                paragraphs.append(" ".join(current))
            if paragraphs:
                pages.append((name, paragraphs))
            name, paragraphs, current = f"{path.stem}#{slugify(line.strip()) or i}", [], []
            HEADINGS[name] = (line.strip(), [file_title] if file_title else [])
            file_title = file_title or line.strip()
            continue
        if _HEADING_RULE.match(line):
            continue
        if line.startswith("..") or line.rstrip().endswith("::"):
            skipping = True
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if line[0].isspace():
            if skipping or not current:
                continue  # the body of a directive or a code block
        else:
            skipping = False
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    if paragraphs:
        pages.append((name, paragraphs))
    return [(n, [_plain(p) for p in ps if not p.lstrip().startswith(("|", "+", "-", "*"))]) for n, ps in pages]


def _md_page(path: Path) -> tuple[str, list[str]]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    title = re.search(r"^title:\s*(.*?)\s*$", front, re.MULTILINE).group(1).strip("\"'")
    HEADINGS[path.stem] = (title, [])
    body = re.sub(r"```.*?```", "", body, flags=re.DOTALL)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip() and not p.lstrip().startswith(("#", "|", ":::", "!["))]
    return path.stem, [re.sub(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]", lambda m: m.group(2) or m.group(1), _MARKS.sub("", p)) for p in paragraphs]


def load_pages(terms: list[Term]) -> list[tuple[str, str | None, list[str]]]:
    """``(page, own term id or None, paragraphs)``: each term's page, each section of the ML pages, the UX pages."""
    pages = [(f"glossary/{t.id}", t.id, [DEFINITIONS[t.id]]) for t in terms]
    HEADINGS.update({f"glossary/{t.id}": (t.title, ["Glossary"]) for t in terms})
    for path in sorted((FIXTURE / "pages").glob("*.rst")):
        pages += [(name, None, paragraphs) for name, paragraphs in _rst_pages(path)]
    for path in sorted((FIXTURE / "pages").glob("*.md")):
        name, paragraphs = _md_page(path)
        pages.append((name, None, paragraphs))
    return pages


class Heading(str):
    """A heading among a page's paragraphs: shown as ``<h2>``, so it is never linked but says what the page is about."""


_CODE = re.compile(r"`([^`]+)`")  # code in a paragraph (`ls -l`): shown as <code>, which the site never links


def _block_html(paragraph: str) -> str:
    if isinstance(paragraph, Heading):
        return f"<h2>{escape(paragraph)}</h2>"
    pieces = _CODE.split(paragraph)  # prose, code, prose, ...
    return "<p>" + "".join(f"<code>{escape(piece)}</code>" if i % 2 else escape(piece) for i, piece in enumerate(pieces)) + "</p>"


def autolinks(matcher: TermMatcher, terms: list[Term], link=autolink_html, pages=None) -> list[dict]:
    """What the site links (core.glossary.autolink_html): the first mention of each term on each page.
    ``pages``: ``(page, own term id or None, paragraphs)`` under HEADINGS (load_pages() unless given)."""
    found = []
    for page, own, paragraphs in load_pages(terms) if pages is None else pages:
        heading, sections = HEADINGS[page]
        html = f"<h1>{escape(heading)}</h1>" + "".join(_block_html(p) for p in paragraphs)
        _, linked = link(html, matcher, lambda term_id, text: text, skip_term=own, subject=sections)
        done, wanted = {own}, set(linked)
        for number, paragraph in enumerate(paragraphs):
            if isinstance(paragraph, Heading):
                continue
            code = [m.span() for m in _CODE.finditer(paragraph)]
            for start, end, term_id in _mentions(matcher, paragraph):
                if any(s < end and start < e for s, e in code):
                    continue
                if term_id in done or term_id not in wanted:
                    continue
                done.add(term_id)
                found.append(
                    {
                        "key": f"{page}|{term_id}",
                        "page": page,
                        "term": term_id,
                        "at": f"{number}:{start}",
                        "text": paragraph[start:end],
                        "context": paragraph[max(0, start - 70) : end + 50],
                    }
                )
    return found


def _mentions(matcher, paragraph):
    found = matcher.mentions(paragraph) if hasattr(matcher, "mentions") else [(*m, False) for m in matcher.find(paragraph)]
    return [m[:3] for m in found]


def load_labels() -> dict:
    """``links``: page|term -> whether the site's link teaches the sense its sentence means; ``at``: which mention
    (paragraph:offset) was labelled, so a label made for another mention is not reused."""
    return json.loads((FIXTURE / "labels.json").read_text(encoding="utf-8"))


RECALL_SEED, RECALL_PAGES = 15, 60


def recall_sample(terms: list[Term]) -> list[tuple[str, str | None, list[str]]]:
    """The pages whose every mention of a term name is labelled for recall: a fixed-seed random sample."""
    pages = load_pages(terms)
    return [pages[i] for i in sorted(random.Random(RECALL_SEED).sample(range(len(pages)), RECALL_PAGES))]


def _any_inflection(name: str) -> re.Pattern | None:
    """A name with its last word in any inflection (plural, -ed, -ing), in any case: wider than the matcher, on purpose."""
    words = re.findall(r"\w+", name)
    if not words:
        return None
    last = words[-1]
    forms = [re.escape(last) + "(?:s|es|ed|d|ing)?"]
    if last.lower().endswith("es"):
        forms.append(re.escape(last[:-2]))
    if last.lower().endswith("s"):
        forms.append(re.escape(last[:-1]))
    if last.lower().endswith("e"):
        forms.append(re.escape(last[:-1]) + "(?:ing|ed)")
    if last.lower().endswith("y"):
        forms.append(re.escape(last[:-1]) + "ies")
    head = "".join(re.escape(word) + r"[\s\-]+" for word in words[:-1])
    return re.compile(rf"(?<![\w-]){head}(?:{'|'.join(forms)})(?!\w)", re.IGNORECASE)


def candidate_mentions(terms: list[Term]) -> list[dict]:
    """Every mention of a term name on the recall sample (not the page's own term), to be labelled by hand."""
    patterns = [(t.id, _any_inflection(n)) for t in terms for n in dict.fromkeys([*title_names(t.title), *t.aliases])]
    found = []
    for page, own, paragraphs in recall_sample(terms):
        for number, paragraph in enumerate(paragraphs):
            for term_id, pattern in patterns:
                if pattern is None or term_id == own:
                    continue
                for m in pattern.finditer(paragraph):
                    found.append(
                        {
                            "key": f"{page}|{term_id}|{number}:{m.start()}",
                            "text": m.group(),
                            "context": paragraph[max(0, m.start() - 80) : m.end() + 60],
                        }
                    )
    return found


def load_recall_labels() -> dict[str, bool]:
    data = json.loads((FIXTURE / "recall_labels.json").read_text(encoding="utf-8"))
    return {mention["key"]: mention["link"] for mention in data["mentions"]}


def judgements(links: list[dict], labels: dict) -> list[bool]:
    """The hand labels of ``links``, for those labelled at the mention the site links."""
    return [labels["links"][link["key"]] for link in links if labels["at"].get(link["key"]) == link["at"]]


def measure(links: list[dict], labels: dict, recall_labels: dict[str, bool], terms: list[Term]) -> dict:
    """Precision over every link the site makes (each labelled); recall over the sample: of the (page, term) pairs
    with a mention that should link, how many the site links, at a mention that should link."""
    judged = judgements(links, labels)
    sampled = {page for page, _, _ in recall_sample(terms)}
    deserving = {key.rsplit("|", 1)[0] for key, ok in recall_labels.items() if ok}
    linked_right = {link["key"] for link in links if link["page"] in sampled and recall_labels.get(f"{link['key']}|{link['at']}")}
    return {
        "links": len(links),
        "labelled": len(judged),
        "precision": sum(judged) / len(judged) if judged else 0.0,
        "deserving": len(deserving),
        "recall": len(linked_right & deserving) / len(deserving) if deserving else 0.0,
        "missed": sorted(deserving - linked_right),
        "unlabelled": [link for link in links if labels["at"].get(link["key"]) != link["at"]],
    }


if __name__ == "__main__":
    terms = load_terms()
    links = autolinks(TermMatcher.for_terms(terms), terms)
    if "--list" in sys.argv:
        for link in links:
            print(json.dumps({"key": link["key"], "context": link["context"]}))
    elif "--mentions" in sys.argv:  # the recall sample's mentions that have no label yet
        known = load_recall_labels()
        for mention in candidate_mentions(terms):
            if mention["key"] not in known:
                print(json.dumps(mention))
    else:
        result = measure(links, load_labels(), load_recall_labels(), terms)
        print({k: v for k, v in result.items() if k != "unlabelled"}, len(result["unlabelled"]), "unlabelled")
    print(len(terms), "terms,", len(load_pages(terms)), "pages,", len(links), "links", file=sys.stderr)
