"""The document model: immutable nodes every reader produces and every writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .language import detect_language


@dataclass(frozen=True, slots=True)
class Span:
    """A place in the source: 1-based lines and columns, columns in characters.

    Text sources count lines of the file. A PDF adds `page` (lines then count on that page);
    a DOCX sets `paragraph` (as Word counts body paragraphs) and `line` equals it, the
    columns counting characters of that paragraph's text.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class CiteRef:
    """One label inside a citation bracket: `12` of `[12, б. 45]`, or `smith` of `[@smith]`."""

    label: str  # `12` for a number, `@smith` for a key
    locator: str | None = None
    entry: str | None = None  # key of the linked entry; None while unresolved
    valid: bool = True  # False for a reversed or absurd range, which no entry can satisfy
    # Offsets in the citation's `raw` of the text that shows this label (`12`, `@smith`),
    # so writers link exactly it; None for a label with no text of its own (the 4 of `3–5`).
    start: int | None = None
    end: int | None = None
    # Offsets in `raw` of the written item this label comes from: the number, the key, or
    # the whole range `3–5` (every label of a range shares them).
    item_start: int | None = None
    item_end: int | None = None
    metadata: tuple[tuple[str, str], ...] = ()  # CSL fields a citation field carried (DOCX Zotero/Mendeley)


@dataclass(frozen=True, slots=True)
class Citation:
    """A bracketed citation as written; `refs` holds each label it stands for."""

    raw: str
    refs: tuple[CiteRef, ...]
    span: Span
    # Set by the bibliography transform (exporter/transforms/bibliography.py), empty before it:
    # the citation as editions show it (its text, each label a `Link` to `#<entry anchor>`),
    # and for a citation with a label that found no entry, the note that says so.
    inlines: tuple["Inline", ...] = ()
    note: str | None = None

    @property
    def resolved(self) -> bool:
        return all(ref.entry is not None for ref in self.refs)


@dataclass(frozen=True, slots=True)
class Emph:
    inlines: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Strong:
    inlines: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Superscript:
    inlines: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Subscript:
    inlines: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    inlines: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class Math:
    """A formula kept as one unit: a bracket inside is never a citation.

    `tex` is what every writer renders from (LaTeX math, without `$` delimiters); `display`
    sets it on a line of its own (centred, `number` at the right margin when the source
    numbers it). A formula read from a DOCX keeps its original OMML (`<m:oMath>…`) so the
    DOCX edition can write it back unchanged.
    """

    tex: str
    display: bool = False
    number: str | None = None  # as printed: `4`, `2.1`
    label: str | None = None  # cross-reference target
    omml: str | None = field(default=None, repr=False)


# An Image holding a chart or a drawing made of shapes: a Word package whose one page is the
# chart or drawing (the DOCX reader's; the media stage has LibreOffice draw it), for what Word
# stored as data or shapes with no picture of it.
CHART_PACKAGE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class Image:
    """A picture as the source holds it: its bytes unchanged, so an edition can carry them as they are."""

    data: bytes = field(repr=False)
    media_type: str  # image/png, image/jpeg, image/gif, image/bmp, image/tiff, image/svg+xml, image/x-emf, image/x-wmf, CHART_PACKAGE
    width: float | None = None  # size the source shows it at, in points; None: the intrinsic size
    height: float | None = None
    alt: str = ""
    name: str = ""  # the name it had in the source (`media/image3.png`, `fig.png`), for messages and media files
    formula: bool = False  # the picture of a formula (an Equation 3.0 / MathType object's preview): mathematics, shown as a picture
    # The body type's size beside it in the source, in points, for a picture of text set in that
    # type (a formula taken from a PDF's page): an edition in other type scales it alike.
    type_size: float | None = None
    share: float | None = None  # the share of the text width it is shown at (Markdown `{width=50%}`), over `width`
    # How far below the text's baseline the picture's foot stands, in points at the source's size
    # (Word's run position: MathType lowers its formula's preview so the formula's baseline meets
    # the text's); negative: raised. A picture in the line stands on the baseline without it.
    lowered: float = 0.0


