"""Writers: one module per edition, all fed the same `Edition` and walking the model the same way.

Each writer module has `render(edition) -> bytes`; `build` writes the bytes atomically.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cached_property
from importlib import import_module

from ..diagnostics import InputError
from ..linker import Linked, iter_citations
from ..model import (
    BulletList, Cell, Citation, Code, CodeBlock, CrossRef, Document, Emph, Entry, Figure, Footnote, Heading, Image, Link, Math, Paragraph, Quote,
    Strong, Subscript, Superscript, Table, Text, walk,
)
from ..venue import Labels, Run, Template, TitleLine, Venue

# name -> (module, file suffix); modules are imported only when that edition is built,
# so `check` never loads reportlab or python-docx.
WRITERS: dict[str, tuple[str, str]] = {
    "docx": ("exporter.writers.docx", ".docx"),
    "pdf": ("exporter.writers.pdf", ".pdf"),
    "latex": ("exporter.writers.latex", ".tex"),
    "zip": ("exporter.writers.package", ".zip"),  # the LaTeX edition with its pictures, .bib and venue files
}


def writer(name: str):
    return import_module(WRITERS[name][0])


def companions(name: str, edition: "Edition") -> dict[str, dict[str, bytes]]:
    """Folders an edition needs beside its file (`{"<stem>.media": {file: bytes}}`), if it has any."""
    module = writer(name)
    return module.companions(edition) if hasattr(module, "companions") else {}


def source_date() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed date: never the clock."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's first day
    except ValueError:
        epoch = 315532800
    return datetime.fromtimestamp(max(epoch, 315532800), tz=timezone.utc)


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
    stem: str = "paper"  # the editions' file name (build sets it); the LaTeX edition's pictures go to `<stem>.media/`
    # Put before every link target and label the LaTeX edition names (`ref_1`, `xef_fig1`): a
    # proceedings volume sets many papers in one document, each in its own namespace (`p2-`).
    anchor_prefix: str = ""

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
        return list(zip(ordered, runs, unique_anchors([e.key for e in ordered])))

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

    @cached_property
    def pictures(self) -> list[tuple[Image, object]]:
        """Every distinct picture of the document in reading order (figures' and inline ones),
        with its prepared form (media.images.Picture) or the MediaError that refuses it."""
        from ..media.images import MediaError, prepare

        seen: dict[tuple[str, bytes], int] = {}
        out: list[tuple[Image, object]] = []
        for image in document_images(self.document.blocks):
            key = (image.media_type, image.data)
            if key in seen:
                continue
            seen[key] = len(out)
            try:
                out.append((image, prepare(image)))
            except MediaError as exc:
                out.append((image, exc))
        return out

    @cached_property
    def targets(self) -> set[str]:
        """Labels of the figures, tables and formulas a cross-reference can link to."""
        return targets(self.document.blocks)

    def cross_ref_target(self, node: CrossRef) -> str | None:
        """The anchor a cross-reference links to, when what it names exists."""
        return label_anchor(node.target) if node.target and node.target in self.targets else None


class Walker:
    """One walk over the model for every writer: dispatch on node type, never drop a node.

    The tables below name a method for every block and inline type of the model; a node of
    any other type raises TypeError (a writer must not silently drop what it cannot draw).
    """

    BLOCKS = {
        Paragraph: "paragraph", Heading: "heading", Quote: "quote", BulletList: "bullet_list", Table: "table",
        Figure: "figure", CodeBlock: "code_block",
    }
    INLINES = {
        Text: "text", Citation: "citation", Emph: "emph", Strong: "strong", Superscript: "superscript",
        Subscript: "subscript", Link: "link", Math: "math", Footnote: "footnote", Image: "image", CrossRef: "cross_ref",
        Code: "code",
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
        raise NotImplementedError

    def code_block(self, block: CodeBlock) -> None:
        raise NotImplementedError

    def text(self, text: str) -> None:
        raise NotImplementedError

    def code(self, node: Code) -> None:
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
        raise NotImplementedError

    def cross_ref(self, node: CrossRef) -> None:
        """A reference to a figure, table or equation: its text as written (writers may link it)."""
        self.text(node.raw)


# ---- figures, tables, formulas: what every writer shares -----------------------------------

# The word a caption starts with when the source gave only a number.
CAPTION_WORDS = {
    "figure": {"en": "Figure", "ru": "Рисунок", "kk": "Сурет"},
    "table": {"en": "Table", "ru": "Таблица", "kk": "Кесте"},
}
# A caption that already starts with its label (`Рисунок 3 –`, `Fig. 2.1.`, `Таблица 4`).
_CAPTION_START = re.compile(r"^\s*((?:рис(?:унок|\.)?|fig(?:ure|\.)?|табл(?:ица|\.)?|table|сурет|кесте)\s*)(\d+(?:[.\-]\d+)*)", re.I)
_CAPTION_SEPARATOR = re.compile(r"^\s*[.:–—-]?\s*")


@dataclass(frozen=True)
class Caption:
    """A caption in parts: `word` (`Рисунок `), `number` (`3`), `separator` (` – `), `rest`
    (the caption's own words). `word` is empty for a caption with no number."""

    word: str
    number: str | None
    separator: str
    rest: tuple


def caption_of(block: Figure | Table, language: str) -> Caption | None:
    """The caption of a figure or table as its label, number and words; None when it has neither."""
    caption = tuple(block.caption)
    kind = "figure" if isinstance(block, Figure) else "table"
    if caption and isinstance(caption[0], Text):
        found = _CAPTION_START.match(caption[0].text)
        if found:
            after = caption[0].text[found.end():]
            separator = _CAPTION_SEPARATOR.match(after).group()
            rest = ((Text(after[len(separator):]),) if after[len(separator):] else ()) + caption[1:]
            return Caption(found.group(1), found.group(2), separator, rest)
    if block.number:
        word = CAPTION_WORDS[kind].get(language, CAPTION_WORDS[kind]["en"])
        return Caption(word + " ", block.number, ". " if caption else "", caption)
    if caption:
        return Caption("", None, "", caption)
    return None


def label_anchor(label: str) -> str:
    """The link target of a figure, table or equation label (same rules as `anchor`)."""
    return "x" + anchor(label)[1:]  # `xef_…`, `xefh_…`: never an entry's `ref_…`


def targets(blocks) -> set[str]:
    """The labels a cross-reference can point at: those of figures, tables and numbered formulas."""
    found: set[str] = set()
    for block in blocks:
        if isinstance(block, (Figure, Table)) and block.label:
            found.add(block.label)
    for node in walk(blocks):
        if isinstance(node, Math) and node.label:
            found.add(node.label)
    return found


def document_images(blocks):
    """Every picture of the blocks in reading order: a figure's, then those inline in text."""
    for block in blocks:
        if isinstance(block, Figure):
            yield from block.images
        for node in walk((block,)):
            if isinstance(node, Image):
                yield node


def split_display_math(inlines) -> list:
    """A run cut at its display formulas: runs of inlines (tuples) and `Math` nodes set apart."""
    out: list = []
    current: list = []
    for node in inlines:
        if isinstance(node, Math) and node.display:
            if any(not (isinstance(n, Text) and not n.text.strip()) for n in current):
                out.append(tuple(current))
            current = []
            out.append(node)
        else:
            current.append(node)
    if any(not (isinstance(n, Text) and not n.text.strip()) for n in current):
        out.append(tuple(current))
    return out


def table_grid(block: Table) -> tuple[list[tuple[int, int, Cell]], int, int]:
    """Where each cell starts (row, column), with the grid's columns and rows.

    A row lists only the cells that start in it: a place covered by a row span from above is
    skipped. Spans are clamped to the grid (a span past the last row ends there)."""
    covered: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(block.rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            rowspan = max(1, min(cell.rowspan, len(block.rows) - r))
            colspan = max(1, cell.colspan)
            placed.append((r, c, cell, rowspan, colspan))
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered.add((r + dr, c + dc))
            c += colspan
    columns = max((c for _, c in covered), default=-1) + 1
    return [(r, c, replace(cell, rowspan=rs, colspan=cs)) for r, c, cell, rs, cs in placed], columns, len(block.rows)


def column_shares(block: Table, columns: int) -> list[float]:
    """Each column's share of the table's width: the source's when it gives one per column, else equal."""
    if len(block.widths) == columns and all(w > 0 for w in block.widths):
        total = sum(block.widths)
        return [w / total for w in block.widths]
    return [1 / columns] * columns if columns else []


def code_lines(text: str, columns: int) -> list[str]:
    """A code block's lines as an edition sets them: tabs to 4-column stops, a line longer than
    `columns` characters continued on the next (code is never hyphenated, nor overflows)."""
    columns = max(columns, 8)
    out: list[str] = []
    for line in text.expandtabs(4).split("\n"):
        out.extend([line[i:i + columns] for i in range(0, len(line), columns)] or [""])
    return out


def math_text(text: str) -> str:
    """A formula's text as one unit: its spaces do not break (no line break inside a formula)."""
    return " ".join(text.split()).replace(" ", "\u00a0")


def table_width(block: Table) -> int:
    """The number of columns, counting spans (shorter rows are padded with empty cells)."""
    return table_grid(block)[1]
