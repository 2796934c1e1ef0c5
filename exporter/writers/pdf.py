"""The PDF edition: reportlab platypus over the shared `Walker`.

reportlab has no font fallback, so every piece of text goes through `FontSet.runs` and each
run the main face lacks is wrapped in `<font name=...>` naming the fallback that has it.
All fonts are TrueType, registered once per process and embedded as subsets without their
hinting (`media.pdfsize`). The output is
byte-for-byte reproducible: `invariant=1` and every date taken from `Edition.date`.

reportlab parses a whole TrueType file in Python when a font is registered (~0.2 s for the
5 MB CJK fallback, on every run). What it keeps of the parse (metrics, cmap, glyph offsets)
is stored in the user's font cache (`usercache.cache_dir`) and read back in milliseconds; the
font file's bytes are still read from the file itself, for subsetting.
"""

from __future__ import annotations

import io
import marshal
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary
from html import escape as html_escape  # not xml.sax.saxutils: it imports urllib.request, http.client and ssl (~15 ms)

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
from reportlab.platypus import Flowable, FrameBreak, Spacer, XPreformatted
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from .. import speedups
from ..fonts import Face, cache_read, cache_write
from ..media.formulas import FormulaError, typeset, typeset_ahead
from ..media.images import MediaError, display_size, fit, lowered_by, prepare
from ..media.mathfont import math_font
from ..media.pdfsize import packed, unhint_subsets
from ..model import (
    Bibliography, BulletList, Citation, Code, CodeBlock, CrossRef, Emph, Figure, Footnote, Heading, Image, LineBreak, Link, Math, Paragraph, Quote, Strong,
    Subscript, Superscript, Table, Text, plain_text, walk_document,
)
from ..typography.pdf import Typesetter
from ..venue import language
from . import LIST_MARK, LIST_MARK_ROOM_CM, NARROWEST_CELL_PT, Display, Edition, list_room_cm, margin_label, Walker, code_lines, display_picture, label_anchor, math_text, spans_columns, split_display_math, table_grid, table_layout
from .pdf_media import Anchor, DisplayFormula, FormulaPicture, InlineDrawings, picture_flowable
from .pdf_pages import FLOAT_AREA, CaptionedTable, FlushFloats, PagedDoc, WholeFigure, WideFloat, title_height

# reportlab wraps every stream in ASCII85 by default (a 7-bit-clean PDF, 25 % larger): pictures
# and forms are written as binary, so a JPEG is stored as its own bytes (rl_config.useA85 is a
# documented setting, read when a stream is written).
rl_config.useA85 = 0

# The venue's alignment names (venue.ALIGNMENTS) as reportlab's constants.
ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
LINE_HEIGHT = 1.15  # Times-metric "single" spacing, as a word processor sets it
FLAG_BACK = "#FFE08A"  # unresolved citation: highlighted, red, with a superscript "?"
FLAG_TEXT = "#C00000"
LINK_COLOUR = "#1F4E79"  # external links: the DOCX edition's Hyperlink colour
CODE_BACK = "#F2F2F2"  # a code block's ground: light grey, as pandoc's highlighted blocks
CODE_PADDING = 4  # points between a code block's text and the edge of its ground
CELL_SIDE_PADDING = 6  # points between a table cell's text and its rules (reportlab's default padding)
SPLIT_ROW_LINES = 2  # a row taller than a page is cut, each piece at least this many lines tall
CODE_SCALE = 0.9  # code blocks a little smaller than the body, as LaTeX's \small verbatim

# Superscripts and subscripts as TeX and Word set them: at 70 % of the size, raised a third of
# the size or lowered a seventh. reportlab's own (the size less 2 pt, moved half the size) drops
# a subscript below the line, into a table's rule.
SUPER = '<super rise="35%" size="70%">'
SUB = '<sub rise="15%" size="70%">'


# Font registration is global to reportlab: do it once per process. A face is keyed by its
# file and sub-font, and gets a distinct reportlab name if another file already took its name.
_REGISTERED: dict[tuple[str, int], str] = {}  # face -> its name (given, maybe not yet loaded)
_LOADED: set[str] = set()  # the names registered with reportlab
_FAMILIES: set[tuple[str, ...]] = set()


def _register(face: Face) -> str:
    """`face` registered with reportlab (once per process), under the name `_name_for` gives it."""
    name = _name_for(face)
    if name not in _LOADED:
        pdfmetrics.registerFont(_tt_font(name, face))
        # reportlab maps a second font of an already registered face to the first one's object
        # (another caller in this process may have registered the file): change the one it keeps.
        # A subset carries outlines and metrics, not hinting (media.pdfsize).
        unhint_subsets(pdfmetrics.getFont(name))
        _LOADED.add(name)
    return name


def _name_for(face: Face) -> str:
    """The reportlab name of `face`: its own, numbered when another file took it first. Given
    in the order faces are met (so a paper's names never depend on which faces it draws), while
    loading a face can wait until text needs it (`PdfFonts.name`)."""
    key = (str(Path(face.path).resolve()), face.index)
    name = _REGISTERED.get(key)
    if name is None:
        taken = set(_REGISTERED.values())
        name = face.name
        n = 1
        while name in taken:
            n += 1
            name = f"{face.name}_{n}"
        _REGISTERED[key] = name
    return name


# -- reportlab's parse of a font file, cached between runs ----------------------------------------
_FACE_CACHE = ("rlface-3", reportlab.Version)  # what the entry holds, and whose parse it is
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
        else:
            plain[attr] = value
    state = {"plain": plain, "names": names}
    # marshal writes only builtins of exactly their type (anything else is a ValueError), and the
    # round trip must give the state back: the check of every value, done in C (a recursive check
    # in Python walked 750 000 values of the glyph tables: a tenth of a cold PDF build)
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


