"""The pipeline's front half, shared by every command: read a source, load its list, link."""

from __future__ import annotations

from pathlib import Path

from .linker import Linked, link
from .readers import read_document
from .references import load_bibliography


def read_and_link(source: str, bib: str | None = None, expected_form: str | None = None, named_bib: bool = True) -> Linked:
    """`expected_form`: the entry style the venue asks for (`form` under [bibliography]).
    `named_bib=False` ignores a bibliography file the source names (the web server: an upload
    must never make it open a file of the server's)."""
    document = read_document(source)
    if bib is None and document.bibliography and named_bib:  # named by the source itself; --bib wins
        bib = str(Path(source).parent / document.bibliography)
    linked = link(document, load_bibliography(bib) if bib else None, expected_form)
    if any(d.paragraph is not None and d.context is None for d in linked.diagnostics):
        from .readers.docx.places import quote_places  # a DOCX: quote each place for Word's search

        linked = quote_places(linked)
    return linked
