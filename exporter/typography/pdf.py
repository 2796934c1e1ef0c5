"""The PDF edition's paragraphs, hyphenated and broken into lines by total fit, on reportlab's own
paragraph layer.

reportlab fills each line as full as it can and goes on (first fit): one long word that does not
fit leaves a gaping line behind it. `TotalFitParagraph` keeps everything else of reportlab's
`Paragraph` (its markup parser, fonts and fallback runs, links, anchors, super/subscript, colour
spans, drawing) and replaces only the choice of lines (`breakLines`): the paragraph's words are
cut at their hyphenation points (`hyphenation.Hyphenator`), weighed as boxes, glue and penalties
and broken by `linebreak.break_lines`; `split` keeps two lines together at a page's foot and top.

The lines handed back are reportlab's own `FragLine`s, drawn by `Paragraph.drawPara`. What a
`FragLine` must carry is reportlab's internal protocol, not its documented API: it was read from
reportlab 5.1.0 (`platypus/paragraph.py`, `breakLines` and `_justifyDrawParaLineX`); any other
version gets reportlab's own first-fit breaking with the same hyphenation points given as soft
hyphens (the public path), and tests/test_typography_pdf.py fails until this is checked again.
"""

from __future__ import annotations

import re
from functools import cache

import reportlab
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus.paragraph import imgVRange
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines
from reportlab.rl_config import paraFontSizeHeightOffset

from .addresses import URL_CHAR_PENALTY, URL_PENALTY, address_breaks, is_address
from .hyphenation import SOFT_HYPHEN, Hyphenator
from .linebreak import BOX, GLUE, INFINITY, PENALTY, Items, Params, break_lines

CHECKED_REPORTLAB = "5.1.0"  # the version whose FragLine protocol this module writes
TOTAL_FIT = reportlab.Version == CHECKED_REPORTLAB

# Passes, as TeX makes them: first without hyphenation and strict (\pretolerance 100), then with
# hyphenation (\tolerance), then the least bad breaking whatever it costs. A ratio r stretches
# each space by r × half its width (XeTeX's stretch for a font's space): r = 2 makes a 0.25 em
# space 0.5 em.
PASSES = (
    Params(tolerance=1.0, final=False, hyphens=False),
    Params(tolerance=2.0, final=False),
    Params(tolerance=4.0, final=True),
)
HYPHEN_PENALTY = 50.0  # \hyphenpenalty
EXPLICIT_PENALTY = 50.0  # \exhyphenpenalty: after a hyphen or dash the text has
RAGGED_STRETCH_EM = 3.0  # unjustified text: a line may end up to 3 em short without cost (TeX's \raggedright: 2em)

_SPACE = re.compile(r" +|[^ ]+")
# A hyphen or dash the text has, alone between two other characters: a line may end after it.
_EXPLICIT_RE = re.compile("(?<![-\u2010\u2013\u2014])[-\u2010\u2013\u2014](?![-\u2010\u2013\u2014])")
_CJK = re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