_MATH_FONTS: set[str] = set()  # math fonts registered in this process (reportlab keeps them all)


def _math_font(outlines: dict[str, tuple]) -> tuple[str, dict[str, str], dict[str, float]] | None:
    """The edition's formula outlines as a registered font: (its name, outline key -> character,
    outline key -> the scale to draw that character at);
    None when there are no formulas, or the font cannot be made (each outline is then a form)."""
    if not outlines:
        return None
    try:
        font = math_font(tuple(sorted(outlines.items())))
        if font.name not in _MATH_FONTS:
            pdfmetrics.registerFont(TTFont(font.name, io.BytesIO(font.data)))
            unhint_subsets(pdfmetrics.getFont(font.name))  # its subsets without `name`, `OS/2`, `post`
            _MATH_FONTS.add(font.name)
    except Exception:  # fontTools or reportlab refused the outlines: the forms draw them
        return None
    return font.name, font.chars, font.scales


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
        # A fallback is loaded when text first needs it (`name`): the CJK face's tables take
        # ~40 ms to read, FreeSerif's ~25 ms, and most papers need one of them or none.
        for face in self.fontset.fallbacks:
            name = _name_for(face)
            # No bold or italic cut of a fallback: <b>/<i> around it keep its one face.
            _register_family(name, name, name, name)
            self.names[face] = name
        # Code: the monospace family (its own bold and italic under <b>/<i>), the same fallbacks.
        mono = {style: _register(face) for style, face in template.mono_faces.items()}
        _register_family(mono["regular"], mono["bold"], mono["italic"], mono["bold_italic"])
        self.mono, self.monoset = mono["regular"], template.mono_fonts
        self.names[self.monoset.main] = self.mono

    def name(self, face: Face) -> str:
        """The reportlab name of one of the venue's faces, registered by now."""
        name = self.names[face]
        return name if name in _LOADED else _register(face)

    def mono_markup(self, text: str) -> str:
        """Escaped Paragraph markup for code: every run in `<font name>`, the monospace face's
        or the fallback's that has the characters it lacks."""
        return "".join(f'<font name="{self.name(face)}">{html_escape(chunk, quote=False)}</font>' for face, chunk in self.monoset.runs(text))

    def markup(self, text: str) -> str:
        """Escaped Paragraph markup for `text`, runs the main face lacks in `<font name>`."""
        out = []
        for face, chunk in self.fontset.runs(text):
            if face is self.main:
                out.append(html_escape(chunk, quote=False))
            else:
                out.append(f'<font name="{self.name(face)}">{html_escape(chunk, quote=False)}</font>')
        return "".join(out)

    def width(self, text: str, size: float) -> float:
        """Width of `text` in the regular style, each run in the face that draws it."""
        return sum(pdfmetrics.stringWidth(chunk, self.name(face), size) for face, chunk in self.fontset.runs(text))


def link_fix_applies() -> bool:
    """Whether `LinkCanvas`'s hook is still called as it expects: reportlab 5.1.0, whose
    `_putFragLine` asks the text object for `_linkRecord` and `_wordSpace` and writes each
    fragment with its `_textOut`. Elsewhere the hook is not set and links keep reportlab's own
    rectangles (tests/test_pdf.py fails then, so an upgrade re-reads the bug)."""
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import paragraph

    code = getattr(getattr(paragraph, "_putFragLine", None), "__code__", None)
    return (reportlab.Version == "5.1.0" and code is not None and {"_linkRecord", "_wordSpace"} <= set(code.co_consts)
            and "_textOut" in code.co_names and callable(getattr(PDFTextObject, "_textOut", None)))


LINK_FIX = link_fix_applies()


class _LineSpaces:
    """What reportlab's `_putFragLine` counts and keeps to itself: the spaces its line showed
    before the fragment just written, and whether that fragment ended the line (`T*`)."""

    __slots__ = ("before", "seen", "ended")

    def __init__(self):
        self.before = self.seen = 0
        self.ended = False

    def wrote(self, text, ends_line) -> None:
        if self.ended:
            self.seen, self.ended = 0, False
        self.before = self.seen
        # what `_putFragLine` counts: spaces and no-break spaces (bytes are UTF-8)
        self.seen += text.count(" ") + text.count("\xa0") if isinstance(text, str) else text.count(b" ") + text.count(b"\xc2\xa0")
        self.ended = bool(ends_line)


