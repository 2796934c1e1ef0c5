"""Display formulas a PDF numbers, taken from the page as pictures of mathematics.

A PDF's text layer holds a formula as characters set in place — a fraction is two lines, an
index a smaller run — so read as text it prints as fragments (`dS karea` / `= (1)` / `dt St`).
The editions show such a formula as the page shows it: a picture marked as a formula (as a
Word equation object's preview is, `Image.formula`), its number beside it.

Rule: a display formula is a line ending in an equation's number set apart at its column's
right (`(1)`, `(2.3)`, `(4a)`, after a wide gap on the baseline), with the lines next to it in
its column that stand closer to it than a line of the body's type would (a fraction's
numerator and denominator, limits, indices; a short run in smaller type, as a sum's limit, a
little further; a line mostly in mathematics fonts up to two body lines off, as the lines of
LaTeX's `multline` and `split`, its number on the last line or between them), one under
another up to a line of prose; none of them is prose (starting at the column's
left edge, or holding more than a few words). Two numbered formulas that would both take a line
(displays set one after another with no prose between) part where their lines stand nearer the one's
numbered line than the other's. The picture is the column's region between the
prose line above and the prose line below, the number left out, rendered at RENDER_DPI and
trimmed to its ink, the prose line above's descenders left out: the band of ink that holds the
formula's lines is grown up from them until a blank row, so a formula that rises into their
depth (a sum's upper limit) is taken whole, and any other ink there is theirs.

A display formula without a number is found by its fonts: a line centred in its column, clear
of both its edges (the first line of an indented paragraph runs to the right edge), no prose
nor half its characters in words, not in a ruled table, most of whose characters are in fonts made for mathematics (TeX's math
italic and symbols, Cambria Math of Word's equations, MathType's Euclid: layout.MATH_FONT) and
some of them letters or digits (a row of bullets is none), with its neighbours as above, when
no other line of the page stands in its region. A formula set in the text's own fonts with no number (italic
Times letters) stays text: nothing marks where it begins and ends as surely.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PIL import ImageChops, ImageDraw

from .images import page_body_size, png
from .layout import Line, Page

RENDER_DPI = 300  # a formula's strokes are thin: rendered finer than a drawing
NUMBER = re.compile(r"\(\s?((?:[A-ZА-Я]\.?)?\d{1,3}(?:\.\d{1,3})?[a-z]?)\s?\)[.,;]?")  # `(1)`, `(2.3)`, `(4a)`, an appendix's `(A.19)`, `(П.2)`
# Of a line's characters (spaces aside), at least this share in a mathematics font makes it a
# formula's line when no number says so: a fraction's numerator `a + b` has two of three;
# a prose line with inline mathematics has most of its letters in the text's font.
MATH_SHARE = 0.5
# A formula's line holds at most this many words of four letters or more (`где`, `при` are
# shorter; `sin`, `max` too): more is a sentence.
MAX_WORDS = 3
MAX_LINES = 12  # lines of one numbered formula: a matrix or a system of more is left as text
# A line this many body lines from a numbered formula's, with at least this share of its
# characters in mathematics fonts, is one more line of it (`multline`, `split`: TeX sets them a
# body line and a jot apart, a fraction's numerator and denominator about each; line 2 of
# `δVe(t) = −Φy(0)R sin νt + … +` / `sin νt/ν Bx(0)  (4)` stands 1.42 body lines under line 1).
JOIN_GAP = 2.0
LEADING = 1.2  # a prose line's leading over its type's size in a text set one line apart (TeX's 12 pt over 10)
MATH_JOIN_SHARE = 0.25
LARGE_SIGNS = "∫∬∭∮∯∰∑∏∐⋀⋁⋂⋃⌠⌡√"
MAX_BLOCK_LINES = 24  # lines of one unnumbered display (its rows, limits and indices each a line)
BLOCK_GAP = 2.5  # body lines between two lines of one display: a row of `align*` and the next
EDGE = 2  # pixels: ink this near the region's top or foot runs on past it
FOOT_GAP = 0.3  # body lines of blank rows that part a formula's ink from the line below's
MIN_CLEANED_CHARACTERS = 6  # an unnumbered display read clear of the prose about it holds at least these


@dataclass(slots=True)
class PageFormula:
    """A display formula: its lines (numbers on the page), its number ("" for none), its picture."""

    page: int
    lines: tuple[int, ...]
    number: str
    box: tuple[float, float, float, float]  # left, bottom, right, top, in points
    data: bytes
    width: float  # points, after trimming
    height: float
    type_size: float  # the page's body type, in points: the formula is set to match it


def find_formulas(doc, pages: list[Page], pictures: bool = True) -> list[PageFormula]:
    """The display formulas of every page, as pictures: the numbered ones, then those in
    mathematics fonts with no number. `pictures=False` finds the same formulas (each region is
    still rendered: whether it is a formula is read off its ink) but leaves their pictures'
    bytes empty (`data` b""), for a reading that checks the text and never shows them."""
    out: list[PageFormula] = []
    for page in pages:
        taken: set[int] = set()
        # each line of a formula finds the same lines: rendered once (a numbered formula refused
        # may still be taken whole, number and all, as an unnumbered display of the same lines)
        tried: set[tuple[tuple[int, ...], str]] = set()
        body = page_body_size(page)
        pdf_page = None  # loaded once, for the page's first formula (loading is most of a page's cost)
        try:
            for found in (*_numbered(page, body), *_unnumbered(page, body)):
                if taken.isdisjoint(found[0]) and found[:2] not in tried:
                    tried.add(found[:2])
                    pdf_page = pdf_page or doc[page.number - 1]
                    picture = _picture(pdf_page, page, body, *found, pictures=pictures)
                    if picture is not None:
                        out.append(picture)
                        taken.update(found[0])
        finally:
            if pdf_page is not None:
                pdf_page.close()
    return out


def _columns(page: Page, body: float):
    """(lines top to bottom, left edge, right edge) of each column with prose enough to know
    its edges by."""
    for side in sorted({line.side for line in page.lines}):
        column = sorted((l for l in page.lines if l.side == side and l.text.strip()), key=lambda l: -l.y)
        prose = [l for l in column if abs(l.size - body) < 0.5 and len(_long_words(l.text)) > MAX_WORDS]
        if len(prose) >= 3:
            yield column, _edge(sorted(l.x0 for l in prose), 0.1), _edge(sorted(l.x1 for l in prose), 0.9)


def _numbered(page: Page, body: float):
    """(lines, number, region) of each numbered formula on a page whose body type is `body` points."""
    unit = _line_unit(page, body)
    for column, left, right in _columns(page, body):
        numbers = [_number_at_right(line, left, right) for line in column]
        numbered = frozenset(k for k, (number, at) in enumerate(numbers) if number is not None and (not at or _formula_line(column[k].text[:at], column[k].x0, left, body)))
        runs = _numbered_runs(column, sorted(numbered), left, body, unit)
        for k in sorted(numbered):
            line, (number, at) = column[k], numbers[k]  # a number, with no prose before it (a number alone on its line is a formula's)
            if len(runs[k]) > MAX_LINES:
                continue  # a matrix or a system of many rows: text
            stop = line.break_xs[-1] if at else line.x0
            lines, (bottom, top), core = _formula_lines(page, column, runs[k], body, left)
            yield lines, number, (left - 2, bottom, stop - 2, top), core


def _unnumbered(page: Page, body: float):
    """(lines, "", region, core) of each display formula set in mathematics fonts with no number."""
    for column, left, right in _columns(page, body):
        for k, line in enumerate(column):
            if _display_line(line, left, right, body):
                block = _display_block(column, k, left, body)
                lines, (bottom, top), core = _formula_lines(page, column, block, body)
                # a display wider than the column stands out of it on either side
                region = (min(left, *(column[j].x0 for j in block)) - 2, bottom, max(right, *(column[j].x1 for j in block)) + 2, top)
                if not _holds_other_lines(page, lines, region):
                    yield lines, "", region, core


def _holds_other_lines(page: Page, lines: tuple[int, ...], region) -> bool:
    """Whether a line of the page that is not the formula's stands inside its region (a page
    whose text layer cut its lines into pieces read as other columns: its prose would be
    taken into the picture)."""
    left, bottom, right, top = region
    return any(l.number not in lines and bottom < l.y < top and l.x0 < right and l.x1 > left and l.text.strip() for l in page.lines)


def _display_line(line: Line, left: float, right: float, body: float) -> bool:
    """Whether a line is a display formula's by its fonts and its place (see the module's rule)."""
    chars = len(line.text.replace(" ", ""))
    if line.math < 2 or line.math < MATH_SHARE * chars or line.cell is not None or not any(ch.isalnum() for ch in line.text):
        return False
    if sum(map(len, _long_words(line.text))) >= 0.5 * chars:
        return False  # mostly words (a heading or a table's cell typed in an equation): `sup`, `Span` are not
    centred = abs((line.x0 + line.x1) / 2 - (left + right) / 2) < 0.2 * (right - left)
    return centred and line.x1 < right - body and _formula_line(line.text, line.x0, left, body)


def _numbered_runs(column: list[Line], numbered: list[int], left: float, body: float, unit: float) -> dict[int, list[int]]:
    """The lines of each numbered formula (by its numbered line `k` of the column): the lines
    about it that join it one under another (_joins), up to a line of prose. Two numbered
    formulas that would both take a line (LaTeX's `multline`s and `split`s set one after another, two sums
    whose limits stand between their lines) part where their lines stand nearer the one's
    numbered line than the other's (the widest gap between them is no surer: a Word equation's
    `∫` and `∑` stand on baselines of their own, above their row's)."""
    prose = [line.y for line in column if not _formula_line(line.text, line.x0, left, body)]
    reach = {k: [_reach(column, k, step, left, body, prose, unit) for step in (-1, 1)] for k in numbered}
    for a, b in zip(numbered, numbered[1:]):
        if reach[a][1] >= reach[b][0]:  # they overlap: each line between is the nearer number's
            reach[a][1] = max(j for j in range(a, b) if column[a].y - column[j].y <= column[j].y - column[b].y)
            reach[b][0] = reach[a][1] + 1
    return {k: list(range(first, last + 1)) for k, (first, last) in reach.items()}


