"""Author–year citations in a paragraph's text (`(Hammarström et al. 2020)`, `Smith and Jones
(2019)`, `(Иванов, 2019; Петров и др., 2020а)`), matched to the entries of the list by the first
author's family name and the year, as an editor checks an APA, Harvard or Chicago paper.

The readers find numeric citations (`[12]`) as model nodes; a paper that cites by author and
year has none of them, and without this every entry of its list would be reported as never
cited. The linker asks for them only of a paper with no bracket citation at all (a narrative
`Smith et al. (2019)` beside `[3]` is the text's, never a finding). They stay the author's text
in every edition: nothing here changes the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .diagnostics import Diagnostic
from .model import Bibliography, Block, Entry, Span, Text, inline_runs, iter_inlines
from .references.fields import family_names

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž" + "А-ЯЁӘҒҚҢӨҰҮҺІЄЇҐ"
# A family name as a citation writes it: capitalised, maybe hyphenated or with an apostrophe
# (`O'Neil`, `Ахмед-Заки`), after particles (`van der Berg`, `de Souza`); a body's name of
# several words (`R Core Team`, `World Health Organization`), compared by its last, which has
# two letters at least (`Figure 1B, 2019` names no one).
_PART = r"(?:['’-][^\W\d_]+)*"
_FAMILY = (rf"(?:(?:van|von|der|den|de|del|della|di|da|du|la|le|al|el)\s+){{0,2}}(?:[{_UPPER}][^\W\d_]*{_PART}\s+){{0,3}}"
           rf"[{_UPPER}][^\W\d_]+{_PART}")
_ET_AL = r"\s+(?:et\s*al\.?|and\s+(?:colleagues|co-?workers)|и\s+др\.?|с\s+соавт(?:\.|орами)|және\s+т\.\s?б\.?|және\s+басқ\.?)"
# `Jones and Brown`, `Murphy, Myors, & Wolach`, `Иванов и Петров`.
_LIST = rf"(?:\s*,\s*{_FAMILY}){{0,8}}\s*,?\s*(?:(?:and|и|және)\s+|&\s*){_FAMILY}"  # `&Dewaele`: PDF text lost the space
_AUTHORS = rf"(?P<authors>{_FAMILY}(?P<more>{_ET_AL}|{_LIST})?)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-zа-я])?(?![\w])"
_LOCATOR = r"(?:\s*[,:]\s*(?:pp?\.|с\.|c\.|б\.|S\.)?\s*\d[\d–-]*)?"
# One citation inside brackets, after any words that lead to it (`for a discussion, see
# Baguley, 2009`), its years (`Lee et al., 2018, 2019a`) and page (`p. 4`). A comma before the
# year, `et al.` or more authors tell it from a product and its year (`Windows 2000`).
_ITEM = re.compile(
    rf"(?:^|(?<=\s)){_AUTHORS}(?P<comma>\s*,)?\s+{_YEAR}"
    r"(?P<years>(?:\s*,\s*(?:1[5-9]\d\d|20\d\d)[a-zа-я]?(?![\w]))*)" + _LOCATOR + "$"
)
_ONE_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")
# In the sentence: `Smith et al. (2019)`, `Shih, Pittinsky, and Ambady (1999)`, `Иванов и Петров (2020а, с. 5)`,
# and with more in the bracket after a semicolon: `Burton, Jenkins and Schweinberger (2011; see also …)`;
# the year in square brackets inside a parenthesis (`(but see Marshall et al. [2003])`).
_NARRATIVE = re.compile(rf"(?<![\w-]){_AUTHORS}\s*[(\[]\s*{_YEAR}{_LOCATOR}\s*[);\]]")
_BRACKETS = re.compile(r"\(([^()]{6,400})\)")
# Where a bracket's citations part: a semicolon (APA, Harvard), or a comma after a year before
# a capital (`Lambert et al. 2008, King et al. 2008`: the comma-separated author-date styles,
# AOS, CSE); a comma before a year or a page (`Smith 2019, 2020a`, `2019, p. 4`) parts nothing.
_ITEMS_APART = re.compile(rf";|(?<=\d\d\d\d),(?=\s*[{_UPPER}])|(?<=\d\d\d\d[a-zа-я]),(?=\s*[{_UPPER}])")
_NAME_BREAK = re.compile(r"\s*(?:,|&|\band\b|\bи\b|\bжәне\b)\s*|" + _ET_AL + ".*$")
# Words a bracket writes before a year that name no one: months (`April and May 2025`: a date)
# and the paper's own author (`Source: Author, 2012` under a figure the author made).
_MONTH = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[ьяе]|феврал[ьяе]|март[аe]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аe]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    r"|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\.?",
    re.IGNORECASE,
)
_SELF = re.compile(r"author|authors|author's|автор|авторы|автора|авторов|авторлар|автордың", re.IGNORECASE)
# A sentence's first word followed by a comma may be a word (`Similarly, Norman, Sloan, and
# Wyrwich (2003)`) or the first author (`Hyde, Lindberg, …`): the entries tell.
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:]\s+)$")


@dataclass(frozen=True, slots=True)
class AuthorYear:
    """One author–year citation: as written, where it starts in its text, and what it names."""

    written: str
    start: int
    names: tuple[str, ...]  # the authors' family names as written, in order
    year: str
    sure: bool  # a comma before the year, `et al.` or a second author: a citation, not a name and a number
    opens: bool = False  # the first name opens a sentence before a comma: maybe a word, not a name

    @property
    def family(self) -> str:
        """The first author's family name (the second name's when the first may be a sentence's word)."""
        return self.names[1] if self.opens else self.names[0]


