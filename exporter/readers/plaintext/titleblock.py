"""The title block from line roles: the classifier proposes the title and the author lines,
small rules veto what cannot be a title or a name, and the readers fall back on their rules
where nothing is left. Which decides what:

- title: the first run of lines the model calls `title` that no veto strikes (one in the
  paper's script first); else the rules' title;
- authors: the names on the lines the model calls `author` above the abstract (those in the
  title's script first); else the rules' authors;
- e-mail addresses: every address on the front lines (`{fay,jeff}@google.com` spelled out);
- everything else (UDC, abstracts, keywords, affiliations, where the body starts): the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...references.ownlist import is_reference_heading
from .frontmatter import (
    ABSTRACT, BARE_UDC, CODES, IRSTI, KEYWORDS, SUPERVISOR, UDC, author_names, is_name, is_rubric, script, split_authors,
)
from .roles import LineItem, label_lines
from .sections import is_section_name

# A ResearchGate cover page and similar: its lines are never the paper's title or authors.
_COVER = re.compile(
    r"SEE PROFILE|CITATIONS?\b|^READS\b|All content following this page|Some of the authors of this publication|"
    r"uploaded by|ResearchGate|Download(?:ed)? from|View publication stats|User on \d",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_GROUPED = re.compile(r"\{([\w.+-]+(?:\s*,\s*[\w.+-]+)+)\}\s*@\s*([\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_FRONT_END = ("body", "heading")


def vetoes_title(text: str) -> bool:
    """Lines that are never a paper's title, whatever a model says: a section name (`Введение`),
    a journal rubric (`RESEARCH ARTICLE`), a labelled field (UDC, abstract, keywords…), an
    address or link, a reference-list heading, a cover page's furniture (`SEE PROFILE`), a line
    of names with initials, or fewer than two words and ten letters."""
    t = " ".join(text.split())
    letters = sum(ch.isalpha() for ch in t)
    if letters < 4 or len(t.split()) < 2 and letters < 10:
        return True
    if is_section_name(t) or is_rubric(t) or is_reference_heading(t) or _COVER.search(t):
        return True
    if any(p.match(t) for p in (UDC, BARE_UDC, IRSTI, CODES, ABSTRACT, KEYWORDS, SUPERVISOR)):
        return True
    if "@" in t or _URL.search(t):
        return True
    names = author_names(t, strong_only=True)
    return names is not None and re.search(r"(?<![^\W\d_])[^\W\d_]\.", t) is not None


def line_names(text: str) -> list[str]:
    """The personal names on a line the model calls an author line: the rules' reading, else
    the pieces that read as names (`Фроловская Е. А.,студент` -> [`Фроловская Е. А.`])."""
    if _COVER.search(text) or "@" in text:
        return []
    names = author_names(text, strong_only=False)
    if names:
        return names
    cleaned = re.sub(r"[\d*∗†‡§¶#©]+", " ", text)
    return [p for p in (" ".join(part.split()) for part in split_authors(cleaned)) if is_name(p)]


def emails_in(texts: list[str]) -> list[str]:
    """The e-mail addresses on these lines, in order, each once; a grouped form
    (`{fay,jeff}@google.com`) gives one address per name."""
    found: list[str] = []
    for text in texts:
        for m in _GROUPED.finditer(text):
            found += [f"{user.strip()}@{m[2]}" for user in m[1].split(",")]
        for m in _ADDRESS.finditer(_GROUPED.sub(" ", text)):
            found.append(m.group().rstrip("."))
    return list(dict.fromkeys(found))


@dataclass
class Proposal:
    """What the model proposes: the title's item indexes, the authors, the front's e-mails."""

    title: list[int] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    front_end: int = 0  # index of the first item past the front matter (body or a heading)
    labels: list[tuple[str, float]] = field(default_factory=list)


def _runs(labels: list[tuple[str, float]], wanted: str, texts: list[str]) -> list[list[int]]:
    """Runs of consecutive items with the label `wanted`, cut where the script changes (a
    title followed by its translation)."""
    runs: list[list[int]] = []
    for i, (label, _) in enumerate(labels):
        if label != wanted:
            continue
        if runs and runs[-1][-1] == i - 1 and script(texts[i]) == script(texts[i - 1]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def propose(items: list[LineItem], language: str | None = None, labels: list[tuple[str, float]] | None = None) -> Proposal:
    """The title block the model reads in `items` (see the module's docstring)."""
    labels = label_lines(items) if labels is None else labels
    if not labels:
        return Proposal()
    texts = [item.text for item in items]
    front_end = next((i for i, (label, _) in enumerate(labels) if label in _FRONT_END and i > 0), len(items))
    own = "latin" if language == "en" else "cyrillic" if language else None
    runs = []
    for run in _runs(labels, "title", texts):
        kept = [i for i in run if not vetoes_title(texts[i])]
        if kept and kept == list(range(kept[0], kept[-1] + 1)):
            runs.append(kept)
    runs.sort(key=lambda run: own is not None and script(" ".join(texts[i] for i in run)) != own)  # stable: first in order
    title = runs[0] if runs else []
    title_script = script(" ".join(texts[i] for i in title)) if title else own
    stop = next((i for i, (label, _) in enumerate(labels) if label in ("abstract", "keywords", "body", "heading") and i > (title[-1] if title else 0)), len(items))
    by_script: dict[str, list[str]] = {}
    for i, (label, _) in enumerate(labels[:stop]):
        if label == "author":
            by_script.setdefault(script(texts[i]), []).extend(line_names(texts[i]))
    authors = by_script.get(title_script) or next((names for names in by_script.values() if names), [])
    seen: set[str] = set()
    unique = []
    for name in authors:
        key = re.sub(r"[\s.]", "", name).casefold()
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return Proposal(title, unique, emails_in(texts[:front_end]), front_end, labels)
