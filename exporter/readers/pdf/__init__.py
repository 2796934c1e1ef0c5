"""The PDF reader: the text layer read with PDFium (pypdfium2), using the layout plain text lacks."""

from __future__ import annotations

from ...model import Document

EXTENSIONS = (".pdf",)


def sniff(head: bytes) -> bool:
    """A PDF starts with `%PDF-`; readers accept it within the first kilobyte (junk before it)."""
    return b"%PDF-" in head[:1024]


def read(path: str) -> Document:
    from .reader import read_pdf  # PDFium is loaded only when a PDF is read, not to sniff a .txt

    return read_pdf(path)


__all__ = ["EXTENSIONS", "read", "sniff"]
