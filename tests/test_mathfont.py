"""The PDF edition's math font stores an outline once, drawing its copies from it: the same
glyph rounded differently at another place, or drawn smaller."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from exporter.media.formulas import typeset
from exporter.media.mathfont import SAME_WITHIN, math_font, shared_outlines

SQUARE = (("M", 0.0, 0.0), ("L", 6.0, 0.0), ("C", 6.0, 2.0, 7.0, 4.0, 6.0, 6.0), ("L", 0.0, 6.0), ("Z",))


def scaled(ops, k: float, nudge: float = 0.0):
    return tuple((op[0], *(round(v * k, 2) + (nudge if i == 0 else 0.0) for i, v in enumerate(op[1:]))) for op in ops)


def test_a_scaled_copy_is_drawn_from_the_larger_outline():
    outlines = (("big", SQUARE), ("small", scaled(SQUARE, 0.7)), ("tiny", scaled(SQUARE, 0.5)))
    shared = shared_outlines(outlines)
    assert shared["big"] == ("big", 1.0)
    assert shared["small"] == ("big", 0.7) and shared["tiny"] == ("big", 0.5)


def test_outlines_that_differ_are_kept_apart():
    other = scaled(SQUARE, 0.7, nudge=2 * SAME_WITHIN)  # one point off by more than the rounding
    reordered = (SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3], SQUARE[4])  # other operators
    outlines = (("big", SQUARE), ("off", other), ("reordered", reordered))
    assert shared_outlines(outlines) == {"big": ("big", 1.0), "off": ("off", 1.0), "reordered": ("reordered", 1.0)}


def test_the_font_holds_each_shape_once_and_the_same_bytes_each_time():
    outlines = tuple(sorted((("big", SQUARE), ("small", scaled(SQUARE, 0.7)), ("other", scaled(SQUARE, 0.7, nudge=0.5))), key=lambda item: item[0]))
    font = math_font(outlines)
    glyphs = TTFont(io.BytesIO(font.data))["maxp"].numGlyphs
    assert glyphs == 1 + 2  # .notdef, the square, the other shape
    assert font.chars["small"] == font.chars["big"] != font.chars["other"]
    assert font.scales == {"big": 1.0, "small": 0.7, "other": 1.0}
    math_font.cache_clear()
    assert math_font(outlines).data == font.data


def test_a_copy_rounded_differently_is_the_same_glyph():
    jittered = tuple((op[0], *(v + (0.01 if i % 2 else -0.01) for i, v in enumerate(op[1:]))) for op in SQUARE)
    shared = shared_outlines((("a", SQUARE), ("b", jittered)))
    assert len({base for base, _ in shared.values()}) == 1 and {scale for _, scale in shared.values()} == {1.0}


def test_one_digit_twice_in_a_formula_is_one_glyph():
    # ziamath writes the 2 of x^{2}_{2} twice, each rounded at its own place: two outlines
    # (two keys) of one glyph; the x is another (STIX Two Math's script-size letters and digits
    # are designs of their own, so a subscript x and a base x stay apart: test below)
    drawn = typeset("x^{2}_{2}")
    outlines = tuple(sorted({g.key: g.ops for g in drawn.glyphs}.items()))
    assert len(outlines) == 3
    shared = shared_outlines(outlines)
    assert len({base for base, _ in shared.values()}) == 2 and set(scale for _, scale in shared.values()) == {1.0}
    base_and_script = tuple(sorted({g.key: g.ops for g in typeset("x_{x}").glyphs}.items()))
    assert len({base for base, _ in shared_outlines(base_and_script).values()}) == 2
