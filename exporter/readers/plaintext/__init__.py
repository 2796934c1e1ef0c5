"""The plain-text reader: text pulled out of a PDF (decoding, repair rules, front matter)."""

from __future__ import annotations

from ...diagnostics import Diagnostic
from ...model import Document
from .reader import field_inlines, join_lines, read_plaintext
from ...sourcefile import read_source

EXTENSIONS = (".txt", ".text")
TEXT = True  # takes what no other reader claims; the decoder refuses what is not text


def sniff(head: bytes) -> bool:
    """Text is what no other reader claims; the decoder refuses what is not text."""
    return True


def read(path: str) -> Document:
    return read_plaintext(read_source(path, repair=True))


__all__ = ["Diagnostic", "EXTENSIONS", "field_inlines", "join_lines", "read", "read_plaintext", "sniff"]
