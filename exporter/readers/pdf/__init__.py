"""The PDF reader: the text layer read with PDFium (pypdfium2), using the layout plain text lacks."""

from __future__ import annotations

from ...model import Document

EXTENSIONS = (".pdf",)


def sniff(head: bytes) -> bool:
    """A PDF starts with `%PDF-`; readers accept it within the first kilobyte (junk before it)."""
    return b"%PDF-" in head[:1024]


# read(path, pictures=False) gives the same Document with its pictures' bytes left out (see
# readers.read_document)
PICTURES_OPTIONAL = True


def read(path: str, pictures: bool = True) -> Document:
    from .reader import read_pdf  # PDFium is loaded only when a PDF is read, not to sniff a .txt

    return read_pdf(path, pictures)


__all__ = ["EXTENSIONS", "PICTURES_OPTIONAL", "read", "sniff"]
