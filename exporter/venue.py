"""Venues: finding `templates/<name>/`, reading its `template.toml` once into a validated,
frozen `Venue`, rendering its Jinja parts.

A venue folder holds `template.toml` (page, fonts, sizes, title block, bibliography, labels
by language), `bibliography.j2` (entry formats as macros shared by all three editions) and,
optionally, its own `document.tex.j2` (else the shared LaTeX shell in `templates/shared/`).
Macros emit text with `<b>`/`<i>` markup only; each writer turns the runs into its markup.
Every optional setting has its one default here, in the dataclasses below; writers read
attributes, never the TOML.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import re
import tomllib
import types
import typing
from dataclasses import MISSING, dataclass, fields, replace
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import jinja2.sandbox

from .references.bibtex import latex_to_unicode
from . import speedups
from .diagnostics import InputError
from .fonts import Face, FontSet, find_font
from .usercache import cache_dir
from .model import Emph, Entry, Footnote, Inline, Meta, Strong, Superscript, Text, plain_text
from .references.translit import Transliteration, load_transliteration
from .template_files import find_style, is_csl, template_roots
from .venue_rules import FRONT_FIELDS, Rules

def available() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in template_roots():
        for folder in sorted(root.iterdir()):
            if (folder / "template.toml").is_file():
                found.setdefault(folder.name, folder)
    return found


# ---- the settings of a venue, with their one default each ----------------------------------

# The tables every writer shares: page sizes (width, height in cm), paragraph alignments,
# and per language its BCP 47 tag (DOCX run language, PDF /Lang, hyperref) and babel name.
PAGE_SIZES_CM: dict[str, tuple[float, float]] = {"A4": (21.0, 29.7), "A5": (14.8, 21.0), "Letter": (21.59, 27.94)}
ALIGNMENTS = ("left", "center", "right", "justify")
_ALIGNMENT_SPELLINGS = {"centre": "center", "justified": "justify"}


@dataclass(frozen=True)
class Language:
    tag: str  # BCP 47
    babel: str


LANGUAGES: dict[str, Language] = {
    "kk": Language("kk-KZ", "kazakh"),
    "ru": Language("ru-RU", "russian"),
    "en": Language("en-US", "english"),
    "zh": Language("zh-CN", "chinese"),
    "tr": Language("tr-TR", "turkish"),
    "uz": Language("uz-UZ", "uzbek"),
    "ky": Language("ky-KG", "kyrgyz"),
    "de": Language("de-DE", "german"),
    "fr": Language("fr-FR", "french"),
}


def language(code: str) -> Language:
    """The language's tag and babel name; an unknown code is English for babel, itself as a tag."""
    return LANGUAGES.get(code) or Language(code if "-" in code else "en-US", "english")


ENTRY_FORMS = ("gost", "apa", "ieee", "vancouver")


@dataclass(frozen=True)
class Margins:
    top: float = 2.0
    bottom: float = 2.0
    left: float = 2.0
    right: float = 2.0


@dataclass(frozen=True)
class Page:
    size: str = "A4"  # a key of PAGE_SIZES_CM
    margins_cm: Margins = Margins()
    page_numbers: bool = True  # a centred number at the foot of every page, in every edition
    columns: int = 1  # 1 or 2: the body in columns under the title block's page-wide lines
    column_gap_cm: float = 0.5

    @property
    def size_cm(self) -> tuple[float, float]:
        return PAGE_SIZES_CM[self.size]

    @property
    def text_width_cm(self) -> float:
        return self.size_cm[0] - self.margins_cm.left - self.margins_cm.right

    @property
    def column_width_cm(self) -> float:
        """The width of one column (the text width when there is one)."""
        return (self.text_width_cm - self.column_gap_cm * (self.columns - 1)) / self.columns


