"""Bibliographies: the paper's own list (ownlist), bibliography files (bibtex, csljson, ris),
writing them (bibwriter) and styling entries with CSL (csl)."""

from __future__ import annotations

import os

from ..diagnostics import InputError

# extension -> format; the content confirms it (a .json that is not an array, a .ris with no
# record, is refused with a one-line error naming what was expected).
FORMATS = {".bib": "bibtex", ".bibtex": "bibtex", ".biblatex": "bibtex", ".json": "csl-json", ".csljson": "csl-json", ".ris": "ris", ".txt": None}


def bibliography_format(path: str) -> str:
    """The format of a bibliography file: by its extension, else by its first bytes
    (`[` CSL-JSON, `TY  - ` RIS, `@` BibTeX)."""
    ext = os.path.splitext(path)[1].lower()
    if FORMATS.get(ext):
        return FORMATS[ext]
    from ..sourcefile import read_bytes

    head = read_bytes(path)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "csl-json"
    if head.startswith(b"TY  - "):
        return "ris"
    if head.startswith((b"@", b"%")):
        return "bibtex"
    raise InputError(path, "is not a bibliography file this tool reads (BibTeX .bib, CSL-JSON .json, RIS .ris)")


def load_bibliography(path: str):
    """Entries of a bibliography file, read by its format."""
    # Each reader is imported on use: `check` without --bib never needs bibtexparser or rispy.
    kind = bibliography_format(path)
    if kind == "csl-json":
        from .csljson import load_csljson

        return load_csljson(path)
    if kind == "ris":
        from .ris import load_ris

        return load_ris(path)
    from .bibtex import load_bib

    return load_bib(path)