def author_year_citations(text: str) -> list[AuthorYear]:
    """The author–year citations of `text`, in order."""
    found: list[AuthorYear] = []
    for m in _BRACKETS.finditer(text):
        inner, at, pos = m.group(1), m.start(1), 0
        for sep in [*_ITEMS_APART.finditer(inner), None]:
            end = sep.start() if sep else len(inner)
            found.extend(_bracketed(inner[pos:end], at + pos, text))
            pos = sep.end() if sep else end
    for m in _NARRATIVE.finditer(text):
        if not any(f.start <= m.start() < f.start + len(f.written) for f in found) and not _names_no_one(m.group("authors")):
            names, opens = _names(m.group("authors"), text, m.start())
            found.append(AuthorYear(m.group(0), m.start(), names, m.group("year"), bool(m.group("more")), opens))
    return sorted(found, key=lambda f: f.start)


def _bracketed(part: str, at: int, text: str) -> list[AuthorYear]:
    """`Smith et al., 2019`, or `Smith 2019, 2020a` (one author's works: one citation each)."""
    m = _ITEM.search(part.rstrip())
    if m is None or _names_no_one(m.group("authors"), dated=not m.group("comma")):
        return []
    sure = bool(m.group("comma") or m.group("more"))
    start = at + m.start()
    written = text[start : at + len(part.rstrip())]
    names, opens = _names(m.group("authors"), text, start)
    years = [m.group("year")] + _ONE_YEAR.findall(m.group("years"))
    return [AuthorYear(written, start, names, year, sure, opens) for year in years]


def _names_no_one(authors: str, dated: bool = False) -> bool:
    """Whether every name before the year is the paper's own author (`Source: Author, 2012`) or,
    with no comma before the year (`dated`), a month's (`April and May 2025`; `(May, 1976)`
    cites a May)."""
    names = [n.strip() for n in _NAME_BREAK.split(authors) if n and n.strip()]
    return bool(names) and all(_SELF.fullmatch(n) or dated and _MONTH.fullmatch(n) for n in names)


def _names(authors: str, text: str, start: int) -> tuple[tuple[str, ...], bool]:
    """The family names of a citation's authors, and whether the first may be a sentence's
    opening word before a comma rather than a name (`Similarly, Norman, …` or `Hyde, Lindberg, …`)."""
    names = tuple(n for n in _NAME_BREAK.split(authors) if n and n.strip())
    opens = len(names) > 2 and bool(_SENTENCE_OPENS.search(text[:start])) and re.match(r"[^,]+,", authors) is not None
    return names, opens


def folded_name(name: str) -> str:
    """A family name compared: its last word, case and accents folded (`Hammarström`, `HAMMARSTROM`)."""
    last = name.split()[-1] if name.split() else ""
    plain = unicodedata.normalize("NFKD", last.casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch) and ch.isalnum())


def matches(citation: AuthorYear, families: Iterable[str], year: str | None) -> bool:
    """Whether an entry whose authors' family names are `families` (in order) and whose year is
    `year` is what `citation` names: the first author and the year agree."""
    first = next(iter(families), None)
    if not (first and year and year[:4] == citation.year):
        return False
    candidates = citation.names[:2] if citation.opens else citation.names[:1]
    return any(folded_name(first) == folded_name(name) for name in candidates)


@dataclass(frozen=True, slots=True)
class AuthorYearLink:
    """An author–year citation linked: as written, its paragraph's place, the entries it names
    (none: it names no entry of the list, and a CIT007 says so)."""

    written: str
    span: Span
    entries: tuple[str, ...]


def link_author_year(blocks: Iterable[Block], entries: list[Entry], path: str) -> tuple[list[AuthorYearLink], list[Diagnostic]]:
    """The author–year citations of the paragraphs linked to the entries they name, and a CIT007
    for each that names none. Only a citation sure to be one (a comma before its year, `et
    al.`, two authors) is kept when it names no entry; `Windows 2000` may still match an entry,
    never make a finding."""
    by_name = [(entry.key, family_names(entry.field("author") or entry.field("editor")), entry.field("year") or entry.field("date")) for entry in entries]
    links: list[AuthorYearLink] = []
    findings: list[Diagnostic] = []
    for block in blocks:
        if isinstance(block, Bibliography):
            continue
        for run in inline_runs(block):
            text = "".join(node.text for node in iter_inlines(run) if isinstance(node, Text))
            for citation in author_year_citations(text):
                hits = tuple(key for key, families, year in by_name if matches(citation, families, year))
                if hits or citation.sure:
                    links.append(AuthorYearLink(citation.written, block.span, hits))
                if not hits and citation.sure:
                    context = _around(text, citation.start, citation.start + len(citation.written))
                    findings.append(Diagnostic.at("CIT007", path, block.span, context=context, written=citation.written,
                                                  family=citation.family, year=citation.year))
    return links, findings


def _around(text: str, start: int, end: int, reach: int = 40) -> str:
    """The citation with a few whole words either side: where to find it in the paragraph."""
    a, b = max(0, start - reach), min(len(text), end + reach)
    words = text[a:b].split()
    if a > 0 and not text[a - 1].isspace() and words:
        words = words[1:]
    if b < len(text) and not text[b].isspace() and words:
        words = words[:-1]
    return " ".join(words)
