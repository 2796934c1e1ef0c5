"""Pictures and formulas in the PDF edition: reportlab flowables and the inline drawing hook.

A reportlab Paragraph places an inline `<img>` as a box in the line (width, height, a
vertical offset) and then calls `canvas.drawImage(reader, x, y, w, h)` at the box's place,
stretched spaces of a justified line included. Inline formulas and pictures use that: the
paragraph gets a one-pixel placeholder image whose data: URI names the drawing, and
`InlineDrawings.draw` (called from the edition's canvas) draws the vector formula or the
picture there instead. A Paragraph's `<img>` reads its `src` through `ImageReader`, which
keeps it as `fileName` (reportlab 5.1); `tests/test_writer_media.py` fails if that changes.
The placeholders are data: URIs, held in memory: nothing is written to a temporary folder (the
web server's workers must leave theirs empty). reportlab reads a data: URI only when its
documented `rl_config.trustedHosts`/`trustedSchemes` allow one; they are set to trust the
`data` scheme alone, so no `<img>` can make reportlab fetch a URL.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
import io
import struct
import zlib

import reportlab
from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.pdfbase import pdfdoc
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable
from reportlab.platypus import Image as RLImage

from ..media.formulas import FORMULA_SIZE_PT
from ..media.images import Picture, bitmaps_as_text


def _placeholder_png(key: str) -> bytes:
    """A 1 × 1 transparent PNG carrying `key` in a text chunk: one distinct data: URI per drawing."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"exporter\x00" + key.encode("ascii")) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# reportlab 5.1's PDFFormXObject.format builds a form's resources from its fonts, procsets and
# XObjects, and drops the graphics states (ExtGState) canvas.endForm gave it: a picture with
# transparency drawn as a form named /gRLs0 that no resource held (poppler: "ExtGState 'gRLs0'
# is unknown"; the picture drawn opaque or not at all). Nor does a form keep the shadings its
# drawing paints with (an SVG's gradient: `/Sh0 sh`, the canvas's private `_shadingUsed`, which
# only a page takes): a Word drawing's gradient-filled boxes printed black. The resources are
# built as `format` builds them, with the states and the shadings (`draw_vector` hands the form
# its shadings). Only on the version read; tests/test_writer_media.py fails when an upgrade
# still drops them (then widen FORM_STATES_DROPPED) or keeps them (then remove this).
FORM_STATES_DROPPED = {"5.1.0"}


def _form_with_states(format_form):
    def format(self, document):
        states = getattr(self, "ExtGState", None)
        shadings = getattr(self, "shadings", None)
        if (states or shadings) and not self.Resources:
            resources = pdfdoc.PDFResourceDictionary()
            resources.basicFonts()
            if self.hasImages:
                resources.allProcs()
            else:
                resources.basicProcs()
            if self.XObjects:
                resources.XObject = self.XObjects
            if states:
                resources.ExtGState = states
            resources.setShading(shadings or {})
            self.Resources = resources
        return format_form(self, document)

    format.keeps_states, format.original = True, format_form
    return format


if reportlab.Version in FORM_STATES_DROPPED and not getattr(pdfdoc.PDFFormXObject.format, "keeps_states", False):
    pdfdoc.PDFFormXObject.format = _form_with_states(pdfdoc.PDFFormXObject.format)


def draw_vector(canvas, drawing, x: float, y: float, width: float, height: float, form: str) -> None:
    """A reportlab Drawing scaled into the box, drawn once per document as a form and reused."""
    if not canvas.hasForm(form):
        canvas.beginForm(form, lowerx=0, lowery=0, upperx=drawing.width, uppery=drawing.height)
        with bitmaps_as_text():  # a bitmap inside the drawing: an inline image (media.images)
            renderPDF.draw(drawing, canvas, 0, 0, showBoundary=False)
        canvas.endForm(shadings=dict(getattr(canvas, "_shadingUsed", {})))  # (FORM_STATES_DROPPED)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width / drawing.width, height / drawing.height)
    canvas.doForm(form)
    canvas.restoreState()


# Only data: URIs may be opened as URLs (reportlab's defaults trust no host, so refuse them too):
# `localhost` is the pattern reportlab requires before it trusts any scheme; with `data` the
# only trusted scheme, http(s), ftp and file URLs stay refused.
rl_config.trustedHosts = ["localhost"]
rl_config.trustedSchemes = ["data"]


