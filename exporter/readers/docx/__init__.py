"""The DOCX reader: an author's Word manuscript (styles, Word's numbering, fields, notes,
tables, equations, content controls) into the document model. See `reader` for positions."""

from __future__ import annotations

from ...model import Document

EXTENSIONS = (".docx",)


def sniff(head: bytes) -> bool:
    """A zip local-file header: `PK\\x03\\x04` (what Word writes first). Here, not in `package`:
    sniffing a .txt then costs no zipfile import."""
    return head[:4] == b"PK\x03\x04"


def read(path: str) -> Document:
    from .reader import read_docx  # lxml and the body walker only when a DOCX is read

    return read_docx(path)


__all__ = ["EXTENSIONS", "read", "sniff"]
