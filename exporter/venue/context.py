"""What a venue's Jinja renders over and comes back as: styled runs (`<b>`/`<i>` markup
only), title lines, the paper's metadata and an entry's fields as Jinja sees them."""

from __future__ import annotations

import re
import types
from dataclasses import dataclass, fields, replace
from html.parser import HTMLParser

from ..model import Emph, Entry, Footnote, Inline, Meta, Strong, Superscript, Text, plain_text
from ..references.bibtex import latex_to_unicode


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style: what macros and title lines come down to."""

    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False  # `<sup>` of a title line (an author's affiliation number)

    @property
    def style(self) -> tuple[bool, bool, bool]:
        return self.bold, self.italic, self.superscript


class _RunParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.bold = self.italic = self.sup = 0

    def handle_starttag(self, tag, attrs):
        self.bold += tag == "b"
        self.italic += tag == "i"
        self.sup += tag == "sup"

    def handle_endtag(self, tag):
        self.bold -= tag == "b" and self.bold > 0
        self.italic -= tag == "i" and self.italic > 0
        self.sup -= tag == "sup" and self.sup > 0

    def handle_data(self, data):
        if data:
            self.runs.append(Run(data, self.bold > 0, self.italic > 0, self.sup > 0))


def markup_to_runs(markup: str) -> list[Run]:
    """`<b>Аңдатпа.</b> text` -> runs; values were HTML-escaped by Jinja, so only our tags count."""
    parser = _RunParser()
    parser.feed(str(markup))
    parser.close()
    merged: list[Run] = []
    for run in parser.runs:
        text = re.sub(r"\s+", " ", run.text)
        if merged and merged[-1].style == run.style:
            merged[-1] = replace(run, text=merged[-1].text + text)
        else:
            merged.append(replace(run, text=text))
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return [r for r in merged if r.text]


# `<br>` in a title line's markup: where it breaks into lines (a value's own `<br>` was escaped
# by Jinja and never matches).
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True)
class TitleLine:
    """A line of the title block: inlines (what the Jinja line rendered, with the title's and
    abstract's citations and notes in place), and how the venue sets it. A repeated line
    (`repeat`) has `cells` instead: one per author group, side by side, each its lines."""

    inlines: tuple[Inline, ...]
    align: str
    bold: bool
    italic: bool
    size_pt: float
    space_before_pt: float
    span: str = "page"  # "page": across the page above the columns; "column": in the first column
    indent_cm: float = 0.0
    cells: tuple[tuple[tuple[Inline, ...], ...], ...] = ()

    def runs(self) -> list[tuple[Inline, ...]]:
        """Every run of inlines the line holds: its own, or each line of each cell."""
        return [self.inlines] if not self.cells else [line for cell in self.cells for line in cell]


# A front-matter run reaches a venue's Jinja line as text in which each node that is not text
# (a citation, a note, a formula, emphasis) stands as one character of Unicode's Supplementary
# Private Use Area-B, which no paper's text uses; after rendering, each stands for its node again.
_NODE_MARK = 0x100000
_NODE_MARKS = re.compile("[\U00100000-\U0010FFFD]")


def _marked(run: tuple[Inline, ...], nodes: list[Inline]) -> str:
    """A run as text for a Jinja line, its other nodes appended to `nodes` and marked in place."""
    out = []
    for node in run:
        if isinstance(node, Text):
            out.append(_NODE_MARKS.sub("\ufffd", node.text))  # a mark in the source is not ours
        else:
            out.append(chr(_NODE_MARK + len(nodes)))
            nodes.append(node)
    return " ".join("".join(out).split())


def meta_view(meta: Meta, nodes: list[Inline] | None = None) -> types.SimpleNamespace:
    """What a venue's templates see as `meta`: Meta's fields, the title and the abstracts as text.

    With `nodes`, a citation or note in them stands as a mark (`_marked`) that
    `TitleLine.inlines` turns back into the node; without, they are plain text (a LaTeX shell's
    PDF title, a report page)."""
    view = {f.name: getattr(meta, f.name) for f in fields(meta)}
    text = (lambda run: _marked(run, nodes)) if nodes is not None else (lambda run: " ".join(plain_text_of(run).split()))
    view["title"] = text(meta.title)
    view["abstracts"] = tuple((lang, text(run)) for lang, run in meta.abstracts)
    view["abstract"] = text(meta.abstract)
    view["title_language"] = meta.title_language
    view["titles"] = tuple((lang, text(run)) for lang, run in meta.titles)
    # The title block in each other language, as a template prints it: `t.language`,
    # `t.title` (text), `t.authors`, `t.affiliations`; a part the paper does not give is empty.
    view["translations"] = tuple(
        types.SimpleNamespace(language=t.language, title=text(t.title), authors=t.authors, affiliations=t.affiliations) for t in meta.translations
    )
    view["author_groups"] = author_groups(meta)
    return types.SimpleNamespace(**view)


@dataclass(frozen=True)
class AuthorGroup:
    """Authors who share an affiliation, as a title block prints them (IEEE's author columns,
    LNCS's `\\institute` numbers)."""

    number: int  # 1, 2, …: the affiliation's number
    names: tuple[str, ...]
    affiliation: str
    emails: tuple[str, ...]


def author_groups(meta: Meta) -> tuple[AuthorGroup, ...]:
    """The authors with their affiliations and e-mails. The front matter gives three lists and
    no links between them: when there are as many affiliations as authors the n-th is the
    n-th author's (e-mails likewise); otherwise one group holds every name, the affiliations
    joined, and every e-mail."""
    names, places, emails = meta.authors, meta.affiliations, meta.emails
    if not names:
        return ()
    if len(names) > 1 and len(places) == len(names):
        mails = [(e,) for e in emails] if len(emails) == len(names) else [()] * len(names)
        return tuple(AuthorGroup(n + 1, (name,), place, mail) for n, (name, place, mail) in enumerate(zip(names, places, mails)))
    return (AuthorGroup(1, tuple(names), "; ".join(places), tuple(emails)),)


def running_title(title: str, limit: int = 60) -> str:
    """A title short enough for a running head: as it is when short, else the part before its
    first colon or full stop when that is short, else cut at a word and closed with `…`."""
    title = " ".join(str(title).split())
    if len(title) <= limit:
        return title
    head = re.split(r"[:.]\s", title, maxsplit=1)[0]
    if len(head) <= limit:
        return head
    cut = title[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + "…"


def running_authors(names) -> str:
    """Authors as LNCS's running head names them: `F. Author`, `F. Author and S. Author`,
    `F. Author et al.` (initials of the given names, then the surname)."""
    short = [_initialled(name) for name in names]
    if len(short) > 2:
        return f"{short[0]} et al."
    return " and ".join(short)


def _initialled(name: str) -> str:
    """`Айгүл Серікқызы Нұрланова` → `А. С. Нұрланова`; `Knuth, Donald E.` → `D. E. Knuth`; a name
    given as `Surname I. O.` stays as it is."""
    name = " ".join(name.split())
    parts = name.replace(",", " ").split()
    if sum(not re.fullmatch(r"(?:\w\.-?)+", part) for part in parts) <= 1:  # initials already
        return name
    person = _person(name)
    return f"{person['initials']} {person['last']}".strip()


def plain_text_of(run: tuple[Inline, ...]) -> str:
    """A front-matter run as plain text, without the notes on it."""
    return plain_text(tuple(node for node in run if not isinstance(node, Footnote)))


def runs_to_inlines(runs: list[Run], nodes: list[Inline]) -> tuple[Inline, ...]:
    """Rendered runs as inlines: bold and italic runs wrapped in Strong and Emph, each mark
    (`_marked`) replaced by its node."""
    out: list[Inline] = []
    for run in runs:
        parts: list[Inline] = []
        cursor = 0
        for m in _NODE_MARKS.finditer(run.text):
            if m.start() > cursor:
                parts.append(Text(run.text[cursor:m.start()]))
            index = ord(m.group()) - _NODE_MARK
            parts.append(nodes[index] if index < len(nodes) else Text("\ufffd"))
            cursor = m.end()
        if cursor < len(run.text):
            parts.append(Text(run.text[cursor:]))
        inlines = tuple(parts)
        if run.superscript:
            inlines = (Superscript(inlines),)
        if run.italic:
            inlines = (Emph(inlines),)
        if run.bold:
            inlines = (Strong(inlines),)
        out.extend(inlines)
    return tuple(out)


def _person(name: str) -> dict:
    """`Knuth, Donald E.` or `Donald E. Knuth` -> last name, first names and initials."""
    name = " ".join(name.split())
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
    else:
        parts = name.split(" ")
        last, first = parts[-1], " ".join(parts[:-1])
    initials = " ".join(p[0] + "." for p in re.split(r"[\s.]+", first) if p and p[0].isalpha())
    return {"last": last, "first": first, "initials": initials, "full": name}


class _Fields(dict):
    """A missing .bib field is empty, not an error: entries differ in what they carry."""

    def __missing__(self, key: str) -> str:
        return ""


def entry_context(entry: Entry) -> dict:
    """What the bibliography macros see: decoded fields, parsed names, the paper's own text."""
    fields = _Fields((k, latex_to_unicode(v)) for k, v in entry.fields)
    authors = [_person(a) for a in re.split(r"\s+and\s+", fields.get("author", "")) if a.strip()]
    editors = [_person(a) for a in re.split(r"\s+and\s+", fields.get("editor", "")) if a.strip()]
    sample = fields.get("title", "") + fields.get("journal", "")
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in sample) > len(sample) / 3
    return {
        "key": entry.key,
        "number": entry.number,
        "type": entry.entry_type,
        "fields": fields,
        "authors": authors,
        "editors": editors,
        "text": entry.text,
        "cyrillic": cyrillic,
    }
