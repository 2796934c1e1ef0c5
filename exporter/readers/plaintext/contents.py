"""A paper's contents in its plain text (a thesis's `Содержание`, `Contents`), kept out of its body
whatever form the extraction gave its entries: with leaders and page numbers on one line
(`1.2 Методы ....... 12`), or LaTeX's entries as pdftotext prints them without the layout, the
number, the name, the leaders and the page each on a line of its own (`3.1` / `Базовый вариант
. . . .` / `5`). The contents is known by its heading and by its entries' names coming back, in
order, as the headings of the text below it (the PDF reader drops a contents by its leaders,
the Word reader a TOC field's result: pandoc drops the field's too)."""

from __future__ import annotations

import re

from .frontmatter import CONTENTS_HEADING

# An entry's number (`3.1`, `3.1.`, `Глава 2.`, `Chapter 2`, `IV.`), leaders and page number:
# stripped, the entry's name is left (`Базовый вариант`), as its heading in the text prints it.
_NUMBER = re.compile(r"^(?:(?:глава|раздел|chapter|part|бөлім)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s*", re.IGNORECASE)
_LEADERS_AND_PAGE = re.compile(r"(?:\s*(?:\.\s*){2,}|\s*…+)?\s*(?:\d{1,4}|[ivxlc]{1,7})?\s*$")
ENTRY_CHARACTERS = 120  # a contents entry's line at most; a longer one is prose
SEARCH_LINES = 1000  # the contents' heading stands among the first lines (past a cover and an assignment form)
RETURNING = 3  # entries at least whose names come back as the text's headings, in order
RETURNING_SHARE = 0.4  # and that share of the contents' names at least
PROSE_LINES = 3  # lines in a row with no page number and no leaders: text, past the contents
_PAGE_OR_NUMBER = re.compile(r"\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7}|(?:\d{1,2}\.)+\d{0,2}|[A-Z]\.\d{1,2}")
# The first chapter's number alone opening its page, over its name (LaTeX's `1` / `Введение`): the text's.
_FIRST_CHAPTER = re.compile(r"\f?1\.?")
_LEADERS = re.compile(r"(?:\.\s*){4,}(?:\d{1,4}|[ivxlc]{1,7})?\s*$|…{2,}")


def entry_name(line: str) -> str:
    """A contents line's name, case folded, without its number, leaders and page (`3.1 Базовый
    вариант . . . . 5` -> `базовый вариант`); '' for a line of no letters (a page, a number)."""
    text = " ".join(line.split())
    text = _LEADERS_AND_PAGE.sub("", _NUMBER.sub("", text)).strip(" .")
    return text.casefold() if sum(ch.isalpha() for ch in text) >= 3 else ""


def contents_lines(lines: list[str], furniture: frozenset[int] = frozenset(), start: int = 0) -> set[int]:
    """The lines of the contents under its heading (the heading with them), from `start` on: the
    run of its entries' lines (`_run`), when at least RETURNING of its entries' names
    (RETURNING_SHARE of them) come back below as headings of the text, in the contents' order
    (`Abstract` listed first may stand above the contents); an empty set where there is no such contents. `furniture` (running
    heads, page numbers) is neither entry nor text."""
    end = min(len(lines), start + SEARCH_LINES)
    for h in range(start, end):
        if CONTENTS_HEADING.match(" ".join(lines[h].split())):
            found = _contents_under(lines, furniture, h)
            if found:
                return found
    return set()


def _contents_under(lines: list[str], furniture: frozenset[int], h: int) -> set[int]:
    last = _run(lines, furniture, h)
    names = [name for j in range(h + 1, last + 1) if j not in furniture and (name := entry_name(lines[j]))]
    if not names:
        return set()
    headings = [_bare(lines[j]) for j in range(last + 1, len(lines)) if j not in furniture and 0 < len(lines[j].strip()) <= ENTRY_CHARACTERS]
    returned, at = 0, 0
    for name in names:  # the entries whose names come back below, in the contents' order
        if name in headings[at:]:
            at = headings.index(name, at) + 1
            returned += 1
    return set(range(h, last + 1)) if returned >= RETURNING and returned >= RETURNING_SHARE * len(names) else set()


def _run(lines: list[str], furniture: frozenset[int], h: int) -> int:
    """The last line of the contents' entries under heading `h`: the walk stops at a line longer
    than an entry's, at an entry's name printed again with no leaders or page (the text's first
    heading), or at PROSE_LINES lines in a row that are no entry's (a page number, an
    entry's number alone, leaders), and the contents ends at the last entry's line before it (an
    acknowledgement or an abstract printed after the contents page is text)."""
    last, before, previous, plain, seen = h, h, h, 0, set()
    for j in range(h + 1, min(len(lines), h + SEARCH_LINES)):
        text = " ".join(lines[j].split())
        if not text or j in furniture:
            continue
        if len(_LEADERS.sub(" …", text)) > ENTRY_CHARACTERS:  # an entry's leaders may be any length
            break
        if (bare := _bare(text)) and bare in seen:  # an entry's name printed again: the text's heading (`Введение` under `1. Введение ....... 3`)
            return before if last == previous and _FIRST_CHAPTER.fullmatch(lines[last].strip(" ")) else last
        seen.add(entry_name(text) or None)
        previous = j
        if _PAGE_OR_NUMBER.fullmatch(text) or _LEADERS.search(text) or _NUMBER.match(text) and text[:1].isdigit():  # `2 IMU Cluster`: a numbered entry with no page
            last, before, plain = j, last, 0
        else:
            plain += 1
            if plain >= PROSE_LINES:
                break
    return last


def _bare(line: str) -> str:
    """A heading's name as printed, with no leaders or page number after its words ('' for a
    line with them: the contents' own entry)."""
    text = " ".join(line.split())
    return "" if _LEADERS.search(text) or re.search(r"\s\d{1,4}$", text) else entry_name(text)