class LinkCanvas(Canvas):
    """Works around a reportlab (5.1) bug: in a justified line a link's rectangle starts where
    the line would put it without the stretched spaces, i.e. too far left, often on the words
    before the link (`_putFragLine` records `cur_x`, not `cur_x_s`), and a link that ends the
    line stops one stretched space short of its last glyph (`cur_x + (nSpaces - 1) * ws`). The
    text object's `_textOut` is watched to count the spaces the line wrote before the link
    (`_LineSpaces`), and the rectangle moved by that many stretched spaces; a link ending the
    line gets its space back. A citation's label, whose width is known (`label_widths`: an href
    to a function of font size; ambiguous hrefs are left alone), then starts at its end minus
    its width, as before this fix covered every link.

    Upstream: seen in reportlab 5.1.0 (`reportlab/platypus/paragraph.py`, `_putFragLine`);
    no report of it was found in reportlab's tracker (the reportlab-users list and
    hg.reportlab.com), so it is still to be reported there with this description. The
    workaround is not one of the switchable speed-ups: it fixes output, it does not save time.
    """

    label_widths: dict = {}
    inline: InlineDrawings | None = None  # the edition's inline formulas and pictures
    note_pages: dict | None = None  # footnote number -> the page its mark landed on (this layout pass)

    def bookmarkHorizontal(self, key, relativeX, relativeY, **kw):
        """A paragraph's `<a name>`: a footnote's mark records its page (the note goes to its foot)."""
        if self.note_pages is not None and key.startswith("fnref_"):
            self.note_pages.setdefault(int(key[6:]), self.getPageNumber())
        return super().bookmarkHorizontal(key, relativeX, relativeY, **kw)

    def drawImage(self, image, x, y, width=None, height=None, *args, **kwargs):
        """A paragraph's inline `<img>`: a formula or picture of ours is drawn in its box."""
        if self.inline is not None and width is not None and self.inline.draw(self, image, x, y, width, height):
            return (width, height)
        return super().drawImage(image, x, y, width, height, *args, **kwargs)

    def beginText(self, *args, **kwargs):
        tx = super().beginText(*args, **kwargs)
        if LINK_FIX:
            spaces, write = _LineSpaces(), tx._textOut

            def text_out(text, TStar=0):
                spaces.wrote(text, TStar)
                return write(text, TStar)

            tx._textOut = text_out
            tx._linkRecord = lambda link, what: self._fix_link(tx, link, what, spaces)
        return tx

    def _fix_link(self, tx, link, what, spaces: _LineSpaces) -> None:
        xs = getattr(tx, "XtraState", None)
        record = xs.links.get(link) if xs is not None else None
        stretch = getattr(tx, "_wordSpace", 0) or 0
        if what == "start":
            if isinstance(record, tuple) and len(record) == 3 and stretch:
                (key, x1), lo, hi = record
                xs.links[link] = (key, x1 + spaces.before * stretch), lo, hi
            return
        if not (isinstance(record, tuple) and len(record) == 2):
            return
        ((key, x1), lo, hi), x2 = record
        if spaces.ended:  # the link ends the line: after its last glyph, not a stretched space short
            x2 += stretch
        width = self.label_widths.get(link[1]) if isinstance(link, tuple) and len(link) == 2 else None
        if width is not None:
            x1 = x2 - width(xs.style.fontSize)
        xs.links[link] = ((key, x1), lo, hi), x2