@dataclass(frozen=True)
class RunningHead:
    """A line at the head of the pages (not the first unless `first_page`): `odd` on odd pages,
    `even` on even ones, each a Jinja template over `meta` (filters `running_title`,
    `running_authors`); with `page_numbers` the page's number at its outer edge."""

    odd: str = ""
    even: str = ""
    size_pt: float = 9.0
    page_numbers: bool = False
    first_page: bool = False


@dataclass(frozen=True)
class MainFont:
    family: str = "Liberation Serif"
    regular: str = "LiberationSerif-Regular.ttf"
    bold: str = "LiberationSerif-Bold.ttf"
    italic: str = "LiberationSerif-Italic.ttf"
    bold_italic: str = "LiberationSerif-BoldItalic.ttf"


@dataclass(frozen=True)
class FallbackFont:
    family: str
    file: str
    index: int = 0  # sub-font of a .ttc


@dataclass(frozen=True)
class Fonts:
    main: MainFont = MainFont()
    fallbacks: tuple[FallbackFont, ...] = ()
    # The monospace family code is set in (Liberation Mono: Latin, Cyrillic with Kazakh's letters).
    mono: MainFont = MainFont("Liberation Mono", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", "LiberationMono-Italic.ttf", "LiberationMono-BoldItalic.ttf")


@dataclass(frozen=True)
class Body:
    size_pt: float = 12.0
    line_spacing: float = 1.0
    first_line_indent_cm: float = 0.0
    align: str = "justify"
    space_after_pt: float = 0.0


@dataclass(frozen=True)
class TitleLineSpec:
    text: str  # a Jinja template over `meta` and `labels`
    align: str = "left"
    bold: bool = False
    italic: bool = False
    size_pt: float | None = None  # None: the body's size
    space_before_pt: float = 0.0
    when: str | None = None  # a field of `meta`: the line is left out when it is empty
    indent_cm: float = 0.0  # from both margins (LNCS insets its abstract by 1 cm)
    # In a venue with columns: "page" lines stand across the page above them, "column" lines
    # open the first column (an abstract in the column, as IEEE sets it).
    span: str = "page"
    # "author_groups": the text is rendered once per group of authors (`group`: names,
    # affiliation, emails, number), the groups side by side; `<br>` breaks a group's lines.
    repeat: str | None = None


SPANS = ("page", "column")
REPEATS = ("author_groups",)


@dataclass(frozen=True)
class HeadingStyle:
    """How the PDF and DOCX editions set the paper's headings of one level (the LaTeX edition
    leaves them to the class); `[[headings]]` in template.toml, level 1 first, deeper levels
    take the last one given. A venue with none keeps the editions' own (bold, level 1 the body
    size + 2 pt)."""

    size_pt: float | None = None  # None: the body's size
    align: str = "left"
    bold: bool = True
    italic: bool = False
    upper: bool = False  # in capitals (IEEE's small capitals, as capitals)
    space_before_pt: float | None = None  # None: the body's size
    space_after_pt: float | None = None  # None: half the body's size


@dataclass(frozen=True)
class TitleBlock:
    lines: tuple[TitleLineSpec, ...] = ()
    space_after_pt: float = 0.0


@dataclass(frozen=True)
class Bibliography:
    # A macro of the venue's bibliography.j2, or a CSL style file (`name.csl`, found in the
    # venue's folder, then in templates/styles/): then `csl` holds its path.
    style: str = "plain"
    size_pt: float | None = None  # None: the body's size
    list_unresolved: bool = True  # close the edition with the citations that have no entry
    label: str = "{n}."  # an entry's number as the list prints it: `{n}.` (GOST, LNCS), `[{n}]` (IEEE)
    form: str | None = None  # the entry form the venue expects (ENTRY_FORMS), for checks
    ranges: bool = True  # `fix --renumber` may write consecutive numbers as a range `[1–3]`
    # A transliteration table in the venue's folder (exporter/references/translit.py): the
    # list is printed once more in Latin letters after itself (the "References" block that
    # Scopus and Web of Science index), same numbers, same length.
    romanised: str | None = None
    csl: Path | None = None


@dataclass(frozen=True)
class Labels:
    """The words a venue prints, in one language (English when a venue gives none)."""

    udc: str = "UDC"
    irsti: str = "IRSTI"  # the Interstate Rubricator of Scientific and Technical Information (МРНТИ)
    supervisor: str = "Supervisor"
    abstract: str = "Abstract"
    keywords: str = "Keywords"
    references: str = "References"
    unresolved: str = "Citations with no entry in the reference list"
    unresolved_note: str = "No entry in the reference list for this citation"
    notes: str = "Notes"
    contents: str = "Contents"  # a proceedings volume's table of contents
    author_index: str = "Author index"
    romanised: str = "References"  # the heading of the romanised list (bibliography.romanised)


@dataclass(frozen=True)
class Venue:
    """A venue's `template.toml`, validated: every setting typed, every optional one defaulted."""

    description: str = ""
    page: Page = Page()
    fonts: Fonts = Fonts()
    body: Body = Body()
    title_block: TitleBlock = TitleBlock()
    bibliography: Bibliography = Bibliography()
    labels: tuple[tuple[str, Labels], ...] = ()  # by language, in the file's order
    rules: Rules = Rules()  # what the venue's call for papers requires (venue_rules.py)
    running_head: RunningHead | None = None
    headings: tuple[HeadingStyle, ...] = ()

    def heading(self, level: int) -> HeadingStyle | None:
        """The venue's style for headings of `level` (deeper levels take the last), or None."""
        return self.headings[min(max(level, 1), len(self.headings)) - 1] if self.headings else None

    def labels_for(self, language: str) -> Labels:
        by_language = dict(self.labels)
        return by_language.get(language) or by_language.get("en") or Labels()


class _Invalid(Exception):
    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")


def _value(kind, value, key: str):
    """`value` checked (and converted) against the annotation `kind`; `key` names it in errors."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):  # `X | None`
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return _value(options[0], value, key)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        if not isinstance(value, list):
            raise _Invalid(key, f"expected a list, got {value!r}")
        return tuple(_value(item, v, f"{key}[{n}]") for n, v in enumerate(value))
    if isinstance(kind, type) and hasattr(kind, "__dataclass_fields__"):
        if not isinstance(value, dict):
            raise _Invalid(key, f"expected a table, got {value!r}")
        return _table(kind, value, key)
    if kind is bool:
        if not isinstance(value, bool):
            raise _Invalid(key, f"expected true or false, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise _Invalid(key, f"expected a number ≥ 0, got {value!r}")
        return float(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _Invalid(key, f"expected a whole number ≥ 0, got {value!r}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise _Invalid(key, f"expected a string, got {value!r}")
        return value
    raise _Invalid(key, "cannot be set in template.toml")


def _table(cls, table: dict, prefix: str = ""):
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}
    values = {}
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if name not in known or name == "csl":
            raise _Invalid(key, f"unknown setting (known here: {', '.join(n for n in known if n != 'csl')})")
        values[name] = _value(hints[name], value, key)
    for name, spec in known.items():
        if name not in values and spec.default is MISSING and spec.default_factory is MISSING:
            raise _Invalid(f"{prefix}.{name}" if prefix else name, "is required")
    return cls(**values)


def _choice(value: str, choices, key: str) -> str:
    if value not in choices:
        raise _Invalid(key, f"{value!r} is not one of {', '.join(choices)}")
    return value


def _alignment(value: str, key: str) -> str:
    value = value.lower()
    return _choice(_ALIGNMENT_SPELLINGS.get(value, value), ALIGNMENTS, key)


def read_venue(folder: Path) -> Venue:
    """`folder/template.toml` as a `Venue`; a bad file or setting is an InputError naming the key."""
    path = folder / "template.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read: {exc}") from None
    try:
        labels = raw.pop("labels", {})
        if not isinstance(labels, dict):
            raise _Invalid("labels", "expected a table of languages")
        venue = _table(Venue, raw)
        by_language = tuple((lang, _table(Labels, table, f"labels.{lang}")) for lang, table in labels.items())
        page = venue.page
        sizes = {name.lower(): name for name in PAGE_SIZES_CM}
        page = replace(page, size=_choice(sizes.get(page.size.lower(), page.size), tuple(PAGE_SIZES_CM), "page.size"))
        if page.columns not in (1, 2):
            raise _Invalid("page.columns", f"expected 1 or 2, got {page.columns}")
        body = venue.body
        body = replace(body, align=_alignment(body.align, "body.align"))
        if not body.size_pt or not body.line_spacing:
            raise _Invalid("body.size_pt" if not body.size_pt else "body.line_spacing", "must be more than 0")
        lines = tuple(_title_line_spec(line, f"title_block.lines[{n}]") for n, line in enumerate(venue.title_block.lines))
        headings = tuple(replace(h, align=_alignment(h.align, f"headings[{n}].align")) for n, h in enumerate(venue.headings))
        if "{n}" not in venue.bibliography.label:
            raise _Invalid("bibliography.label", f"must hold {{n}}, where the entry's number goes (got {venue.bibliography.label!r})")
        bib = venue.bibliography
        form = _choice(bib.form, ENTRY_FORMS, "bibliography.form") if bib.form is not None else None
        csl = _csl_path(folder, bib.style)
        rules = _rules(venue.rules)
    except _Invalid as exc:
        raise InputError(str(path), str(exc)) from None
    if bib.romanised is not None:  # its own file: errors name it
        load_transliteration(folder / bib.romanised)
    return replace(
        venue, page=page, body=body, title_block=replace(venue.title_block, lines=lines), headings=headings,
        bibliography=replace(bib, form=form, csl=csl), labels=by_language, rules=rules,
    )


def _title_line_spec(line: TitleLineSpec, key: str) -> TitleLineSpec:
    """A title line's settings checked beyond their types."""
    return replace(
        line, align=_alignment(line.align, f"{key}.align"), when=_meta_field(line.when, f"{key}.when"),
        span=_choice(line.span, SPANS, f"{key}.span"),
        repeat=line.repeat and _choice(line.repeat, REPEATS, f"{key}.repeat"),
    )


def _rules(rules: Rules) -> Rules:
    """The `[rules]` table's values checked beyond their types."""
    for name in rules.required:
        _choice(name, FRONT_FIELDS, "rules.required")
    if rules.recent is not None and not 0 < rules.recent.share <= 1:
        raise _Invalid("rules.recent.share", f"expected a share between 0 and 1, got {rules.recent.share}")
    if rules.recent is not None and rules.recent.years < 1:
        raise _Invalid("rules.recent.years", "must be at least 1")
    return rules


# What a title line's `when` may name: Meta's fields and the abstract (in the paper's language).
META_NAMES = (*Meta.__dataclass_fields__, "abstract")


def _meta_field(name: str | None, key: str) -> str | None:
    if name is not None and name not in META_NAMES:
        raise _Invalid(key, f"{name!r} is not a field of the paper's metadata ({', '.join(META_NAMES)})")
    return name


def _csl_path(folder: Path, name: str) -> Path | None:
    """The CSL file a style name means (a `.csl` name or a shipped style: the venue's folder
    first, then templates/styles/), or None for a macro of the venue's bibliography.j2."""
    if not is_csl(name):
        return None
    try:
        return find_style(name, folder)
    except InputError as exc:
        raise _Invalid("bibliography.style", exc.message) from None


# ---- rendering -------------------------------------------------------------------------------


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
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


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


# ---- the sandbox: a venue folder is data, never a program ------------------------------------

# What one operation of a template may produce: no venue needs more, and a template of
# `{{ 9**9**9 }}`, `{{ 'x' * 10**10 }}` or `{{ s | center(10**9) }}` must not hold a CPU or
# fill the memory. (A loop of loops can still take long: a venue folder is chosen by its user.)
_MAX_NUMBER_BITS = 400  # about 120 digits
_MAX_TEXT = 1_000_000  # characters of one repetition
_MAX_SIZE_ARGUMENT = 10_000  # a width, count or length given to a filter or method
_MAX_FIELD_WIDTH = 1_000  # in a format string: `%08d`, `{:>20}`
_FORMAT_WIDTHS = re.compile(r"%[-+ #0]*(\d+)|%[-+ #0]*\d*\.(\d+)|\{[^{}]*?:[^{}\d]*(\d+)|\{[^{}]*?:[^{}]*?\.(\d+)")


_SANDBOX_VERSION = 1  # bump when VenueSandbox changes what it allows: compiled templates are cached


def _refuse(reason: str):
    raise jinja2.sandbox.SecurityError(reason)


def _check_format(text) -> None:
    if isinstance(text, str):
        if re.search(r"\{[^{}]*:[^{}]*\{", text):
            _refuse("a format field whose width is itself a field is not allowed in a template")
        widths = [int(n) for groups in _FORMAT_WIDTHS.findall(text) for n in groups if n]
        if widths and max(widths) > _MAX_FIELD_WIDTH:
            _refuse(f"a field width of {max(widths)} is too wide for a template")


def _check_sizes(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_SIZE_ARGUMENT:
            _refuse(f"an argument of {value} is too large for a template")


def _bounded_filter(name: str, function):
    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def bounded(*args, **kwargs):
        if name == "format":
            _check_format(next((a for a in args if isinstance(a, str)), None))
        else:
            _check_sizes(args[1:], kwargs)
        return function(*args, **kwargs)

    return bounded


class VenueSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's sandbox (no attribute starting with `_`, no unsafe callables, no changing the
    values a template is given), with what `*`, `**`, `%`, format strings and the sizes given
    to filters and methods can produce bounded."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64 and isinstance(left, (int, float)) and abs(left) > 1:
            _refuse(f"{left!r} ** {right!r} is too large a number for a template")
        if operator == "*" and isinstance(left, (str, list, tuple)) != isinstance(right, (str, list, tuple)):
            sequence, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(count, int) and len(sequence) * count > _MAX_TEXT:
                _refuse(f"a repetition {count} times is too long for a template")
        if operator == "%":
            _check_format(left)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and not isinstance(result, bool) and result.bit_length() > _MAX_NUMBER_BITS:
            _refuse("the number is too large for a template")
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 — Jinja's own signature
        if getattr(__obj, "__name__", "") in ("format", "format_map"):  # the sandbox's wrapper of str.format
            _check_format(getattr(inspect.unwrap(__obj), "__self__", None))
        else:
            _check_sizes(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def _template_frame(tb) -> tuple[str, int] | None:
    """(file, line) of the innermost frame of template code in a traceback. A compiled
    template's frames carry its file name; their line is the compiled code's, mapped back
    to the template's by its debug info (Jinja rewrites the frames itself only for errors
    raised under `render`, whose frames then carry the template's line already)."""
    found = None
    while tb is not None:
        frame = tb.tb_frame
        filename = frame.f_code.co_filename
        if filename.endswith(".j2") or filename == "<template>":
            template = frame.f_globals.get("__jinja_template__")
            found = filename, (template.get_corresponding_lineno(tb.tb_lineno) if template is not None else tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_error(exc: Exception, file: str, line: int | None = None, key: str = "") -> InputError | None:
    """The one-line error for a venue template that cannot be compiled or rendered, naming
    its file and line (`file`, `line` and the setting `key` when the code has no file of its
    own: a title line of template.toml), or None when `exc` is not the template's fault."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename and exc.filename != "<template>":
        return InputError(exc.filename, f"template syntax error: {exc.message}", exc.lineno)
    frame = _template_frame(exc.__traceback__)
    if frame is None and not isinstance(exc, jinja2.TemplateError):
        return None
    own = frame is not None and frame[0] != "<template>"
    path, number, prefix = (*frame, "") if own else (file, line, f"{key}: " if key else "")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = f"template syntax error: {exc.message}"
    elif isinstance(exc, jinja2.sandbox.SecurityError):
        message = f"template refused: {str(exc).rstrip('.')} (a venue template is data: it may not reach Python's internals or run code)"
    elif isinstance(exc, jinja2.TemplateNotFound):
        message = f"template error: no template named {exc.name!r} in the venue's folder"
    else:
        kind = "template error" if isinstance(exc, jinja2.TemplateError) else f"template error ({type(exc).__name__})"
        message = f"{kind}: {' '.join(str(exc).split())[:200]}"
    return InputError(path, prefix + message, number)


class _TemplateErrors:
    """`with _TemplateErrors(file, line, key):` turns a template's failure into its one-line InputError."""

    def __init__(self, file: str, line: int | None = None, key: str = ""):
        self.file, self.line, self.key = file, line, key

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or isinstance(exc, InputError) or not isinstance(exc, Exception):
            return False
        error = template_error(exc, self.file, self.line, self.key)
        if error is None:
            return False
        raise error from None


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates kept between runs (compiling the LaTeX shell and the title
    lines costs more than rendering them). The compiled code depends on the environment's
    settings, so the files' names carry a digest of them and of Jinja's version; the source's
    checksum guards every entry. A cache that cannot be read or written is simply not used."""

    def __init__(self, folder, env: jinja2.Environment):
        settings = (
            jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
            env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            "callable" if callable(env.autoescape) else env.autoescape, env.optimized, env.is_async, sorted(env.extensions),
            # the sandbox: its class and what it bounds (the compiler folds constant filter calls)
            type(env).__qualname__, sorted(getattr(env, "intercepted_binops", ())), sorted(getattr(env, "intercepted_unops", ())), _SANDBOX_VERSION,
            None if env.finalize is None else getattr(env.finalize, "jinja_pass_arg", "plain"),
        )
        tag = hashlib.sha1(repr(settings).encode()).hexdigest()[:12]
        super().__init__(str(folder), f"jinja-{tag}-%s.cache")

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except Exception:
            pass


def _with_bytecode_cache(env: jinja2.Environment) -> jinja2.Environment:
    if not speedups.enabled("jinja"):
        return env
    folder = cache_dir()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = _BytecodeCache(folder, env)
        except OSError:
            pass
    return env


class Template:
    """A venue folder: its validated settings (`venue`) and Jinja environments over the folder."""

    def __init__(self, name: str, folder: Path):
        self.name, self.folder = name, folder
        self.venue: Venue = read_venue(folder)
        self._strings: dict[str, jinja2.Template] = {}  # compiled title lines, by source

    @cached_property
    def markup_env(self) -> jinja2.Environment:
        """Macros and title lines: HTML autoescape keeps values from turning into markup."""
        loader = jinja2.FileSystemLoader(str(self.folder))
        env = VenueSandbox(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters["title_case"] = lambda s: s.title() if s and s.isupper() else s
        env.filters["running_title"] = running_title
        env.filters["running_authors"] = running_authors
        return _with_bytecode_cache(env)

    def _from_string(self, source: str) -> jinja2.Template:
        """`markup_env.from_string(source)`, compiled once per process and kept in the bytecode
        cache between runs (as Jinja's loaders do for files)."""
        template = self._strings.get(source)
        if template is None:
            env = self.markup_env
            bcc = env.bytecode_cache
            name = f"<string {hashlib.sha1(source.encode('utf-8', 'surrogatepass')).hexdigest()}>"
            bucket = bcc.get_bucket(env, name, None, source) if bcc is not None else None
            code = bucket.code if bucket is not None else None
            if code is None:
                code = env.compile(source)  # a syntax error: the caller names the line of template.toml
                if bucket is not None:
                    bucket.code = code
                    bcc.set_bucket(bucket)
            template = env.template_class.from_code(env, code, env.make_globals(None), None)
            self._strings[source] = template
        return template

    @classmethod
    def load(cls, name: str) -> "Template":
        folder = Path(name)
        if (folder / "template.toml").is_file():
            return cls(folder.name, folder)
        found = available()
        if name not in found:
            raise InputError(name, f"no such template (available: {', '.join(found) or 'none'})")
        return cls(name, found[name])

    @property
    def description(self) -> str:
        return self.venue.description

    def labels(self, language: str) -> Labels:
        return self.venue.labels_for(language)

    @cached_property
    def fonts(self) -> FontSet:
        spec = self.venue.fonts
        main = spec.main
        regular = Face(_face_name(main.regular), main.family, find_font(main.regular, self.folder))
        fallbacks = tuple(Face(_face_name(f.file, f.index), f.family, find_font(f.file, self.folder), f.index) for f in spec.fallbacks)
        for face in (regular, *fallbacks):
            face.coverage  # noqa: B018 — read now: a file that is no font is refused before any work
        return FontSet(regular, fallbacks)

    @cached_property
    def main_faces(self) -> dict[str, Face]:
        """The main family's four styles: regular, bold, italic, bold_italic."""
        return self._faces(self.venue.fonts.main)

    @cached_property
    def mono_faces(self) -> dict[str, Face]:
        """The monospace family's four styles (code), as `main_faces`."""
        return self._faces(self.venue.fonts.mono)

    @cached_property
    def mono_fonts(self) -> FontSet:
        """The monospace face with the venue's fallbacks: what code is drawn in."""
        return FontSet(self.mono_faces["regular"], self.fonts.fallbacks)

    def _faces(self, family: MainFont) -> dict[str, Face]:
        faces = {style: Face(_face_name(getattr(family, style)), family.family, find_font(getattr(family, style), self.folder)) for style in ("regular", "bold", "italic", "bold_italic")}
        for face in faces.values():
            face.coverage  # noqa: B018 — read now: a file that is no font is refused before any work
        return faces

    def title_lines(self, meta: Meta) -> list[TitleLine]:
        block = self.venue.title_block
        body_size = self.venue.body.size_pt
        labels = self.labels(meta.language)
        nodes: list[Inline] = []
        view = meta_view(meta, nodes)
        out = []
        for n, spec in enumerate(block.lines):
            if spec.when and not getattr(view, spec.when, None):
                continue
            line = TitleLine((), spec.align, spec.bold, spec.italic, spec.size_pt or body_size, spec.space_before_pt, spec.span, spec.indent_cm)
            with _TemplateErrors(*self._title_line_place(n, spec.text)):
                template = self._from_string(spec.text)
                if spec.repeat:  # one cell per author group, its lines split at `<br>`
                    rendered = [str(template.render(meta=view, labels=labels, group=group)) for group in getattr(view, spec.repeat)]
                else:
                    rendered = [str(template.render(meta=view, labels=labels))]
            if spec.repeat:
                cells = []
                for markup in rendered:
                    cell = tuple(runs_to_inlines(runs, nodes) for runs in map(markup_to_runs, _LINE_BREAK.split(markup)) if runs)
                    if cell:
                        cells.append(cell)
                if cells:
                    out.append(replace(line, cells=tuple(cells)))
                continue
            for k, part in enumerate(_LINE_BREAK.split(rendered[0])):
                runs = markup_to_runs(part)  # `<br>`: the next line, in the same style
                if runs:
                    out.append(replace(line, inlines=runs_to_inlines(runs, nodes), space_before_pt=line.space_before_pt if k == 0 else 0.0))
        return out

    def _title_line_place(self, n: int, text: str) -> tuple[str, int | None, str]:
        """template.toml, the line of title line `n`'s text in it, and its key (for errors)."""
        path, key = self.folder / "template.toml", f"title_block.lines[{n}].text"
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return str(path), None, key
        at = raw.find(text.splitlines()[0] if text else text)
        return str(path), (raw.count("\n", 0, at) + 1 if at >= 0 else None), key

    def running_heads(self, meta: Meta) -> tuple[str, str]:
        """The running heads of odd and even pages as plain text ("" without a running head)."""
        head = self.venue.running_head
        if head is None:
            return "", ""
        view = meta_view(meta)
        labels = self.labels(meta.language)
        render = lambda text: "".join(run.text for run in markup_to_runs(self._from_string(text).render(meta=view, labels=labels)))
        with _TemplateErrors(str(self.folder / "template.toml"), None, "running_head"):
            return render(head.odd), render(head.even)

    @cached_property
    def transliteration(self) -> Transliteration | None:
        """The venue's table for the romanised reference list (`bibliography.romanised`), if any."""
        name = self.venue.bibliography.romanised
        return load_transliteration(self.folder / name) if name else None

    @cached_property
    def _macros(self):
        with _TemplateErrors(str(self.folder / "bibliography.j2")):
            return self.markup_env.get_template("bibliography.j2").module

    def has_macro(self, name: str) -> bool:
        """Does bibliography.j2 define a macro of this name?"""
        return isinstance(getattr(self._macros, name, None), jinja2.runtime.Macro)

    def macro_runs(self, name: str, entry: Entry, language: str) -> list[Run]:
        """An entry formatted by macro `name` of the venue's bibliography.j2, as styled runs."""
        path = str(self.folder / "bibliography.j2")
        macro = getattr(self._macros, name, None)
        if not isinstance(macro, jinja2.runtime.Macro):
            raise InputError(path, f"has no macro '{name}' (named by template.toml)")
        if len(macro.arguments) < 2 and not macro.catch_varargs:
            raise InputError(path, f"macro '{name}' takes {len(macro.arguments)} argument(s); an entry macro takes two: the entry and the paper's language", _macro_line(path, name))
        with _TemplateErrors(path):
            return markup_to_runs(macro(entry_context(entry), language))

    def entry_runs(self, entry: Entry, language: str) -> list[Run]:
        """An entry formatted by the venue's style macro (bibliography.j2), as styled runs."""
        return self.macro_runs(self.venue.bibliography.style, entry, language)

    def render_latex(self, name: str, context: dict) -> str:
        """The LaTeX shell `name` (the venue's own, else the shared one) rendered over `context`."""
        with _TemplateErrors(str(self.folder / name)):
            return self._latex_env.get_template(name).render(**context)

    @cached_property
    def _latex_env(self) -> jinja2.Environment:
        """The LaTeX shell's environment: TeX-safe delimiters, every value escaped unless marked
        safe; one per template (so the shell is compiled once per process, not once per paper)."""
        from .latex_text import TexSafe, escape_tex

        env = VenueSandbox(
            loader=jinja2.FileSystemLoader([str(self.folder), *(str(root / "shared") for root in template_roots())]),
            block_start_string="<%", block_end_string="%>",
            variable_start_string="<<", variable_end_string=">>",
            comment_start_string="<#", comment_end_string="#>",
            undefined=jinja2.StrictUndefined,
            finalize=lambda v: v if isinstance(v, TexSafe) else escape_tex(str(v)),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        # `items | tex_join(' \\and ')`: the items (escaped unless already TeX) joined by the
        # shell's own TeX; Jinja's `join` would give a string the shell escapes again.
        env.filters["tex_join"] = lambda items, separator="": TexSafe(separator.join(i if isinstance(i, TexSafe) else escape_tex(str(i)) for i in items))
        return _with_bytecode_cache(env)


def _macro_line(path: str, name: str) -> int | None:
    """The line of bibliography.j2 where macro `name` is defined (for errors)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(rf"\bmacro\s+{re.escape(name)}\s*\(", text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _face_name(filename: str, index: int = 0) -> str:
    stem = re.sub(r"[^A-Za-z0-9]", "", Path(filename).stem)
    return stem + (f"-{index}" if index else "")

