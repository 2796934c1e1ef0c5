"""The bibliography transform: after linking, before writing, the citations get their shown
form (each label a link to its entry) and the document gets its lists (references, the
romanised list a venue asks for, the citations with no entry), so writers only walk the model.

pandoc's citeproc does the same: it fills each `Cite`'s inlines and appends the `refs` div.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace

from ..linker import iter_citations
from ..model import (
    BibItem, Bibliography, Citation, Document, Emph, Entry, Inline, Link, Span, Strong, Text, map_inlines, map_meta_inlines,
)
from ..references.csl import entry_runs
from ..venue import Run, Template
from .weblinks import covered_links

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_]{1,36}")


def anchor(key: str) -> str:
    """A link target name safe in PDF, OOXML bookmarks (≤ 40 chars, no spaces) and LaTeX labels.

    A short plain key is kept (`ref_smith2020`); any other key is named by a readable prefix
    and 56 bits of its SHA-256 under another prefix (`refh_`), so two keys never share a
    target (a Zotero item URI ending `2020.01.001` and one ending `2020.01.010` used to).
    """
    if _PLAIN_KEY.fullmatch(key):
        return f"ref_{key}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:14]
    readable = re.sub(r"[^A-Za-z0-9_]", "_", key)[-20:]  # the end of a URI tells items apart
    return f"refh_{readable}_{digest}"


def unique_anchors(keys) -> list[str]:
    """The anchor of each key; distinct keys must get distinct anchors (a clash is our bug)."""
    names = [anchor(key) for key in keys]
    by_name: dict[str, str] = {}
    for key, name in zip(keys, names):
        if by_name.setdefault(name, key) != key:
            raise AssertionError(f"link targets clash: {by_name[name]!r} and {key!r} are both {name}")
    return names


@dataclass(frozen=True)
class Piece:
    """Part of a citation's visible text: `[`, `13`, `, б. 45]`; a number or key links to its entry."""

    text: str
    target: str | None = None  # anchor of the entry


def citation_pieces(cite: Citation) -> list[Piece]:
    """Split `[12, б. 45]` so that each label links to its own entry (`[3–4]`: 3 and 4).

    The reader recorded where each label stands in the bracket; a locator's numbers are
    never links.
    """
    marks = sorted((ref.start, ref.end, anchor(ref.entry)) for ref in cite.refs if ref.entry and ref.start is not None)
    pieces: list[Piece] = []
    cursor = 0
    for start, end, target in marks:
        if start < cursor:  # the same text shown twice (cannot happen from the reader): link it once
            continue
        if start > cursor:
            pieces.append(Piece(cite.raw[cursor:start]))
        pieces.append(Piece(cite.raw[start:end], target))
        cursor = end
    if cursor < len(cite.raw):
        pieces.append(Piece(cite.raw[cursor:]))
    return pieces


def citation_inlines(cite: Citation) -> tuple[Inline, ...]:
    """A citation as editions show it: its text, each resolved label a link to `#<anchor>`."""
    return tuple(Link("#" + p.target, (Text(p.text),)) if p.target else Text(p.text) for p in citation_pieces(cite))


def unresolved_note(cite: Citation, note: str, path: str) -> str | None:
    """The flag's words for a citation with a label that found no entry: `[13]: no entry… (file:line:col)`.

    The file is named without its folder: an edition is read away from the author's machine, and
    its bytes must not change with the folder it was built from."""
    labels = [ref.label for ref in cite.refs if ref.entry is None]
    if not labels:
        return None
    return f"{', '.join('[' + label + ']' for label in labels)}: {note} ({os.path.basename(path)}:{cite.span.line}:{cite.span.column})"


def run_inlines(runs: list[Run]) -> tuple[Inline, ...]:
    """A formatted entry's runs as model inlines: italic in `Emph`, bold around it in `Strong`."""
    out: list[Inline] = []
    for run in runs:
        node: Inline = Text(run.text)
        if run.italic:
            node = Emph((node,))
        if run.bold:
            node = Strong((node,))
        out.append(node)
    return tuple(out)


def entry_as_read(entry: Entry) -> str:
    """An entry as one line, as read: as printed in the paper, or its .bib fields."""
    if entry.text:
        return entry.text
    fields = dict(entry.fields)
    parts = [fields.get(name) for name in ("author", "title", "journal", "booktitle", "publisher", "year", "pages") if fields.get(name)]
    return ". ".join(p.strip("{} ") for p in parts) or entry.key


