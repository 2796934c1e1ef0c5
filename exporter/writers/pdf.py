"""The PDF edition: reportlab platypus over the shared `Walker`.

reportlab has no font fallback, so every piece of text goes through `FontSet.runs` and each
run the main face lacks is wrapped in `<font name=...>` naming the fallback that has it.
All fonts are TrueType, registered once per process and embedded as subsets. The output is
byte-for-byte reproducible: `invariant=1` and every date taken from `Edition.date`.

reportlab parses a whole TrueType file in Python when a font is registered (~0.2 s for the
5 MB CJK fallback, on every run). What it keeps of the parse (metrics, cmap, glyph offsets)
is stored in the user's font cache (`fonts.cache_dir`) and read back in milliseconds; the
font file's bytes are still read from the file itself, for subsetting.
"""

from __future__ import annotations

import io
import marshal
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

import reportlab
from reportlab import rl_config

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate, Spacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from .. import speedups
from ..fonts import Face, cache_read, cache_write
from ..model import BulletList, Citation, Emph, Footnote, Heading, Link, Math, Paragraph, Quote, Strong, Subscript, Superscript, Table
from ..venue import Run, language
from . import Edition, Walker, citation_pieces, math_text, styled_runs, table_width

# The venue's alignment names (venue.ALIGNMENTS) as reportlab's constants.
ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
LINE_HEIGHT = 1.15  # Times-metric "single" spacing, as a word processor sets it
BULLET = "\u2013"  # en dash: the list mark of Kazakh and Russian typesetting
FLAG_BACK = "#FFE08A"  # unresolved citation: highlighted, red, with a superscript "?"
FLAG_TEXT = "#C00000"
LINK_COLOUR = "#1F4E79"  # external links: the DOCX edition's Hyperlink colour

# Font registration is global to reportlab: do it once per process. A face is keyed by its
# file and sub-font, and gets a distinct reportlab name if another file already took its name.
_REGISTERED: dict[tuple[str, int], str] = {}
_FAMILIES: set[tuple[str, ...]] = set()


def _register(face: Face) -> str:
    key = (str(Path(face.path).resolve()), face.index)
    name = _REGISTERED.get(key)
    if name is None:
        taken = set(_REGISTERED.values())
        name = face.name
        n = 1
        while name in taken:
            n += 1
            name = f"{face.name}_{n}"
        pdfmetrics.registerFont(_tt_font(name, face))
        _REGISTERED[key] = name
    return name


# -- reportlab's parse of a font file, cached between runs ----------------------------------------
_FACE_CACHE = ("rlface-3", reportlab.Version)  # what the entry holds, and whose parse it is
_PLAIN = (int, float, str, bytes, bool, type(None))
_TTFONT_ATTRS = {"fontName", "face", "encoding", "state", "_asciiReadable", "_shapable"}


def _tt_font(name: str, face: Face) -> TTFont:
    """`TTFont(name, path, subfontIndex=index)`, from the cached parse when there is one."""
    path = str(face.path)
    if not speedups.enabled("rlfont"):
        return TTFont(name, path, subfontIndex=face.index)
    state = cache_read("rlface", path, face.index, *_FACE_CACHE)
    if isinstance(state, dict):
        try:
            return _font_from_state(name, state)
        except Exception:  # a damaged entry: parse the file as reportlab does
            pass
    font = TTFont(name, path, subfontIndex=face.index)
    state = _face_state(font)
    if state is not None:
        cache_write("rlface", path, face.index, state, *_FACE_CACHE)
    return font


def _plain(value) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return type(value) in _PLAIN


def _face_state(font: TTFont) -> dict | None:
    """What the parse left on the face, as builtins marshal can store; None if anything there is
    not understood (another reportlab): then nothing is cached and every run parses."""
    if set(vars(font)) != _TTFONT_ATTRS or type(font.face) is not TTFontFace:
        return None
    plain, names = {}, {}
    for attr, value in vars(font.face).items():
        if attr in ("_ttf_data", "_pdfScale"):  # the file's bytes, and a lambda of unitsPerEm
            continue
        if type(value) is TTFNameBytes:
            names[attr] = value.ustr
        elif _plain(value):
            plain[attr] = value
        else:
            return None
    state = {"plain": plain, "names": names}
    try:
        if marshal.loads(marshal.dumps(state)) != state:
            return None
    except ValueError:
        return None
    return state