def table_rules(placed, rows: int, merged_rows: bool = True) -> list:
    """A table's rules and merged cells as reportlab commands. A cell spanning rows is merged
    (`SPAN`), unless `merged_rows` is off: then it is drawn as merged (no rule crosses it, its
    text in its first row) but each of its rows is a row of its own, as a page may end between
    them. reportlab breaks a table only between rows no merged cell crosses, so a merged cell
    taller than what was left of a page stopped the edition (LayoutError)."""
    rule = (0.5, colors.black)
    if merged_rows:
        spans = [("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)) for r, c, cell in placed if cell.rowspan > 1 or cell.colspan > 1]
        return [("GRID", (0, 0), (-1, -1), *rule), *spans]
    commands = [("BOX", (0, 0), (-1, -1), *rule), ("LINEBEFORE", (1, 0), (-1, -1), *rule)]  # SPANs keep rules out of merged cells
    inside = set()  # (row, column) places whose rule above runs inside a merged cell
    for r, c, cell in placed:
        inside.update((r + dr, c + dc) for dr in range(1, cell.rowspan) for dc in range(cell.colspan))
        if cell.colspan > 1:
            commands.extend(("SPAN", (c, r + dr), (c + cell.colspan - 1, r + dr)) for dr in range(cell.rowspan))
    columns = max((c + cell.colspan for _, c, cell in placed), default=0)
    for r in range(1, rows):
        start = None
        for c in range(columns + 1):
            ruled = c < columns and (r, c) not in inside
            if ruled and start is None:
                start = c
            elif not ruled and start is not None:
                commands.append(("LINEABOVE", (start, r), (c - 1, r), *rule))
                start = None
    return commands


class _PdfWalker(Walker):
    """Blocks to platypus flowables; inlines to Paragraph markup collected in `self.buf`."""

    def __init__(self, edition: Edition, fonts: PdfFonts):
        self.edition, self.fonts = edition, fonts
        # Body text: hyphenated, lines chosen by total fit (exporter/typography); headings and title lines are not.
        typesetter = Typesetter(edition.language)
        typesetter.verbatim_fonts = frozenset({fonts.mono})  # code is never hyphenated
        self.typeset = typesetter.paragraph
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
        base = dict(fontName=fonts.regular, fontSize=self.size, leading=self.leading, spaceAfter=after, splitLongWords=1, hyphenationLang="", allowWidows=0)
        self.body = ParagraphStyle("body", alignment=align, firstLineIndent=self.indent, **base)
        self.quote_style = ParagraphStyle("quote", alignment=align, leftIndent=self.indent, rightIndent=self.indent, spaceBefore=self.leading / 2, **{**base, "spaceAfter": max(after, self.leading / 2)})
        self.item = ParagraphStyle("item", alignment=align, leftIndent=self.indent + LIST_MARK_ROOM_CM * cm, bulletIndent=self.indent, bulletFontName=fonts.regular, bulletFontSize=self.size, **base)
        self.heading_style = ParagraphStyle("heading", fontName=fonts.bold, fontSize=self.size, leading=self.leading, alignment=TA_CENTER, spaceBefore=self.size, spaceAfter=self.size / 2, keepWithNext=1)
        bib_size = edition.venue.bibliography.size_pt or self.size
        self.entry = ParagraphStyle("entry", alignment=align, fontName=fonts.regular, fontSize=bib_size, leading=bib_size * LINE_HEIGHT * body.line_spacing, firstLineIndent=self.indent, splitLongWords=1, hyphenationLang="", allowWidows=0)
        # The notes end in a long `path:line:col`: justified, the line before it would gape.
        self.note = ParagraphStyle("note", parent=self.entry, alignment=TA_LEFT)
        self.footnote_style = ParagraphStyle("footnote", parent=self.entry, alignment=TA_LEFT, firstLineIndent=0)
        self.cell = ParagraphStyle("cell", fontName=fonts.regular, fontSize=self.size, leading=self.size * LINE_HEIGHT, alignment=TA_LEFT, splitLongWords=1, hyphenationLang="")
        # Headings: level 1 the size of the body + 2 pt, level 2 + 1 pt, deeper the body's.
        self.headings = {
            level: ParagraphStyle(f"h{level}", parent=self.heading_style, fontSize=self.size + max(0, 3 - level), leading=(self.size + max(0, 3 - level)) * LINE_HEIGHT, alignment=TA_LEFT)
            for level in range(1, 7)
        }
        if edition.venue.headings:  # the venue's own: size, alignment, weight, slant, capitals
            self.headings = {level: self._venue_heading(level) for level in range(1, 7)}
        self.body_continued = ParagraphStyle("body_continued", parent=self.body, firstLineIndent=0)
        self.caption_style = ParagraphStyle("caption", parent=self.body, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0, keepWithNext=0)
        self.display_picture_style = ParagraphStyle("display_picture", parent=self.caption_style, spaceBefore=self.size / 2, spaceAfter=self.size / 2)
        self.equation_number_style = ParagraphStyle("equation_number", parent=self.display_picture_style, alignment=TA_RIGHT)
        self.placeholder_style = ParagraphStyle("placeholder", parent=self.cell, borderWidth=0.5, borderColor=colors.black, borderPadding=6, textColor=FLAG_TEXT)
        # Code blocks: the monospace face, left-aligned, on a light ground, set off like a figure.
        self.code_style = ParagraphStyle(
            "code", fontName=fonts.mono, fontSize=self.size * CODE_SCALE, leading=self.size * CODE_SCALE * LINE_HEIGHT, alignment=TA_LEFT,
            leftIndent=CODE_PADDING, rightIndent=CODE_PADDING, backColor=CODE_BACK, borderPadding=CODE_PADDING,
            spaceBefore=self.leading / 2 + CODE_PADDING, spaceAfter=self.leading / 2 + CODE_PADDING, hyphenationLang="", splitLongWords=0,
        )
        # a quarter line between a caption and its table: the rule under the caption never touches its descenders
        self.table_caption_style = ParagraphStyle("table_caption", parent=self.body, alignment=TA_CENTER, firstLineIndent=0, spaceBefore=self.leading / 2, spaceAfter=self.leading / 4)
        self.display_fallback = ParagraphStyle("display_fallback", parent=self.body, alignment=TA_CENTER, firstLineIndent=0)
        self.inline = InlineDrawings()
        self.outlines: dict[str, tuple] = {}  # every typeset formula's outlines, by key: the math font's glyphs
        self.pictures = self.formulas = 0
        self.notes: list[str] = []  # footnotes' markup, numbered in order; printed after the body
        # Set by `_story`: widths inside a column's frame and across the page, frame heights.
        self.columns = 1
        self.edition_width = self.page_width = self.frame_height = self.page_height = 0.0
        self.outline_level = 0  # the last heading's outline level (levels may not jump down by more than one)
        self.headings_seen = 0

    def _venue_heading(self, level: int) -> ParagraphStyle:
        spec = self.edition.venue.heading(level)
        size = spec.size_pt or self.size
        return ParagraphStyle(
            f"h{level}", fontName=self.fonts.regular, fontSize=size, leading=size * LINE_HEIGHT, alignment=ALIGN[spec.align],
            spaceBefore=self.size if spec.space_before_pt is None else spec.space_before_pt,
            spaceAfter=self.size / 2 if spec.space_after_pt is None else spec.space_after_pt,
            keepWithNext=1, textTransform="uppercase" if spec.upper else None,
        )

    def _heading_markup(self, level: int, markup: str) -> str:
        """A heading's markup in the venue's weight and slant (the default styles are bold faces)."""
        spec = self.edition.venue.heading(level)
        if spec is None:
            return markup
        markup = f"<i>{markup}</i>" if spec.italic else markup
        return f"<b>{markup}</b>" if spec.bold else markup

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
        para = RLParagraph(f'<a name="{key}"/>{self._heading_markup(block.level, self._collect(block.inlines))}', self.headings[min(max(block.level, 1), 6)])
        para._outline = (key, " ".join(plain_text(block.inlines).split()), level)
        self.story.append(para)

    def table(self, block: Table) -> None:
        """A ruled table: spans as SPAN commands, the source's column shares, its caption above it
        (kept with the table's first rows), header rows bold and repeated on each page; set in
        the venue's table size, smaller when its words need it (`table_layout`)."""
        placed, columns, rows = table_grid(block)
        if not columns:
            return
        # FONTNAME: the places a span covers hold "", which reportlab would set in Helvetica
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        markups = []
        for r, c, cell in placed:
            markup = self._collect(cell.inlines)
            markups.append(f"<b>{markup}</b>" if r < block.header_rows and markup else markup)
        tables = self.edition.venue.tables

        def ruled(width: float, merged_rows: bool = True) -> RLTable:
            layout = table_layout(block, columns, width, tables.size(self.size), tables.floor(self.size), least=NARROWEST_CELL_PT)
            # the cell's sides padded by its paragraph's indents, not the table's padding: reportlab
            # 5.1 measures a row split at the width less the padding but splits the cell's text at
            # the whole width, where it fits, and fails (IndexError) on a row taller than a page
            style = ParagraphStyle(f"cell {layout.size}", parent=self.cell, fontSize=layout.size, leading=layout.size * LINE_HEIGHT, leftIndent=CELL_SIDE_PADDING, rightIndent=CELL_SIDE_PADDING)
            data = [[""] * columns for _ in range(rows)]
            for (r, c, _), markup in zip(placed, markups):
                data[r][c] = self.typeset(markup, style)
            table = RLTable(data, colWidths=[width * share for share in layout.shares], repeatRows=min(block.header_rows, rows), hAlign="LEFT", splitInRow=SPLIT_ROW_LINES * style.leading)
            table.setStyle(TableStyle(commands + table_rules(placed, rows, merged_rows)))
            # a table that must break, with merged rows: they are drawn, so that it may break anywhere
            if merged_rows and any(cell.rowspan > 1 for _, _, cell in placed) and table.wrap(width, self.frame_height)[1] > self.frame_height:
                return ruled(width, merged_rows=False)
            return table

        caption = self._caption(block, self.table_caption_style)
        head = [caption] if caption is not None else [Anchor(label_anchor(block.label))] if block.label else []
        if self.columns > 1 and spans_columns(block, self.edition_width):
            table = ruled(self.page_width)
            table.hAlign = "CENTER"
            wide = WideFloat([*head, table])
            if wide.height_at(self.page_width, self.page_height) <= self.page_height * FLOAT_AREA:  # else it breaks across columns
                self.story.append(wide)
                return
        table = ruled(self.edition_width)
        if caption is not None:  # kept with the table's first rows, the table free to break
            self.story.append(CaptionedTable(caption, table, min(block.header_rows, rows), self.frame_height))
        else:  # half a line above it, as below it and around figures: its rule never touches the text
            table.spaceBefore = self.leading / 2
            self.story.extend(head)
            self.story.append(table)
        self.story.append(Spacer(1, self.leading / 2))

    def _caption(self, block, style: ParagraphStyle | None = None) -> RLParagraph | None:
        """A figure's or table's caption, its label's anchor at its start."""
        caption = self.edition.caption(block)
        if caption is None:
            return None
        markup = self.fonts.markup(caption.word + (caption.number or "") + caption.separator) + self._collect(caption.rest)
        if block.label:
            markup = f'<a name="{label_anchor(block.label)}"/>' + markup
        return RLParagraph(markup, style or self.caption_style)

    def figure(self, block: Figure) -> None:
        """The pictures side by side (fitted to their share of the text width, never enlarged,
        no taller than the page's frame allows), kept on one page with the caption below. On a
        two-column page a figure wider than a column is set across both, at the next page's top."""
        wide = self.columns > 1 and spans_columns(block, self.edition_width)
        width = self.page_width if wide else self.edition_width
        max_height = self.page_height * FLOAT_AREA * 0.6 if wide else self.frame_height * 0.8
        parts = []
        count = max(1, len(block.images))
        gap = 6 if count > 1 else 0
        for image in block.images:
            parts.append(self._picture(image, (width - gap * (count - 1)) / count, max_height))
        if len(parts) > 1:
            row = RLTable([parts], colWidths=[width / count] * count, hAlign="CENTER")
            row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular)]))
            parts = [row]
        for part in parts:
            part.hAlign = "CENTER"
        caption = self._caption(block)
        # a figure with no caption is still a link target: its anchor travels with it (also to a page top)
        anchor = [Anchor(label_anchor(block.label))] if caption is None and block.label else []
        content = [*anchor, *parts] + ([Spacer(1, self.leading / 3), caption] if caption is not None else [])
        if wide:
            self.story.append(WideFloat(content))
            return
        self.story.append(WholeFigure([Spacer(1, self.leading / 2), *content], self.frame_height))
        self.story.append(Spacer(1, self.leading / 2))

    def _picture(self, image: Image, max_width: float, max_height: float):
        try:
            picture = prepare(image)
        except MediaError as exc:  # reported as MED001 by the build; shown, never dropped
            return RLParagraph(self.fonts.markup(f"[{exc}]"), self.placeholder_style)
        width, height = fit(display_size(image, picture, max_width), max_width, max_height)
        self.pictures += 1
        return picture_flowable(picture, width, height, f"pic_{self.pictures}")

    def paragraph(self, block: Paragraph) -> None:
        first = True
        for part in split_display_math(block.inlines):
            if isinstance(part, Display):
                self.story.append(self._display(part.math, part.closing))
            elif (shown := display_picture(part)) is not None:
                self.story.append(self._display_picture(*shown))
            else:
                self.story.append(self.typeset(self._collect(part), self.body if first else self.body_continued))
            first = False

    def _display(self, node: Math, closing: str = ""):
        """A display formula (with the punctuation closing its sentence): centred, its number at
        the right margin; the TeX as text if it cannot be typeset."""
        try:
            formula = typeset(node.tex + closing, display=True)
        except FormulaError:
            anchor = f'<a name="{label_anchor(node.label)}"/>' if node.label else ""
            number = f" ({node.number})" if node.number else ""
            return RLParagraph(anchor + self.fonts.markup(math_text(node.tex) + closing + number), self.display_fallback)
        self.outlines.update((glyph.key, glyph.ops) for glyph in formula.glyphs)
        width, height, depth = formula.scaled(self.size)
        width, height = fit((width, height), self.edition_width * 0.85, self.frame_height * 0.8)
        depth *= width / max(formula.scaled(self.size)[0], 1e-6)
        self.formulas += 1
        anchor = label_anchor(node.label) if node.label else None
        return DisplayFormula(formula, node.tex, width, height, depth, node.number, self.fonts.regular, self.size, anchor)

    def _display_picture(self, nodes: tuple, number: str | None):
        """Formula pictures on a line of their own, set as `_display` sets a formula: centred in
        the text width, the number at the right margin (a row of three cells: the pictures' cell
        is the middle one, as wide as the text less two margins' room for the number)."""
        shown = self.typeset(self._collect(nodes), self.display_picture_style)
        if not number:
            return shown
        room = self.size * 4
        label = self.typeset(self.fonts.markup(f"({number})"), self.equation_number_style)
        row = RLTable([["", shown, label]], colWidths=[room, self.edition_width - 2 * room, room], hAlign="CENTER")
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return row

    def code_block(self, block: CodeBlock) -> None:
        """The code's lines as written (tabs to 4-column stops), in the monospace face; a line
        wider than the frame continues on the next line, never hyphenated or justified."""
        width = self.edition_width - 2 * CODE_PADDING
        lines = code_lines(block.text, int(width // pdfmetrics.stringWidth("M", self.fonts.mono, self.code_style.fontSize)))
        self.story.append(XPreformatted("\n".join(self.fonts.mono_markup(line) for line in lines), self.code_style))

    def quote(self, block: Quote) -> None:
        self.story.append(self.typeset(self._collect(block.inlines), self.quote_style))

    def bibliography(self, block: Bibliography) -> None:
        """A list closing the edition: a centred heading (an outline entry), then its items,
        each with its label (a note unlabelled is numbered) and its link target."""
        self.story.append(_heading(self, f"sec_{block.kind}", block.title))
        style = self.note if block.kind == "unresolved" else self.entry
        for n, item in enumerate(block.items, start=1):
            target = f'<a name="{item.anchor}"/>' if item.anchor else ""
            self.story.append(self.typeset(f"{target}{self.fonts.markup(item.label or f'{n}.')} {self._collect(item.inlines)}", style))

    def bullet_list(self, block: BulletList, inset: float | None = None) -> None:
        """The items, a mark in the room before each; a nested list (an item's `blocks`) has
        its marks at its parent item's text (`inset`, points)."""
        style = self.item
        left = self.indent if inset is None else inset
        room = list_room_cm(block, self.size) * cm
        if inset is not None:
            style = ParagraphStyle("nested", parent=self.item, leftIndent=left + room, bulletIndent=left)
        elif any(item.label for item in block.items):
            style = ParagraphStyle("numbered", parent=self.item, leftIndent=self.indent + room)
        for item in block.items:
            text = self._collect(item.inlines)
            if item.label and not margin_label(item):  # too long for the room: before the text
                text = f"{self.fonts.markup(item.label)} {text}"
            self.story.append(self.typeset(text, style, bulletText=self.fonts.markup(margin_label(item)) if item.label else LIST_MARK))
            for child in item.blocks:
                if isinstance(child, BulletList):
                    self.bullet_list(child, left + room)
                else:
                    self.block(child)

    # -- inlines -------------------------------------------------------------------------
    def text(self, text: str) -> None:
        self.buf.append(self.fonts.markup(text))

    def code(self, node: Code) -> None:
        self.buf.append(self.fonts.mono_markup(node.text))

    def emph(self, node: Emph) -> None:
        self.buf.append(f"<i>{self._collect(node.inlines)}</i>")

    def strong(self, node: Strong) -> None:
        self.buf.append(f"<b>{self._collect(node.inlines)}</b>")

    def superscript(self, node: Superscript) -> None:
        self.buf.append(f"{SUPER}{self._collect(node.inlines)}</super>")

    def subscript(self, node: Subscript) -> None:
        self.buf.append(f"{SUB}{self._collect(node.inlines)}</sub>")

    def link(self, node: Link) -> None:
        href = html_escape(node.url, quote=False).replace('"', "&quot;")
        if node.url.startswith("#"):  # a place in this edition (a citation's entry): not coloured, as cross-references
            self.labels.setdefault(node.url, set()).add(plain_text(node.inlines))
            self.buf.append(f'<a href="{href}">{self._collect(node.inlines)}</a>')
            return
        self.buf.append(f'<a href="{href}" color="{LINK_COLOUR}">{self._collect(node.inlines)}</a>')

    def math(self, node: Math) -> None:
        """A formula in the line: typeset, on the baseline; as its TeX text if it cannot be typeset."""
        try:
            formula = typeset(node.tex)
        except FormulaError:
            if node.label:
                self.buf.append(f'<a name="{label_anchor(node.label)}"/>')
            self.buf.append(self.fonts.markup(math_text(node.tex)))
            return
        self.outlines.update((glyph.key, glyph.ops) for glyph in formula.glyphs)
        width, height, depth = formula.scaled(self.size)
        if node.label:
            self.buf.append(f'<a name="{label_anchor(node.label)}"/>')
        self.buf.append(self.inline.markup(form_key(node.tex, False), (formula, node.tex), width, height, depth))

    def image(self, node: Image) -> None:
        """A picture in the line (a MathType formula's preview, an icon): at its size, on the
        baseline or as far below it as the source set it."""
        try:
            picture = prepare(node)
        except MediaError as exc:
            self.buf.append(self.fonts.markup(f"[{exc}]"))
            return
        width, height = fit(display_size(node, picture, self.edition_width, self.size), self.edition_width, self.frame_height * 0.5)
        self.pictures += 1
        what = picture.drawing() if picture.kind == "svg" else picture
        if node.formula:  # mathematics shown as a picture: marked as a formula, like a typeset one
            what = FormulaPicture(what, node.alt or "formula")
        self.buf.append(self.inline.markup(f"img{self.pictures}", what, width, height, lowered_by(node, picture, height)))

    def cross_ref(self, node: CrossRef) -> None:
        """`рис. 3`: a link to the figure when it exists."""
        target = self.edition.cross_ref_target(node)
        markup = self.fonts.markup(node.raw)
        self.buf.append(f'<a href="#{target}">{markup}</a>' if target else markup)

    def line_break(self, node: LineBreak) -> None:
        self.buf.append("<br/>")

    def footnote(self, node: Footnote) -> None:
        """A raised number; the note is set at the foot of the page the number lands on."""
        self.notes.append(self._collect(node.inlines))
        n = len(self.notes)
        self.buf.append(f'<a name="fnref_{n}"/>{SUPER}{n}</super>')

    def citation(self, cite: Citation) -> None:
        """The citation as the bibliography transform rendered it; one with no entry flagged."""
        markup = self._collect(cite.inlines or (Text(cite.raw),))
        if not cite.resolved:
            self.flagged += 1
            markup = f'<span backColor="{FLAG_BACK}" textColor="{FLAG_TEXT}">{markup}</span>{SUPER}<font color="{FLAG_TEXT}">?</font></super>'
        self.buf.append(markup)


def form_key(tex: str, display: bool) -> str:
    """One PDF form per distinct formula: named by a hash of its TeX."""
    import hashlib

    return hashlib.sha256(f"{display}:{tex}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


class OutlineMark(Flowable):
    """An outline entry at this place with nothing drawn: the document's first entry where the
    venue sets no title block (its text is the title, else the file's name — never printed as
    if the author had titled the paper so)."""

    def __init__(self, key: str, title: str):
        super().__init__()
        self.key = key
        self._outline = (key, title, 0)

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.bookmarkHorizontal(self.key, 0, 0)


def _heading(walker: _PdfWalker, key: str, title: str) -> RLParagraph:
    """A heading of the edition's own (References, the unresolved list): centred and bold, or as
    the venue sets its first-level headings."""
    style = walker.headings[1] if walker.edition.venue.headings else walker.heading_style
    para = RLParagraph(f'<a name="{key}"/>{walker._heading_markup(1, walker.fonts.markup(title))}', style)
    para._outline = (key, title, 0)
    return para


def _title_line(walker: _PdfWalker, line, n: int, title: str):
    """A title line's flowable: a paragraph, or a row of cells (author groups) side by side."""
    fonts = walker.fonts
    style = ParagraphStyle(
        f"title{n}", fontName=fonts.regular, fontSize=line.size_pt, leading=line.size_pt * LINE_HEIGHT,
        alignment=ALIGN[line.align], spaceBefore=line.space_before_pt, keepWithNext=1,
        leftIndent=line.indent_cm * cm, rightIndent=line.indent_cm * cm,
    )

    def styled(inlines) -> str:
        markup = walker._collect(inlines)  # citations link, a note on the title is numbered like the body's
        if line.italic:
            markup = f"<i>{markup}</i>"
        return f"<b>{markup}</b>" if line.bold else markup

    if line.cells:
        per_row = min(len(line.cells), CELLS_PER_ROW)
        cells = [[RLParagraph(styled(inlines), ParagraphStyle(f"cell{n}", parent=style, spaceBefore=0)) for inlines in cell] for cell in line.cells]
        rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row])) for i in range(0, len(cells), per_row)]
        table = RLTable(rows, colWidths=[walker.page_width / per_row] * per_row, hAlign="CENTER", spaceBefore=line.space_before_pt)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), fonts.regular)]))
        return table
    markup = styled(line.inlines)
    if n == 0:
        markup = f'<a name="sec_title"/>{markup}'
    para = (walker.typeset if line.align == "justify" else RLParagraph)(markup, style)  # an abstract: hyphenated
    if n == 0:
        para._outline = ("sec_title", title, 0)
    return para


