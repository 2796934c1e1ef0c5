"""A paper's contents in a PDF (a thesis's `ОГЛАВЛЕНИЕ`, `Contents`), kept out of its body: the
lines of its entries with their leaders and page numbers (`1.2 Характерные типы разрушения МПТ
...... 12`), an entry broken over two lines, and its heading. The editions print their own
contents where a venue asks for them, never the source's pages (the Word reader drops a typed
contents list and a TOC field's result the same way; pandoc drops the field's)."""

from __future__ import annotations

import re

from ..plaintext.frontmatter import CONTENTS_HEADING, CONTENTS_LINE
from .layout import Line

# An entry's leaders run to the line's end, its page number on the next line (`… особенности
# эксплуатации ........` / `9`), or after them.
_LEADERS_OPEN = re.compile(r"(?:\.\s*){5,}$|…{2,}$")
_PAGE = re.compile(r"(\d{1,4})\s*$")
ENTRIES = 3  # entries with leaders and a page number at least, their pages going up


def without_contents(lines: list[Line], rows: list[int]) -> list[int]:
    """`rows` (indexes of body lines, in reading order) without the contents' lines: a run of
    ENTRIES lines or more ending in leaders and a page number, the pages never going down, with
    the lines of an entry broken before its leaders (the line right above a leaders' line, the
    run open) and the contents' heading right above the run."""
    texts = [" ".join(lines[i].text.split()) for i in rows]
    dropped: set[int] = set()
    k = 0
    while k < len(texts):
        run = _run(texts, k)
        pages = [int(m[1]) for j in run if CONTENTS_LINE.search(texts[j]) and (m := _PAGE.search(texts[j]))]
        if len(pages) >= ENTRIES and all(a <= b for a, b in zip(pages, pages[1:])) and pages[-1] > pages[0]:
            dropped.update(run)
            if run[0] > 0 and CONTENTS_HEADING.match(texts[run[0] - 1]):
                dropped.add(run[0] - 1)
            k = run[-1] + 1
        else:
            k += 1
    return [i for k, i in enumerate(rows) if k not in dropped]


def _run(texts: list[str], k: int) -> list[int]:
    """The contents lines from `k` on: leaders' lines, a page number alone after leaders open,
    a line going on into the leaders' line under it, blank lines between them, and, the run
    open, a chapter's line with its page and no leaders (LaTeX's `6 Riemannian Manifolds 17`)
    over more of them."""
    run: list[int] = []
    while k < len(texts):
        text = texts[k]
        below = next((t for t in texts[k + 1 :] if t), "")
        leaders = CONTENTS_LINE.search(text) or _LEADERS_OPEN.search(text)
        number_after_open = bool(run) and _LEADERS_OPEN.search(texts[run[-1]]) and re.fullmatch(r"\d{1,4}", text)
        below_is_entry = bool(CONTENTS_LINE.search(below) or _LEADERS_OPEN.search(below) or run and _CHAPTER.match(below))
        broken = len(text) <= 120 and below_is_entry and (bool(run) or k == 0 or not texts[k - 1] or CONTENTS_HEADING.match(texts[k - 1]))
        chapter = bool(run) and _CHAPTER.match(text) is not None and (below_is_entry or not below)
        if not (leaders or number_after_open or broken or chapter or run and not text and below_is_entry):
            break
        run.append(k)
        k += 1
    return run


# A chapter's line in LaTeX's contents: its number, its name, its page, no leaders.
_CHAPTER = re.compile(r"^(?:\d{1,2}|[A-Z])\.?\s+\S.{1,100}?\s(\d{1,4})$")
