"""Raw HTML in a Markdown paper, read as what it shows.

CommonMark passes raw HTML through to HTML output; pandoc keeps it only there and drops it
from DOCX and LaTeX. A paper's HTML is what its author wanted on the page, so it is read, never
passed through as markup: a comment (`<!-- … -->`) is the author's note to themselves and shows
nothing; `<sub>`, `<sup>`, `<b>`, `<i>`, `<a href>` are the formatting they name; `<br>` breaks
the line; `<img>` is a picture, read as `![alt](src)` is (the same folder rules); a block of HTML
becomes the paragraphs, headings, lists, tables (spans kept) and figures it lays out. Script and
style show nothing; any other tag shows its text.

The text between tags is handed to the inline reader as the tokens markdown-it would give
(text, an entity as `text_special`, a tag as `html_inline`), so citations and cross-references in
it are found and placed like any other text's.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..crossrefs import without_caption_label
from ..model import BulletList, Cell, CodeBlock, Figure, Heading, Image, ListItem, Paragraph, Quote, Span, Table, Text, plain_text

# What shows nothing: comments, processing instructions, declarations, CDATA sections.
_HIDDEN = r"<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>"
_OPEN_OR_CLOSE = r"""</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
MARKUP = re.compile(rf"{_HIDDEN}|{_OPEN_OR_CLOSE}", re.DOTALL)
_TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>[^>]*?)/?>", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_LINE_END = re.compile(r"[ \t]*\n\s*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# HTML's elements (WHATWG, with the obsolete ones papers still use). `<T>` or `<Object ID>` in a
# sentence names no element: it is text, shown as written.
ELEMENTS = frozenset("""a abbr acronym address area article aside audio b base bdi bdo big blockquote body br button canvas
caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption
figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main
map mark math menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt
ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td
template textarea tfoot th thead time title tr track tt u ul var video wbr""".split())
# What a printed page cannot show: left out with their content, and reported (HTM001).
UNSHOWN = frozenset({"audio", "video", "iframe", "object", "embed", "canvas", "svg", "math", "form", "button", "input",
                     "select", "textarea", "dialog"})

# Inline formatting, by the wrapper name the inline reader knows it by.
WRAPPERS = {"em": "em", "i": "em", "cite": "em", "dfn": "em", "var": "em", "strong": "strong", "b": "strong",
            "sup": "sup", "sub": "sub", "a": "link"}
