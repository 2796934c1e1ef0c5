"""The pipeline's front half, shared by every command: read a source, load its list, link,
quote the places of findings a reader numbered by paragraph."""

from __future__ import annotations

from pathlib import Path

from .linker import Linked, link
from .quoting import quote_places
from .readers import read_document
from .references import load_bibliography


def read_and_link(source: str, bib: str | None = None, expected_form: str | None = None, named_bib: bool = True, pictures: bool = True) -> Linked:
    """`expected_form`: the entry style the venue asks for (`form` under [bibliography]).
    `named_bib=False` ignores a bibliography file the source names (the web server: an upload
    must never make it open a file of the server's). `pictures=False`: no edition will be made,
    so a reader may leave its pictures' bytes out (readers.read_document)."""
    document = read_document(source, pictures)
    if bib is None and document.bibliography and named_bib:  # named by the source itself; --bib wins
        bib = str(Path(source).parent / document.bibliography)
    # findings at numbered paragraphs (a DOCX) quote their place in words; others pass unchanged
    return quote_places(link(document, load_bibliography(bib) if bib else None, expected_form))