CELLS_PER_ROW = 3  # author groups side by side, as IEEE's title block sets them


def _story(edition: Edition, fonts: PdfFonts, page_width: float, column_width: float, height: float) -> tuple[list, _PdfWalker, list]:
    """The edition's flowables, the walker that made them, and the title block's page-wide
    flowables at the story's head (on a two-column page they stand in a frame of their own)."""
    walker = _PdfWalker(edition, fonts)
    columns = edition.venue.page.columns
    walker.edition_width, walker.page_width, walker.frame_height, walker.page_height = column_width, page_width, height, height
    walker.columns = columns
    story = walker.story
    title = edition.document.meta.title_text or Path(edition.document.path).stem

    # Title block: one flowable per line, the outline's first entry on the first of them; with
    # two columns the page-wide lines first, then those that open the first column.
    lines = edition.title_lines
    if columns > 1:
        lines = [line for line in lines if line.span == "page"] + [line for line in lines if line.span != "page"]
    flowables = [_title_line(walker, line, n, title) for n, line in enumerate(lines)]
    head = [f for f, line in zip(flowables, lines) if line.span == "page"] if columns > 1 else []
    for flowable in head:  # a frame of their own: nothing to keep them with
        flowable.keepWithNext = 0
    story.extend(head)
    if head:
        story.append(FrameBreak())
    story.extend(flowables[len(head):])
    if edition.title_lines:
        story.append(Spacer(1, edition.venue.title_block.space_after_pt))
    else:  # no title block: still give the outline its first entry, but print no title the paper has not
        story.append(OutlineMark("sec_title", title))

    walker.walk(edition.document.blocks)  # the bibliography lists are its last blocks
    if columns > 1:  # wide floats the flow passed last still get their pages (a page takes
        # at least one; each flush that finds none waiting does nothing)
        story.extend([FlushFloats(), Spacer(0, 0)] * max(1, sum(isinstance(f, WideFloat) for f in story)))
    return story, walker, head


