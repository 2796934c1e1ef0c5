"""Writers: one module per edition, all fed the same `Edition` and walking the model the same way.

Each writer module has `render(edition) -> bytes`; `build` writes the bytes atomically.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from importlib import import_module

from ..diagnostics import InputError
from ..linker import Linked, iter_citations
from ..model import (
    BulletList, Citation, CrossRef, Document, Emph, Entry, Figure, Footnote, Heading, Image, Link, Math, Paragraph, Quote,
    Strong, Subscript, Superscript, Table, Text,
)
from ..venue import Labels, Run, Template, TitleLine, Venue

# name -> (module, file suffix); modules are imported only when that edition is built,
# so `check` never loads reportlab or python-docx.
WRITERS: dict[str, tuple[str, str]] = {
    "docx": ("exporter.writers.docx", ".docx"),
    "pdf": ("exporter.writers.pdf", ".pdf"),
    "latex": ("exporter.writers.latex", ".tex"),
}


def writer(name: str):
    return import_module(WRITERS[name][0])


def source_date() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed date: never the clock."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's first day
    except ValueError:
        epoch = 315532800
    return datetime.fromtimestamp(max(epoch, 315532800), tz=timezone.utc)


def anchor(key: str) -> str:
    """A link target name safe in PDF, OOXML bookmarks (≤ 40 chars, no spaces) and LaTeX labels."""
    safe = re.sub(r"[^A-Za-z0-9_]", "_", key)
    if safe != key:  # keep distinct keys distinct after the substitution
        safe = f"{safe[:24]}_{sum(map(ord, key)) % 100000:05d}"
    return f"ref_{safe}"[:40]


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


def styled_runs(runs: list[Run], escape, italic: tuple[str, str], bold: tuple[str, str]) -> str:
    """Runs in a writer's markup: each escaped, wrapped in the (open, close) pairs of its styles."""
    out = []
    for run in runs:
        text = escape(run.text)
        if run.italic:
            text = italic[0] + text + italic[1]
        if run.bold:
            text = bold[0] + text + bold[1]
        out.append(text)
    return "".join(out)


@dataclass(frozen=True)
class Unresolved:
    citation: Citation
    labels: tuple[str, ...]


@dataclass
class Edition:
    """Everything a writer needs: the linked document, the venue, and derived views of both."""

    linked: Linked
    template: Template
    style: str | None = None  # `build --style`: a CSL style or macro name over the venue's own

    @property
    def document(self) -> Document:
        return self.linked.document

    @property
    def venue(self) -> Venue:
        return self.template.venue

    @property
    def language(self) -> str:
        return self.document.meta.language

    @cached_property
    def labels(self) -> Labels:
        return self.template.labels(self.language)

    @cached_property
    def title_lines(self) -> list[TitleLine]:
        return self.template.title_lines(self.document.meta)

    @cached_property
    def entries(self) -> list[tuple[Entry, list[Run], str]]:
        """The reference list in number order: entry, formatted runs, anchor.

        The one place entries are formatted, for every edition: by `style` (`build --style`)
        or the venue's `bibliography.style`, a CSL style or a macro of its bibliography.j2
        (exporter/references/csl.py decides which).
        """
        from ..references.csl import entry_runs

        ordered = sorted(self.document.references, key=lambda e: e.number)
        runs = entry_runs(ordered, self.template, self.language, self.style)
        return [(e, r, anchor(e.key)) for e, r in zip(ordered, runs)]

    @cached_property
    def unresolved(self) -> list[Unresolved]:
        out = []
        for cite in iter_citations(self.document):
            labels = tuple(ref.label for ref in cite.refs if ref.entry is None)
            if labels:
                out.append(Unresolved(cite, labels))
        return out

    @property
    def list_unresolved(self) -> bool:
        return self.venue.bibliography.list_unresolved and bool(self.unresolved)

    def unresolved_note(self, item: Unresolved) -> str:
        """The flag's words: `[13] — no entry…`, naming the missing labels."""
        return f"{', '.join('[' + l + ']' for l in item.labels)}: {self.labels.unresolved_note} ({self.document.path}:{item.citation.span.line}:{item.citation.span.column})"

    @property
    def date(self) -> datetime:
        return source_date()


class Walker:
    """One walk over the model for every writer: dispatch on node type, never drop a node.

    The tables below name a method for every block and inline type of the model; a node of
    any other type raises TypeError (a writer must not silently drop what it cannot draw).
    """

    BLOCKS = {
        Paragraph: "paragraph", Heading: "heading", Quote: "quote", BulletList: "bullet_list", Table: "table",
        Figure: "figure",
    }
    INLINES = {
        Text: "text", Citation: "citation", Emph: "emph", Strong: "strong", Superscript: "superscript",
        Subscript: "subscript", Link: "link", Math: "math", Footnote: "footnote", Image: "image", CrossRef: "cross_ref",
    }

    def walk(self, blocks) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block) -> None:
        name = self.BLOCKS.get(type(block))
        if name is None:
            raise TypeError(f"writer has no rule for block {type(block).__name__}")
        getattr(self, name)(block)

    def inlines(self, nodes) -> None:
        for node in nodes:
            name = self.INLINES.get(type(node))
            if name is None:
                raise TypeError(f"writer has no rule for inline {type(node).__name__}")
            if name == "text":
                self.text(node.text)
            else:
                getattr(self, name)(node)

    # Writers override these.
    def paragraph(self, block: Paragraph) -> None:
        raise NotImplementedError

    def heading(self, block: Heading) -> None:
        raise NotImplementedError

    def quote(self, block: Quote) -> None:
        raise NotImplementedError

    def bullet_list(self, block: BulletList) -> None:
        raise NotImplementedError

    def table(self, block: Table) -> None:
        raise NotImplementedError

    def figure(self, block: Figure) -> None:
        """Until a writer draws pictures: the figure's caption, as a paragraph of its own."""
        self.paragraph(Paragraph(block.caption or (Text(" ".join(i.alt for i in block.images if i.alt)),), block.span))

    def text(self, text: str) -> None:
        raise NotImplementedError

    def citation(self, cite: Citation) -> None:
        raise NotImplementedError

    def emph(self, node: Emph) -> None:
        raise NotImplementedError

    def strong(self, node: Strong) -> None:
        raise NotImplementedError

    def superscript(self, node: Superscript) -> None:
        raise NotImplementedError

    def subscript(self, node: Subscript) -> None:
        raise NotImplementedError

    def link(self, node: Link) -> None:
        raise NotImplementedError

    def math(self, node: Math) -> None:
        raise NotImplementedError

    def footnote(self, node: Footnote) -> None:
        raise NotImplementedError

    def image(self, node: Image) -> None:
        """Until a writer draws pictures: the picture's description, as text."""
        self.text(node.alt)

    def cross_ref(self, node: CrossRef) -> None:
        """A reference to a figure, table or equation: its text as written (writers may link it)."""
        self.text(node.raw)


def math_text(text: str) -> str:
    """A formula's text as one unit: its spaces do not break (no line break inside a formula)."""
    return " ".join(text.split()).replace(" ", "\u00a0")


def table_width(block: Table) -> int:
    """The number of columns: the widest row counting spans (shorter rows are padded with empty cells)."""
    return max((sum(cell.colspan for cell in row) for row in block.rows), default=0)
