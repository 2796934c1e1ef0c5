"""Readers: one module per source format behind one registry, each producing a `Document`.

A reader module has `EXTENSIONS` (the file names it takes), `sniff(head) -> bool` (do these
first bytes look like its format) and `read(path) -> Document`; a text format (no magic
bytes) also sets `TEXT = True`: its sniff only confirms, it never claims a file by its bytes.
A new format is one module and one line in `READERS`.
"""

from __future__ import annotations

import os
import stat
from importlib import import_module
from pathlib import Path

from ..diagnostics import InputError
from ..model import Document

# name -> module; modules are imported only when a file of theirs is read. Order matters for
# sniffing: the formats with magic bytes first, plain text (which takes anything) last.
READERS: dict[str, str] = {
    "docx": "exporter.readers.docx",
    "pdf": "exporter.readers.pdf",
    "markdown": "exporter.readers.markdown",
    "plaintext": "exporter.readers.plaintext",
}
_SNIFF_BYTES = 8192


def reader(name: str):
    return import_module(READERS[name])


def _head(path: str) -> bytes:
    """The first bytes of a regular file; nothing for anything else (a pipe must be read once,
    by the reader, and a device never ends): the reader then reports the file's own problem."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        with open(path, "rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except OSError:
        return b""


def choose_reader(path: str) -> str:
    """The reader for `path`: by its extension, confirmed by its bytes; by its bytes alone
    when the extension is unknown. A file whose bytes say another format is refused."""
    suffix = Path(path).suffix.lower()
    by_extension = next((name for name in READERS if suffix in reader(name).EXTENSIONS), None)
    head = _head(path)
    by_bytes = next((name for name in READERS if not _is_text(name) and reader(name).sniff(head)), None)
    if by_extension is None:
        return by_bytes or "plaintext"
    if by_bytes is not None and by_bytes != by_extension:
        raise InputError(path, f"is named {suffix} but its bytes are {_KIND.get(by_bytes, by_bytes)}; rename it to the right extension")
    if head and not reader(by_extension).sniff(head) and not _is_text(by_extension):
        raise InputError(path, f"is named {suffix} but is not {_KIND.get(by_extension, by_extension)} (its first bytes say otherwise)")
    return by_extension


_KIND = {"pdf": "a PDF", "docx": "a DOCX (Word) file", "markdown": "Markdown", "plaintext": "plain text"}


def _is_text(name: str) -> bool:
    return getattr(reader(name), "TEXT", False)


def extensions() -> tuple[str, ...]:
    """Every file extension some reader takes (what `build` picks up from source/)."""
    return tuple(ext for name in READERS for ext in reader(name).EXTENSIONS)


def read_document(path: str, pictures: bool = True) -> Document:
    """Read any supported source into a Document (citations still unlinked). `pictures=False`
    asks for the text only: a reader that makes its pictures' bytes (one that sets
    `PICTURES_OPTIONAL`: the PDF reader renders and encodes them) may leave them empty, all
    else the same; a command that never shows a picture (`check`) asks so."""
    module = reader(choose_reader(path))
    if not pictures and getattr(module, "PICTURES_OPTIONAL", False):
        return module.read(path, pictures=False)
    return module.read(path)