def _placeholder(key: str) -> str:
    """`key`'s placeholder image as a data: URI (distinct per key, nothing on disk)."""
    return "data:image/png;base64," + base64.b64encode(_placeholder_png(key)).decode("ascii")


def draw_formula(canvas, formula, tex: str, x: float, y: float, width: float, height: float) -> None:
    """A typeset formula scaled into the box: its outlines as characters of the edition's math
    font (`media.mathfont`), or, when there is none, each distinct outline a form drawn once per
    document (`glyph_<hash>`) and placed wherever it recurs; fraction bars are rectangles."""
    begin_formula(canvas, tex)  # the formula's TeX as its alternate text
    canvas.saveState()
    # the formula's box has SVG's axes (y down from its top): flip into the PDF's
    canvas.transform(width / formula.width, 0, 0, -height / formula.height, x, y + height)
    font = getattr(getattr(canvas, "inline", None), "math_font", None)
    if font is not None and all(glyph.key in font[1] for glyph in formula.glyphs):
        _glyphs_as_text(canvas, formula, *font)
    else:
        _glyphs_as_forms(canvas, formula)
    for rx, ry, rw, rh, fill in formula.rects:
        canvas.setFillColor(_colour(fill))
        canvas.rect(rx, ry, rw, rh, stroke=0, fill=1)
    canvas.restoreState()
    canvas.addLiteral("EMC")


def _colour(value: str):
    from reportlab.lib.colors import black, toColor

    try:
        return toColor(value)
    except ValueError:
        return black


def _glyphs_as_text(canvas, formula, name: str, chars: dict[str, str], scales: dict[str, float]) -> None:
    """Each outline a character of the math font at the formula's size (scaled when the font
    draws it from a larger copy), upright in the box's y-down axes; hidden from text extraction
    (the characters stand for no text).

    Each character is placed by a move from the one before (`Td`), not by a matrix of its own
    (`1 0 0 -1 x y Tm`, twice the bytes: bench/FIDELITY.md, sizes): the math font's characters
    advance by nothing and a move is taken from where the line began, which is where the
    character before was drawn. A copy drawn from a larger outline (scale below 1) keeps a
    scaled matrix: pdfium draws a glyph at a smaller font size a pixel apart from the same glyph
    under a scaled matrix, and the page must look as it did; the next character starts a
    matrix again."""
    text = canvas.beginText()
    text.setFont(name, FORMULA_SIZE_PT)
    fill, at = None, None  # where the line began: the last character drawn at scale 1
    for glyph in formula.glyphs:
        if glyph.fill != fill:
            fill = glyph.fill
            text.setFillColor(_colour(fill))
        scale = scales[glyph.key]
        if at is None or scale != 1:
            text.setTextTransform(scale, 0, 0, -scale, glyph.dx, glyph.dy)
        else:  # reportlab writes `dx -dy Td` on its y-up canvas: in this y-down matrix, a move by (dx, dy)
            text.moveCursor(glyph.dx - at[0], glyph.dy - at[1])
        at = (glyph.dx, glyph.dy) if scale == 1 else None
        text.textOut(chars[glyph.key])
    # a space, not nothing: pdfium ignores an empty ActualText for a run's first character
    # (poppler prints no extra space: tests/test_pdf_size.py checks both)
    canvas.addLiteral("/Span <</ActualText ( )>> BDC")
    canvas.drawText(text)
    canvas.addLiteral("EMC")


def _glyphs_as_forms(canvas, formula) -> None:
    for glyph in formula.glyphs:
        name = f"glyph_{glyph.key}"
        if not canvas.hasForm(name):
            canvas.beginForm(name, lowerx=-1e4, lowery=-1e4, upperx=1e4, uppery=1e4)
            path = canvas.beginPath()
            for op in glyph.ops:
                if op[0] == "M":
                    path.moveTo(op[1], op[2])
                elif op[0] == "L":
                    path.lineTo(op[1], op[2])
                elif op[0] == "C":
                    path.curveTo(*op[1:])
                else:
                    path.close()
            canvas.drawPath(path, stroke=0, fill=1, fillMode=0)  # nonzero winding, as font outlines need
            canvas.endForm()
        canvas.saveState()
        canvas.setFillColor(_colour(glyph.fill))
        canvas.translate(glyph.dx, glyph.dy)
        canvas.doForm(name)
        canvas.restoreState()


