"""Findings: stable codes, one severity table, and the two ways they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
    "GLY001": (Severity.WARNING, "no font of the venue has this character; shown as a replacement"),
    "PDF001": (Severity.WARNING, "PDF text from a font with no character map: it may read as other letters"),
    "IMG001": (Severity.WARNING, "picture left out: a remote address is not fetched"),
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
    of its text) and `context`, a few words around the place to find it with Word's search."""

    code: str
    message: str
    path: str
    line: int
    column: int
    page: int | None = None
    paragraph: int | None = None
    context: str | None = None

    @classmethod
    def at(cls, code: str, message: str, path: str, span, context: str | None = None) -> "Diagnostic":
        """A finding at the start of a model `Span`, keeping its page or paragraph."""
        return cls(code, message, path, span.line, span.column, span.page, span.paragraph, context)

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def where(self) -> str:
        """`file:line:col`; `file:p.3:12:5` in a PDF; `file:¶14:35` in a DOCX."""
        if self.paragraph is not None:
            return f"{self.path}:¶{self.paragraph}:{self.column}"
        if self.page is not None:
            return f"{self.path}:p.{self.page}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}:{self.column}"

    def format(self) -> str:
        """One line, whatever the message quotes from the input: the only way findings are printed."""
        message = self.message.replace("\r", " ").replace("\n", " ")
        if self.context:
            message += f" (at «{' '.join(self.context.split())}»)"
        return f"{self.where}: {self.severity.value}[{self.code}]: {message}"

    def to_json(self) -> dict:
        out = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
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
        return cls(item["code"], item["message"], item["file"], item["line"], item["column"], item.get("page"), item.get("paragraph"), item.get("context"))


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