def _font_from_state(name: str, state: dict) -> TTFont:
    """The TTFont reportlab's own constructor would give, without parsing the file again."""
    face = TTFontFace.__new__(TTFontFace)
    attrs = face.__dict__
    attrs.update(state["plain"])
    for attr, text in state["names"].items():
        attrs[attr] = TTFNameBytes(text.encode("utf-8"), "utf-8")
    with open(attrs["filename"], "rb") as handle:
        face._ttf_data = handle.read()
    units = face.unitsPerEm  # as TTFontFile.extractInfo sets it
    if units == 1000:
        face._pdfScale = lambda x: x
    else:
        factor = 1000 / units
        face._pdfScale = lambda x: x * factor
    font = TTFont.__new__(TTFont)  # the rest of TTFont.__init__ (reportlab 5.1)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def _register_family(regular: str, bold: str, italic: str, bold_italic: str) -> None:
    key = (regular, bold, italic, bold_italic)
    if key not in _FAMILIES:
        pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic)
        _FAMILIES.add(key)


class PdfFonts:
    """A venue's faces as reportlab names (registered once per process), and text turned into
    font-tagged markup."""

    def __init__(self, template):
        self.fontset = template.fonts
        faces = template.main_faces
        names = {style: _register(face) for style, face in faces.items()}
        self.regular, self.bold = names["regular"], names["bold"]
        _register_family(names["regular"], names["bold"], names["italic"], names["bold_italic"])
        self.main = self.fontset.main
        self.names: dict[Face, str] = {self.main: names["regular"]}
        for face in self.fontset.fallbacks:
            name = _register(face)
            # No bold or italic cut of a fallback: <b>/<i> around it keep its one face.
            _register_family(name, name, name, name)
            self.names[face] = name

    def markup(self, text: str) -> str:
        """Escaped Paragraph markup for `text`, runs the main face lacks in `<font name>`."""
        out = []
        for face, chunk in self.fontset.runs(text):
            if face is self.main:
                out.append(escape(chunk))
            else:
                out.append(f'<font name="{self.names[face]}">{escape(chunk)}</font>')
        return "".join(out)

    def width(self, text: str, size: float) -> float:
        """Width of `text` in the regular style, each run in the face that draws it."""
        return sum(pdfmetrics.stringWidth(chunk, self.names[face], size) for face, chunk in self.fontset.runs(text))

    def runs_markup(self, runs: list[Run]) -> str:
        return styled_runs(runs, self.markup, ("<i>", "</i>"), ("<b>", "</b>"))


def link_fix_applies() -> bool:
    """Whether `_LinkCanvas`'s hook is still called: reportlab 5.1.0, whose `_putFragLine` asks
    the text object for `_linkRecord`. Elsewhere the hook is not set and links keep reportlab's
    own rectangles (tests/test_pdf.py fails then, so an upgrade re-reads the bug)."""
    from reportlab.platypus import paragraph

    code = getattr(getattr(paragraph, "_putFragLine", None), "__code__", None)
    return reportlab.Version == "5.1.0" and code is not None and "_linkRecord" in code.co_consts


LINK_FIX = link_fix_applies()


class _LinkCanvas(Canvas):
    """Works around a reportlab (5.1) bug: in a justified line a link's rectangle starts where
    the line would put it without the stretched spaces, i.e. too far left, often on the words
    before the label (`_putFragLine` records `cur_x`, not `cur_x_s`). The end is right, and a
    label has no spaces, so when a link ends its start is set to end minus the label's width.
    `label_widths` maps an href to a function of font size; ambiguous hrefs are left alone.

    Upstream: seen in reportlab 5.1.0 (`reportlab/platypus/paragraph.py`, `_putFragLine`);
    no report of it was found in reportlab's tracker (the reportlab-users list and
    hg.reportlab.com), so it is still to be reported there with this description. The
    workaround is not one of the switchable speed-ups: it fixes output, it does not save time.
    """

    label_widths: dict = {}

    def beginText(self, *args, **kwargs):
        tx = super().beginText(*args, **kwargs)
        if LINK_FIX:
            tx._linkRecord = lambda link, what: self._fix_link(tx, link, what)
        return tx

    def _fix_link(self, tx, link, what) -> None:
        if what != "end":
            return
        xs = getattr(tx, "XtraState", None)
        record = xs.links.get(link) if xs is not None else None
        width = self.label_widths.get(link[1]) if isinstance(link, tuple) and len(link) == 2 else None
        if width is None or not (isinstance(record, tuple) and len(record) == 2):
            return
        ((key, _x1), lo, hi), x2 = record
        xs.links[link] = ((key, x2 - width(xs.style.fontSize)), lo, hi), x2