def preload(template) -> None:
    """What a PDF of `template` needs before its document is known: the venue's fonts registered
    and pikepdf, which packs every PDF's objects (`media.pdfsize.packed`), imported. `build` calls
    it in the process that will render the PDF while another reads the paper; rendering does
    the same when it has not been called."""
    PdfFonts(template)
    import pikepdf  # noqa: F401


def render(edition: Edition) -> bytes:
    """The PDF edition: laid out by reportlab, its dictionaries packed into object streams."""
    return packed(_laid_out(edition))


def _laid_out(edition: Edition) -> bytes:
    ahead = typeset_ahead((node.tex, bool(node.display)) for node in walk_document(edition.document) if isinstance(node, Math))
    try:
        fonts = PdfFonts(edition.template)  # the fonts are read while the workers typeset
    finally:
        ahead()
    page = edition.venue.page
    margins = page.margins_cm
    meta = edition.document.meta
    title = meta.title_text or Path(edition.document.path).stem
    stamp = edition.date.strftime("D:%Y%m%d%H%M%S+00'00'")
    numbers = page.page_numbers
    size = edition.venue.body.size_pt

    draw_head = running_head(edition, fonts)

    def on_page(canvas, doc):
        if doc.page == 1:
            canvas.setDateFormatter(lambda *_: stamp)
            canvas.showOutline()
        if numbers:
            canvas.saveState()
            canvas.setFont(fonts.regular, size)
            canvas.drawCentredString(doc.pagesize[0] / 2, doc.bottomMargin / 2, str(doc.page))
            canvas.restoreState()
        draw_head(canvas, doc)

    reserve: dict[int, float] = {}
    for attempt in range(NOTE_PASSES):
        data, walker, pages, wanted = _layout(edition, fonts, title, meta, page, margins, size, on_page, reserve)
        if not walker.notes:
            return data
        if all(wanted.get(p, 0.0) <= reserve.get(p, 0.0) + 0.01 for p in wanted) and all(abs(reserve.get(p, 0.0) - wanted.get(p, 0.0)) < 1 or attempt >= 2 for p in reserve):
            return data  # every page kept room enough for the notes that landed on it
        # the room each page needs now; after two passes, never less than before, so it settles
        reserve = dict(wanted) if attempt < 2 else {p: max(reserve.get(p, 0.0), wanted.get(p, 0.0)) for p in {*reserve, *wanted}}
    return data


