"""Display formulas a PDF numbers, taken from the page as pictures of mathematics.

A PDF's text layer holds a formula as characters set in place — a fraction is two lines, an
index a smaller run — so read as text it prints as fragments (`dS karea` / `= (1)` / `dt St`).
The editions show such a formula as the page shows it: a picture marked as a formula (as a
Word equation object's preview is, `Image.formula`), its number beside it.

Rule: a display formula is a line ending in an equation's number set apart at its column's
right (`(1)`, `(2.3)`, `(4a)`, after a wide gap on the baseline), with the lines next to it in
its column that stand closer to it than a line of the body's type would (a fraction's
numerator and denominator, limits, indices; a short run in smaller type, as a sum's limit, a
little further); none of them is prose (starting at the column's
left edge, or holding more than a few words). The picture is the column's region between the
prose line above and the prose line below, the number left out, rendered at RENDER_DPI and
trimmed to its ink. A formula without a number stays text: nothing marks where it begins and
ends as surely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import ImageOps

from .images import page_body_size, png
from .layout import Line, Page

RENDER_DPI = 300  # a formula's strokes are thin: rendered finer than a drawing
NUMBER = re.compile(r"\(\s?(\d{1,3}(?:\.\d{1,3})?[a-z]?)\s?\)[.,;]?")
# A formula's line holds at most this many words of four letters or more (`где`, `при` are
# shorter; `sin`, `max` too): more is a sentence.
MAX_WORDS = 3
MAX_LINES = 7  # lines of one formula: a matrix or a system of more is left as text
EDGE = 2  # pixels: ink this near the region's top or foot runs on past it


@dataclass(slots=True)
class PageFormula:
    """A numbered display formula: its lines (numbers on the page), its number, its picture."""

    page: int
    lines: tuple[int, ...]
    number: str
    box: tuple[float, float, float, float]  # left, bottom, right, top, in points
    data: bytes
    width: float  # points, after trimming
    height: float
    type_size: float  # the page's body type, in points: the formula is set to match it


def find_formulas(doc, pages: list[Page]) -> list[PageFormula]:
    """The numbered display formulas of every page, as pictures."""
    out: list[PageFormula] = []
    for page in pages:
        taken: set[int] = set()
        body = page_body_size(page)
        pdf_page = None  # loaded once, for the page's first formula (loading is most of a page's cost)
        try:
            for found in _numbered(page, body):
                if taken.isdisjoint(found[0]):
                    pdf_page = pdf_page or doc[page.number - 1]
                    picture = _picture(pdf_page, page, body, *found)
                    if picture is not None:
                        out.append(picture)
                        taken.update(found[0])
        finally:
            if pdf_page is not None:
                pdf_page.close()
    return out


def _numbered(page: Page, body: float):
    """(lines, number, region) of each numbered formula on a page whose body type is `body` points."""
    for side in sorted({line.side for line in page.lines}):
        column = sorted((l for l in page.lines if l.side == side and l.text.strip()), key=lambda l: -l.y)
        prose = [l for l in column if abs(l.size - body) < 0.5 and len(_long_words(l.text)) > MAX_WORDS]
        if len(prose) < 3:
            continue
        left, right = _edge(sorted(l.x0 for l in prose), 0.1), _edge(sorted(l.x1 for l in prose), 0.9)
        for k, line in enumerate(column):
            number, at = _number_at_right(line, left, right)
            if number is None or (at and not _formula_line(line.text[:at], line.x0, left, body)):
                continue  # no number, or prose before it (a number alone on its line is a formula's)
            run = [k]
            for step in (-1, 1):
                j = k + step
                while 0 <= j < len(column) and len(run) < MAX_LINES and _next_to(column[j], column[j - step], body) and _formula_line(column[j].text, column[j].x0, left, body):
                    run.append(j)
                    j += step
            run.sort()
            above = column[run[0] - 1] if run[0] > 0 else None
            below = column[run[-1] + 1] if run[-1] + 1 < len(column) else None
            lows, highs = [column[j].y for j in run], [column[j].y + column[j].size for j in run]
            top = min(above.y - 0.35 * above.size if above else page.height, max(highs) + 2 * body)
            bottom = max(below.y + 0.8 * below.size if below else 0.0, min(lows) - 1.5 * body)
            stop = line.break_xs[-1] if at else line.x0
            yield tuple(column[j].number for j in run), number, (left - 2, bottom, stop - 2, top)


def _next_to(line: Line, formula_line: Line, body: float) -> bool:
    """Whether a line stands close enough to a formula's line to be the formula's: closer than
    a line of the body's type would, or, for a short run in smaller type (a sum's limit `i=1`,
    an index), within half a line more."""
    gap = abs(line.y - formula_line.y)
    if gap < 1.1 * body:
        return True
    return gap < 1.6 * body and line.size < body - 0.5 and len(line.text.replace(" ", "")) <= 8


def _number_at_right(line: Line, left: float, right: float) -> tuple[str | None, int]:
    """The equation number a line ends in, set apart at the column's right (after a wide gap,
    or the line alone), and where it starts in the text."""
    at = line.breaks[-1] if line.breaks else 0
    m = NUMBER.fullmatch(line.text[at:].strip())
    if m is None:
        return None, 0
    x = line.break_xs[-1] if at else line.x0
    if x < left + 0.6 * (right - left) or line.x1 < right - 0.1 * (right - left):
        return None, 0
    return m[1], at


# A line opening with one of these explains a formula's symbols (`где f — …`, `where x is …`): prose.
EXPLAINING = re.compile(r"^\s*(?:где|здесь|при\s+этом|мұндағы|мұнда|where|here|with)\b", re.IGNORECASE)


def _formula_line(text: str, x0: float, left: float, body: float) -> bool:
    """Whether a line may be a formula's: it starts clear of the column's left edge (a display
    formula is centred or indented) and holds no sentence, nor opens one explaining symbols."""
    return x0 > left + 2 * body and len(_long_words(text)) <= MAX_WORDS and bool(text.strip()) and not EXPLAINING.match(text)


def _long_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]


def _edge(values: list[float], share: float) -> float:
    return values[min(int(share * len(values)), len(values) - 1)]


def _picture(pdf_page, page: Page, body: float, lines: tuple[int, ...], number: str, region) -> PageFormula | None:
    """The formula's picture: the region rendered, trimmed to its ink; None for an empty one."""
    left, bottom, right, top = region
    if right - left < 10 or top - bottom < 4:
        return None
    if pdf_page.get_rotation() % 360:
        return None  # a turned page renders in its turned frame, not the text layer's: text rather than a wrong crop
    width, height = pdf_page.get_size()
    crop = (max(left, 0), max(bottom, 0), max(width - right, 0), max(height - top, 0))
    if crop[0] + crop[2] >= width or crop[1] + crop[3] >= height:
        return None  # a region off the page (a box larger than the page's own)
    image = pdf_page.render(scale=RENDER_DPI / 72, crop=crop).to_pil()
    mask = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 24 else 0)
    ink = mask.getbbox()
    if ink is None or ink[1] <= EDGE or ink[3] >= image.height - EDGE:
        return None  # ink at the region's top or foot: a line of the formula the rule did not take is cut (better text than a cut picture)
    pad = 2
    box = (max(ink[0] - pad, 0), max(ink[1] - pad, 0), min(ink[2] + pad, image.width), min(ink[3] + pad, image.height))
    image = image.crop(box)
    scale = 72 / RENDER_DPI
    return PageFormula(page.number, lines, number, region, png(image), round(image.width * scale, 2), round(image.height * scale, 2), body)
