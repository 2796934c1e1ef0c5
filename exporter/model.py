"""The document model: immutable nodes every reader produces and every writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A place in the source file: 1-based lines and columns, columns in characters."""

    line: int
    column: int
    end_line: int
    end_column: int


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


@dataclass(frozen=True, slots=True)
class Citation:
    """A bracketed citation as written; `refs` holds each label it stands for."""

    raw: str
    refs: tuple[CiteRef, ...]
    span: Span

    @property
    def resolved(self) -> bool:
        return all(ref.entry is not None for ref in self.refs)


Inline = Text | Citation


@dataclass(frozen=True, slots=True)
class Paragraph:
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


Block = Paragraph | Quote | BulletList


@dataclass(frozen=True, slots=True)
class Entry:
    """A bibliography entry: from a .bib file (`fields`) or the paper's own list (`text`)."""

    key: str
    number: int
    span: Span
    entry_type: str = "misc"
    fields: tuple[tuple[str, str], ...] = ()  # raw BibTeX values (LaTeX), in file order
    text: str = ""  # the entry as printed in the paper's own list

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