def _line_unit(page: Page, body: float) -> float:
    """The page's body line for JOIN_GAP, in points: the body's size, or a prose line's
    leading over LEADING where the text is set wider apart (a thesis set one and a half lines
    apart sets its displays' rows as far apart: a system's rows stand 2.2 body sizes apart)."""
    gaps = []
    for side in {line.side for line in page.lines}:
        prose = sorted((l for l in page.lines if l.side == side and abs(l.size - body) < 0.5 and _sentence(l.text)), key=lambda l: -l.y)
        gaps += [a.y - b.y for a, b in zip(prose, prose[1:]) if 0.9 * body < a.y - b.y < 3 * body]
    return max(body, _edge(sorted(gaps), 0.5) / LEADING) if len(gaps) >= 3 else body


def _reach(column: list[Line], k: int, step: int, left: float, body: float, prose: list[float], unit: float) -> int:
    """The farthest line from line `k` of the column, going `step` (-1 up, 1 down), that
    joins the formula line by line; at most 2 * MAX_LINES away."""
    j = k
    while 0 <= j + step < len(column) and abs(j + step - k) <= 2 * MAX_LINES and _joins(column[j + step], column[j], left, body, prose, unit):
        j += step
    return j


def _joins(line: Line, formula_line: Line, left: float, body: float, prose: list[float], unit: float) -> bool:
    """Whether a line next to a formula's line is the formula's: no prose (_formula_line), and
    close to it (_next_to), or with a quarter of it in mathematics fonts within JOIN_GAP body
    lines (_line_unit; a display set over lines, LaTeX's `multline` and `split`: its lines a body line and
    a jot apart, a fraction's numerator and denominator about each; a short run in smaller
    type is a limit or an index, within _next_to's reach; a line of a tall bracket's pieces
    alone, `⎛ ⎞`, a system's brace or a matrix's parentheses set over its rows, or of a large
    operator's sign, `∫`), unless it stands within
    the depth of a prose line (of `prose`, their baselines): an inline fraction's denominator
    or an index is that line's; so is, the nearest line or not, a run in smaller type standing
    just over a prose line's baseline under the formula (`(j) ∗ T` of `Defining δ(j) ≜ [(h∗)T…`)."""
    if not _formula_line(line.text, line.x0, left, body):
        return False
    if line.size < body - 0.5 and line.y < formula_line.y and any(0 < line.y - y < 0.6 * body for y in prose):
        return False
    if _next_to(line, formula_line, body):
        return True
    chars = len(line.text.replace(" ", ""))
    # a letter or digit among them, or a bracket's pieces: an accent's or a vector's arrows alone are the line's they stand over
    return (abs(line.y - formula_line.y) < JOIN_GAP * unit and 0 < line.math >= MATH_JOIN_SHARE * chars and (line.size > body - 0.5 or chars > 8)
            and (any(ch.isalnum() for ch in line.text) or _bracket_pieces(line.text)) and all(abs(line.y - y) >= 0.8 * body for y in prose))