class _Doc(SimpleDocTemplate):
    """Adds outline entries for flowables tagged `_outline = (key, title, level)` as they are placed."""

    def afterFlowable(self, flowable):
        outline = getattr(flowable, "_outline", None)
        if outline:
            key, title, level = outline  # the paragraph drew `<a name="key"/>`: the outline points there
            self.canv.addOutlineEntry(title, key, level=level)


class _PdfWalker(Walker):
    """Blocks to platypus flowables; inlines to Paragraph markup collected in `self.buf`."""

    def __init__(self, edition: Edition, fonts: PdfFonts):
        self.edition, self.fonts = edition, fonts
        self.story: list = []
        self.buf: list[str] = []
        self.flagged = 0
        self.labels: dict[str, set[str]] = {}  # href -> the label texts that link there
        body = edition.venue.body
        self.size = body.size_pt
        self.leading = self.size * LINE_HEIGHT * body.line_spacing
        self.indent = body.first_line_indent_cm * cm
        after = body.space_after_pt
        align = ALIGN[body.align]
        base = dict(fontName=fonts.regular, fontSize=self.size, leading=self.leading, spaceAfter=after, splitLongWords=1, hyphenationLang="")
        self.body = ParagraphStyle("body", alignment=align, firstLineIndent=self.indent, **base)
        self.quote_style = ParagraphStyle("quote", alignment=align, leftIndent=self.indent, rightIndent=self.indent, spaceBefore=self.leading / 2, **{**base, "spaceAfter": max(after, self.leading / 2)})
        self.item = ParagraphStyle("item", alignment=align, leftIndent=self.indent + 0.5 * cm, bulletIndent=self.indent, bulletFontName=fonts.regular, bulletFontSize=self.size, **base)
        self.heading_style = ParagraphStyle("heading", fontName=fonts.bold, fontSize=self.size, leading=self.leading, alignment=TA_CENTER, spaceBefore=self.size, spaceAfter=self.size / 2, keepWithNext=1)
        bib_size = edition.venue.bibliography.size_pt or self.size
        self.entry = ParagraphStyle("entry", alignment=align, fontName=fonts.regular, fontSize=bib_size, leading=bib_size * LINE_HEIGHT * body.line_spacing, firstLineIndent=self.indent, splitLongWords=1, hyphenationLang="")
        # The notes end in a long `path:line:col`: justified, the line before it would gape.
        self.note = ParagraphStyle("note", parent=self.entry, alignment=TA_LEFT)
        self.footnote_style = ParagraphStyle("footnote", parent=self.entry, alignment=TA_LEFT, firstLineIndent=0)
        self.cell = ParagraphStyle("cell", fontName=fonts.regular, fontSize=self.size, leading=self.size * LINE_HEIGHT, alignment=TA_LEFT, splitLongWords=1, hyphenationLang="")
        # Headings: level 1 the size of the body + 2 pt, level 2 + 1 pt, deeper the body's.
        self.headings = {
            level: ParagraphStyle(f"h{level}", parent=self.heading_style, fontSize=self.size + max(0, 3 - level), leading=(self.size + max(0, 3 - level)) * LINE_HEIGHT, alignment=TA_LEFT)
            for level in range(1, 7)
        }
        self.notes: list[str] = []  # footnotes' markup, numbered in order; printed after the body
        self.outline_level = 0  # the last heading's outline level (levels may not jump down by more than one)
        self.headings_seen = 0

    # -- blocks --------------------------------------------------------------------------
    def _collect(self, inlines) -> str:
        outer, self.buf = self.buf, []
        self.inlines(inlines)
        text, self.buf = "".join(self.buf), outer
        return text

    def heading(self, block: Heading) -> None:
        from ..model import plain_text

        self.headings_seen += 1
        key = f"sec_{self.headings_seen}"
        # The title is level 0 of the outline; a heading of level n goes under it as n - 1,
        # but never more than one level below the entry before it (reportlab refuses a jump).
        level = min(max(block.level, 1) - 1, self.outline_level + 1)
        self.outline_level = level
        para = RLParagraph(f'<a name="{key}"/>{self._collect(block.inlines)}', self.headings[min(max(block.level, 1), 6)])
        para._outline = (key, " ".join(plain_text(block.inlines).split()), level)
        self.story.append(para)

    def table(self, block: Table) -> None:
        width = table_width(block)
        if not width:
            return
        data = []
        for n, row in enumerate(block.rows):
            cells = [self._collect(cell.inlines) for cell in row] + [""] * (width - len(row))
            if n < block.header_rows:
                cells = [f"<b>{c}</b>" if c else c for c in cells]
            data.append([RLParagraph(c, self.cell) for c in cells])
        frame = self.edition_width
        table = RLTable(data, colWidths=[frame / width] * width, repeatRows=min(block.header_rows, len(data)), hAlign="LEFT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        self.story.append(table)
        self.story.append(Spacer(1, self.leading / 2))

    def paragraph(self, block: Paragraph) -> None:
        self.story.append(RLParagraph(self._collect(block.inlines), self.body))

    def quote(self, block: Quote) -> None:
        self.story.append(RLParagraph(self._collect(block.inlines), self.quote_style))

    def bullet_list(self, block: BulletList) -> None:
        for item in block.items:
            self.story.append(RLParagraph(self._collect(item.inlines), self.item, bulletText=BULLET))

    # -- inlines -------------------------------------------------------------------------
    def text(self, text: str) -> None:
        self.buf.append(self.fonts.markup(text))

    def emph(self, node: Emph) -> None:
        self.buf.append(f"<i>{self._collect(node.inlines)}</i>")

    def strong(self, node: Strong) -> None:
        self.buf.append(f"<b>{self._collect(node.inlines)}</b>")

    def superscript(self, node: Superscript) -> None:
        self.buf.append(f"<super>{self._collect(node.inlines)}</super>")

    def subscript(self, node: Subscript) -> None:
        self.buf.append(f"<sub>{self._collect(node.inlines)}</sub>")

    def link(self, node: Link) -> None:
        href = escape(node.url, {'"': "&quot;"})
        self.buf.append(f'<a href="{href}" color="{LINK_COLOUR}">{self._collect(node.inlines)}</a>')

    def math(self, node: Math) -> None:
        # One unit: no-break spaces; glyphs the main font lacks come from the fallback (math) font.
        self.buf.append(self.fonts.markup(math_text(node.tex)))

    def footnote(self, node: Footnote) -> None:
        """A raised number linked to the note, which is printed with the others after the body."""
        self.notes.append(self._collect(node.inlines))
        n = len(self.notes)
        self.buf.append(f'<a name="fnref_{n}"/><super><a href="#fn_{n}">{n}</a></super>')

    def citation(self, cite: Citation) -> None:
        parts = []
        for piece in citation_pieces(cite):
            markup = self.fonts.markup(piece.text)
            if piece.target:
                self.labels.setdefault(f"#{piece.target}", set()).add(piece.text)
                markup = f'<a href="#{piece.target}">{markup}</a>'
            parts.append(markup)
        markup = "".join(parts)
        if not cite.resolved:
            self.flagged += 1
            markup = f'<span backColor="{FLAG_BACK}" textColor="{FLAG_TEXT}">{markup}</span><super><font color="{FLAG_TEXT}">?</font></super>'
        self.buf.append(markup)


def _heading(walker: _PdfWalker, key: str, title: str) -> RLParagraph:
    para = RLParagraph(f'<a name="{key}"/>{walker.fonts.markup(title)}', walker.heading_style)
    para._outline = (key, title, 0)
    return para


def _story(edition: Edition, fonts: PdfFonts, width: float) -> tuple[list, _PdfWalker]:
    template = edition.template
    walker = _PdfWalker(edition, fonts)
    walker.edition_width = width
    story = walker.story
    meta = edition.document.meta
    title = meta.title_text or Path(edition.document.path).stem

    # Title block: one paragraph per line, the outline's first entry on the first of them.
    for n, line in enumerate(edition.title_lines):
        style = ParagraphStyle(
            f"title{n}", fontName=fonts.regular, fontSize=line.size_pt, leading=line.size_pt * LINE_HEIGHT,
            alignment=ALIGN[line.align], spaceBefore=line.space_before_pt, keepWithNext=1,
        )
        markup = walker._collect(line.inlines)  # citations link, a note on the title is numbered like the body's
        if line.italic:
            markup = f"<i>{markup}</i>"
        if line.bold:
            markup = f"<b>{markup}</b>"
        if n == 0:
            markup = f'<a name="sec_title"/>{markup}'
        para = RLParagraph(markup, style)
        if n == 0:
            para._outline = ("sec_title", title, 0)
        story.append(para)
    if edition.title_lines:
        story.append(Spacer(1, edition.venue.title_block.space_after_pt))
    else:  # no title block: still give the outline its first entry
        story.append(_heading(walker, "sec_title", title))

    walker.walk(edition.document.blocks)

    if walker.notes:  # footnotes as endnotes: numbered, each linking back to its mark
        story.append(_heading(walker, "sec_notes", edition.labels.notes))
        for n, markup in enumerate(walker.notes, start=1):
            story.append(RLParagraph(f'<a name="fn_{n}"/><a href="#fnref_{n}">{n}.</a> {markup}', walker.footnote_style))

    if edition.entries:
        story.append(_heading(walker, "sec_references", edition.labels.references))
        for entry, runs, anchor in edition.entries:
            story.append(RLParagraph(f'<a name="{anchor}"/>{entry.number}. {fonts.runs_markup(runs)}', walker.entry))

    if edition.list_unresolved:
        story.append(_heading(walker, "sec_unresolved", edition.labels.unresolved))
        for n, item in enumerate(edition.unresolved, start=1):
            story.append(RLParagraph(f"{n}. {fonts.markup(edition.unresolved_note(item))}", walker.note))
    return story, walker


def render(edition: Edition) -> bytes:
    template = edition.template
    fonts = PdfFonts(edition.template)
    page = edition.venue.page
    margins = page.margins_cm
    meta = edition.document.meta
    title = meta.title_text or Path(edition.document.path).stem
    stamp = edition.date.strftime("D:%Y%m%d%H%M%S+00'00'")
    numbers = page.page_numbers
    size = edition.venue.body.size_pt

    def on_page(canvas, doc):
        if doc.page == 1:
            canvas.setDateFormatter(lambda *_: stamp)
            canvas.showOutline()
        if numbers:
            canvas.saveState()
            canvas.setFont(fonts.regular, size)
            canvas.drawCentredString(doc.pagesize[0] / 2, doc.bottomMargin / 2, str(doc.page))
            canvas.restoreState()

    out = io.BytesIO()
    doc = _Doc(
        out,
        pagesize=(page.size_cm[0] * cm, page.size_cm[1] * cm),
        leftMargin=margins.left * cm,
        rightMargin=margins.right * cm,
        topMargin=margins.top * cm,
        bottomMargin=margins.bottom * cm,
        title=title,
        author=", ".join(meta.authors),
        subject=meta.abstract_text or title,
        keywords=list(meta.keywords),
        creator="exporter",
        producer="exporter (ReportLab)",
        lang=language(edition.language).tag,
        invariant=1,
        displayDocTitle=1,
        initialFontName=fonts.regular,
        initialFontSize=size,
    )
    story, walker = _story(edition, fonts, doc.width)
    widths = {
        href: (lambda size, text=next(iter(texts)): fonts.width(text, size))
        for href, texts in walker.labels.items()
        if len(texts) == 1 and " " not in next(iter(texts))
    }

    def canvasmaker(*args, **kwargs):
        canvas = _LinkCanvas(*args, **kwargs)
        canvas.label_widths = widths
        return canvas

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvasmaker)
    return out.getvalue()
