"""Linking each citation to a bibliography entry, and reporting what does not fit."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from typing import TYPE_CHECKING

from .crossref_links import link_crossrefs
from .references.checks import check_entries
from .references.fields import with_fields
from .diagnostics import Diagnostic, sort_key
from .model import Citation, CiteRef, Document, Entry, map_inlines, map_meta_inlines, walk_document

if TYPE_CHECKING:  # loading a .bib imports bibtexparser; a check without --bib never needs it
    from .references.bibtex import Bibliography


@dataclass(frozen=True)
class Linked:
    """A document whose citations carry their entries, and every finding about it."""

    document: Document
    diagnostics: tuple[Diagnostic, ...]
    bib_path: str | None = None


def iter_citations(doc: Document):
    """Every citation of the document in reading order: the title's and abstracts', then the body's."""
    for node in walk_document(doc):
        if isinstance(node, Citation):
            yield node


def is_number(label: str) -> bool:
    return label.isdecimal()


def link(doc: Document, bib: Bibliography | None = None, expected_form: str | None = None) -> Linked:
    """Resolve `[n]` to entry n and `[@key]` to the entry with that key, then check the entries
    (references/checks.py) against each other, the citations and the venue's `expected_form`.

    With `--bib`, the .bib file's entries are the list and the paper's own list is ignored
    (a REF002 note says so): the user named the file on purpose.
    """
    findings: list[Diagnostic] = list(doc.notes)
    path = doc.path
    if bib is not None:
        entries = bib.entries
        findings.extend(bib.diagnostics)
        if doc.references and doc.references_span:
            s = doc.references_span
            findings.append(Diagnostic.at("REF002", f"the paper's own list of {len(doc.references)} entries is ignored: {bib.path} is used", path, s))
    else:
        # Readers that do not parse fields themselves get them here (without spans).
        entries = [entry if entry.fields or entry.origin != "list" else with_fields(entry) for entry in doc.references]
        findings.extend(_duplicate_numbers(entries, path))

    by_number: dict[int, Entry] = {}
    by_key: dict[str, Entry] = {}
    for entry in entries:
        by_number.setdefault(entry.number, entry)
        by_key.setdefault(entry.key, entry)

    def resolve(ref: CiteRef) -> str | None:
        if not ref.valid:
            return None
        if ref.label.startswith("@"):
            hit = by_key.get(ref.label[1:])
        elif len(ref.label) < 10:
            hit = by_number.get(int(ref.label))
        else:
            hit = None
        return hit.key if hit else None

    used: set[str] = set()
    highest = 0
    first_seen: set[str] = set()

    def link_citation(node):
        nonlocal highest
        if not isinstance(node, Citation):
            return node
        refs = tuple(dataclasses.replace(ref, entry=resolve(ref)) for ref in node.refs)
        for ref in refs:
            if ref.entry:
                used.add(ref.entry)
            elif ref.valid:
                findings.append(Diagnostic.at("CIT001", _unresolved_message(ref, entries, bib), path, node.span))
            if is_number(ref.label) and ref.label not in first_seen:
                first_seen.add(ref.label)
                n = int(ref.label)
                if n < highest:
                    findings.append(Diagnostic.at("CIT003", f"[{n}] is first cited after [{highest}]; number sources in order of first citation", path, node.span))
                highest = max(highest, n)
        return dataclasses.replace(node, refs=refs)

    meta = map_meta_inlines(link_citation, doc.meta)  # the front matter is read first: it counts for CIT003
    blocks = map_inlines(link_citation, doc.blocks)
    blocks, crossref_findings = link_crossrefs(blocks, path)
    findings.extend(crossref_findings)

    entry_path = bib.path if bib is not None else path
    for entry in entries:
        if entry.key not in used:
            findings.append(Diagnostic.at("CIT002", f"entry {_entry_name(entry)} is never cited", entry_path, entry.span))
    if not entries and any(True for _ in iter_citations(doc)):
        message = "the paper cites sources but has no reference list (and no --bib was given)" if bib is None else f"{bib.path} holds no entries"
        if doc.blocks and doc.blocks[-1].span.page is not None:  # a PDF: the end of its last page with text
            last = doc.blocks[-1].span
            findings.append(Diagnostic("REF001", message, path, last.end_line, 1, page=last.page))
        else:
            findings.append(Diagnostic("REF001", message, path, doc.end_line, 1))

    findings.extend(check_entries(entries, blocks, path, entry_path, expected_form))
    linked = dataclasses.replace(doc, meta=meta, blocks=tuple(blocks), references=tuple(entries), notes=())
    return Linked(linked, tuple(sorted(findings, key=sort_key)), bib.path if bib is not None else None)


def _entry_name(entry: Entry) -> str:
    return f"[{entry.number}]" if entry.key == str(entry.number) else f"'{entry.key}' [{entry.number}]"


def _unresolved_message(ref: CiteRef, entries: list[Entry], bib: Bibliography | None) -> str:
    label = f"[{ref.label}]"
    if not entries:
        return f"{label} has no entry: there is no reference list"
    where = bib.path if bib is not None else "the reference list"
    if ref.label.startswith("@"):
        return f"{label}: no entry with key '{ref.label[1:]}' in {where}"
    return f"{label}: no entry {ref.label} in {where} ({len(entries)} entries)"


def _duplicate_numbers(entries: list[Entry], path: str) -> list[Diagnostic]:
    seen: dict[int, Entry] = {}
    found = []
    for entry in entries:
        if entry.number in seen:
            first = seen[entry.number].span
            where = f"p.{first.page}:{first.line}" if first.page is not None else f"line {first.line}"
            found.append(Diagnostic.at("BIB001", f"entry number {entry.number} appears twice (first on {where})", path, entry.span))
        else:
            seen[entry.number] = entry
    return found