def _bracket_pieces(text: str) -> bool:
    """Whether a line is a tall bracket's pieces alone (`⎛ ⎞`, `⎪⎪⎨`: U+239B to U+23B3) or
    a large operator's sign alone (`∫`, `∑`: set larger, on a baseline above its row's)."""
    chars = text.replace(" ", "")
    return bool(chars) and all("\u239b" <= ch <= "\u23b3" or ch in LARGE_SIGNS for ch in chars)


def _display_block(column: list[Line], k: int, left: float, body: float) -> list[int]:
    """The lines of an unnumbered display whose line `k` of the column is: the lines about it
    that hold some mathematics and no prose (a display of several rows, `align*`, an
    integral's limits set apart), at most BLOCK_GAP body lines apart, at most
    MAX_BLOCK_LINES. Taken row by row, each row's picture would cut into its neighbours'. A
    line with no character in a mathematics font (a page number, a chart's tick labels, a
    table's row) unless it is a limit's few characters close by (an integral's `0`), with two words of four letters (`И, наконец, обновление параметров:`) or in
    a ruled table ends the display."""
    run = [k]
    for step in (-1, 1):
        j = k + step
        while (0 <= j < len(column) and len(run) < MAX_BLOCK_LINES and abs(column[j].y - column[j - step].y) < BLOCK_GAP * body
               and (column[j].math or (len(column[j].text.replace(" ", "")) <= 4 and _next_to(column[j], column[j - step], body)))
               and column[j].cell is None and len(_long_words(column[j].text)) <= 1
               and _formula_line(column[j].text, column[j].x0, left, body)):
            run.append(j)
            j += step
    return sorted(run)


