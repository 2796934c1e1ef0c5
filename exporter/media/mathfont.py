"""The outlines of a document's typeset formulas as one small TrueType font, for the PDF edition.

ziamath gives each formula as glyph outlines (STIX Two Math, at their sizes) and no glyph ids,
so the PDF cannot embed STIX Two Math itself. Drawn as one PDF form per distinct outline, a
paper of 100 formulas carried 340 forms: 120 KB of separately deflated paths, 100 KB of form
and resource dictionaries (bench/FIDELITY.md, sizes). Gathered here into one TrueType font
(quadratic outlines, as ziamath reads them from the font, in one glyph table deflated as a
whole), the PDF embeds them as a font like its text fonts and draws each glyph as a character
of it. The characters are Private Use code points: they stand for no text, and the PDF hides
them from text extraction (`ActualText` of nothing), as the forms were.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from ..fonts import cache_read, cache_write
from .formulas import FORMULA_SIZE_PT, ziamath_font

UNITS_PER_EM = 1000
SCALE = UNITS_PER_EM / FORMULA_SIZE_PT  # font units per point of a formula drawn at FORMULA_SIZE_PT
FIRST_CODE = 0xE000  # the Private Use Area: one code point per outline


class MathFont:
    """A font of outlines: `data` (a TrueType file), its PostScript `name`, and the character
    that draws each outline (by the outline's key)."""

    def __init__(self, data: bytes, name: str, chars: dict[str, str]):
        self.data, self.name, self.chars = data, name, chars


def _draw(pen, ops: tuple) -> None:
    """`ops` (M/L/C/Z, y down from the outline's first point, in points) into a pen, y up in
    units. Each C is a quadratic raised to a cubic (`formulas._outlines`): its quadratic control
    point is the start plus 3/2 of the way to the first cubic one."""
    open_contour, x, y = False, 0.0, 0.0
    for op in ops:
        if op[0] == "M":
            if open_contour:
                pen.closePath()
            x, y = op[1], op[2]
            pen.moveTo((x * SCALE, -y * SCALE))
            open_contour = True
        elif op[0] == "L" and open_contour:
            x, y = op[1], op[2]
            pen.lineTo((x * SCALE, -y * SCALE))
        elif op[0] == "C" and open_contour:
            qx, qy = x + 1.5 * (op[1] - x), y + 1.5 * (op[2] - y)
            x, y = op[5], op[6]
            pen.qCurveTo((qx * SCALE, -qy * SCALE), (x * SCALE, -y * SCALE))
        elif op[0] == "Z" and open_contour:
            pen.closePath()
            open_contour = False
    if open_contour:
        pen.closePath()


@lru_cache(maxsize=8)
def math_font(outlines: tuple[tuple[str, tuple], ...]) -> MathFont:
    """The font of `outlines` ((key, ops) pairs, sorted by key): the same outlines, the same bytes."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    digest = hashlib.sha256(repr(outlines).encode()).hexdigest()
    name = f"ExporterMath-{digest[:12]}"
    chars = {key: chr(FIRST_CODE + n) for n, (key, _) in enumerate(outlines)}
    key = ("mathfont-1", digest)
    stored = cache_read("mathfont", ziamath_font(), 0, *key)  # the paper built before: ~0.3 s saved
    if isinstance(stored, bytes):
        return MathFont(stored, name, chars)
    names = [".notdef"] + [f"g{n}" for n in range(len(outlines))]
    glyphs = {".notdef": TTGlyphPen(None).glyph()}
    for n, (_, ops) in enumerate(outlines):
        pen = TTGlyphPen(None)
        _draw(pen, ops)
        glyphs[f"g{n}"] = pen.glyph()
    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({FIRST_CODE + n: f"g{n}" for n in range(len(outlines))})
    builder.setupGlyf(glyphs)
    glyf = builder.font["glyf"]
    builder.setupHorizontalMetrics({g: (0, getattr(glyf[g], "xMin", 0)) for g in names})
    builder.setupHorizontalHeader(ascent=UNITS_PER_EM, descent=-UNITS_PER_EM // 4)
    builder.setupNameTable({"familyName": name, "styleName": "Regular", "uniqueFontIdentifier": name, "fullName": name, "psName": name})
    builder.setupOS2(sTypoAscender=UNITS_PER_EM, sTypoDescender=-UNITS_PER_EM // 4, usWinAscent=UNITS_PER_EM, usWinDescent=UNITS_PER_EM // 4)
    builder.setupPost()
    builder.updateHead(created=0, modified=0)
    builder.font.recalcTimestamp = False  # the same outlines give the same bytes
    out = io.BytesIO()
    builder.save(out)
    cache_write("mathfont", ziamath_font(), 0, out.getvalue(), *key)
    return MathFont(out.getvalue(), name, chars)