class Typesetter:
    """Makes the edition's paragraphs: total fit and hyphenation where reportlab is the checked
    version, reportlab's own breaking with soft hyphens where it is not."""

    def __init__(self, language: str):
        self.hyphenator = Hyphenator(language)
        self.total_fit = TOTAL_FIT  # read here, so the benchmark can switch it off
        self._styles: dict[tuple[int, str], tuple[ParagraphStyle, ParagraphStyle]] = {}
        # A word in one font, as boxes and breaks, by (text, font, size): words recur, and
        # measuring and hyphenating them is most of a paragraph's cost.
        self._shapes: dict[tuple[str, str, float], tuple] = {}
        # Fonts whose text is never hyphenated (code, set in the monospace face): no hyphenation
        # point falls inside their text; a long path still breaks after `/`, `_`, `.` (no hyphen).
        self.verbatim_fonts: frozenset[str] = frozenset()

    def word_shape(self, text: str, font: str, size: float) -> tuple:
        """([(start, end, width)] of the boxes, [(width, penalty, flagged)] of the breaks between)."""
        key = (text, font, size)
        found = self._shapes.get(key)
        if found is None:
            breaks = _word_breaks(text, self.hyphenator)
            if font in self.verbatim_fonts:  # code: only where a long path breaks, with no hyphen added
                breaks = [b for b in breaks if not b[2]]
            cuts = [0, *(cut for cut, *_ in breaks), len(text)]
            boxes = [(a, b, stringWidth(text[a:b], font, size)) for a, b in zip(cuts, cuts[1:])]
            hyphen = stringWidth(line_end_hyphen(font), font, size) if breaks else 0.0
            found = self._shapes[key] = (boxes, [(hyphen if adds else 0.0, penalty, flagged) for _, penalty, adds, flagged in breaks])
        return found

    def paragraph(self, markup: str, style: ParagraphStyle, bulletText: str | None = None) -> Paragraph:
        if not self.total_fit:
            if "<img " in markup:
                style = ParagraphStyle(f"{style.name}~drawings", parent=style, autoLeading="max")
                return DrawingParagraph(_soft_hyphenated_markup(markup, self.hyphenator), style, bulletText)
            return Paragraph(_soft_hyphenated_markup(markup, self.hyphenator), style, bulletText)
        # A line holding an inline picture or formula taller than the text gets the room it needs
        # (reportlab's autoLeading), so it never overlaps the lines around it.
        part = "whole, drawings" if "<img " in markup else "whole"
        return TotalFitParagraph(markup, self.style(style, part), bulletText, typesetter=self)

    def style(self, style: ParagraphStyle, part: str) -> ParagraphStyle:
        """`style` for a whole paragraph or its continuation on the next page: every line is
        justified or not by its own `lineBreak` flag (so `justifyLastLine`), and a continuation
        has no first-line indent."""
        key = (id(style), part)
        found = self._styles.get(key)
        if found is None or found[0] is not style:
            extra = {"justifyLastLine": 1}
            if part == "whole, drawings":
                extra["autoLeading"] = "max"
            if part == "tail":
                extra["firstLineIndent"] = 0
            found = self._styles[key] = (style, ParagraphStyle(f"{style.name}~{part}", parent=style, **extra))
        return found[1]


def _soft_hyphenated_markup(markup: str, hyphenator: Hyphenator) -> str:
    """Soft hyphens in the text of Paragraph markup (never inside a tag or an entity)."""
    return re.sub(r"(?<=>)[^<]+|^[^<]+", lambda m: hyphenator.soft_hyphens(m.group()), markup)


def first_line_drop(paragraph: Paragraph) -> float:
    """How far reportlab draws a paragraph's lines too high: with autoLeading it reserves the first
    line's ascent (a tall inline picture's height) above its baseline, but puts that baseline only
    the font size below the paragraph's top (rl_config.paraFontSizeHeightOffset), so a picture
    taller than the text rose over the paragraph before it and left a gap below."""
    lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
    if not paraFontSizeHeightOffset or getattr(paragraph.style, "autoLeading", "") != "max" or not lines:
        return 0.0
    first = lines[0]
    return max(0.0, getattr(first, "ascent", 0.0) - getattr(first, "fontSize", 0.0))


class DrawingParagraph(Paragraph):
    """reportlab's Paragraph holding inline pictures, its lines drawn where `wrap` reserved them."""

    def drawPara(self, debug=0):
        drop = first_line_drop(self)
        self.canv.translate(0, -drop)
        try:
            super().drawPara(debug)
        finally:
            self.canv.translate(0, drop)