HEAD_SEPARATION = 16.0  # points between a running head's baseline and the text (llncs's \\headsep)
HEAD_INDENT = 1.166 * cm  # between the page number and the running head (llncs's \\headlineindent)


def running_head(edition: Edition, fonts: PdfFonts):
    """What draws the venue's running head on a page (nothing without one): the odd pages'
    text ending at the right, the even pages' starting at the left, the page number at the
    outer edge when the venue asks for it, over the text; not on the first page unless asked."""
    head = edition.venue.running_head
    if head is None:
        return lambda canvas, doc: None
    odd, even = edition.template.running_heads(edition.document.meta)
    style = ParagraphStyle("running_head", fontName=fonts.regular, fontSize=head.size_pt, leading=head.size_pt * LINE_HEIGHT)

    def draw(canvas, doc):
        if doc.page == 1 and not head.first_page:
            return
        right_page = doc.page % 2 == 1
        left, width = doc.leftMargin, doc.width
        y = doc.bottomMargin + doc.height + HEAD_SEPARATION
        indent = HEAD_INDENT if head.page_numbers else 0.0
        text = odd if right_page else even
        para = RLParagraph(fonts.markup(text), ParagraphStyle("head", parent=style, alignment=TA_RIGHT if right_page else TA_LEFT))
        _, height = para.wrap(width - indent, doc.height)
        # the last line's baseline on `y` (Liberation Serif: a line's baseline is ~0.15 of the size above its box's foot)
        para.drawOn(canvas, left if right_page else left + indent, y - (height - style.leading) - head.size_pt * 0.15)
        if head.page_numbers:
            canvas.saveState()
            canvas.setFont(fonts.regular, head.size_pt)
            (canvas.drawRightString if right_page else canvas.drawString)(left + width if right_page else left, y, str(doc.page))
            canvas.restoreState()

    return draw


