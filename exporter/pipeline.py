"""The pipeline's front half, shared by every command: read a source, load its list, link."""

from __future__ import annotations

from .bibliography import load_bib
from .linker import Linked, link
from .readers.plaintext import read_plaintext
from .sourcefile import read_source


def read_and_link(source: str, bib: str | None = None) -> Linked:
    document = read_plaintext(read_source(source))
    return link(document, load_bib(bib) if bib else None)