class TotalFitParagraph(DrawingParagraph):
    """A reportlab Paragraph whose lines are chosen by total fit, hyphenated."""

    def __init__(self, text, style, bulletText=None, frags=None, typesetter: Typesetter | None = None):
        super().__init__(text, style, bulletText, frags=frags)
        self._typesetter = typesetter or Typesetter("en")
        self._items = None  # (Items, pieces): built on the first wrap, width-independent
        self._fixed = None  # (widths, lines): the lines of a part made by `split`
        self._broken: dict[tuple[float, ...], ParaLines] = {}

    # -- reportlab's hooks ---------------------------------------------------------------
    def breakLines(self, width):
        given = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        widths = _bullet_widths((given[0], given[-1]), self.bulletText, self.style)
        if self._fixed is not None and self._fixed[0] == widths:
            return ParaLines(kind=1, lines=self._fixed[1])
        found = self._broken.get(widths)
        if found is None:
            found = self._broken[widths] = ParaLines(kind=1, lines=self._lines(widths))
        return found

    def split(self, availWidth, availHeight):
        """At most the lines that fit, never one alone at a page's foot or top (unless the
        style allows orphans or widows, or the paragraph is taller than a whole frame); []
        moves the whole paragraph to the next frame."""
        if availWidth <= 1e-6 or availHeight <= 1e-6 or not self.frags:
            return []
        if getattr(self, "width", None) != availWidth or not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        n = len(lines)
        fit = _lines_that_fit(lines, self.style, availHeight)
        if n <= fit:
            return [self]
        kept = min(fit, n - 2) if not self.style.allowWidows else fit
        if kept >= (1 if self.style.allowOrphans else 2):
            fit = kept
        elif fit < 1 or not getattr(getattr(self, "_frame", None), "_atTop", 0):
            return []
        # else: at the top of a fresh frame no split keeps the rules, and waiting for the next frame
        # gains nothing (a paragraph of a few lines taller than a page: pictures in a list item):
        # it fills this frame, as Word breaks it, rather than fail the whole edition
        widths = self._wrapped_widths()
        head = self._part(self.style, self.bulletText, widths, lines[:fit])
        tail = self._part(self._typesetter.style(self.style, "tail"), None, (widths[-1], widths[-1]), lines[fit:])
        return [head, tail]

    # -- the parts a page break makes ----------------------------------------------------
    def _wrapped_widths(self) -> tuple[float, ...]:
        style = self.style
        first = self.width - style.leftIndent - style.firstLineIndent - style.rightIndent
        return _bullet_widths((first, self.width - style.leftIndent - style.rightIndent), self.bulletText, style)

    def _part(self, style, bullet, widths, lines) -> TotalFitParagraph:
        part = TotalFitParagraph(None, style, bullet, frags=self.frags, typesetter=self._typesetter)
        part._fixed = (widths, lines)
        items, pieces = self._items
        start = lines[0].itemStart  # if it is wrapped at another width, it breaks its own words
        part._items = (items.tail(start), pieces[start:]) if start else self._items
        return part

    # -- breaking ------------------------------------------------------------------------
    def _lines(self, widths: tuple[float, ...]) -> list:
        if self._items is None:
            self._items = _paragraph_items(self.frags, self._typesetter)
        items, pieces = self._items
        narrowest = min(widths)
        if any(k == BOX and w > narrowest for k, w in zip(items.kind, items.width)):
            # a piece wider than the line (a narrow table column): it may break between any two
            # characters, as Word breaks it, rather than run over the column's rule. Kept for
            # every later width: the breaks cost so much that only such a piece takes them.
            self._items = items, pieces = _cut_wide_boxes(items, pieces, narrowest)
        ragged = self.style.alignment != TA_JUSTIFY
        for params in PASSES:
            if ragged:
                params = Params(tolerance=params.tolerance, final=params.final, hyphens=params.hyphens, ragged_stretch=RAGGED_STRETCH_EM * self.style.fontSize)
            found = break_lines(items, widths, params)
            if found is not None:
                break
        lines = [_frag_line(items, pieces, line, widths[min(i, len(widths) - 1)], i == len(found) - 1) for i, line in enumerate(found)]
        if getattr(self.style, "autoLeading", "") == "max":
            # reportlab 5.1 reserves max(ascent - descent, leading) for such a line in `wrap` but
            # draws it max(5/6 leading, ascent) + max(1/6 leading, -descent) apart: a line with a
            # deep formula below and none above would overlap what follows. Reporting each line
            # at least that tall makes both the same.
            leading = self.style.leading
            for line in lines:
                line.ascent, line.descent = max(line.ascent, leading * 5 / 6), min(line.descent, -leading / 6)
        return lines


