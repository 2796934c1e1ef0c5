"""The outlines of a document's typeset formulas as one small TrueType font, for the PDF edition.

ziamath gives each formula as glyph outlines (STIX Two Math, at their sizes) and no glyph ids,
so the PDF cannot embed STIX Two Math itself. Drawn as one PDF form per distinct outline, a
paper of 100 formulas carried 340 forms: 120 KB of separately deflated paths, 100 KB of form
and resource dictionaries (bench/FIDELITY.md, sizes). Gathered here into one TrueType font
(quadratic outlines, as ziamath reads them from the font, in one glyph table deflated as a
whole), the PDF embeds them as a font like its text fonts and draws each glyph as a character
of it. The characters are Private Use code points: they stand for no text, and the PDF hides
them from text extraction (`ActualText` of nothing), as the forms were.

One glyph gives ziamath's SVG many outlines: each is written at its place, rounded there to
0.001 pt, so the same letter elsewhere differs by a hundredth of a point once taken relative to
its first point; and a glyph drawn at several sizes (a formula's own scale) is the same outline
scaled. An outline is stored once, the largest of its copies, and every copy whose points all
lie within `SAME_WITHIN` of it at some scale is drawn from it at that scale (`MathFont.scales`):
ru_frolovskaya_particle_filter's 339 outlines are 148 glyphs (bench/FIDELITY.md, sizes).
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
SAME_WITHIN = 0.025  # points (of a formula at FORMULA_SIZE_PT): the outlines' own rounding is 0.01


class MathFont:
    """A font of outlines: `data` (a TrueType file), its PostScript `name`, the character that
    draws each outline (by the outline's key), and the scale to draw it at (1 but for an outline
    drawn from a larger copy of itself)."""

    def __init__(self, data: bytes, name: str, chars: dict[str, str], scales: dict[str, float]):
        self.data, self.name, self.chars, self.scales = data, name, chars, scales


def _coordinates(ops: tuple) -> list[float]:
    return [v for op in ops for v in op[1:]]


def _scale_of(ops: tuple, base: tuple) -> float | None:
    """`s` when `ops` is `base` scaled by `s` (0 < s <= 1) within SAME_WITHIN, else None."""
    if len(ops) != len(base) or any(a[0] != b[0] for a, b in zip(ops, base)):
        return None
    mine, theirs = _coordinates(ops), _coordinates(base)
    far = max(range(len(theirs)), key=lambda i: abs(theirs[i]), default=None)
    if far is None or theirs[far] == 0:
        return None
    for scale in (1.0, mine[far] / theirs[far]):  # the same size first: most copies are
        if 0 < scale <= 1 and all(abs(m - scale * t) <= SAME_WITHIN for m, t in zip(mine, theirs)):
            return scale
    return None


def shared_outlines(outlines: tuple[tuple[str, tuple], ...]) -> dict[str, tuple[str, float]]:
    """Each outline's key -> (the key of the outline stored for it, the scale to draw that at):
    an outline that is a larger one scaled down is drawn from it. Largest first, so each stored
    outline is the largest of its copies; the same outlines give the same answer."""
    size = {key: max((abs(v) for v in _coordinates(ops)), default=0.0) for key, ops in outlines}
    stored: dict[tuple, list[tuple[str, tuple]]] = {}  # by the outline's operators
    shared: dict[str, tuple[str, float]] = {}
    for key, ops in sorted(outlines, key=lambda item: (-size[item[0]], item[0])):
        shape = tuple(op[0] for op in ops)
        for base_key, base in stored.get(shape, ()):
            scale = _scale_of(ops, base)
            if scale is not None:
                shared[key] = (base_key, round(scale, 4))
                break
        else:
            stored.setdefault(shape, []).append((key, ops))
            shared[key] = (key, 1.0)
    return shared


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
    shared = shared_outlines(outlines)
    kept = [(key, ops) for key, ops in outlines if shared[key][0] == key]
    code = {key: chr(FIRST_CODE + n) for n, (key, _) in enumerate(kept)}
    chars = {key: code[shared[key][0]] for key, _ in outlines}
    scales = {key: shared[key][1] for key, _ in outlines}
    key = ("mathfont-2", digest)
    stored = cache_read("mathfont", ziamath_font(), 0, *key)  # the paper built before: ~0.3 s saved
    if isinstance(stored, bytes):
        return MathFont(stored, name, chars, scales)
    names = [".notdef"] + [f"g{n}" for n in range(len(kept))]
    glyphs = {".notdef": TTGlyphPen(None).glyph()}
    for n, (_, ops) in enumerate(kept):
        pen = TTGlyphPen(None)
        _draw(pen, ops)
        glyphs[f"g{n}"] = pen.glyph()
    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({FIRST_CODE + n: f"g{n}" for n in range(len(kept))})
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
    return MathFont(out.getvalue(), name, chars, scales)
