"""A venue's rules — what its call for papers requires — checked on a linked paper: the desk
check an editor does by hand, each breach a `VEN…` finding at a place.

`Rules` is the `[rules]` table of a venue's `template.toml` (read by venue.py like every other
setting); each rule below is one small function over the linked document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .diagnostics import Diagnostic, sort_key
from .linker import Linked
from .model import Document, Heading, Span, plain_text

FRONT_FIELDS = ("udc", "irsti", "title", "authors", "affiliations", "emails", "abstract", "keywords")


@dataclass(frozen=True)
class Range:
    min: int | None = None
    max: int | None = None

    def breach(self, n: int) -> str | None:
        """`fewer`/`more` when `n` is outside the range, else None."""
        if self.min is not None and n < self.min:
            return "fewer"
        if self.max is not None and n > self.max:
            return "more"
        return None

    def __str__(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self.min}–{self.max}"
        return f"at least {self.min}" if self.min is not None else f"at most {self.max}"


@dataclass(frozen=True)
class Recent:
    years: int  # "the last `years` years": this year and the `years - 1` before it
    share: float  # the part of the entries (0–1) that must be that recent


@dataclass(frozen=True)
class Rules:
    """What a venue requires; every rule is off until its venue sets it."""

    abstract_words: Range = Range()  # words in each abstract
    abstract_languages: tuple[str, ...] = ()  # an abstract in each of these languages (kk, ru, en)
    keywords: Range = Range()  # keywords in each keyword set
    pages: Range = Range()  # pages of the PDF edition
    required: tuple[str, ...] = ()  # front-matter fields that must be present (FRONT_FIELDS)
    sections: tuple[str, ...] = ()  # headings that must be present, each `Name|Other name|…` in any language
    references: Range = Range()  # entries in the reference list
    recent: Recent | None = None
    doi_for_articles: bool = False  # a journal article must give its DOI

    @property
    def active(self) -> bool:
        return self != Rules()


def _front(doc: Document) -> Span:
    """Where front-matter findings point: the paper's first line (its first paragraph in a DOCX)."""
    return Span(1, 1, 1, 1, paragraph=1 if doc.encoding == "docx" else None)


def count_words(text: str) -> int:
    """Words as an editor counts them: runs of letters or digits (a hyphenated word is one)."""
    return len(re.findall(r"\w+(?:[-‐'’]\w+)*", text))


def abstract_words(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN001: each abstract's length in words within the venue's range."""
    if rules.abstract_words == Range():
        return []
    out = []
    for language, run in doc.meta.abstracts:
        n = count_words(plain_text(run))
        breach = rules.abstract_words.breach(n)
        if breach:
            out.append(Diagnostic.at("VEN001", doc.path, _front(doc), language=language, count=n, min=rules.abstract_words.min, max=rules.abstract_words.max))
    return out


def abstract_languages(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN002: an abstract in every language the venue asks for (each found by the reader's
    language detection of the abstract's own text)."""
    have = {language for language, _ in doc.meta.abstracts}
    return [
        Diagnostic.at("VEN002", doc.path, _front(doc), language=language, languages=rules.abstract_languages)
        for language in rules.abstract_languages if language not in have
    ]


def keyword_count(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN003: the number of keywords in each set within the venue's range."""
    if rules.keywords == Range():
        return []
    sets = doc.meta.keyword_sets or ((doc.meta.language, doc.meta.keywords),)
    return [
        Diagnostic.at("VEN003", doc.path, _front(doc), language=language, count=len(words), min=rules.keywords.min, max=rules.keywords.max)
        for language, words in sets if rules.keywords.breach(len(words))
    ]


def required_fields(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN004: each front-matter field the venue requires is present."""
    out = []
    for name in rules.required:
        value = getattr(doc.meta, name, None)
        if not (value.strip() if isinstance(value, str) else value):
            out.append(Diagnostic.at("VEN004", doc.path, _front(doc), field=name))
    return out


def heading_name(text: str) -> str:
    """A heading as compared with a venue's section names: numbering, case and punctuation aside."""
    text = re.sub(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[IVXLC]+\.)\s*", "", text)
    return " ".join(re.findall(r"\w+", text.casefold()))


def required_sections(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN005: each section the venue requires has a heading (any of its names, any language)."""
    headings = {heading_name(plain_text(b.inlines)) for b in doc.blocks if isinstance(b, Heading)}
    out = []
    for names in rules.sections:
        options = [heading_name(n) for n in names.split("|") if n.strip()]
        if not any(o in headings for o in options):
            first, *others = (n.strip() for n in names.split("|"))
            out.append(Diagnostic.at("VEN005", doc.path, _front(doc), variant="" if others else "one-name", section=first, others=tuple(others) or None))
    return out


def reference_count(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN006: the number of entries in the reference list within the venue's range."""
    n = len(doc.references)
    if not rules.references.breach(n):
        return []
    span = doc.references_span or (doc.references[0].span if doc.references else _front(doc))
    return [Diagnostic.at("VEN006", doc.path, span, count=n, min=rules.references.min, max=rules.references.max)]


def _year(entry) -> int | None:
    match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", entry.field("year") or entry.field("date") or "")
    return int(match.group(1)) if match else None


def recent_share(doc: Document, rules: Rules, this_year: int) -> list[Diagnostic]:
    """VEN007: at least the venue's share of entries from its last N years (an entry whose year
    cannot be read counts as not recent, and the message says how many those are)."""
    if rules.recent is None or not doc.references:
        return []
    since = this_year - rules.recent.years + 1
    years = [_year(e) for e in doc.references]
    recent = sum(1 for y in years if y is not None and y >= since)
    unknown = sum(1 for y in years if y is None)
    if recent >= rules.recent.share * len(years):
        return []
    span = doc.references_span or doc.references[0].span
    return [Diagnostic.at("VEN007", doc.path, span, variant="undated" if unknown else "", recent=recent, count=len(years), since=since, until=this_year, undated=unknown or None, share=rules.recent.share)]


def article_dois(doc: Document, rules: Rules) -> list[Diagnostic]:
    """VEN008: a journal article gives its DOI when the venue asks for DOIs."""
    if not rules.doi_for_articles:
        return []
    return [
        Diagnostic.at("VEN008", doc.path, e.span, number=e.number)
        for e in doc.references if e.entry_type == "article" and not (e.field("doi") or re.search(r"\b10\.\d{4,9}/\S+", e.text))
    ]


def page_count(doc: Document, rules: Rules, pages: int) -> list[Diagnostic]:
    """VEN009: the PDF edition's length within the venue's page range."""
    if not rules.pages.breach(pages):
        return []
    return [Diagnostic.at("VEN009", doc.path, _front(doc), count=pages, min=rules.pages.min, max=rules.pages.max)]


def rule_findings(linked: Linked, rules: Rules, pages: int | None = None, this_year: int | None = None) -> Linked:
    """The linked paper with a finding for each rule it breaks (the page rule when `pages`,
    the PDF edition's length, is known)."""
    if not rules.active:
        return linked
    doc = linked.document
    found = [
        *abstract_words(doc, rules), *abstract_languages(doc, rules), *keyword_count(doc, rules),
        *required_fields(doc, rules), *required_sections(doc, rules), *reference_count(doc, rules),
        *recent_share(doc, rules, this_year or date.today().year), *article_dois(doc, rules),
    ]
    if pages is not None:
        found += page_count(doc, rules, pages)
    if not found:
        return linked
    return replace(linked, diagnostics=tuple(sorted((*linked.diagnostics, *found), key=sort_key)))
