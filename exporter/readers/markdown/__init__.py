"""The Markdown reader: CommonMark (markdown-it-py) with YAML front matter, tables, footnotes,
mathematics and pictures. See `reader`; the grammar is in markdown_syntax.py, the text in
markdown_inlines.py, the pictures in markdown_media.py."""

from __future__ import annotations

from ...model import Document

EXTENSIONS = (".md", ".markdown")
TEXT = True  # a text format: confirmed by being text, never claimed from bytes alone


def sniff(head: bytes) -> bool:
    return b"\x00" not in head[:1024]


def read(path: str) -> Document:
    from .reader import read_markdown  # markdown-it and the builder only when Markdown is read, not to sniff a .txt

    return read_markdown(path)


__all__ = ["EXTENSIONS", "read", "sniff"]