def _formula_lines(page: Page, column: list[Line], run: list[int], body: float, left: float | None = None) -> tuple[tuple[int, ...], tuple[float, float], tuple[float, float, float]]:
    """The formula's lines (numbers on the page), the bottom and top of its region: from the prose line above's baseline to
    the prose line below's capitals, at most two lines of body type beyond its own; and its core,
    from its lowest baseline to its highest line's capitals, where its ink surely is (an accent
    above a small letter too), with the depth of the prose line above's descenders (0 for none).
    `left`, the column's left edge, for a numbered formula: a line from there with a word in it
    is prose too (_prose; an unnumbered display's neighbours are sentences: its few characters
    may be an inline fraction's, `64` under `𝐼𝑧 = 𝜋𝑑⁴/64`, between two lines of prose)."""
    above = column[run[0] - 1] if run[0] > 0 else None
    below = column[run[-1] + 1] if run[-1] + 1 < len(column) else None
    lows, highs = [column[j].y for j in run], [column[j].y + column[j].size for j in run]
    top = min(above.y if above else page.height, max(highs) + 2 * body)
    bottom = max(below.y + 0.8 * below.size if below else 0.0, min(lows) - 1.5 * body)
    # the prose's letters that may reach into the region: the descenders of a sentence above
    # when it starts at that line's baseline, the tallest letters of a sentence below when it
    # ends at four fifths of that line's size (points; 0 where the region stops short of them,
    # or the line is no prose (_prose): it may be a piece of the formula the rule did not take)
    descenders = 0.35 * above.size if above is not None and top == above.y and _prose(above, left, body) else 0.0
    ascenders = 0.3 * below.size if below is not None and bottom == below.y + 0.8 * below.size and _prose(below, left, body) else 0.0
    core = (min(lows), max(column[j].y + 0.75 * column[j].size for j in run), 0.35 * above.size if above else 0.0, descenders, ascenders)
    return tuple(column[j].number for j in run), (bottom, top), core