def formatted_entries(document: Document, template: Template, style: str | None, as_read: bool = False) -> list[tuple[Entry, list[Run], str]]:
    """The reference list in number order: entry, formatted runs, anchor.

    The one place entries are formatted, for every edition: by `style` (`build --style`) or
    the venue's `bibliography.style`, a CSL style or a macro of its bibliography.j2
    (exporter/references/csl.py decides which); `as_read`, as the source gives them.
    """
    ordered = sorted(document.references, key=lambda e: e.number)
    if as_read:
        runs = [[Run(entry_as_read(e))] for e in ordered]
    else:
        runs = entry_runs(ordered, template, document.meta.language, style)
    return list(zip(ordered, runs, unique_anchors([e.key for e in ordered])))


def entry_label(template: Template, entry: Entry) -> str:
    """An entry's number as the venue's list prints it (`12.`, `[12]`)."""
    return template.venue.bibliography.label.replace("{n}", str(entry.number))


def romanised_runs(template: Template, runs: list[Run]) -> list[Run]:
    """An entry's runs in Latin letters by the venue's table (`bibliography.romanised`): a
    Cyrillic entry transliterated part by part, a Latin one unchanged."""
    texts = template.transliteration.entry_parts([run.text for run in runs]) if runs else []
    return [replace(run, text=text) for run, text in zip(runs, texts)]


def bibliography_lists(document: Document, template: Template, style: str | None, as_read: bool = False) -> list[Bibliography]:
    """The lists that close an edition: the references (when there are entries), the same
    list romanised (when the venue asks for it), and the citations with no entry (when there
    are some and the venue lists them); `as_read`, the references alone."""
    labels = template.labels(document.meta.language)
    end = document.references_span or Span(document.end_line, 1, document.end_line, 1)
    lists = []
    entries = formatted_entries(document, template, style, as_read)
    if entries:
        items = tuple(BibItem(entry_label(template, e), covered_links(run_inlines(runs), e.links), e.span, target, e.number) for e, runs, target in entries)
        lists.append(Bibliography("references", labels.references, items, end))
        if template.transliteration is not None and not as_read:  # the same list in Latin letters, same numbers
            items = tuple(BibItem(entry_label(template, e), run_inlines(romanised_runs(template, runs)), e.span, None, e.number) for e, runs, _ in entries)
            lists.append(Bibliography("romanised", labels.romanised, items, end))
    if template.venue.bibliography.list_unresolved and not as_read:
        notes = [(cite, unresolved_note(cite, labels.unresolved_note, document.path)) for cite in iter_citations(document)]
        items = tuple(BibItem(None, (Text(note),), cite.span) for cite, note in notes if note)
        if items:
            lists.append(Bibliography("unresolved", labels.unresolved, items, end))
    return lists


def add_bibliography(document: Document, template: Template, style: str | None = None, as_read: bool = False) -> Document:
    """The document with its citations rendered (labels linked, unresolved ones noted) and
    its bibliography lists appended to the blocks.

    `as_read` is the report page's view: each entry as the source gives it (no style, so ten
    thousand .bib entries cost nothing), and no list of unresolved citations (the findings
    list them)."""
    note = template.labels(document.meta.language).unresolved_note

    def render(node):
        if isinstance(node, Citation):
            return replace(node, inlines=citation_inlines(node), note=unresolved_note(node, note, document.path))
        return node

    lists = bibliography_lists(document, template, style, as_read)
    return replace(
        document,
        meta=map_meta_inlines(render, document.meta),
        blocks=in_place(map_inlines(render, document.blocks), tuple(lists), document.references),
    )


def in_place(blocks: tuple, lists: tuple, entries) -> tuple:
    """The blocks with the lists where the paper printed its own list: before the blocks that
    all come after its last entry (an appendix), or at the end (pandoc's citeproc puts the `refs`
    div where the text has one, else at the end). Only the paper's own entries say where."""
    own = [entry.span for entry in entries if entry.origin == "list"]
    if not own or not lists:
        return blocks + lists
    last = max((span.page or 0, span.end_line) for span in own)
    k = len(blocks)
    while k > 0 and (blocks[k - 1].span.page or 0, blocks[k - 1].span.line) > last:
        k -= 1
    return blocks[:k] + lists + blocks[k:]