@dataclass(frozen=True)
class FormulaPicture:
    """A formula given as a picture (an equation object's preview): drawn as the picture,
    marked as a formula with `alt` as its alternate text."""

    what: object  # a Picture, or a Drawing for a vector one
    alt: str


def begin_formula(canvas, alt: str) -> None:
    """Marked content `/Formula` with `alt` as its alternate text (for screen readers; text
    extraction is unchanged), a mark tools can count formulas by; closed by `EMC`."""
    hexed = ("\ufeff" + alt).encode("utf-16-be").hex().upper()
    canvas.addLiteral(f"/Formula <</Alt <{hexed}>>> BDC")


class InlineDrawings:
    """The inline formulas and pictures of one edition, by the placeholder each stands behind."""

    def __init__(self):
        self.by_uri: dict[str, tuple] = {}
        self.math_font: tuple[str, dict[str, str], dict[str, float]] | None = None  # (reportlab name, outline key -> character, -> scale)

    def markup(self, key: str, what, width: float, height: float, depth: float) -> str:
        """`<img>` markup reserving the box; `what` is a Drawing (vector), a Picture (raster) or a
        typeset formula with its TeX (a tuple)."""
        uri = _placeholder(key)
        self.by_uri.setdefault(uri, (key, what))
        return f'<img src="{uri}" width="{width:.3f}" height="{height:.3f}" valign="{-depth:.3f}"/>'

    def draw(self, canvas, image, x: float, y: float, width: float, height: float) -> bool:
        """Draw what stands behind `image` (True), or leave it to reportlab (False)."""
        found = self.by_uri.get(getattr(image, "fileName", None))
        if found is None:
            return False
        key, what = found
        if isinstance(what, FormulaPicture):
            begin_formula(canvas, what.alt)
            self.draw_what(canvas, key, what.what, x, y, width, height)
            canvas.addLiteral("EMC")
            return True
        self.draw_what(canvas, key, what, x, y, width, height)
        return True

    def draw_what(self, canvas, key: str, what, x: float, y: float, width: float, height: float) -> None:
        if isinstance(what, Picture):
            canvas.drawImage(ImageReader(io.BytesIO(what.data)), x, y, width, height, mask="auto")
        elif isinstance(what, tuple):  # (Typeset, TeX)
            draw_formula(canvas, what[0], what[1], x, y, width, height)
        else:
            draw_vector(canvas, what, x, y, width, height, f"pic_{key}")


class VectorPicture(Flowable):
    """An SVG picture (or a converted metafile) drawn as vectors at a given size."""

    def __init__(self, drawing, width: float, height: float, form: str):
        super().__init__()
        self.drawing, self.width, self.height, self.form = drawing, width, height, form

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        draw_vector(self.canv, self.drawing, 0, 0, self.width, self.height, self.form)


def picture_flowable(picture: Picture, width: float, height: float, form: str) -> Flowable:
    """A picture at a size: JPEG bytes pass into the PDF as they are (reportlab embeds a JPEG's
    DCT stream unchanged), PNG is decoded by reportlab, SVG drawn as vectors."""
    if picture.kind == "svg":
        return VectorPicture(picture.drawing(), width, height, form)
    return RLImage(io.BytesIO(picture.data), width=width, height=height)


class DisplayFormula(Flowable):
    """A formula on a line of its own: centred in the text width, its number at the right margin
    on the formula's baseline."""

    def __init__(self, formula, tex: str, width: float, height: float, depth: float, number: str | None, font: str, size: float, anchor: str | None = None):
        super().__init__()
        self.formula, self.tex, self.w, self.h, self.depth = formula, tex, width, height, depth
        self.number, self.font, self.size, self.anchor = number, font, size, anchor
        self.spaceBefore = self.spaceAfter = size * 0.5

    def wrap(self, available_width, available_height):
        self.available = available_width
        return available_width, self.h

    def draw(self):
        canvas = self.canv
        if self.anchor:
            canvas.bookmarkHorizontal(self.anchor, 0, self.h)
        draw_formula(canvas, self.formula, self.tex, (self.available - self.w) / 2, 0, self.w, self.h)
        if self.number:
            canvas.setFont(self.font, self.size)
            canvas.drawRightString(self.available, self.depth, f"({self.number})")


class Anchor(Flowable):
    """A link target with no size: a figure or table with no caption can still be linked to."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.bookmarkHorizontal(self.name, 0, 0)
