"""A venue's settings: template.toml read once into a validated, frozen `Venue`; every
optional setting has its one default here, in the dataclasses below; writers read attributes,
never the TOML."""

from __future__ import annotations

import tomllib
import types
import typing
from dataclasses import MISSING, dataclass, fields, replace
from pathlib import Path

from ..diagnostics import InputError
from ..model import Meta
from ..references.translit import load_transliteration
from ..template_files import find_style, is_csl
from ..venue_rules import FRONT_FIELDS, Rules


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
class Captions:
    """How a numbered caption whose label the editions write (`Рисунок 3`, `Table 2`: the source
    gave the number apart from its words, as Word's SEQ fields do) joins its words: GOST's
    `Рисунок 3 – Схема`, or `Figure 3. Scheme`. A caption printed with its own label keeps the
    source's mark."""

    separator: str = ". "


@dataclass(frozen=True)
class Tables:
    """The type tables are set in (`[tables]`): many venues print them smaller than the body
    (IEEE 8 pt in a 10 pt paper). A table too wide for its words at that size is set smaller,
    half a point at a time, down to `min_size_pt`, before any word would cross into the next
    column (a word wider still is broken inside, as Word breaks it)."""

    size_pt: float | None = None  # None: the body's size
    min_size_pt: float | None = None  # None: MIN_TABLE_SHARE of the table size

    def size(self, body: float) -> float:
        return self.size_pt or body

    def floor(self, body: float) -> float:
        return min(self.min_size_pt or self.size(body) * MIN_TABLE_SHARE, self.size(body))


# The smallest a wide table is set by default: three quarters of its size (LaTeX's \footnotesize
# is 80 % of a 10 pt body, \scriptsize 70 %), never so small a printed page cannot be read.
MIN_TABLE_SHARE = 0.75


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
    tables: Tables = Tables()
    captions: Captions = Captions()

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
