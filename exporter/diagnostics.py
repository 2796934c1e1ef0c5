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
    "REF001": (Severity.WARNING, "paper cites sources but has no reference list"),
    "REF002": (Severity.NOTE, "paper's own reference list ignored in favour of --bib"),
    "BIB001": (Severity.ERROR, "duplicate entry key or number"),
    "BIB002": (Severity.ERROR, "BibTeX block cannot be parsed"),
    "BIB003": (Severity.WARNING, "BibTeX entry lacks a field the style needs"),
    "BIB004": (Severity.WARNING, "crossref names no entry"),
    "TXT001": (Severity.WARNING, "control character removed"),
    "TXT002": (Severity.NOTE, "text decoded from a legacy encoding"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    path: str
    line: int
    column: int

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def format(self) -> str:
        """One line, whatever the message quotes from the input."""
        message = self.message.replace("\r", " ").replace("\n", " ")
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}[{self.code}]: {message}"

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.path,
            "line": self.line,
            "column": self.column,
        }


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code)


class InputError(Exception):
    """Input that cannot be read at all: reported as one line `file[:line]: message`, exit 2."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path, self.message, self.line = path, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # rebuilt intact when a build worker process raises it
        return (InputError, (self.path, self.message, self.line))
