"""Writers: one module per edition, all fed the same `Edition` and walking the model the same way.

Each writer module has `render(edition) -> bytes`; `build` writes the bytes atomically.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cached_property
from typing import NamedTuple
from importlib import import_module

from ..linker import Linked
from ..model import (
    Bibliography, BulletList, Cell, Citation, Code, CodeBlock, CrossRef, Document, Emph, Figure, Footnote, Heading, Image, LineBreak, Link, ListItem, Math,
    Paragraph, Quote,
    Strong, Subscript, Superscript, Table, Text, plain_text, walk,
)
from ..transforms.bibliography import anchor, add_bibliography
from ..transforms.weblinks import link_addresses
from ..venue import Labels, Template, TitleLine, Venue

# name -> (module, file suffix); modules are imported only when that edition is built,
# so `check` never loads reportlab or python-docx.
WRITERS: dict[str, tuple[str, str]] = {
    "docx": ("exporter.writers.docx", ".docx"),
    "pdf": ("exporter.writers.pdf", ".pdf"),
    "latex": ("exporter.writers.latex", ".tex"),
    "html": ("exporter.writers.html", ".html"),  # one self-contained page (pictures inside as data: URIs)
    "zip": ("exporter.writers.package", ".zip"),  # the LaTeX edition with its pictures, .bib and venue files
}


def writer(name: str):
    return import_module(WRITERS[name][0])


# Editions that may need a folder beside their file: asking only them spares `build` importing
# the PDF writer (reportlab) in the process whose PDF was rendered by a forked child (~60 ms).
WITH_COMPANIONS = frozenset({"latex"})
# An unordered list as every edition sets it: the mark at the body's first-line indent, the
# item's text (and its next lines) LIST_MARK_ROOM_CM further right.
LIST_MARK = "\u2013"  # en dash: the list mark of Kazakh and Russian typesetting
LIST_MARK_ROOM_CM = 0.5


LIST_LABEL_CHARS = 6  # a longer number (`MMMDCCLXVII.`) is printed before the item's text, not in the room


def margin_label(item: ListItem) -> str:
    """The item's number when it is set in the room before the text; "" for none or a longer one."""
    return item.label if len(item.label) <= LIST_LABEL_CHARS else ""


def list_room_cm(block: BulletList, size_pt: float) -> float:
    """The room between the mark and the item's text, the same in every edition: LIST_MARK's,
    or, for a numbered list (`1.`, `12)`), room for its widest label and a space, estimated
    at a wide figure's 0.55 em a character (no edition measures fonts the same way)."""
    widest = max((len(margin_label(item)) for item in block.items), default=0)
    if not widest:
        return LIST_MARK_ROOM_CM
    return max(LIST_MARK_ROOM_CM, round((0.55 * widest + 0.35) * size_pt * 2.54 / 72, 3))


def companions(name: str, edition: "Edition") -> dict[str, dict[str, bytes]]:
    """Folders an edition needs beside its file (`{"<stem>.media": {file: bytes}}`), if it has any."""
    if name not in WITH_COMPANIONS:
        return {}
    module = writer(name)
    return module.companions(edition) if hasattr(module, "companions") else {}