def _lines_that_fit(lines, style, height: float) -> int:
    """How many of the first lines fit in `height`: each `leading` tall, or, with autoLeading,
    as tall as `wrap` counts it (its ascent less its descent, at least the leading)."""
    if getattr(style, "autoLeading", "") != "max":
        return int(height / style.leading + 1e-8)
    used = 0.0
    for n, line in enumerate(lines):
        used += max(line.ascent - line.descent, style.leading)
        if used > height + 1e-8:
            return n
    return len(lines)


@cache
def line_end_hyphen(font: str) -> str:
    """What a hyphenation point draws at a line's end: the soft hyphen U+00AD where the font
    has a glyph for it (it looks like a hyphen, and tells a reader of the PDF's text that the
    word goes on: copied or extracted, the word comes out whole), else `-`."""
    face = getattr(getFont(font), "face", None)
    glyphs = getattr(face, "charToGlyph", None)
    return SOFT_HYPHEN if isinstance(glyphs, dict) and ord(SOFT_HYPHEN) in glyphs else "-"


def _bullet_widths(widths: tuple[float, ...], bullet, style) -> tuple[float, ...]:
    """A bullet wider than the indent takes room from the first line (as reportlab's own
    `_handleBulletWidth` does)."""
    if not bullet or not isinstance(bullet, str):
        return widths
    length = style.bulletIndent + stringWidth(bullet, style.bulletFontName, style.bulletFontSize) + 0.6 * style.bulletFontSize
    indent = style.leftIndent + style.firstLineIndent
    if length > indent:
        return (widths[0] - (length - indent),) + widths[1:]
    return widths


# -- the paragraph as items ------------------------------------------------------------------
def _paragraph_items(frags, typesetter: Typesetter) -> tuple[Items, list]:
    """The frags' text as boxes (pieces of words between break points), glue (spaces) and
    penalties (hyphenation points, breaks after hyphens and in addresses, forced breaks).
    `pieces[i]` is what item i draws: a list of (frag, text) for a box, the frag whose space
    or hyphen it is for glue and penalties."""
    items, pieces = Items.empty(), []
    word: list = []

    def end_word():
        if word:
            _word_items(word, items, pieces, typesetter)
            word.clear()

    for frag in frags:
        if hasattr(frag, "cbDefn"):  # an anchor (`<a name>`), or an inline picture
            word.append((frag, ""))
            continue
        if hasattr(frag, "lineBreak"):  # `<br/>`: end the line here
            end_word()
            items.add(GLUE, 0.0, 1e6)
            pieces.append(None)
            items.add(PENALTY, 0.0, penalty=-INFINITY)
            pieces.append(None)
            continue
        for m in _SPACE.finditer(frag.text):
            text = m.group()
            if text[0] == " ":
                end_word()
                if items.kind and items.kind[-1] == BOX:
                    space = stringWidth(" ", frag.fontName, frag.fontSize)
                    items.add(GLUE, space, space / 2, space / 3)
                    pieces.append(frag)
            else:
                word.append((frag, text))
    end_word()
    while items.kind and items.kind[-1] == GLUE:  # a trailing space
        for seq in (items.kind, items.width, items.stretch, items.shrink, items.penalty, items.flagged, pieces):
            seq.pop()
    # The paragraph's end: \parfillskip (the last line may end anywhere), then a forced break.
    items.add(GLUE, 0.0, 1e6)
    pieces.append(None)
    items.add(PENALTY, 0.0, penalty=-INFINITY)
    pieces.append(None)
    return items, pieces


