"""Formulas typeset from TeX for the PDF edition: ziamath (TeX → MathML → glyph outlines of
STIX Two Math, the font it ships) drawn through svglib as reportlab vector graphics.

Chosen by bench/MATH_RENDERERS.md (every corpus formula drawn; matplotlib's mathtext missed
4 of 152). Typesetting costs ~20 ms a formula, so each distinct TeX string is typeset once
per process (`typeset` is cached) and kept between runs in the user's cache, as fonts are.
ziamath's SVG is small and regular (glyph outlines as `path` with M/L/Q/Z, fraction bars as
`rect`, groups with a fill), so it is read here directly (svglib took as long again as the
typesetting) into outlines each relative to its own origin: the PDF stores each distinct
outline once, as a glyph of the paper's math font (`mathfont`), and places it wherever it recurs.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from .. import speedups
from ..fonts import cache_read, cache_write

FORMULA_SIZE_PT = 12  # ziamath's size; drawings are scaled to the text around them
_VIEWBOX = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')
_UNKNOWN = re.compile(r">(\\[A-Za-z]+)<")  # latex2mathml keeps an unknown command as an identifier `\name`


# LaTeX's operator names latex2mathml lacks, as the \operatorname it reads.
_OPERATORS = re.compile(r"\\(arg)(?![A-Za-z])")


# latex2mathml 3.81 writes `aligned`'s column `&` into the MathML as a bare `&` (no XML);
# `split` is the same two-sided alignment and it writes it as a table.
_ALIGNED = re.compile(r"\\(begin|end)\{aligned(?:at)?\}(?:(?<=begin\{alignedat\})\{\d+\})?")


def _readable(tex: str) -> str:
    return _OPERATORS.sub(lambda m: "\\operatorname{" + m.group(1) + "}", _without_genfrac(tex))


_GENFRAC = re.compile(r"\\genfrac\s*\{([^{}]*)\}\s*\{([^{}]*)\}\s*\{([^{}]*)\}\s*\{[^{}]*\}\s*")


def _group(tex: str, at: int) -> int | None:
    """Where the brace group opening at `at` closes (one past it), or None."""
    if at >= len(tex) or tex[at] != "{":
        return None
    depth = 0
    for k in range(at, len(tex)):
        if tex[k] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(tex[k], 0) if tex[k - 1 : k] != "\\" else 0
        if depth == 0:
            return k + 1
    return None


def _without_genfrac(tex: str) -> str:
    """`\\genfrac{L}{R}{0pt}{}{a}{b}` (Word's fraction with no bar, as the OMML reader writes it;
    ziamath cannot typeset it) as `\\left L {a \\atop b} \\right R`, or `\\frac` with a bar."""
    out, at = [], 0
    while (m := _GENFRAC.search(tex, at)) is not None:
        first = _group(tex, m.end())
        second = _group(tex, first) if first is not None else None
        if second is None:
            break
        top, bottom = tex[m.end() + 1 : first - 1], tex[first + 1 : second - 1]
        body = f"{{{top} \\atop {bottom}}}" if m.group(3).strip() in ("0pt", "0", "0em") else f"\\frac{{{top}}}{{{bottom}}}"
        left, right = m.group(1).strip(), m.group(2).strip()
        out.append(tex[at : m.start()] + (f"\\left{left or '.'} {body} \\right{right or '.'}" if left or right else body))
        at = second
    return "".join(out) + tex[at:]


class FormulaError(Exception):
    """TeX the math renderer cannot typeset; the text says why."""


@dataclass(frozen=True)
class Glyph:
    """One outline of a formula: `ops` are path operations relative to the glyph's own origin
    (so equal glyphs have equal ops, and a PDF can draw each once), placed at (`dx`, `dy`) in the
    formula's box (SVG's axes: y down from the top)."""

    key: str  # a hash of `ops`: equal outlines, equal keys
    ops: tuple
    dx: float
    dy: float
    fill: str


@dataclass(frozen=True)
class Typeset:
    """A formula drawn at `FORMULA_SIZE_PT`: `width`, `height` and `depth` (below the baseline)
    in points; its outlines (`glyphs`) and bars (`rects`, as x, y, w, h, fill) in its box."""

    svg: str
    width: float
    height: float
    depth: float
    glyphs: tuple[Glyph, ...]
    rects: tuple[tuple[float, float, float, float, str], ...]

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


@lru_cache(maxsize=1)
def ziamath_font() -> str:
    """The math font ziamath ships: its size and date key the formula cache (a new ziamath, new entries)."""
    from importlib.resources import files

    return str(files("ziamath") / "fonts" / "STIXTwoMath-Regular.ttf")


@lru_cache(maxsize=2048)
def _typeset(tex: str, display: bool) -> Typeset:
    """Typeset once per process, and kept between runs in the user's cache (usercache.cache_dir):
    ziamath costs ~20 ms a formula, reading its SVG back ~1 ms."""
    svg = _AHEAD.pop((tex, display), None) or cache_read("formula", ziamath_font(), 0, *_cache_key(tex, display))
    if not isinstance(svg, str):
        svg = _ziamath_svg(tex, display)
        cache_write("formula", ziamath_font(), 0, svg, *_cache_key(tex, display))
    return _from_svg(svg)


def _cache_key(tex: str, display: bool) -> tuple[str, ...]:
    return ("ziamath-svg-2", str(display), tex)  # 2: large operators steady


# ---- a paper's first build: its formulas typeset on every core --------------------------------

AHEAD_PER_WORKER = 8  # fewer formulas than this a worker: typesetting them here is as quick
_AHEAD: dict[tuple[str, bool], str] = {}  # SVGs typeset ahead, taken by `_typeset`


def typeset_ahead(formulas):
    """Typeset in forked workers, one a usable core, the (TeX, display) formulas neither this
    process nor the user cache has yet: ziamath takes 20–40 ms a formula, half of a cold PDF
    edition of a paper full of formulas (bench/MEDIA_BUILD.md). The `mathfork` speed-up: only
    with a fork, two or more cores, and no other thread in this process (a fork copies only the
    calling thread); the SVGs are the same as typesetting each in turn gives.
    Returns the function that waits for the workers and keeps what they typeset: call it
    (in a `finally`) before typesetting anything; it does nothing when no worker was started."""
    if not speedups.enabled("mathfork") or not hasattr(os, "fork") or threading.active_count() > 1:
        return _nothing
    missing = [f for f in dict.fromkeys(formulas) if f not in _AHEAD and not isinstance(cache_read("formula", ziamath_font(), 0, *_cache_key(*f)), str)]
    workers = min(_usable_cores(), len(missing) // AHEAD_PER_WORKER)
    if workers < 2:
        return _nothing
    import multiprocessing

    _ziamath()  # imported (and its font read) once, before the fork
    pool = multiprocessing.get_context("fork").Pool(workers)
    pending = pool.map_async(_svg_or_none, missing, chunksize=max(1, len(missing) // (workers * 4)))

    def collect() -> None:
        try:
            typeset = pending.get()
        except Exception:  # a worker died: what it had to typeset is typeset here, in turn
            typeset = []
        finally:
            pool.terminate()
            pool.join()
        for formula, svg in zip(missing, typeset):
            if svg is not None:
                _AHEAD[formula] = svg
                cache_write("formula", ziamath_font(), 0, svg, *_cache_key(*formula))

    return collect


def _nothing() -> None:
    pass


def _svg_or_none(formula: tuple[str, bool]) -> str | None:
    """In a worker: the formula's SVG, or None when it cannot be typeset (the edition then
    typesets it again and reports why)."""
    try:
        return _ziamath_svg(*formula)
    except FormulaError:
        return None


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _ziamath_svg(tex: str, display: bool) -> str:
    ziamath = _ziamath()
    source = f"\\displaystyle {_readable(tex)}" if display else _readable(tex)
    try:
        if "\\tag" in source:  # ziamath.Latex numbers the formula itself
            math = ziamath.Latex(source, size=FORMULA_SIZE_PT)
        else:
            math = ziamath.Math(steady_large_operators(ziamath.tex.tex2mml(source)), size=FORMULA_SIZE_PT)
        svg = math.svg()
        mathml = math.mathmlstr()
    except Exception as exc:  # ziamath and latex2mathml raise many kinds; each is a formula they cannot do
        raise FormulaError(" ".join(f"{type(exc).__name__}: {exc}".split())[:120]) from None
    unknown = _UNKNOWN.search(mathml)
    if unknown:
        raise FormulaError(f"unknown command {unknown.group(1)}")
    return svg


@lru_cache(maxsize=1)
def _large_operator_mo() -> re.Pattern:
    """An `<mo>` holding one large operator (∑, ∏, ⋃, ∫ …: `largeop` in ziamath's operator
    dictionary) and no attributes, as latex2mathml writes `\\sum`."""
    from ziamath.operators import operators

    chars = sorted({name for (name, _form), params in operators.items() if params.get("largeop") == "true" and len(name) == 1})
    codes = "|".join(f"&#x{ord(c):05X};|{re.escape(c)}" for c in chars)
    return re.compile(f"<mo>({codes})</mo>")


def steady_large_operators(mathml: str) -> str:
    """Large operators marked `stretchy="false"`, as TeX sets them (a text or a display size,
    never the height of the row). ziamath 0.13's dictionary calls ∑ stretchy; measuring a row
    without its stretchy parts it leaves a scripted ∑ at a ±999 placeholder box, and the fences
    of `\\left( \\sum_{e} x \\right)` grew 2,000 points tall (a Word paper's formula in a
    table cell stopped the PDF edition)."""
    return _large_operator_mo().sub(r'<mo stretchy="false">\1</mo>', mathml)


def _from_svg(svg: str) -> Typeset:
    box = _VIEWBOX.search(svg)
    if box is None:
        raise FormulaError("the renderer drew nothing")
    left, top, width, height = map(float, box.groups())
    glyphs, rects = _outlines(svg, left, top)
    if not glyphs and not rects:
        raise FormulaError("the renderer drew nothing")
    return Typeset(svg, width, height, height + top, glyphs, rects)


_PATH_COMMAND = re.compile(r"([MLQZ])([^MLQZ]*)")


def _outlines(svg: str, left: float, top: float):
    """ziamath's SVG as glyph outlines (each relative to its first point) and bars, in the box's
    coordinates; quadratic segments as the equivalent cubics (what PDF draws)."""
    import hashlib
    import xml.etree.ElementTree as ET

    glyphs: list[Glyph] = []
    rects: list = []

    def walk(element, fill: str) -> None:
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1]
            child_fill = child.get("fill") or fill
            if tag == "g":
                walk(child, child_fill)
            elif tag == "rect":
                x, y, w, h = (float(child.get(a, 0)) for a in ("x", "y", "width", "height"))
                rects.append((x - left, y - top, w, h, child_fill))
            elif tag == "path":
                glyph = _glyph(child.get("d", ""), child_fill)
                if glyph is not None:
                    glyphs.append(Glyph(glyph[0], glyph[1], glyph[2] - left, glyph[3] - top, child_fill))

    def _glyph(d: str, fill: str):
        ops, origin, x, y = [], None, 0.0, 0.0
        for command, args in _PATH_COMMAND.findall(d):
            numbers = [float(n) for n in args.replace(",", " ").split()]
            if command in "ML" and len(numbers) >= 2:
                x, y = numbers[0], numbers[1]
                origin = origin or (x, y)
                ops.append((command, round(x - origin[0], 2), round(y - origin[1], 2)))
            elif command == "Q" and len(numbers) >= 4 and origin:
                qx, qy, ex, ey = numbers[:4]
                c = (x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey)
                ops.append(("C", *(round(v - origin[i % 2], 2) for i, v in enumerate(c))))
                x, y = ex, ey
            elif command == "Z":
                ops.append(("Z",))
        if origin is None:
            return None
        ops = tuple(ops)
        return hashlib.sha256(repr(ops).encode()).hexdigest()[:16], ops, origin[0], origin[1]

    walk(ET.fromstring(svg), "black")
    return tuple(glyphs), tuple(rects)


def mathml(tex: str, display: bool = False) -> str:
    """MathML for the formula (what a browser shows natively), or FormulaError."""
    import xml.etree.ElementTree as ET

    import latex2mathml.converter

    try:
        out = latex2mathml.converter.convert(_ALIGNED.sub(r"\\\1{split}", _readable(tex)), display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises many kinds; each is a formula it cannot read
        raise FormulaError(" ".join(f"{type(exc).__name__}: {exc}".split())[:120]) from None
    unknown = _UNKNOWN.search(out)
    if unknown:
        raise FormulaError(f"unknown command {unknown.group(1)}")
    try:
        ET.fromstring(out)
    except ET.ParseError as exc:  # what the converter wrote is no XML: no edition may carry it
        raise FormulaError(f"the MathML written for it is not well-formed ({exc})") from None
    return out