def _next_to(line: Line, formula_line: Line, body: float) -> bool:
    """Whether a line stands close enough to a formula's line to be the formula's: closer than
    a line of the body's type would, or, for a short run in smaller type (a sum's limit `i=1`,
    an index) or in mathematics fonts (an integral's sign with its upper limit, set at the
    body's size), within half a line more."""
    gap = abs(line.y - formula_line.y)
    if gap < 1.1 * body:
        return True
    chars = len(line.text.replace(" ", ""))
    if gap >= 1.6 * body or chars > 8:
        return False
    # in mathematics fonts, a letter or digit among them: a limit (pieces of a tall bracket
    # alone belong to whichever line the bracket stands on)
    return line.size < body - 0.5 or (0 < chars <= 2 * line.math and any(ch.isalnum() for ch in line.text))


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


def _prose(line: Line, left: float | None, body: float) -> bool:
    """Whether a line is prose: a sentence, or (`left` given) a line from the column's left edge
    with a word in it (`Defining δ(j) ≜ [(h ⊗ g)…`; a formula's line set there, `= ∂/∂u (…)`, has none)."""
    return _sentence(line.text) or left is not None and line.x0 <= left + 2 * body and bool(_long_words(line.text))


def _sentence(text: str) -> bool:
    return len(_long_words(text)) > MAX_WORDS


def _long_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]


def _edge(values: list[float], share: float) -> float:
    return values[min(int(share * len(values)), len(values) - 1)]


# A rendered pixel's grey level (0 black) -> the ink mask's value: ink is darker than 231 (a
# pixel's inverted grey above 24), the same table for every formula.
_INK = [255 if 255 - v > 24 else 0 for v in range(256)]