VOID = frozenset({"br", "img", "hr", "wbr", "col", "meta", "link", "input", "source", "area", "base", "embed", "param", "track"})
# Shown by nothing on a page, not even as a gap: skipped with their content.
SILENT = frozenset({"script", "style", "template", "noscript", "head", "title", *UNSHOWN})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Tags that end a paragraph of text where they open or close.
_BLOCK = frozenset({"p", "div", "center", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
                    "pre", "address", "details", "summary", "dl", "dt", "dd", "ul", "ol", "li", "table", "thead", "tbody",
                    "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "hr", "body", "html", *_HEADINGS})


@dataclass(frozen=True)
class Tag:
    """An HTML tag as written: its lower-case name, whether it closes, and its attributes (the
    values unescaped). `attrGet` is what the picture reader asks a picture token."""

    name: str
    closing: bool
    attrs: dict = field(default_factory=dict)
    empty: bool = False  # written `<x/>`: it holds nothing

    @property
    def silences(self) -> bool:
        """Whether what follows, up to this element's end tag, shows nothing."""
        return self.name in SILENT and not self.closing and not self.empty and self.name not in VOID

    def attrGet(self, key: str):  # noqa: N802 - markdown-it's name, so a Tag stands for an image token
        return self.attrs.get(key)


def parse_tag(raw: str) -> Tag | None:
    """The tag `raw` (one piece of markup) is; None for a comment, a declaration, or a name that
    is no HTML element (`is_text`)."""
    m = _TAG.fullmatch(raw.strip())
    if m is None or m.group("name").lower() not in ELEMENTS:
        return None
    attrs = {}
    for a in _ATTRIBUTE.finditer(m.group("attrs")):
        value = next((v for v in a.groups()[1:] if v is not None), "")
        attrs.setdefault(a.group(1).lower(), html.unescape(value))
    return Tag(m.group("name").lower(), bool(m.group("close")), attrs, raw.rstrip().endswith("/>"))


def is_text(raw: str) -> bool:
    """Whether markup as written is text after all: `<T>`, `<Object ID>` name no element."""
    m = _TAG.fullmatch(raw.strip())
    return m is not None and m.group("name").lower() not in ELEMENTS


class Piece:
    """A piece of an HTML block's text in the shape of the markdown-it token the inline reader
    reads: `text`, `text_special` (an entity: `markup` as written, `content` what it shows) or
    `html_inline` (a tag)."""

    children = None

    def __init__(self, type_: str, content: str, markup: str = ""):
        self.type, self.content, self.markup = type_, content, markup


def pieces_of(text: str) -> list[Piece]:
    """Text between tags as text and entity pieces; a line end, with the spaces around it, is
    one space (`softbreak`), as a browser shows it and as Markdown's own line ends are read."""
    out: list[Piece] = []
    for k, line in enumerate(_LINE_END.split(text)):
        if k:
            out.append(Piece("softbreak", "\n"))
        at = 0
        for m in _ENTITY.finditer(line):
            if m.start() > at:
                out.append(Piece("text", line[at : m.start()]))
            out.append(Piece("text_special", html.unescape(m.group()), m.group()))
            at = m.end()
        if at < len(line):
            out.append(Piece("text", line[at:]))
    return out


class HtmlBlock:
    """Reads one HTML block (markdown-it's `html_block` token) into model blocks.

    `inlines(pieces, start, end)` reads pieces standing in the block's content between `start`
    and `end` into inlines; `place(offset)` is the source (line, column) of a content offset;
    `picture(tag, alt, place)` makes an Image of an `<img>` (None: left out, reported);
    `unshown(element, place)` reports an element a page cannot show (HTM001).
    """

    def __init__(self, content: str, inlines, place, picture, unshown):
        self.content, self.read_inlines, self.place, self.picture, self.unshown = content, inlines, place, picture, unshown
        self.blocks: list = []
        self.pieces: list[Piece] = []
        self.start = 0  # where the pending pieces began
        self.heading = 0
        self.quote = 0  # depth of `<blockquote>`
        self.items: list[ListItem] | None = None
        self.rows: list[list[Cell]] | None = None
        self.heads: list[bool] = []  # per row: only `<th>` cells so far
        self.header_rows = 0
        self.cell: Tag | None = None
        self.table_start = 0
        self.figure: list[Image] | None = None
        self.figure_start = 0
        self.caption: tuple = ()
        self.in_caption = False

    def read(self) -> list:
        silent = None  # inside a script or style (shows nothing) or a `<pre>` (read whole): its end tag
        at = pre = 0
        for m in MARKUP.finditer(self.content):
            if silent is None and m.start() > at:
                self._add(pieces_of(self.content[at : m.start()]), at)
            at = m.end()
            tag = parse_tag(m.group())
            if tag is None:
                if silent is None and is_text(m.group()):
                    self._add([Piece("text", m.group())], m.start())
                continue
            if silent is not None:
                if tag.closing and tag.name == silent:
                    if silent == "pre":
                        self._code(pre, m.start(), m.end())
                    silent = None
            elif tag.name == "pre" and not tag.closing:
                self._flush(m.start())
                silent, pre = "pre", m.start()
            elif tag.name in SILENT and not tag.closing:
                self._flush(m.start())
                if tag.name in UNSHOWN:
                    self.unshown(tag.name, self.place(m.start()))
                silent = tag.name if tag.silences else None
            elif tag.name in _BLOCK:
                self._flush(m.start())
                self._block_tag(tag, m.start(), m.end())
            else:
                self._add([Piece("html_inline", m.group())], m.start())
        if silent is None and at < len(self.content):
            self._add(pieces_of(self.content[at:]), at)
        end = len(self.content)
        self._flush(end)
        self._close_list()
        self._close_table(end)
        self._close_figure(end)
        return self.blocks

    def _code(self, start: int, inner: int, end: int) -> None:
        """`<pre>…</pre>` from `start` (its text from the tag's end up to `inner`): a code block,
        lines and spaces as written, tags inside (`<code>`) left out, entities read."""
        opening = MARKUP.match(self.content, start)
        text = html.unescape(MARKUP.sub("", self.content[opening.end() if opening else start : inner]))
        text = text[1:] if text.startswith("\n") else text  # HTML drops the newline right after `<pre>`
        if text.strip():
            self.blocks.append(CodeBlock(text.rstrip("\n"), None, self._span(start, end)))

    def _add(self, pieces: list[Piece], at: int) -> None:
        if not self.pieces:
            self.start = at
        self.pieces.extend(pieces)

    # ---- block structure ------------------------------------------------------------------

    def _block_tag(self, tag: Tag, start: int, end: int) -> None:
        name, opening = tag.name, not tag.closing
        if name in _HEADINGS:
            self.heading = _HEADINGS[name] if opening else 0
        elif name == "blockquote":
            self.quote = max(self.quote + (1 if opening else -1), 0)
        elif name in ("ul", "ol"):
            if opening and self.items is None:
                self.items = []
            elif not opening:
                self._close_list()
        elif name == "table":
            self._close_table(start if opening else end)
            if opening:
                self.rows, self.heads, self.header_rows, self.table_start = [], [], 0, start
        elif self.rows is not None and name == "tr" and opening:
            self.rows.append([])
            self.heads.append(True)
        elif self.rows is not None and name == "thead" and not opening:
            self.header_rows = len(self.rows)
        elif self.rows is not None and name in ("td", "th"):
            self.cell = tag if opening else None
            if opening:
                if not self.rows:
                    self.rows.append([])
                    self.heads.append(True)
                self.heads[-1] = self.heads[-1] and name == "th"
                self.rows[-1].append(Cell((), _count(tag, "rowspan"), _count(tag, "colspan")))
        elif name == "figure":
            self._close_figure(start if opening else end)
            if opening:
                self.figure, self.figure_start = [], start
        elif name in ("figcaption", "caption"):
            self.in_caption = opening

    def _flush(self, end: int) -> None:
        """The pending pieces, standing in content[self.start:end], become what the open
        elements make of them."""
        pieces, self.pieces = self.pieces, []
        if not pieces:
            return
        inlines = self.read_inlines(pieces, self.start, end)
        images = tuple(i for i in inlines if isinstance(i, Image))
        if not images and not plain_text(inlines).strip():
            return
        span = self._span(self.start, end)
        if self.in_caption and (self.figure is not None or (self.rows is not None and self.cell is None)):
            self.caption = inlines
        elif self.cell is not None and self.rows:
            cell = self.rows[-1][-1]
            self.rows[-1][-1] = Cell(cell.inlines + ((Text(" "),) if cell.inlines else ()) + inlines, cell.rowspan, cell.colspan)
        elif self.heading:
            self.blocks.append(Heading(self.heading, inlines, span))
        elif self.items is not None:
            self.items.append(ListItem(inlines, span))
        elif self.figure is not None:
            self.figure.extend(images)
        elif images and not plain_text(tuple(i for i in inlines if not isinstance(i, Image))).strip():
            # pictures alone, as `![alt](src)` alone: a figure, one picture's alt its caption
            caption = (Text(images[0].alt),) if len(images) == 1 and images[0].alt else ()
            self.blocks.append(Figure(images, caption, span))
        else:
            self.blocks.append((Quote if self.quote else Paragraph)(inlines, span))

    def _close_list(self) -> None:
        if self.items:
            self.blocks.append(BulletList(tuple(self.items), _covering(self.items)))
        self.items = None

    def _close_table(self, end: int) -> None:
        rows = [(tuple(row), head) for row, head in zip(self.rows or (), self.heads) if row]
        if rows:
            leading = next((k for k, (_, head) in enumerate(rows) if not head), len(rows))
            header = self.header_rows or (leading if leading < len(rows) else 0)
            cells = tuple(row for row, _ in rows)
            caption, number = without_caption_label(self.caption)
            self.blocks.append(Table(cells, self._span(self.table_start, end), min(header, len(cells)), caption=caption, number=number))
            self.caption = ()
        self.rows, self.heads, self.cell = None, [], None

    def _close_figure(self, end: int) -> None:
        if self.figure:
            caption, number = without_caption_label(self.caption)
            self.blocks.append(Figure(tuple(self.figure), caption, self._span(self.figure_start, end), number))
            self.caption = ()
        self.figure = None

    def _span(self, start: int, end: int) -> Span:
        line, column = self.place(start)
        end_line, end_column = self.place(max(end - 1, start))
        return Span(line, column, end_line, end_column + 1)


def _count(tag: Tag, name: str) -> int:
    """A cell's `rowspan`/`colspan` (1 when absent or not a number; at most 1000, as browsers)."""
    value = str(tag.attrs.get(name, "")).strip()
    return min(int(value), 1000) if value.isdigit() and int(value) > 0 else 1


def _covering(items) -> Span:
    first, last = items[0].span, items[-1].span
    return Span(first.line, first.column, last.end_line, last.end_column)
