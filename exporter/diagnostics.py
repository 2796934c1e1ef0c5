"""Findings: stable codes, one severity table, and the one way they are printed.

A finding carries its code, its place and named arguments, never a sentence; its message is
rendered from the catalogs (exporter/messages) in the reader's language. A call site reads
    Diagnostic.at("CIT003", path, span, label="5", after=9)               # at a model Span
    Diagnostic.at_line("REF011", path, line, column, variant="future", entry="[3]", year=3024)
with the English under the key `CIT003` (or `REF011.future`) in messages/english.py; then
`python -m exporter.messages.update` adds it to the kk and ru catalogs, to translate there.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .messages import SOURCE, SOURCE_LANGUAGE, missing_arguments, needs, render, word


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


# One table gives each code its severity and a short title (documented in the README).
CODES: dict[str, tuple[Severity, str]] = {
    "CIT001": (Severity.ERROR, "citation has no bibliography entry"),
    "CIT002": (Severity.WARNING, "bibliography entry is never cited"),
    "CIT003": (Severity.WARNING, "first citations out of numeric order"),
    "CIT004": (Severity.ERROR, "reversed or absurd citation range"),
    "CIT005": (Severity.WARNING, "bracket looks like a citation but cannot be read"),
    "CIT006": (Severity.WARNING, "bracket with numbers read as math or code, not a citation"),
    "CIT007": (Severity.WARNING, "author–year citation names no entry of the list"),
    "CIT008": (Severity.WARNING, "number beyond the list read as a page of the source before it"),
    "REF001": (Severity.WARNING, "paper cites sources but has no reference list"),
    "REF002": (Severity.NOTE, "paper's own reference list ignored in favour of --bib"),
    "BIB001": (Severity.ERROR, "duplicate entry key or number"),
    "BIB002": (Severity.ERROR, "bibliography record cannot be read"),
    "BIB003": (Severity.WARNING, "bibliography entry lacks a field the style needs"),
    "BIB004": (Severity.WARNING, "crossref names no entry"),
    "BIB005": (Severity.WARNING, "the same work listed twice (same DOI, or same authors, title and year)"),
    "REF010": (Severity.WARNING, "entry lacks a field its type needs"),
    "REF011": (Severity.ERROR, "year in the future or before 1500"),
    "REF012": (Severity.ERROR, "page range reversed or malformed"),
    "REF013": (Severity.ERROR, "DOI not of the form 10.NNNN/suffix"),
    "REF014": (Severity.ERROR, "ISBN or ISSN with a wrong check digit"),
    "REF015": (Severity.WARNING, "online source without an access date (GOST)"),
    "REF016": (Severity.WARNING, "entry written in another style than the venue's"),
    "REF017": (Severity.WARNING, "cited page outside the entry's pages"),
    "TXT001": (Severity.WARNING, "control character removed"),
    "TXT002": (Severity.NOTE, "text decoded from a legacy encoding"),
    "TXT003": (Severity.NOTE, "mojibake repaired (text in the wrong character table)"),
    "TXT004": (Severity.NOTE, "font glyphs replaced by the characters they stand for"),
    "TXT005": (Severity.WARNING, "mojibake lines no mapping reads, left as they were"),
    "DOC001": (Severity.WARNING, "part of the Word document not read (a drawing with no picture, an embedded HTML part)"),
    "DOC002": (Severity.WARNING, "list paragraphs numbered twice: by Word's list and by a number typed before the text"),
    "GLY001": (Severity.WARNING, "no font of the venue has this character; shown as a replacement"),
    "PDF001": (Severity.WARNING, "PDF text from a font with no character map: it may read as other letters"),
    "IMG001": (Severity.WARNING, "picture left out: a remote address is not fetched"),
    "HTM001": (Severity.WARNING, "raw HTML a printed page cannot show (video, frame, form, SVG, MathML) left out"),
    "XRF001": (Severity.ERROR, "reference to a figure, table or equation that does not exist"),
    "XRF002": (Severity.WARNING, "figure or table never referred to in the text"),
    "XRF003": (Severity.WARNING, "figures, tables or equations numbered out of order"),
    "XRF004": (Severity.WARNING, "the same number given to two figures, tables or equations"),
    "MED001": (Severity.WARNING, "picture cannot be drawn; the editions show a framed note in its place"),
    "MED002": (Severity.WARNING, "formula cannot be typeset; the editions print its TeX"),
    "VEN001": (Severity.ERROR, "abstract shorter or longer than the venue allows"),
    "VEN002": (Severity.ERROR, "no abstract in a language the venue requires"),
    "VEN003": (Severity.ERROR, "fewer or more keywords than the venue allows"),
    "VEN004": (Severity.ERROR, "a front-matter field the venue requires is missing"),
    "VEN005": (Severity.ERROR, "a section the venue requires is missing"),
    "VEN006": (Severity.ERROR, "fewer or more references than the venue allows"),
    "VEN007": (Severity.ERROR, "too few recent references for the venue"),
    "VEN008": (Severity.WARNING, "journal article without the DOI the venue asks for"),
    "VEN009": (Severity.ERROR, "PDF edition longer or shorter than the venue allows"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding at a place: `line`/`column` of a text file; a PDF adds `page` (the line is
    then counted on that page); a DOCX sets `paragraph` (line = paragraph, column = character
    of its text) and `context`, a few words around the place to find it with Word's search.
    `args` are the message's named arguments, `(name, value)` pairs sorted by name (values:
    str, int, float or a tuple of str); `variant` picks one of its code's messages."""

    code: str
    path: str
    line: int
    column: int
    page: int | None = None
    paragraph: int | None = None
    context: str | None = None
    variant: str = ""
    args: tuple[tuple[str, object], ...] = ()

    def __post_init__(self):
        # A finding its message cannot render is a bug of ours, caught where it is made.
        key = self.key
        if key not in SOURCE or not needs(key).issubset([name for name, _ in self.args]):
            raise ValueError(f"finding {self.key} lacks {', '.join(missing_arguments(self.key, dict(self.args)))}")

    @classmethod
    def at(cls, code: str, path: str, span, /, *, variant: str = "", context: str | None = None, **args) -> "Diagnostic":
        """A finding at the start of a model `Span`, keeping its page or paragraph."""
        return cls(code, path, span.line, span.column, span.page, span.paragraph, context, variant, frozen_args(args))

    @classmethod
    def at_line(cls, code: str, path: str, line: int, column: int, /, *, variant: str = "", page: int | None = None, paragraph: int | None = None, **args) -> "Diagnostic":
        """A finding at a line and column (a PDF's `page`, a DOCX's `paragraph`)."""
        return cls(code, path, line, column, page, paragraph, None, variant, frozen_args(args))

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def key(self) -> str:
        """The message's key in the catalogs: `CODE`, or `CODE.variant`."""
        return f"{self.code}.{self.variant}" if self.variant else self.code

    @property
    def arguments(self) -> dict:
        return dict(self.args)

    def text(self, language: str = SOURCE_LANGUAGE) -> str:
        """The message in `language` (kk, ru, en), on one line whatever it quotes from the input."""
        return render(self.key, self.arguments, language).replace("\r", " ").replace("\n", " ")

    @property
    def message(self) -> str:
        """The message in English."""
        return self.text()

    @property
    def where(self) -> str:
        """`file:line:col`; `file:p.3:12:5` in a PDF; `file:¶14:35` in a DOCX."""
        if self.paragraph is not None:
            return f"{self.path}:¶{self.paragraph}:{self.column}"
        if self.page is not None:
            return f"{self.path}:p.{self.page}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}:{self.column}"

    def shown(self, language: str = SOURCE_LANGUAGE) -> str:
        """The message and, in a DOCX, the words around its place: what a reader is shown."""
        message = self.text(language)
        if self.context:
            message = word("at", language, message=message, context=" ".join(self.context.split()))
        return message

    def format(self, language: str = SOURCE_LANGUAGE) -> str:
        """One line, `file:line:col: severity[CODE]: message`: the only way findings are printed."""
        return f"{self.where}: {self.severity.value}[{self.code}]: {self.shown(language)}"

    def to_json(self, language: str = SOURCE_LANGUAGE) -> dict:
        out = {
            "code": self.code,
            **({"variant": self.variant} if self.variant else {}),  # which of the code's messages
            "severity": self.severity.value,
            "message": self.text(language),
            "args": {name: list(value) if isinstance(value, tuple) else value for name, value in self.args},
            "file": self.path,
            "line": self.line,
            "column": self.column,
        }
        for name in ("page", "paragraph", "context"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    @classmethod
    def from_json(cls, item: dict) -> "Diagnostic":
        """The inverse of `to_json` (reports cross process boundaries as JSON)."""
        return cls(item["code"], item["file"], item["line"], item["column"], item.get("page"), item.get("paragraph"), item.get("context"),
                   item.get("variant", ""), frozen_args(item.get("args", {})))


def frozen_args(args: dict) -> tuple[tuple[str, object], ...]:
    """Named arguments as hashable, picklable pairs sorted by name; None values left out."""
    return tuple((name, _frozen(value)) for name, value in sorted(args.items()) if value is not None)


def _frozen(value):
    if type(value) in (str, int, float):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return value if isinstance(value, (str, int, float)) else str(value)


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.page or 0, diagnostic.line, diagnostic.column, diagnostic.code)


class InputError(Exception):
    """Input that cannot be read at all: reported as one line `file[:line]: message`, exit 2."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path, self.message, self.line, self.column = path, message, line, column
        where = f"{path}:{line}:{column}" if line and column else f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # rebuilt intact when a build worker process raises it
        return (InputError, (self.path, self.message, self.line, self.column))