def _picture(pdf_page, page: Page, body: float, lines: tuple[int, ...], number: str, region, core, pictures: bool = True) -> PageFormula | None:
    """The formula's picture: the region rendered, the band of ink about its core (see the
    module's rule), trimmed to its ink; None for an empty one or one cut by the region. Without
    `pictures`, the same formula with its size but no bytes (the picture is not cut out nor
    encoded)."""
    left, bottom, right, top = region
    if right - left < 10 or top - bottom < 4:
        return None
    if pdf_page.get_rotation() % 360:
        return None  # a turned page renders in its turned frame, not the text layer's: text rather than a wrong crop
    width, height = pdf_page.get_size()
    crop = (max(left, 0), max(bottom, 0), max(width - right, 0), max(height - top, 0))
    if crop[0] + crop[2] >= width or crop[1] + crop[3] >= height:
        return None  # a region off the page (a box larger than the page's own)
    # RGBx, which PIL reads in PDFium's buffer as it stands (a BGR one it copies, swapping
    # bytes): the same pixels, 212 regions of the corpus compared, in 40 % of the time
    image = pdf_page.render(scale=RENDER_DPI / 72, crop=crop, rev_byteorder=True, prefer_bgrx=True).to_pil()
    mask = image.convert("L").point(_INK)
    low, high, depth = (v * RENDER_DPI / 72 for v in ((top - core[0]), (top - core[1]), core[2]))
    foot_gap = math.ceil(FOOT_GAP * body * RENDER_DPI / 72)
    band = _ink_band(mask, high, low, math.ceil(depth), foot_gap)
    if band is None and (core[3] or core[4]) and (number or _characters(page, lines) >= MIN_CLEANED_CHARACTERS):
        # a formula set close to the prose about it: its ink meets the line above's descenders
        # (a sum's upper limit) or the line below's tall letters with no blank row between.
        # Those letters enter the region from outside it: taken out, the formula's own ink is read.
        # A display with no number and a few characters (`s`, `2`) is more likely an inline
        # formula's index between two lines of prose: left as text.
        # a numbered formula's: what stands alone in the neighbours' rows is theirs too (an
        # unnumbered display's few characters may be a prose line's indices: not so cleaned)
        alone = (math.ceil(low) + foot_gap if core[4] else mask.height) if number else math.inf
        cleaned = _neighbours_out(mask, math.ceil(core[3] * RENDER_DPI / 72), math.ceil(core[4] * RENDER_DPI / 72), alone)
        band = _ink_band(cleaned, high, low, 0, foot_gap)
        if band is not None and not _as_tall_as_its_type(cleaned.crop((0, band[0], mask.width, band[1])), page, lines):
            band = None  # what is left is a stroke, not the formula: its glyphs met the region's edge
        if band is not None:
            image.paste((255, 255, 255, 255) if image.mode in ("RGBA", "RGBX") else 255, mask=ImageChops.subtract(mask, cleaned))
            mask = cleaned
    if band is None:
        return None  # ink at the region's top or foot: a line of the formula the rule did not take is cut (better text than a cut picture)
    mask = mask.crop((0, band[0], mask.width, band[1]))
    ink = mask.getbbox()
    if ink is None:
        return None
    pad = 2
    box = (max(ink[0] - pad, 0), max(ink[1] - pad, 0), min(ink[2] + pad, mask.width), min(ink[3] + pad, mask.height))
    scale = 72 / RENDER_DPI
    shown = (round((box[2] - box[0]) * scale, 2), round((box[3] - box[1]) * scale, 2))  # points, as the picture is cut below
    if not pictures:
        return PageFormula(page.number, lines, number, region, b"", *shown, body)
    image = image.crop((0, band[0], image.width, band[1])).crop(box).convert("RGB")  # the band, then the ink (the mask's)
    if _colourless(image):
        image = image.convert("L")  # a third of the pixels to encode, and of the file
    return PageFormula(page.number, lines, number, region, png(image), *shown, body)


def _as_tall_as_its_type(mask, page: Page, lines: tuple[int, ...]) -> bool:
    """Whether the ink stands at least half as tall as the largest type of the formula's lines."""
    ink = mask.getbbox()
    own = [line for line in page.lines if line.number in lines]
    return ink is not None and bool(own) and ink[3] - ink[1] >= 0.5 * max(l.size for l in own) * RENDER_DPI / 72


def _characters(page: Page, lines: tuple[int, ...]) -> int:
    return sum(len(line.text.replace(" ", "")) for line in page.lines if line.number in lines)


