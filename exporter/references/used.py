"""The bibliography a paper uses: what `exporter bib` prints."""

from __future__ import annotations

from ..linker import Linked, iter_citations
from ..model import Entry


def used_entries(linked: Linked) -> list[Entry]:
    """With --bib, the file's entries the paper cites, in order of first citation (a file is
    often a whole library); without it, the paper's own list in its order."""
    entries = list(linked.document.references)
    if linked.bib_path is None:
        return sorted(entries, key=lambda e: e.number)
    by_key = {e.key: e for e in entries}
    order: dict[str, None] = {}
    for cite in iter_citations(linked.document):
        for ref in cite.refs:
            if ref.entry in by_key:
                order.setdefault(ref.entry)
    return [by_key[key] for key in order]