def source_date() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed date: never the clock."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's first day
    except ValueError:
        epoch = 315532800
    return datetime.fromtimestamp(max(epoch, 315532800), tz=timezone.utc)


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

    @cached_property
    def document(self) -> Document:
        """The linked document after the transforms: citations rendered, lists appended, the
        addresses written out in the text made links."""
        return link_addresses(add_bibliography(self.linked.document, self.template, self.style))

    @property
    def venue(self) -> Venue:
        return self.template.venue

    @property
    def language(self) -> str:
        return self.document.meta.language

    def caption(self, block: Figure | Table) -> Caption | None:
        """A figure's or table's caption in parts, numbered ones joined by the venue's mark."""
        return caption_of(block, self.language, self.venue.captions.separator)

    @cached_property
    def labels(self) -> Labels:
        return self.template.labels(self.language)

    @cached_property
    def title_lines(self) -> list[TitleLine]:
        return self.template.title_lines(self.document.meta)

    @cached_property
    def bibliography(self) -> dict[str, Bibliography]:
        """The lists the transform appended, by kind (`references`, `unresolved`, …)."""
        return {block.kind: block for block in self.document.blocks if isinstance(block, Bibliography)}

    @property
    def date(self) -> datetime:
        return source_date()

    @cached_property
    def pictures(self) -> list[tuple[Image, object]]:
        """Every distinct picture of the document in reading order (figures' and inline ones),
        with its prepared form (media.images.Picture) or the MediaError that refuses it."""
        from ..media.images import MediaError, prepare, prepare_all

        seen: dict[tuple[str, bytes], int] = {}
        out: list[tuple[Image, object]] = []
        images = list(document_images(self.document.blocks))
        prepare_all(images)
        for image in images:
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
        Figure: "figure", Bibliography: "bibliography", CodeBlock: "code_block",
    }
    INLINES = {
        Text: "text", Citation: "citation", Emph: "emph", Strong: "strong", Superscript: "superscript",
        Subscript: "subscript", Link: "link", Math: "math", Footnote: "footnote", Image: "image", CrossRef: "cross_ref",
        Code: "code", LineBreak: "line_break",
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

    def bibliography(self, block: Bibliography) -> None:
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

    def line_break(self, node: LineBreak) -> None:
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


def caption_of(block: Figure | Table, language: str, separator: str = ". ") -> Caption | None:
    """The caption of a figure or table as its label, number and words; None when it has neither.
    A caption the source printed with its label keeps its own mark after the number; one given
    its number apart (Word's SEQ field) is joined by `separator`, the venue's."""
    caption = tuple(block.caption)
    kind = block.kind  # a table given as a picture is labelled a table, a table captioned as a figure a figure
    if caption and isinstance(caption[0], Text):
        found = _CAPTION_START.match(caption[0].text)
        if found:
            after = caption[0].text[found.end():]
            separator = _CAPTION_SEPARATOR.match(after).group()
            rest = ((Text(after[len(separator):]),) if after[len(separator):] else ()) + caption[1:]
            return Caption(found.group(1), found.group(2), separator, rest)
    if block.number:
        word = CAPTION_WORDS[kind].get(language, CAPTION_WORDS[kind]["en"])
        return Caption(word + " ", block.number, separator if caption else "", caption)
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


class Display(NamedTuple):
    """A display formula as an edition sets it: the formula, and the punctuation that closes its
    sentence (`,` `.` `;` `:` right after it in the source), set with it on its line."""

    math: Math
    closing: str = ""


_CLOSING = re.compile(r"\s*([,.;:]+)")


def split_display_math(inlines) -> list:
    """A run cut at its display formulas: runs of inlines (tuples) and `Display`s set apart,
    each taking the punctuation written right after it (`E = mc², (4)` ends its line with the
    comma, not a line of its own)."""
    out: list = []
    current: list = []
    for node in inlines:
        if isinstance(node, Math) and node.display:
            if any(not (isinstance(n, Text) and not n.text.strip()) for n in current):
                out.append(tuple(current))
            current = []
            out.append(Display(node))
        elif not current and out and isinstance(out[-1], Display) and not out[-1].closing and isinstance(node, Text) and (m := _CLOSING.match(node.text)):
            out[-1] = out[-1]._replace(closing=m[1])
            if node.text[m.end():].strip():
                current.append(Text(node.text[m.end():].lstrip()))
        else:
            current.append(node)
    if any(not (isinstance(n, Text) and not n.text.strip()) for n in current):
        out.append(tuple(current))
    return out


_NUMBER_BESIDE = re.compile(r"\s*\((\d{1,3}(?:\.\d{1,3})?[^\W\d_]?)\)[.,;]?\s*")
_BETWEEN_PICTURES = re.compile(r"[ \t\u00a0\u2002\u2003,.;:]*")  # what may join a display's pictures: spaces, punctuation


def display_picture(run) -> tuple[tuple, str | None] | None:
    """A run that is formula pictures alone on a line, with its number `(4)` after them or none:
    a formula set as a picture on a line of its own (a Word equation object's preview, a PDF's
    formula taken from the page), or several joined by punctuation (`x = Ax + Bu, x = [φ ω]ᵀ (4)`,
    a formula closing its sentence with `,`; the number may stand between two of them, pushed to
    the line's end before the next picture), which the editions set as they set a typeset display
    formula (centred, the number at the right margin): the run's nodes without the number, and
    the number; None for any other run (text beside the pictures, a line break)."""
    nodes = list(run)
    while nodes and isinstance(nodes[-1], Text) and not nodes[-1].text.strip():
        nodes.pop()
    number = None
    if nodes and isinstance(nodes[-1], Text) and (m := _NUMBER_BESIDE.search(nodes[-1].text)) and m.end() == len(nodes[-1].text):
        number = m[1]
        rest = nodes[-1].text[: m.start()]
        nodes[-1:] = [Text(rest)] if rest.strip() else []
    else:  # the number typed between two pictures, pushed right by spaces: Word wraps the second below
        between = [k for k, n in enumerate(nodes) if 0 < k < len(nodes) - 1 and isinstance(n, Text) and _NUMBER_BESIDE.search(n.text)]
        if len(between) == 1:
            k = between[0]
            m = _NUMBER_BESIDE.search(nodes[k].text)
            number, nodes[k] = m[1], Text(nodes[k].text[: m.start()] + " " + nodes[k].text[m.end() :])
    pictures = [n for n in nodes if isinstance(n, Image)]
    if not pictures or not all(n.formula for n in pictures):
        return None
    if any(not isinstance(n, (Image, Text)) or isinstance(n, Text) and not _BETWEEN_PICTURES.fullmatch(n.text) for n in nodes):
        return None
    while nodes and isinstance(nodes[0], Text):  # the line's indent or tab before the first picture
        nodes.pop(0)
    return tuple(nodes), number


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


# The narrowest a table column is set in the PDF and LaTeX editions: a cell's padding on both
# sides (6 pt each in reportlab, \tabcolsep in LaTeX) and room for a digit.
NARROWEST_CELL_PT = 24.0


@dataclass(frozen=True)
class TableLayout:
    """How an edition sets one table: its type size in points and each column's share of its width."""

    size: float
    shares: list[float]


TABLE_SIZE_STEP = 0.5  # points: a table too wide for its words is set half a point smaller at a time


def table_layout(block: Table, columns: int, width: float, size: float, floor: float, least: float = 0.0) -> TableLayout:
    """The size and column shares a table is set in, `width` points wide: the venue's table
    size, or smaller (down to `floor`) until every column is as wide as its longest word, as a
    typesetter sets a wide table in \\small or \\footnotesize rather than letting words run into
    the next column. `least`: the narrowest a column may be, in points."""
    words = longest_words(block, columns)
    while size - TABLE_SIZE_STEP >= floor - 1e-9 and sum(words) * AVERAGE_CHAR_EM * size > width:
        size -= TABLE_SIZE_STEP
    chars = width / (AVERAGE_CHAR_EM * size)
    return TableLayout(size, column_shares(block, columns, least=least / width if width else 0.0, chars=chars))


def column_shares(block: Table, columns: int, least: float = 0.0, chars: float = 0.0) -> list[float]:
    """Each column's share of the table's width: the source's when it gives one per column
    (widened where a column is narrower than its longest word, the others giving it room), else
    one its text asks for (`content_shares`, given the table's width in `chars` characters of
    its type), else equal. `least`: the smallest share a column may have (a Word grid column a
    few points wide leaves an edition no room for a cell's padding); the wider columns give it
    in proportion."""
    if not columns:
        return []
    if len(block.widths) == columns and all(w > 0 for w in block.widths):
        total = sum(block.widths)
        shares = [w / total for w in block.widths]
        if chars > 0:
            shares = _widened(shares, [n / chars for n in longest_words(block, columns)])
    elif chars > 0:
        shares = content_shares(block, columns, chars)
    else:
        return [1 / columns] * columns
    return _widened(shares, [min(least, 1 / columns)] * columns)


def _widened(shares: list[float], least: list[float]) -> list[float]:
    """`shares` with each at least its `least`, the room taken from the columns that have more
    than theirs, in proportion to what they have over; when the least alone exceed the whole,
    each column gets its least's part of it."""
    lack = sum(max(0.0, n - s) for s, n in zip(shares, least))
    if lack <= 0:
        return shares
    over = sum(max(0.0, s - n) for s, n in zip(shares, least))
    if over <= lack:  # no room to take: in proportion to what each column needs
        total = sum(least)
        return [n / total for n in least]
    return [n if s <= n else s - (s - n) * lack / over for s, n in zip(shares, least)]


CELL_PADDING_CHARS = 2.5  # a cell's padding on both sides, in characters of its type, and a little room
AVERAGE_CHAR_EM = 0.5  # a Latin or Cyrillic letter of a text face is about half an em wide
WIDE_CHARS = 1.15  # a letter's width in average characters: bold headings are wider than the average
CAPITAL_CHARS = 1.6  # a capital's, or a wide small letter's (`m`, `ш`): Times' capitals average 0.72 em, `M` 0.89
_WIDE_SMALL = set("mwшщжмюыфъ%@&")


def word_chars(word: str) -> float:
    """A word's width in average characters of its type (AVERAGE_CHAR_EM each), erring wide."""
    return sum(CAPITAL_CHARS if ch.isupper() or ch in _WIDE_SMALL else WIDE_CHARS for ch in word)


def longest_words(block: Table, columns: int) -> list[float]:
    """Each column's narrowest width in characters of its type: its longest word (of the cells
    in that column alone) and the cell's padding."""
    least = [CELL_PADDING_CHARS + 1.0] * columns
    for _, c, cell in table_grid(block)[0]:
        if cell.colspan == 1:
            words = plain_text(cell.inlines).split()
            least[c] = max(least[c], CELL_PADDING_CHARS + max((word_chars(word) for word in words), default=0))
    return least


def content_shares(block: Table, columns: int, chars: float) -> list[float]:
    """Column shares from the cells' text, as a browser lays out a table the source gives no
    widths for: each column at least as wide as its longest word and at most as wide as its
    longest cell; room left over goes to the columns in proportion to what they lack (a column
    of years stays narrow, a column of prose takes the rest). Measured in characters: one
    count for every type, so each edition asks the same."""
    least = longest_words(block, columns)
    most = list(least)
    for _, c, cell in table_grid(block)[0]:
        if cell.colspan == 1:
            most[c] = max(most[c], CELL_PADDING_CHARS + WIDE_CHARS * len(" ".join(plain_text(cell.inlines).split())))
    if sum(most) <= chars:
        widths = most
    elif sum(least) < chars:
        room = (chars - sum(least)) / max(sum(m - n for m, n in zip(most, least)), 1e-9)
        widths = [n + (m - n) * room for m, n in zip(most, least)]
    else:  # the longest words alone are too wide: the narrow columns (years, numbers) keep theirs, the wide ones break
        narrow = [n <= chars / columns for n in least]
        rest = chars - sum(n for n, small in zip(least, narrow) if small)
        wide = sum(n for n, small in zip(least, narrow) if not small)
        widths = [n if small else n * rest / wide for n, small in zip(least, narrow)]
    total = sum(widths)
    return [w / total for w in widths]


def code_lines(text: str, columns: int) -> list[str]:
    """A code block's lines as an edition sets them: tabs to 4-column stops, a line longer than
    `columns` characters continued on the next (code is never hyphenated, nor overflows), as
    fvextra's `breaklines` does: at the last space that fits, else at the limit (a word longer
    than the line), each continuation set in two columns past its line's own indent."""
    columns = max(columns, 8)
    out: list[str] = []
    for line in text.expandtabs(4).split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        hang = " " * min(indent + 2, columns // 2)
        rest, room = line, columns
        while len(rest) > room:
            cut = rest.rfind(" ", 0, room + 1)
            if cut <= len(rest) - len(rest.lstrip(" ")) or cut < room // 2:  # no space past the indent, or too early: cut the word
                piece, rest = rest[:room], rest[room:]
            else:
                piece, rest = rest[:cut].rstrip(" "), rest[cut + 1 :].lstrip(" ")
            out.append(piece if room == columns else hang + piece)
            room = columns - len(hang)
        if room == columns or rest:  # (trailing spaces after a break leave no line)
            out.append(rest if room == columns else hang + rest)
    return out


def math_text(text: str) -> str:
    """A formula's text as one unit: its spaces do not break (no line break inside a formula)."""
    return " ".join(text.split()).replace(" ", "\u00a0")


# On a two-column page: a table whose columns would each get less than this in one text column,
# or a figure whose pictures at their own size are wider than this many text columns, is set
# across both columns.
NARROWEST_TABLE_COLUMN_PT = 2.0 * 72 / 2.54
WIDE_FIGURE_SHARE = 1.25


def spans_columns(block: Figure | Table, column_width_pt: float) -> bool:
    """Whether a figure or table is set across both columns of a two-column page (see above)."""
    if isinstance(block, Table):
        return table_width(block) * NARROWEST_TABLE_COLUMN_PT > column_width_pt
    from ..media.images import MediaError, display_size, prepare

    width = 0.0
    for image in block.images:
        try:
            width += display_size(image, prepare(image))[0]
        except MediaError:
            continue
    return width > column_width_pt * WIDE_FIGURE_SHARE


def table_width(block: Table) -> int:
    """The number of columns, counting spans (shorter rows are padded with empty cells)."""
    return table_grid(block)[1]