def _neighbours_out(mask, top: int, foot: int, alone: float = math.inf):
    """The ink mask without the ink that enters it across its top row within the first `top`
    rows (the line above's descenders: their letters stand above the region) or across its
    foot row within the last `foot` rows (the line below's tallest letters). With `alone`
    given, nor the ink standing alone in the top rows, nor that from row `alone` down joined to
    none above it (under the formula's lowest baseline and its letters' depth: the line below's
    accents, the tilde over its `B̃`, a bar, an index's dot). A stroke that runs
    on past those rows is kept: it is no neighbour's letter but a formula's line the region cut."""
    out = mask.copy()
    width, height = mask.size
    for start, rows, edge in ((0, top, 0), (height - foot, foot, foot - 1)):
        if rows <= 0 or rows >= height:
            continue
        zone = out.crop((0, start, width, start + rows))
        before = zone.copy()
        for x in range(width):
            if zone.getpixel((x, edge)) == 255:
                ImageDraw.floodfill(zone, (x, edge), 0)
        # a letter part that met the zone's inner edge ran on into the region: put back
        inner = rows - 1 - edge
        for x in range(width):
            if before.getpixel((x, inner)) == 255 and zone.getpixel((x, inner)) == 0:
                return mask  # the region cuts a stroke longer than a neighbour's letter: nothing taken out
        if not edge and alone < math.inf:  # in the descenders' depth, ink joined to none below is theirs too (the foot of a `≤`)
            zone = _joined_to_row(zone, rows - 1)
        out.paste(zone, (0, start))
    if alone < height:
        out.paste(_joined_to_row(out.crop((0, int(alone), width, height)), 0), (0, int(alone)))
    return out


def _joined_to_row(zone, row: int):
    """The zone's ink that touches its row `row` or is joined to ink that does; the rest cleared."""
    for x in range(zone.width):
        if zone.getpixel((x, row)) == 255:
            ImageDraw.floodfill(zone, (x, row), 128)
    return zone.point(lambda v: 255 if v == 128 else 0)


def _ink_band(mask, high: float, low: float, depth: int, foot_gap: int = 0) -> tuple[int, int] | None:
    """The rows (first, past the last) of the formula's ink: the core's rows [high, low] grown
    up and down while a row holds ink, with all the ink below the top `depth` rows (the prose
    line above's descenders) and above the foot. None when the formula's ink runs into the
    image's top or foot (within EDGE), or into the descenders' depth without a blank row
    between (a line above it the rule did not take: better text than a cut picture). Ink at
    the foot parted from the formula's by at least `foot_gap` blank rows is the line below's
    (the tall bracket of a formula set under this one rises above its capitals): the band
    ends at the first such gap (an accent over the line below's capital is parted from it too)."""
    rows = mask.tobytes()
    width, height = mask.size

    def inked(r: int) -> bool:
        return rows.find(b"\xff", r * width, (r + 1) * width) >= 0

    # the core starts below the descenders' depth (its capitals' height may reach into it)
    first = min(max(int(high), depth + EDGE + 1), int(low), height - 1)
    last = min(int(low) + 1, height - 1)
    while first > 0 and inked(first - 1):
        first -= 1
    while last < height - 1 and inked(last + 1):
        last += 1
    if first <= EDGE and inked(first):
        return None
    below = next((r for r in range(depth, first) if inked(r)), None)
    if below is not None and below <= depth + EDGE:
        return None  # ink across the descenders' depth that is not the formula's own band
    inked_rows = [r for r in range(last, height) if inked(r)]
    lowest = max(inked_rows, default=last)
    if lowest >= height - 1 - EDGE and inked(lowest):
        parted = [a for a, b in zip(inked_rows, inked_rows[1:]) if b - a > foot_gap] if foot_gap else []
        if not parted:
            return None
        lowest = parted[0]  # the last ink row above the first wide gap under the formula: the line below's ink (an accent over its capital, then the capital) starts after it
    last = lowest
    return (first if below is None else min(first, below)), last + 1


def _colourless(image) -> bool:
    """Whether every pixel of an RGB picture is a grey (black type on white, as most are)."""
    red, green, blue = (band.tobytes() for band in image.split())
    return red == green == blue