def _word_items(word: list, items: Items, pieces: list, typesetter: Typesetter) -> None:
    """One word (pieces of text in their frags, no spaces) as boxes and the penalties between them."""
    if len(word) == 1 and word[0][1]:  # one font: the shape is measured once per edition
        frag, text = word[0]
        boxes, breaks = typesetter.word_shape(text, frag.fontName, frag.fontSize)
        if not breaks:
            items.add(BOX, boxes[0][2])
            pieces.append(list(word))
            return
        for i, (a, b, width) in enumerate(boxes):
            if i:
                hyphen, penalty, flagged = breaks[i - 1]
                items.add(PENALTY, hyphen, penalty=penalty, flagged=flagged)
                pieces.append(frag)
            items.add(BOX, width)
            pieces.append([(frag, text[a:b])])
        return
    breaks = _word_breaks("".join(t for _, t in word), typesetter.hyphenator)
    if typesetter.verbatim_fonts:
        breaks = _outside_verbatim(breaks, word, typesetter.verbatim_fonts)
    segment: list = []
    offset = 0  # of the current piece in the word
    todo = iter(breaks)
    cut = next(todo, None)
    for frag, piece in word:
        start = 0
        while cut is not None and cut[0] <= offset + len(piece):
            local = cut[0] - offset
            if local > start:
                segment.append((frag, piece[start:local]))
                start = local
            items.add(BOX, _pieces_width(segment))
            pieces.append(segment)
            segment = []
            _, penalty, hyphen, flagged = cut
            width = stringWidth(line_end_hyphen(frag.fontName), frag.fontName, frag.fontSize) if hyphen else 0.0
            items.add(PENALTY, width, penalty=penalty, flagged=flagged)
            pieces.append(frag)
            cut = next(todo, None)
        if start < len(piece) or not piece:
            segment.append((frag, piece[start:]))
        offset += len(piece)
    items.add(BOX, _pieces_width(segment))
    pieces.append(segment)


def _cut_wide_boxes(items: Items, pieces: list, limit: float) -> tuple[Items, list]:
    """`items` with each box wider than `limit` cut into its characters, a costly break with no
    hyphen between two (TeX would leave the line overfull; a reader loses less this way)."""
    out, out_pieces = Items.empty(), []
    for i, kind in enumerate(items.kind):
        if kind != BOX or items.width[i] <= limit:
            out.add(kind, items.width[i], items.stretch[i], items.shrink[i], items.penalty[i], items.flagged[i])
            out_pieces.append(pieces[i])
            continue
        first = True
        for frag, text in pieces[i]:
            for ch in text or [""]:
                if not first:
                    out.add(PENALTY, 0.0, penalty=URL_CHAR_PENALTY)
                    out_pieces.append(frag)
                first = False
                out.add(BOX, _pieces_width([(frag, ch)]))
                out_pieces.append([(frag, ch)])
    return out, out_pieces


def _outside_verbatim(breaks: list, word: list, fonts: frozenset[str]) -> list:
    """The breaks but the hyphenation points inside the word's pieces in a verbatim font: code
    is never hyphenated (a long path in it still breaks after `/`, `_`, `.`, with no hyphen)."""
    inside: list[tuple[int, int]] = []
    offset = 0
    for frag, piece in word:
        if getattr(frag, "fontName", None) in fonts:
            inside.append((offset, offset + len(piece)))
        offset += len(piece)
    return [b for b in breaks if not b[2] or not any(a < b[0] < z for a, z in inside)]


def _pieces_width(segment: list) -> float:
    total = 0.0
    for frag, text in segment:
        if text:
            total += stringWidth(text, frag.fontName, frag.fontSize)
        elif hasattr(frag, "cbDefn"):
            width = getattr(frag.cbDefn, "width", 0) or 0
            total += width if isinstance(width, (int, float)) else 0
    return total