@dataclass(frozen=True, slots=True)
class CrossRef:
    """A reference in the text to a figure, table or equation: `рис. 3`, `Table 2`, `(4)`."""

    raw: str  # as written
    kind: str  # "figure", "table" or "equation"
    number: str
    span: Span
    target: str | None = None  # label of what it points at; None while it points at nothing
    # True for a caption's own label written in the text (`Рис. 3.` opening the caption line of
    # a PDF or a plain-text paper): it names the figure rather than referring to it, and is
    # where the figure's anchor goes when the model holds no Figure for it.
    defines: bool = False


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code as written (`` `state[764]` ``): set in a monospace face, never read for
    citations or cross-references; `span` is where its text stands in the source."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note referenced at this point of the text; its content is inline."""

    inlines: tuple["Inline", ...]


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A line the source ends inside its paragraph or table cell (Word's `w:br`, a cell's next
    paragraph): the text goes on at the start of the next line."""


Inline = Text | Citation | Emph | Strong | Superscript | Subscript | Link | Math | Footnote | Image | CrossRef | Code | LineBreak
# Inline nodes that wrap other inlines (`inlines` field); the walk descends into them.
CONTAINERS = (Emph, Strong, Superscript, Subscript, Link, Footnote)


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 for a section, 2 for a subsection, …
    inlines: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Quote:
    inlines: tuple[Inline, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ListItem:
    inlines: tuple[Inline, ...]
    span: Span
    label: str = ""  # the item's own mark as its numbering prints it (`1.`, `а)`); empty: the list's bullet
    # What the item holds under its own text, as pandoc's list item holds blocks: a nested list
    # (`1. Prepare:` with its bulleted or lettered items set in under it).
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[ListItem, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: a run of inlines spanning `rowspan` rows and `colspan` columns from its place."""

    inlines: tuple[Inline, ...]
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells; the first `header_rows` rows are headings.

    A row lists only the cells that start in it: a cell covered by a span from a row above
    (or by its left neighbour's `colspan`) is not repeated. `widths` gives the columns'
    shares of the table's width (summing to 1), empty when the source sets none.
    """

    rows: tuple[tuple[Cell, ...], ...]
    span: Span
    header_rows: int = 0
    widths: tuple[float, ...] = ()
    caption: tuple[Inline, ...] = ()
    number: str | None = None  # as printed: `2`, `2.1`
    label: str | None = None  # cross-reference target
    kind: str = "table"  # "figure" for a table the source captions as a figure (`Рис. 5 – …`)


@dataclass(frozen=True, slots=True)
class Figure:
    """One or more pictures (a row of sub-figures) with a caption."""

    images: tuple[Image, ...]
    caption: tuple[Inline, ...]
    span: Span
    number: str | None = None  # as printed: `3`, `2.1`
    label: str | None = None  # cross-reference target
    kind: str = "figure"  # "table" for a table the source gives as a picture (its caption reads `Таблица 2`)


@dataclass(frozen=True, slots=True)
class BibItem:
    """One item of a `Bibliography`: its label as the list prints it (`12.`; None for an
    unnumbered note), its text as inlines, and the link target citations point at."""

    label: str | None
    inlines: tuple[Inline, ...]
    span: Span
    anchor: str | None = None
    number: int | None = None  # the entry's number, for a LaTeX class that numbers its own list


@dataclass(frozen=True, slots=True)
class Bibliography:
    """A list the bibliography transform puts after the body, as pandoc's citeproc adds its
    `refs` div: the reference list (`kind` "references"), the same list in Latin letters
    ("romanised"), or the citations that found no entry ("unresolved"). `title` is its heading
    in the venue's words for the paper's language."""

    kind: str
    title: str
    items: tuple[BibItem, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A block of code (a fenced or indented block, a DOCX paragraph in a monospace face):
    its lines and spaces kept as written, no inline content (nothing in it is a citation)."""

    text: str  # lines joined by "\n", no final newline
    language: str | None
    span: Span


Block = Paragraph | Heading | Quote | BulletList | Table | Figure | CodeBlock | Bibliography


@dataclass(frozen=True, slots=True)
class Entry:
    """A bibliography entry: from a .bib file (`fields`) or the paper's own list (`text`)."""

    key: str
    number: int
    span: Span
    entry_type: str = "misc"
    fields: tuple[tuple[str, str], ...] = ()  # BibTeX-named fields, in order (raw LaTeX when origin is "bibtex")
    text: str = ""  # the entry as printed in the paper's own list
    origin: str = "list"  # where it came from: "list" (the paper's own), "bibtex", "csl-json", "ris", "field" (a DOCX citation field)
    form: str | None = None  # the style an own-list entry is written in: gost, apa, ieee, vancouver, unknown
    field_spans: tuple[tuple[str, Span], ...] = ()  # where each parsed field stands in the source
    # The reference tagger's confidence (0..1) in each field it read, and in the absence of the
    # fields a check asks for that it did not find; empty for entries not read by the tagger.
    field_confidence: tuple[tuple[str, float], ...] = ()
    # The source's web links over the entry's words (a PDF's link annotations): (the words as
    # the entry's text prints them, the address); the editions' list links them where it prints them.
    links: tuple[tuple[str, str], ...] = ()

    def field(self, name: str) -> str | None:
        for key, value in self.fields:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class TitleTranslation:
    """The title block printed again in another language (a Russian paper's English title and
    author lines, at the top or after its reference list), as the paper gives it: a part it
    does not print is empty, never filled in. Its abstract and keywords are the `Meta`'s
    `abstracts` and `keyword_sets` under the same language."""

    language: str  # told from the block's own text (exporter/language.py), never from its place
    title: tuple[Inline, ...] = ()
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()

    @property
    def title_text(self) -> str | None:
        return _text_or_none(self.title)


@dataclass(frozen=True, slots=True)
class Meta:
    """The front matter. The title and the abstracts are runs of inlines, like a paragraph's:
    a citation in an abstract is a `Citation` (found, linked and checked as in the body), a
    note on the title (a grant acknowledgement) a `Footnote`. `title_text` and `abstract_text`
    give them as plain text."""

    udc: str | None = None
    irsti: str | None = None
    title: tuple[Inline, ...] = ()
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    position: str | None = None
    supervisor: str | None = None
    language: str = "en"
    keywords: tuple[str, ...] = ()
    # Every abstract and keyword set the paper prints, by language (`kk`, `ru`, `en`), in order;
    # `abstract` and `keywords` are those of the paper's own language (or the first).
    abstracts: tuple[tuple[str, tuple[Inline, ...]], ...] = ()
    keyword_sets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    emails: tuple[str, ...] = ()  # the authors' e-mail addresses the front matter gives
    # The title block in each other language the paper prints it in, one per language, in the
    # order printed (pandoc keeps `title` and adds translated metadata beside it the same way).
    translations: tuple[TitleTranslation, ...] = ()

    @property
    def abstract(self) -> tuple[Inline, ...]:
        """The abstract in the paper's language, else the first printed; () when there is none."""
        return next((run for lang, run in self.abstracts if lang == self.language), self.abstracts[0][1] if self.abstracts else ())

    @property
    def title_text(self) -> str | None:
        return _text_or_none(self.title)

    @property
    def abstract_text(self) -> str | None:
        return _text_or_none(self.abstract)

    @property
    def title_language(self) -> str:
        """The language of the title's own text; the paper's when there is no title."""
        text = self.title_text
        return detect_language(text) if text else self.language

    @property
    def titles(self) -> tuple[tuple[str, tuple[Inline, ...]], ...]:
        """Every title the paper prints, by language: the title, then its translations'."""
        own = ((self.title_language, self.title),) if self.title else ()
        return own + tuple((t.language, t.title) for t in self.translations if t.title)

    def runs(self) -> list[tuple[Inline, ...]]:
        """The runs of inlines the front matter holds, in reading order: the title, the
        translated titles, then each abstract."""
        return [self.title, *(t.title for t in self.translations), *(run for _, run in self.abstracts)]


def _text_or_none(run: tuple[Inline, ...]) -> str | None:
    """The run's words as plain text, a note on it left out (it is no part of the title)."""
    return " ".join(plain_text(tuple(node for node in run if not isinstance(node, Footnote))).split()) or None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    meta: Meta
    blocks: tuple[Block, ...]
    references: tuple[Entry, ...] = ()
    references_span: Span | None = None  # the heading of the paper's own list, if any
    end_line: int = 1  # last line of the source, for findings about the whole file
    encoding: str = "utf-8"
    notes: tuple = field(default=())  # diagnostics raised while reading
    bibliography: str | None = None  # a bibliography file the source names (Markdown front matter), relative to it


# ---- one walk over the model -------------------------------------------------------------


def inline_runs(block: Block) -> list[tuple[Inline, ...]]:
    """The runs of inlines a block holds: one for a paragraph, one per list item (then its
    nested blocks' runs) or table cell (then the table's caption), one for a figure's caption."""
    if isinstance(block, BulletList):
        return [run for item in block.items for run in (item.inlines, *(r for b in item.blocks for r in inline_runs(b)))]
    if isinstance(block, Table):
        return [cell.inlines for row in block.rows for cell in row] + [block.caption]
    if isinstance(block, Figure):
        return [block.caption]
    if isinstance(block, (Paragraph, Heading, Quote)):
        return [block.inlines]
    if isinstance(block, Bibliography):
        return [item.inlines for item in block.items]
    if isinstance(block, CodeBlock):
        return []
    raise TypeError(f"no rule for block {type(block).__name__}")


def iter_inlines(inlines: tuple[Inline, ...]):
    """Every inline node of a run, depth first, a container before what it holds."""
    for node in inlines:
        yield node
        if isinstance(node, CONTAINERS):
            yield from iter_inlines(node.inlines)


def walk(blocks: tuple[Block, ...]):
    """Every inline node of every block, in reading order."""
    for block in blocks:
        for run in inline_runs(block):
            yield from iter_inlines(run)


def walk_document(doc: "Document"):
    """Every inline node of a document in reading order: the front matter's (title, abstracts), then the blocks'."""
    for run in doc.meta.runs():
        yield from iter_inlines(run)
    yield from walk(doc.blocks)


def map_run(fn, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A run with every inline node replaced by `fn(node)`, children first (bottom-up); `fn`
    may give a tuple of nodes, which take the node's place in order."""
    from dataclasses import replace

    out = []
    for node in inlines:
        if isinstance(node, CONTAINERS):
            children = map_run(fn, node.inlines)
            if len(children) != len(node.inlines) or any(a is not b for a, b in zip(children, node.inlines)):
                node = replace(node, inlines=children)  # a container whose children all came back as they were stays itself
        new = fn(node)
        if isinstance(new, tuple):
            out.extend(new)
        else:
            out.append(new)
    return tuple(out)


def map_inlines(fn, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with every inline node replaced by `fn(node)`, children first (bottom-up)."""
    return map_runs(lambda inlines: map_run(fn, inlines), blocks)


def map_runs(fn, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each run of inlines (`inline_runs`' runs) replaced by `fn(run)`."""
    from dataclasses import replace

    def block(b: Block) -> Block:
        if isinstance(b, BulletList):
            return replace(b, items=tuple(replace(item, inlines=fn(item.inlines), blocks=tuple(block(c) for c in item.blocks)) for item in b.items))
        if isinstance(b, Table):
            rows = tuple(tuple(replace(cell, inlines=fn(cell.inlines)) for cell in row) for row in b.rows)
            return replace(b, rows=rows, caption=fn(b.caption))
        if isinstance(b, Figure):
            return replace(b, caption=fn(b.caption))
        if isinstance(b, (Paragraph, Heading, Quote)):
            return replace(b, inlines=fn(b.inlines))
        if isinstance(b, Bibliography):
            return replace(b, items=tuple(replace(item, inlines=fn(item.inlines)) for item in b.items))
        if isinstance(b, CodeBlock):
            return b
        raise TypeError(f"no rule for block {type(b).__name__}")

    return tuple(block(b) for b in blocks)


def map_meta_inlines(fn, meta: Meta) -> Meta:
    """The front matter with every inline node of its title and abstracts replaced by `fn(node)`,
    in reading order (as `map_inlines` does for blocks)."""
    from dataclasses import replace

    title = map_run(fn, meta.title)
    return replace(meta, title=title, abstracts=tuple((lang, map_run(fn, run)) for lang, run in meta.abstracts))


def cut_inlines(inlines: tuple[Inline, ...], start: int, end: int | None = None) -> tuple[Inline, ...]:
    """The part of a run between plain-text offsets `start` and `end` (as `plain_text` counts):
    Text is cut, emphasis and links are cut inside (kept around what remains of them); any
    other node is kept whole when it starts inside the part, and left out otherwise (a label
    cut off the front of an abstract: `Abstract. Text [5]…`)."""
    from dataclasses import replace

    out: list[Inline] = []
    offset = 0
    for node in inlines:
        length = len(plain_text((node,)))
        lo, hi = max(start - offset, 0), length if end is None else min(end - offset, length)
        if isinstance(node, Text):
            if lo < hi:
                out.append(Text(node.text[lo:hi]))
        elif isinstance(node, CONTAINERS) and not isinstance(node, Footnote):
            inner = cut_inlines(node.inlines, lo, hi) if lo < hi else ()
            if inner:
                out.append(replace(node, inlines=inner))
        elif lo == 0 and hi > 0 and offset >= start:
            out.append(node)
        offset += length
    return tuple(out)


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """A run's text as written: citations, cross-references and code as written, formulas as
    TeX, pictures as nothing, a line break as `\\n`."""
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Citation, CrossRef)):
            out.append(node.raw)
        elif isinstance(node, Code):
            out.append(node.text)
        elif isinstance(node, Math):
            out.append(node.tex)
        elif isinstance(node, Image):
            pass
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, CONTAINERS):
            out.append(plain_text(node.inlines))
        else:
            raise TypeError(f"no rule for inline {type(node).__name__}")
    return "".join(out)
