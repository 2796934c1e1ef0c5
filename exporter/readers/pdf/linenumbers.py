"""A manuscript's margin line numbers (a journal submission's or a preprint's `1`, `2`, `3` …
set left of every line): PDFium reads each on its line's baseline, glued before the line's
text (`1 Descriptive norms caused …`), so the title and the text would open with them."""

from __future__ import annotations

import re

from .layout import Page

_NUMBERED = re.compile(r"^(\d{1,4}) ")
MIN_RUN = 5  # this many lines numbered one after another make a margin's numbering, not a list


def _number(line) -> int | None:
    """The line's margin number: digits opening it, set apart from its text by a wide gap on
    the baseline (a run begins right after them: `breaks`)."""
    m = _NUMBERED.match(line.text)
    if m is None or not any(at in (m.end(), m.end() - 1) for at in line.breaks):
        return None
    return int(m[1])


def blank_line_numbers(pages: list[Page]) -> None:
    """Margin line numbers blanked in place, each digit a space (lengths stay: superscript and
    break offsets hold), where at least MIN_RUN lines in reading order are numbered one more
    than the numbered line before them; a numbered list or a table's column counts less."""
    numbered = [(line, n) for page in pages for line in page.lines if (n := _number(line)) is not None]
    run: list = []
    for line, n in numbered:
        if run and n == run[-1][1] + 1:
            run.append((line, n))
        else:
            _blank(run)
            run = [(line, n)]
    _blank(run)


def _blank(run: list) -> None:
    if len(run) < MIN_RUN:
        return
    for line, n in run:
        width = len(str(n))
        line.text = " " * width + line.text[width:]
