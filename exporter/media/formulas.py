"""Formulas typeset from TeX for the PDF edition: ziamath (TeX → MathML → glyph outlines of
STIX Two Math, the font it ships) drawn through svglib as reportlab vector graphics.

Chosen by bench/MATH_RENDERERS.md (every corpus formula drawn; matplotlib's mathtext missed
4 of 152). Typesetting costs ~20 ms a formula, so each distinct TeX string is typeset once
per process (`typeset` is cached), and the PDF draws each once as a form it reuses.
ziamath's SVG is small and regular (glyph outlines as `path` with M/L/Q/Z, fraction bars as
`rect`, groups with a fill), so it becomes reportlab shapes here directly: svglib took as
long again as the typesetting itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .images import register_svg_fonts

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


def typeset(tex: str, display: bool = False) -> Typeset:
    """The formula drawn, or FormulaError; one typesetting per distinct (TeX, display) in a process."""
    return _typeset(tex, bool(display))


@lru_cache(maxsize=2048)
def _typeset(tex: str, display: bool) -> Typeset:
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
    if box is None:
        raise FormulaError("the renderer drew nothing")
    left, top, width, height = map(float, box.groups())
    return Typeset(svg, width, height, height + top, _drawing(svg, left, top, width, height))


_PATH_COMMAND = re.compile(r"([MLQZ])([^MLQZ]*)")


def _drawing(svg: str, left: float, top: float, width: float, height: float):
    """ziamath's SVG as a reportlab Drawing: SVG's y axis (down) flipped, nonzero fill as fonts need."""
    import xml.etree.ElementTree as ET

    from reportlab.graphics.shapes import FILL_NON_ZERO, Drawing, Group, Path, Rect
    from reportlab.lib.colors import black, toColor

    def colour(value: str | None, inherited):
        if value in (None, "", "inherit"):
            return inherited
        try:
            return toColor(value)
        except ValueError:
            return inherited

    def shapes(element, fill, out: list) -> None:
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1]
            child_fill = colour(child.get("fill"), fill)
            if tag == "g":
                shapes(child, child_fill, out)
            elif tag == "rect":
                x, y, w, h = (float(child.get(a, 0)) for a in ("x", "y", "width", "height"))
                out.append(Rect(x, y, w, h, fillColor=child_fill, strokeColor=None, strokeWidth=0))
            elif tag == "path":
                path = Path(fillColor=child_fill, strokeColor=None, strokeWidth=0, fillMode=FILL_NON_ZERO)
                x = y = 0.0
                for command, args in _PATH_COMMAND.findall(child.get("d", "")):
                    numbers = [float(n) for n in args.replace(",", " ").split()]
                    if command == "M" and len(numbers) >= 2:
                        x, y = numbers[0], numbers[1]
                        path.moveTo(x, y)
                    elif command == "L" and len(numbers) >= 2:
                        x, y = numbers[0], numbers[1]
                        path.lineTo(x, y)
                    elif command == "Q" and len(numbers) >= 4:  # quadratic as the equivalent cubic
                        qx, qy, ex, ey = numbers[:4]
                        path.curveTo(x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey)
                        x, y = ex, ey
                    elif command == "Z":
                        path.closePath()
                out.append(path)

    root = ET.fromstring(svg)
    found: list = []
    shapes(root, colour(root.get("fill"), black), found)
    if not found:
        raise FormulaError("the renderer drew nothing")
    flipped = Group(*found, transform=(1, 0, 0, -1, -left, top + height))
    drawing = Drawing(width, height)
    drawing.add(flipped)
    drawing.initialFontName = register_svg_fonts()  # no text is drawn, but reportlab names a font: an embedded one
    return drawing


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
