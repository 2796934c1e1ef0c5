"""The document model: immutable nodes every reader produces and every writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """A formula kept as one unit (its text, e.g. from OMML or TeX): a bracket inside is never a citation."""

    text: str


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note referenced at this point of the text; its content is inline."""

    inlines: tuple["Inline", ...]


Inline = Text | Citation | Emph | Strong | Superscript | Subscript | Link | Math | Footnote
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


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[ListItem, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells, each cell a run of inlines; the first `header_rows` rows are headings."""

    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    span: Span
    header_rows: int = 0


Block = Paragraph | Heading | Quote | BulletList | Table


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

    def field(self, name: str) -> str | None:
        for key, value in self.fields:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Meta:
    udc: str | None = None
    irsti: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    position: str | None = None
    supervisor: str | None = None
    language: str = "en"
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    # Every abstract and keyword set the paper prints, by language (`kk`, `ru`, `en`), in order;
    # `abstract` and `keywords` above are those of the paper's own language (or the first).
    abstracts: tuple[tuple[str, str], ...] = ()
    keyword_sets: tuple[tuple[str, tuple[str, ...]], ...] = ()


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
    """The runs of inlines a block holds: one for a paragraph, one per list item or table cell."""
    if isinstance(block, BulletList):
        return [item.inlines for item in block.items]
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    if isinstance(block, (Paragraph, Heading, Quote)):
        return [block.inlines]
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


def map_inlines(fn, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with every inline node replaced by `fn(node)`, children first (bottom-up)."""
    from dataclasses import replace

    def run(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out = []
        for node in inlines:
            if isinstance(node, CONTAINERS):
                node = replace(node, inlines=run(node.inlines))
            out.append(fn(node))
        return tuple(out)

    def block(b: Block) -> Block:
        if isinstance(b, BulletList):
            return replace(b, items=tuple(replace(item, inlines=run(item.inlines)) for item in b.items))
        if isinstance(b, Table):
            return replace(b, rows=tuple(tuple(run(cell) for cell in row) for row in b.rows))
        if isinstance(b, (Paragraph, Heading, Quote)):
            return replace(b, inlines=run(b.inlines))
        raise TypeError(f"no rule for block {type(b).__name__}")

    return tuple(block(b) for b in blocks)


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """A run's text as written: citations keep their brackets, formulas their text."""
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Citation):
            out.append(node.raw)
        elif isinstance(node, Math):
            out.append(node.text)
        elif isinstance(node, CONTAINERS):
            out.append(plain_text(node.inlines))
        else:
            raise TypeError(f"no rule for inline {type(node).__name__}")
    return "".join(out)
