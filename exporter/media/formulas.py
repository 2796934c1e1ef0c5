"""Formulas typeset from TeX for the PDF edition: ziamath (TeX → MathML → glyph outlines of
STIX Two Math, the font it ships) drawn through svglib as reportlab vector graphics.

Chosen by bench/MATH_RENDERERS.md (every corpus formula drawn; matplotlib's mathtext missed
4 of 152). Typesetting costs ~20 ms a formula, so each distinct TeX string is typeset once
per process (`typeset` is cached), and the PDF draws each once as a form it reuses.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

FORMULA_SIZE_PT = 12  # ziamath's size; drawings are scaled to the text around them
_VIEWBOX = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')
_UNKNOWN = re.compile(r">(\\[A-Za-z]+)<")  # latex2mathml keeps an unknown command as an identifier `\name`


class FormulaError(Exception):
    """TeX the math renderer cannot typeset; the text says why."""


@dataclass(frozen=True)
class Typeset:
    """A formula's drawing at `FORMULA_SIZE_PT`: `width`, `height` and `depth` (below the
    baseline) in points; `drawing` is svglib's reportlab Drawing; `svg` the SVG text."""

    svg: str
    width: float
    height: float
    depth: float
    drawing: object

    def scaled(self, size: float) -> tuple[float, float, float]:
        """(width, height, depth) for text of `size` points."""
        k = size / FORMULA_SIZE_PT
        return self.width * k, self.height * k, self.depth * k


def _ziamath():
    import ziamath

    ziamath.config.svg2 = False  # xlink:href, which svglib reads
    return ziamath


@lru_cache(maxsize=2048)
def typeset(tex: str, display: bool = False) -> Typeset:
    """The formula drawn, or FormulaError; one typesetting per distinct (TeX, display) in a process."""
    from svglib.svglib import svg2rlg

    ziamath = _ziamath()
    source = f"\\displaystyle {tex}" if display else tex
    try:
        math = ziamath.Latex(source, size=FORMULA_SIZE_PT)
        svg = math.svg()
        mathml = math.mathmlstr()
    except Exception as exc:  # ziamath and latex2mathml raise many kinds; each is a formula they cannot do
        raise FormulaError(" ".join(f"{type(exc).__name__}: {exc}".split())[:120]) from None
    unknown = _UNKNOWN.search(mathml)
    if unknown:
        raise FormulaError(f"unknown command {unknown.group(1)}")
    box = _VIEWBOX.search(svg)
    drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    if box is None or drawing is None:
        raise FormulaError("the renderer drew nothing")
    from .images import register_svg_fonts

    drawing.initialFontName = register_svg_fonts()  # reportlab's renderer would name Helvetica
    _, top, width, height = map(float, box.groups())
    return Typeset(svg, width, height, height + top, drawing)


def mathml(tex: str, display: bool = False) -> str:
    """MathML for the formula (what a browser shows natively), or FormulaError."""
    import latex2mathml.converter

    try:
        out = latex2mathml.converter.convert(tex, display="block" if display else "inline")
    except Exception as exc:
        raise FormulaError(" ".join(f"{type(exc).__name__}: {exc}".split())[:120]) from None
    unknown = _UNKNOWN.search(out)
    if unknown:
        raise FormulaError(f"unknown command {unknown.group(1)}")
    return out
