"""Bibliographies: the paper's own list (ownlist), .bib files (bibtex), and what is done with entries."""

from __future__ import annotations


def load_bibliography(path: str):
    """Entries of a bibliography file, by its format (BibTeX for now)."""
    from .bibtex import load_bib  # imported on use: `check` without --bib never needs bibtexparser

    return load_bib(path)