def _word_breaks(text: str, hyphenator: Hyphenator) -> list[tuple[int, float, bool, bool]]:
    """(offset, penalty, adds a hyphen, flagged) for every place `text` may be broken, in order.
    Flagged (TeX's discretionaries): hyphenation points and breaks after the text's own hyphens."""
    if text.isalpha() and not _CJK.search(text):  # the usual word: its hyphenation points only
        return [(cut, HYPHEN_PENALTY, True, True) for cut in hyphenator.text_positions(text)]
    n = len(text)
    if is_address(text):
        return address_breaks(text)  # an address, a path, a DOI, a long identifier: never hyphenated
    found: dict[int, tuple[float, bool, bool]] = {}
    for cut in hyphenator.text_positions(text):
        found[cut] = (HYPHEN_PENALTY, True, True)
    for m in _EXPLICIT_RE.finditer(text, 1, n - 1):
        found[m.end()] = (EXPLICIT_PENALTY, False, True)
    if _CJK.search(text):
        for i in range(1, n):
            if i not in found and _CJK.match(text[i - 1]) and _CJK.match(text[i]):
                found[i] = (0.0, False, False)
    return sorted((cut, *rest) for cut, rest in found.items())


# -- lines in reportlab's protocol -----------------------------------------------------------
def _frag_line(items: Items, pieces: list, line, max_width: float, last: bool) -> FragLine:
    """One chosen line as reportlab 5.1's `FragLine`: its frags (each a clone of a parsed frag
    with the line's text in it), the room left, and whether the space is stretched."""
    kind, width = items.kind, items.width
    start = line.start
    while start < line.end and kind[start] != BOX:  # what follows a break is dropped
        start += 1
    runs: list[list] = []  # [frag, text] in drawing order, neighbours of one frag merged
    natural = 0.0
    spaces = 0

    def put(frag, text):
        if runs and runs[-1][0] is frag and not hasattr(frag, "cbDefn"):
            runs[-1][1] += text
        else:
            runs.append([frag, text])

    for i in range(start, line.end):
        k = kind[i]
        if k == BOX:
            for frag, text in pieces[i]:
                put(frag, text)
            natural += width[i]
        elif k == GLUE and pieces[i] is not None:  # None: the fill before a forced break
            put(pieces[i], " ")
            natural += width[i]
            spaces += 1
    end = line.end
    if kind[end] == PENALTY and width[end] > 0:  # a hyphenation point: draw the hyphen
        put(pieces[end], line_end_hyphen(pieces[end].fontName))
        natural += width[end]
    words = []
    size = ascent = 0.0
    descent = 0.0
    for frag, text in runs:
        g = frag.clone()
        g.text = text
        words.append(g)
        if not hasattr(frag, "cbDefn"):
            a, d = getAscentDescent(frag.fontName, frag.fontSize)
            size, ascent, descent = max(size, frag.fontSize), max(ascent, a), min(descent, d)
        elif getattr(frag.cbDefn, "kind", None) == "img":  # an inline picture: its box around the baseline
            low, high = imgVRange(frag.cbDefn.height, frag.cbDefn.valign, frag.fontSize)
            ascent, descent = max(ascent, high), min(descent, low)
    forced = kind[end] == PENALTY and items.penalty[end] <= -INFINITY
    # An overfull line (a word longer than the line) keeps its natural spaces and runs into
    # the margin: justified, its spaces would shrink below nothing and the words collide.
    overfull = line.ratio < -1.0 or natural - max_width > sum(items.shrink[i] for i in range(start, line.end) if kind[i] == GLUE)
    return FragLine(
        extraSpace=max_width - natural, wordCount=spaces + 1, lineBreak=forced or last or overfull,
        words=words, fontSize=size, ascent=ascent, descent=descent, maxWidth=max_width,
        itemStart=start,  # ours, not reportlab's: where a page break's continuation starts
    )
