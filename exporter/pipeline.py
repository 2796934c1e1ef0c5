"""The pipeline's front half, shared by every command: read a source, load its list, link."""

from __future__ import annotations

from pathlib import Path

from .linker import Linked, link
from .readers import read_document
from .references import load_bibliography


def read_and_link(source: str, bib: str | None = None, expected_form: str | None = None) -> Linked:
    """`expected_form`: the entry style the venue asks for (`form` under [bibliography])."""
    document = read_document(source)
    if bib is None and document.bibliography:  # named by the source itself; --bib wins
        bib = str(Path(source).parent / document.bibliography)
    linked = link(document, load_bibliography(bib) if bib else None, expected_form)
    if any(d.paragraph is not None and d.context is None for d in linked.diagnostics):
        from .readers.docx.places import quote_places  # a DOCX: quote each place for Word's search

        linked = quote_places(linked)
    return linked