NOTE_PASSES = 5  # layout passes to settle footnotes at the foot of their pages (usually 2)


def _layout(edition: Edition, fonts: PdfFonts, title: str, meta, page, margins, size: float, on_page, reserve: dict[int, float]):
    """One layout of the whole edition with `reserve` points kept at the foot of each page for
    its notes: the PDF's bytes, the walker, where each note's mark landed, and the room each
    page's notes need."""
    out = io.BytesIO()
    doc = PagedDoc(
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
    doc.columns = page.columns
    doc.column_gap = page.column_gap_cm * cm
    story, walker, head = _story(edition, fonts, doc.width, doc.column_width, doc.height)
    doc.head_height = title_height(head, doc.width, doc.height) if head else 0.0
    walker.inline.math_font = _math_font(walker.outlines)
    widths = {
        href: (lambda size, text=next(iter(texts)): fonts.width(text, size))
        for href, texts in walker.labels.items()
        if len(texts) == 1 and " " not in next(iter(texts))
    }
    doc.notes = [(n, walker.typeset(f'<a name="fn_{n}"/>{SUPER}{n}</super> {markup}', walker.footnote_style)) for n, markup in enumerate(walker.notes, start=1)]
    doc.note_gap = walker.leading
    doc.reserve = reserve
    pages: dict[int, int] = {}

    def canvasmaker(*args, **kwargs):
        canvas = LinkCanvas(*args, **kwargs)
        canvas.label_widths = widths
        canvas.inline = walker.inline
        canvas.note_pages = pages
        return canvas

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvasmaker)
    heights: dict[int, float] = {}
    for n, para in doc.notes:
        where = pages.get(n)
        if where is not None:
            _, height = para.wrap(doc.width, doc.height)
            heights[where] = heights.get(where, doc.note_gap) + height
    return out.getvalue(), walker, pages, heights
