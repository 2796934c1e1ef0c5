"""A manuscript's margin line numbers (a journal submission's or a preprint's `1`, `2`, `3` …
set left of every line): PDFium reads each on its line's baseline, glued before the line's
text (`1 Descriptive norms caused …`), so the title and the text would open with them."""

from __future__ import annotations

import re

from .layout import Page

_NUMBERED = re.compile(r"^(\d{1,4}) ")
MIN_RUN = 5  # this many lines numbered one after another make a margin's numbering, not a list
# With no wide gap seen after the digits (a margin set close to the text: PDFium then finds no
# gap), a run must be a page's worth of lines: no list or table column numbers this many lines
# one after another, line after line (a ruled table's cells are never read as margin numbers).
LONG_RUN = 20


def _number(line) -> tuple[int, bool] | None:
    """The number opening the line, and whether a wide gap on the baseline sets it apart from
    the line's text (a run begins right after it: `breaks`)."""
    m = _NUMBERED.match(line.text)
    if m is None or line.cell is not None:
        return None
    return int(m[1]), any(at in (m.end(), m.end() - 1) for at in line.breaks)


def blank_line_numbers(pages: list[Page]) -> None:
    """Margin line numbers blanked in place, each digit a space (lengths stay: superscript and
    break offsets hold), where at least MIN_RUN lines in reading order are numbered one more
    than the numbered line before them, each set apart by a gap (LONG_RUN lines when not), and
    the numbered lines follow one another line after line; a numbered list (its entries' further
    lines carry no number) or a table's column counts less."""
    numbered = []
    for page in pages:
        text_lines = [line for line in page.lines if not line.furniture]
        numbered += [(line, found, (page.number, k)) for k, line in enumerate(text_lines) if (found := _number(line)) is not None]
    run: list = []
    for line, (n, apart), place in numbered:
        if run and n == run[-1][1] + 1:
            run.append((line, n, apart, place))
        else:
            _blank(run)
            run = [(line, n, apart, place)]
    _blank(run)


# Margin numbering numbers every line: at least this share of a run's neighbours on one page are
# lines next to each other (a formula's or a caption's line may go unnumbered); a list's labels
# stand only on its entries' first lines.
LINE_AFTER_LINE = 0.8


def _blank(run: list) -> None:
    apart = sum(1 for _, _, gap, _ in run if gap)
    if not (apart >= MIN_RUN and apart * 2 >= len(run) or len(run) >= LONG_RUN):
        return
    pairs = [(a[3], b[3]) for a, b in zip(run, run[1:]) if a[3][0] == b[3][0]]
    if not pairs or sum(b[1] - a[1] == 1 for a, b in pairs) < LINE_AFTER_LINE * len(pairs):
        return  # a margin numbers a page's lines one after another; section headings, a page apart each, are no margin
    for line, n, _, _ in run:
        width = len(str(n))
        line.text = " " * width + line.text[width:]
